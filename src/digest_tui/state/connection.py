"""Opening the state database with durable settings, and running one change as a transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from digest_tui.state.errors import StateBusyError, StateError
from digest_tui.state.schema import rollback_quietly

DEFAULT_BUSY_TIMEOUT = 5.0
"""Seconds to wait for another process's lock before giving up with `StateBusyError`."""

_BUSY_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})


def connect(
    db_file: Path | str, busy_timeout: float = DEFAULT_BUSY_TIMEOUT, uri: bool = False
) -> sqlite3.Connection:
    """Open `db_file` in autocommit mode with full fsync on commit and a busy timeout.

    Autocommit (`isolation_level=None`) leaves transactions to us: every change is an
    explicit `BEGIN IMMEDIATE ... COMMIT`, so nothing is ever left uncommitted in memory.
    Nothing is written to the file yet: see `enable_wal`.
    """
    conn = sqlite3.connect(
        str(db_file), timeout=busy_timeout, isolation_level=None, check_same_thread=False, uri=uri
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        # FULL also fsyncs the WAL on every commit, so a power cut keeps committed changes;
        # a killed process keeps them with any setting.
        conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
    return conn


def enable_wal(conn: sqlite3.Connection) -> None:
    """Switch the database to WAL mode (persistent: it is recorded in the file)."""
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() not in ("wal", "memory"):
        raise StateError(f"state database refused WAL mode (got {mode!r})")


def is_busy(error: sqlite3.Error) -> bool:
    """True when `error` means another connection holds the lock (not a broken file)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _BUSY_CODES
    return "locked" in str(error) or "busy" in str(error)


def as_state_error(error: sqlite3.Error, doing: str) -> StateError:
    """Turn a sqlite3 error into the store's own exception, naming what was being done."""
    if is_busy(error):
        return StateBusyError(f"reader state is locked by another process while {doing}")
    return StateError(f"reader state failed while {doing}: {error}")


@contextmanager
def immediate_transaction(conn: sqlite3.Connection, doing: str) -> Iterator[sqlite3.Connection]:
    """Run the block as one `BEGIN IMMEDIATE ... COMMIT`; roll back and raise on failure.

    IMMEDIATE takes the write lock up front (waiting up to the busy timeout), so a
    read-then-write such as a toggle sees the latest committed value of every process.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise as_state_error(error, doing) from error
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as error:
        rollback_quietly(conn)
        raise as_state_error(error, doing) from error
    except BaseException:
        rollback_quietly(conn)
        raise
