"""Rows 1-3: the raw-read floor, cold indexing (the quick list, then the full metadata index
and the full-text build, both in the background), the command line's cold list, and warm
start."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from benchmarks.context import Context, fresh_cache, reset
from benchmarks.results import Row, guarded
from benchmarks.timing import Stats, probe_env, run_probe, summarize, wall_time
from digest_tui.paths import folder_key

COLD_TARGET = "<= 2x floor"
WARM_TARGET = "< 0.5 s"
CLI_WARM_TARGET = "<= 2 s"
MEMORY_TARGET = "<= 1 GB"


def _floor_runs(context: Context) -> list[dict]:
    """Timed reads after one untimed read: every row after this one reads the files from
    the page cache, so the floor does too (a first read of a freshly generated 1m corpus
    from disk took 104 s against 13 s from memory)."""
    env = probe_env(context.warm_cache)
    run_probe("read_floor", [str(context.folder)], env)
    return [run_probe("read_floor", [str(context.folder)], env) for _ in range(context.repeat)]


def _cold_runs(context: Context) -> list[dict]:
    """Cold index runs; the first fills the warm cache that later rows reuse."""
    env = probe_env(reset(context.warm_cache))
    runs = [run_probe("cold_index", [str(context.folder)], env)]
    for _ in range(context.repeat - 1):
        with fresh_cache() as cache:
            runs.append(run_probe("cold_index", [str(context.folder)], probe_env(cache)))
    return runs


def _background_row(
    name: str, label: str, seconds: list[float], floor: Stats, note: str = ""
) -> Row:
    """A reported-only row of work that finishes after the list is on screen."""
    return Row(
        name,
        label,
        "s",
        summarize(seconds),
        baseline="raw-read floor",
        baseline_stats=floor,
        target="reported only",
        note=note,
    )


def measure_cold(context: Context) -> list[Row]:
    """Floor, cold index to a searchable list, and the background metadata and full-text builds."""
    floor_runs = _floor_runs(context)
    floor = summarize([run["seconds"] for run in floor_runs])
    floor_row = Row("raw-read floor", context.label, "s", floor, note="walk + read bytes")
    runs = _cold_runs(context)
    cold = summarize([run["list_ready"] for run in runs])
    note = runs[0]["note"] or f"{runs[0]['articles']} articles, {runs[0]['problems']} problems"
    cold_row = Row(
        "cold index -> list searchable",
        context.label,
        "s",
        cold,
        baseline="raw-read floor",
        baseline_stats=floor,
        target=COLD_TARGET,
        note=note,
    )
    cold_row.passed = cold_row.ratio is not None and cold_row.ratio <= 2.0
    stored = f"{runs[0]['articles']} articles stored; the list showed {runs[0]['listed']}"
    metadata = _background_row(
        "full metadata index (background)",
        context.label,
        [run["metadata"] for run in runs],
        floor,
        stored,
    )
    fulltext = _background_row(
        "full-text build (background)", context.label, [run["fulltext"] for run in runs], floor
    )
    size = _cache_size_row(context, floor_runs[0]["bytes"])
    return [floor_row, cold_row, metadata, fulltext, size, measure_cli_cold_list(context, floor)]


def _cache_size_row(context: Context, corpus_bytes: int) -> Row:
    """The size of the cache the first cold run left (metadata, snapshot and full text)."""
    megabytes = 1024 * 1024
    stored = sum(path.stat().st_size for path in context.warm_cache.glob("*.sqlite3*"))
    row = Row(
        "cache file size",
        context.label,
        "MB",
        summarize([stored / megabytes]),
        baseline="the Markdown files",
        baseline_stats=summarize([corpus_bytes / megabytes]),
        target="reported only",
        note="the SQLite file with its write-ahead log, full text included",
    )
    return row


def _wait_for_background_index(cache: Path, folder: Path) -> None:
    """Wait until the index a cold CLI run left to the background is done (it would slow
    the next measurement), by the lock that background process holds."""
    try:
        import fcntl
    except ImportError:
        return
    with open(cache / f"{folder_key(folder)}.sqlite3.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)


def measure_cli_cold_list(context: Context, floor: Stats) -> Row:
    """`digest-tui list --limit 1 --json` on an empty cache, timed from outside."""
    seconds = []
    command = [sys.executable, "-m", "digest_tui", "list", str(context.folder)]
    for _ in range(context.repeat):
        with fresh_cache() as cache:
            seconds.append(wall_time([*command, "--limit", "1", "--json"], env=probe_env(cache)))
            _wait_for_background_index(cache, context.folder)
    row = Row(
        "CLI cold list --limit 1 --json",
        context.label,
        "s",
        summarize(seconds),
        baseline="raw-read floor",
        baseline_stats=floor,
        target=COLD_TARGET,
        note="wall time, interpreter start included; the preview answers above 2,000 files",
    )
    row.passed = row.ratio is not None and row.ratio <= 2.0
    return row


def measure_cli_warm_list(context: Context) -> list[Row]:
    """`digest-tui list --limit 1` on the warm cache: wall time and peak memory."""
    seconds, peak = _cli_list_runs(context, before_each=lambda: None)
    return [
        Row(
            "CLI warm list --limit 1",
            context.label,
            "s",
            seconds,
            target=CLI_WARM_TARGET,
            passed=seconds.median <= 2.0,
            note="wall time, interpreter start and the changed-file check included",
        ),
        _peak_row("peak memory: CLI warm list", context, peak),
    ]


def measure_cli_after_one_change(context: Context) -> list[Row]:
    """`digest-tui list --limit 1` after one file's time moved on (as a cron job runs after
    a new post): the command reads that file again and brings the warm-start copy up to
    date. The file's text stays as generated."""
    touched = next(context.folder.rglob("*.md"))

    def touch() -> None:
        later = touched.stat().st_mtime_ns + 1_000_000_000
        os.utime(touched, ns=(later, later))

    seconds, peak = _cli_list_runs(context, before_each=touch)
    return [
        Row(
            "CLI list after one file changed",
            context.label,
            "s",
            seconds,
            target="reported only",
            note="the changed-file check, one parse and the warm-start copy brought up to date",
        ),
        _peak_row("peak memory: CLI list after a change", context, peak),
    ]


