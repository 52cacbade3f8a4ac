"""Two processes changing the same state at once: every committed change survives."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

from state_processes import Change, reported_lines, start_writer, wait_until_ready

from digest_tui.state import StateStore

CHANGES_EACH = 1500


def _run_together(tmp_path: Path, db_file: Path, prefixes: tuple[str, str], mode: str) -> list:
    """Run two writers that start changing at the same moment; return each one's report."""
    StateStore.open(db_file).close()  # both find an existing store, as a second window would
    go = tmp_path / "go"
    logs = [tmp_path / f"writer-{number}.log" for number in (1, 2)]
    writers = [
        start_writer(
            db_file,
            log,
            seed=seed,
            prefix=prefix,
            keys=6,
            changes=CHANGES_EACH,
            mode=mode,
            go_file=go,
        )
        for seed, (prefix, log) in enumerate(zip(prefixes, logs, strict=True))
    ]
    try:
        for writer, log in zip(writers, logs, strict=True):
            wait_until_ready(writer, log)
        go.touch()
        for writer in writers:
            assert writer.wait(timeout=60) == 0, "a writer crashed (a locked database?)"
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
    return [reported_lines(log) for log in logs]


def _stored(store: StateStore, change: Change) -> int:
    kind, key = change
    return int(store.is_read(key) if kind == "read" else store.is_starred(key))


def test_two_writers_on_distinct_keys_lose_nothing(tmp_path: Path, db_file: Path) -> None:
    reports = _run_together(tmp_path, db_file, ("a", "b"), "mixed")
    expected: dict[Change, int] = {}
    for lines in reports:
        done = [line for line in lines if line[0] == "done"]
        assert len(done) == CHANGES_EACH
        for _, kind, key, value in done:
            expected[(kind, key)] = int(value)
    with StateStore.open(db_file) as store:
        assert {change: _stored(store, change) for change in expected} == expected
        assert {key[0] for key in store.read_paths() | store.starred_paths()} <= {"a", "b"}


def test_two_writers_toggling_the_same_keys_lose_no_toggle(tmp_path: Path, db_file: Path) -> None:
    reports = _run_together(tmp_path, db_file, ("s", "s"), "toggle")
    toggles: Counter[Change] = Counter()
    for lines in reports:
        assert len(lines) == CHANGES_EACH
        toggles.update((kind, key) for _, kind, key, _ in lines)
    # Starting from "off", a key toggled an odd number of times in all is "on": a toggle
    # computed from a stale copy, or a lost write, would break this for some key.
    with StateStore.open(db_file) as store:
        assert {change: _stored(store, change) for change in toggles} == {
            change: count % 2 for change, count in toggles.items()
        }
    conn = sqlite3.connect(db_file)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
