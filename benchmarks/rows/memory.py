"""Row 10: peak resident memory of the reader, and of the core layers alone (reported).

Up to 100k posts the reader's target is 300 MB; at a million, 1 GB at every run.
"""

from __future__ import annotations

from benchmarks.context import Context
from benchmarks.results import Row, guarded
from benchmarks.timing import probe_env, run_probe, summarize

TARGET = "< 300 MB"
MILLION_TARGET = "<= 1 GB"
"""The reader's target at a million posts (the scale issue's); 300 MB holds up to 100k."""
READER = "peak memory (reader, warm start + search + reading)"
CORE = "peak memory (core: warm start + search data + queries)"


def measure_reader(context: Context) -> list[Row]:
    """Peak RSS of the real app over `repeat` fresh processes: the target row."""
    env = probe_env(context.warm_cache)
    runs = [run_probe("memory_reader", [str(context.folder)], env) for _ in range(context.repeat)]
    peak = summarize([run["peak_mb"] for run in runs])
    if context.count >= 1_000_000:
        return [
            Row(READER, context.label, "MB", peak, target=MILLION_TARGET, passed=peak.max <= 1024)
        ]
    return [
        Row(READER, context.label, "MB", peak, target=TARGET, passed=peak.median < 300),
    ]


def measure_core(context: Context) -> list[Row]:
    """Peak RSS of the index and search layers without the app (reported only)."""
    env = probe_env(context.warm_cache)
    runs = [run_probe("memory", [str(context.folder)], env) for _ in range(context.repeat)]
    peak = summarize([run["peak_mb"] for run in runs])
    return [Row(CORE, context.label, "MB", peak, note=runs[0]["note"])]


def measure(context: Context) -> list[Row]:
    """This group's rows; a failure becomes a 'not measured' row."""
    reader = guarded(READER, context.label, TARGET, lambda: measure_reader(context))
    return reader + guarded(CORE, context.label, "", lambda: measure_core(context))