def _cli_list_runs(context: Context, before_each: Callable[[], None]) -> tuple[Stats, Stats]:
    """The wall time and peak memory of `list --limit 1` runs on the warm cache."""
    command = [sys.executable, "-m", "digest_tui", "list", str(context.folder), "--limit", "1"]
    env = probe_env(context.warm_cache)
    runs = []
    for _ in range(context.repeat):
        before_each()
        runs.append(run_probe("cli_run", command, env))
    return summarize([run["seconds"] for run in runs]), summarize([run["peak_mb"] for run in runs])


def _peak_row(name: str, context: Context, peak: Stats) -> Row:
    return Row(
        name,
        context.label,
        "MB",
        peak,
        target=MEMORY_TARGET,
        passed=peak.max <= 1024,
        note="resident set of the command's process",
    )


def measure_warm(context: Context) -> list[Row]:
    """Warm start to a searchable list, and the changed-file check that follows it."""
    env = probe_env(context.warm_cache)
    runs = [run_probe("warm_start", [str(context.folder)], env) for _ in range(context.repeat)]
    ready = summarize([run["ready"] for run in runs])
    warm = Row(
        "warm start -> list searchable",
        context.label,
        "s",
        ready,
        target=WARM_TARGET,
        passed=ready.median < 0.5,
        note=runs[0]["note"] or f"{runs[0]['articles']} articles from cache",
    )
    check = Row(
        "changed-file check (background)",
        context.label,
        "s",
        summarize([run["check"] for run in runs]),
        target="reported only",
        note=f"parsed {runs[0]['parsed']} files (expect 0)",
    )
    return [warm, check]


def measure(context: Context) -> list[Row]:
    """Every row of this group; a failing part becomes a 'not measured' row."""
    rows = guarded(
        "cold index -> list searchable", context.label, COLD_TARGET, lambda: measure_cold(context)
    )
    rows += guarded(
        "warm start -> list searchable", context.label, WARM_TARGET, lambda: measure_warm(context)
    )
    rows += guarded(
        "CLI warm list --limit 1",
        context.label,
        CLI_WARM_TARGET,
        lambda: measure_cli_warm_list(context),
    )
    rows += guarded(
        "CLI list after one file changed",
        context.label,
        "reported only",
        lambda: measure_cli_after_one_change(context),
    )
    return rows
