"""Row 9: launch to first frame, the reader beside an empty Textual app, runs alternating."""

from __future__ import annotations

import subprocess
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
    seconds = run_probe("first_frame", args, env, timeout=180)["seconds"]
    if seconds != seconds:  # NaN: the probe gave up at its deadline
        raise RuntimeError(f"no {until} within the probe's deadline")
    return seconds


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


def measure_first_frame(context: Context, warm: bool) -> list[Row]:
    """First frame of the reader beside an empty app, with a warm or an empty cache."""
    empty, reader = _side_by_side(context, warm)
    name = f"launch -> first frame ({'warm' if warm else 'empty'} cache)"
    return [_row(name, context, scaled(summarize(reader), 1000), scaled(summarize(empty), 1000))]


def measure_listed(context: Context) -> list[Row]:
    """Launch to the cached list on screen, beside an empty app's first frame."""
    runs = max(3, context.repeat)
    with fresh_cache() as scratch:
        env = probe_env(context.warm_cache, data_dir=scratch / "data")
        empty = [_launch(env, None) for _ in range(runs)]
        listed = [_launch(env, context.folder, "list") for _ in range(runs)]
    row = Row(
        "launch -> list on screen (warm)",
        context.label,
        "ms",
        scaled(summarize(listed), 1000),
        baseline="empty Textual app",
        baseline_stats=scaled(summarize(empty), 1000),
        target="reported only",
        note=f"python {sys.version.split()[0]}; whole process from spawn",
    )
    return [row]


def _byte_compiled(context: Context) -> None:
    """Compile the reader's modules to bytecode before the launches are timed, as a package
    install does (and as Python does on a user's first launch). Textual comes compiled with
    its install; with PYTHONDONTWRITEBYTECODE set (some shells and containers set it) the
    reader's own modules would otherwise be compiled again on every launch."""
    compile_package = (
        "import compileall, os, digest_tui; "
        "compileall.compile_dir(os.path.dirname(digest_tui.__file__), quiet=1)"
    )
    subprocess.run(
        [sys.executable, "-c", compile_package], env=probe_env(context.warm_cache), check=True
    )


def measure(context: Context) -> list[Row]:
    """This group's rows; a failure becomes a 'not measured' row."""
    _byte_compiled(context)
    rows = []
    for warm in (True, False):
        name = f"launch -> first frame ({'warm' if warm else 'empty'} cache)"
        rows += guarded(name, context.label, TARGET, lambda w=warm: measure_first_frame(context, w))
    rows += guarded(
        "launch -> list on screen (warm)",
        context.label,
        "reported only",
        lambda: measure_listed(context),
    )
    return rows
