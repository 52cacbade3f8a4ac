"""A writer killed with SIGKILL at random moments loses at most the change in flight."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest
from state_processes import Change, reported_lines, start_writer, wait_until_ready

from digest_tui.state import StateStore

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only")

# Seconds between the writer opening the store and the kill; None kills it during startup.
KILL_DELAYS = (None, 0.0, 0.01, 0.03, 0.07, 0.12, 0.2, 0.3, 0.45, 0.6)


def _stored(store: StateStore, change: Change) -> int:
    kind, key = change
    return int(store.is_read(key) if kind == "read" else store.is_starred(key))


def _integrity(db_file: Path) -> str:
    conn = sqlite3.connect(db_file)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _apply_report(lines: list[list[str]], expected: dict[Change, int]) -> tuple[Change, int] | None:
    """Fold committed changes into `expected`; return the change in flight, if any."""
    in_flight: tuple[Change, int] | None = None
    for event, kind, key, value in lines:
        if event == "intent":
            in_flight = ((kind, key), int(value))
        else:
            expected[(kind, key)] = int(value)
            in_flight = None
    return in_flight


def _kill_round(
    tmp_path: Path, db_file: Path, round_no: int, delay: float | None
) -> list[list[str]]:
    log = tmp_path / f"writer-{round_no}.log"
    writer = start_writer(db_file, log, seed=round_no, prefix="k", keys=16, changes=0, mode="mixed")
    if delay is None:
        time.sleep(random.uniform(0.0, 0.15))
    else:
        wait_until_ready(writer, log)
        time.sleep(delay)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    return reported_lines(log)


def test_killed_writer_never_loses_a_committed_change(tmp_path: Path, db_file: Path) -> None:
    expected: dict[Change, int] = {}
    total_changes = 0
    for round_no, delay in enumerate(KILL_DELAYS):
        lines = _kill_round(tmp_path, db_file, round_no, delay)
        total_changes += sum(1 for line in lines if line[0] == "done")
        in_flight = _apply_report(lines, expected)
        if not db_file.exists():
            continue  # killed before the store was even created
        assert _integrity(db_file) == "ok", f"round {round_no}"
        with StateStore.open(db_file) as store:
            assert store.recovered_from is None, f"round {round_no}: {store.recovery_reason}"
            for change, value in expected.items():
                if in_flight is not None and change == in_flight[0]:
                    assert _stored(store, change) in (value, in_flight[1]), change
                else:
                    assert _stored(store, change) == value, (round_no, change)
            if in_flight is not None:
                # Whatever became of the change in flight is the truth for the next round.
                expected[in_flight[0]] = _stored(store, in_flight[0])
    assert total_changes > 100, "the writer should have committed changes before the kills"
