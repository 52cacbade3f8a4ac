"""Row 9: launch to first frame, the reader beside an empty Textual app, runs alternating."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from benchmarks.context import Context, fresh_cache
from benchmarks.results import Row, guarded, scaled
from benchmarks.timing import Stats, probe_env, run_probe, summarize

TARGET = "<= 1.5x empty app"


def _launch(env: dict[str, str], folder: Path | None, until: str = "frame") -> float:
    args = ["--spawned", repr(time.time()), "--until", until]
    if folder is not None:
        args += ["--folder", str(folder)]
    return run_probe("first_frame", args, env)["seconds"]


def _side_by_side(context: Context, warm: bool) -> tuple[list[float], list[float]]:
    empty, reader = [], []
    for _ in range(max(5, context.repeat)):
        with fresh_cache() as scratch:
            cache = context.warm_cache if warm else scratch
            env = probe_env(cache, data_dir=scratch / "data")
            empty.append(_launch(env, None))
            reader.append(_launch(env, context.folder))
    return empty, reader


def _row(name: str, context: Context, reader: Stats, empty: Stats) -> Row:
    row = Row(
        name,
        context.label,
        "ms",
        reader,
        baseline="empty Textual app",
        baseline_stats=empty,
        target=TARGET,
    )
    row.passed = row.ratio is not None and row.ratio <= 1.5
    return row


def measure_launch(context: Context) -> list[Row]:
    """First frame with a warm and an empty cache, and the warm list on screen."""
    rows = []
    for warm, label in ((True, "warm cache"), (False, "empty cache")):
        empty, reader = _side_by_side(context, warm)
        rows.append(
            _row(
                f"launch -> first frame ({label})",
                context,
                scaled(summarize(reader), 1000),
                scaled(summarize(empty), 1000),
            )
        )
    empty_stats = rows[0].baseline_stats
    with fresh_cache() as scratch:
        env = probe_env(context.warm_cache, data_dir=scratch / "data")
        listed = [_launch(env, context.folder, "list") for _ in range(max(3, context.repeat))]
    rows.append(
        Row(
            "launch -> list on screen (warm)",
            context.label,
            "ms",
            scaled(summarize(listed), 1000),
            baseline="empty Textual app",
            baseline_stats=empty_stats,
            target="reported only",
            note=f"python {sys.version.split()[0]}; whole process from spawn",
        )
    )
    return rows


def measure(context: Context) -> list[Row]:
    """This group's rows; a failure becomes a 'not measured' row."""
    return guarded("launch -> first frame", context.label, TARGET, lambda: measure_launch(context))
