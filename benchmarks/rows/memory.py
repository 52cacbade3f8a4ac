"""Row 10: peak resident memory of a warm start with a fuzzy and a full-text query."""

from __future__ import annotations

from benchmarks.context import Context
from benchmarks.results import Row, guarded
from benchmarks.timing import probe_env, run_probe, summarize

TARGET = "< 300 MB"


def measure_peak(context: Context) -> list[Row]:
    """Peak RSS over `repeat` fresh processes."""
    env = probe_env(context.warm_cache)
    runs = [run_probe("memory", [str(context.folder)], env) for _ in range(context.repeat)]
    peak = summarize([run["peak_mb"] for run in runs])
    return [
        Row(
            "peak memory (warm start + queries)",
            context.label,
            "MB",
            peak,
            target=TARGET,
            passed=peak.median < 300,
            note=runs[0]["note"],
        )
    ]


def measure(context: Context) -> list[Row]:
    """This group's row; a failure becomes a 'not measured' row."""
    return guarded(
        "peak memory (warm start + queries)", context.label, TARGET, lambda: measure_peak(context)
    )
