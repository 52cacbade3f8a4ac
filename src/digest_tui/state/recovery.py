"""Open the state file, and move an unreadable one aside (never empty it) to start afresh."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from digest_tui.state.connection import connect, enable_wal, is_busy
from digest_tui.state.errors import StateBusyError, StateError
from digest_tui.state.integrity import needs_check
from digest_tui.state.read_only import StateReadOnlyError, folder_is_read_only
from digest_tui.state.schema import (
    SchemaMismatchError,
    SchemaTooNewError,
    check_compatible,
    migrate,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")

# Errors that say nothing about the file itself: moving it aside would not help.
_TRANSIENT_CODES = frozenset({sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_NOMEM})


@dataclass(frozen=True, slots=True)
class OpenedDatabase:
    """A healthy connection, and where the previous file went if it had to be moved aside."""

    conn: sqlite3.Connection
    recovered_from: Path | None = None
    """The new name of the unreadable file that was moved aside, if any."""
    reason: str | None = None
    """Why it was moved aside, for the notice."""


def open_healthy(db_file: Path, busy_timeout: float) -> OpenedDatabase:
    """Open (creating if needed) the state database at `db_file`, checked and migrated.

    A file that is not SQLite, fails `PRAGMA quick_check` (skipped for a file unchanged since
    it was closed cleanly: see `integrity`), lacks our tables or was written
    by a newer schema is renamed to `<name>.corrupt-<timestamp>` (with its WAL beside it)
    and a fresh database is started. A lock held by another process raises
    `StateBusyError`; a folder or file that may not be written `StateReadOnlyError` (it is
    not moved aside); a full disk or an unusable folder raises `StateError`.
    """
    try:
        db_file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StateError(f"cannot create the state folder {db_file.parent}: {error}") from error
    if folder_is_read_only(db_file):
        raise StateReadOnlyError(f"the data folder {db_file.parent} cannot be written")
    reason = _unreadable_reason(db_file)
    if reason is None:
        conn, reason = _try_open(db_file, busy_timeout)
        if conn is not None:
            return OpenedDatabase(conn)
    if not db_file.exists():
        raise StateError(f"cannot create the state file {db_file}: {reason}")
    aside = move_aside(db_file)
    conn, fresh_problem = _try_open(db_file, busy_timeout)
    if conn is None:
        raise StateError(f"cannot start a fresh state file at {db_file}: {fresh_problem}")
    return OpenedDatabase(conn, recovered_from=aside, reason=reason)


def _unreadable_reason(db_file: Path) -> str | None:
    """Why the file cannot be a state database judging by its first bytes, or None."""
    try:
        with db_file.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"the state file cannot be read: {error.strerror or error}"
    # An empty file is a valid empty database; SQLite initialises it.
    if header and header != SQLITE_MAGIC:
        return "the state file is not an SQLite database"
    return None


def _try_open(db_file: Path, busy_timeout: float) -> tuple[sqlite3.Connection | None, str]:
    """A checked, migrated connection, or None and the reason the file is unusable."""
    conn: sqlite3.Connection | None = None
    try:
        checked = needs_check(db_file)
        conn = connect(db_file, busy_timeout)
        verdict = conn.execute("PRAGMA quick_check").fetchone()[0] if checked else "ok"
        if verdict != "ok":
            conn.close()
            return None, f"the state file is damaged ({verdict})"
        check_compatible(conn)  # before anything is written to a file that may not be ours
        enable_wal(conn)
        migrate(conn)
        return conn, ""
    except (SchemaTooNewError, SchemaMismatchError) as error:
        _close(conn)
        return None, str(error)
    except sqlite3.Error as error:
        _close(conn)
        if is_busy(error):
            raise StateBusyError("reader state is locked by another process") from error
        if (getattr(error, "sqlite_errorcode", 0) & 0xFF) == sqlite3.SQLITE_READONLY:
            raise StateReadOnlyError(f"the state file {db_file} cannot be written") from error
        if (getattr(error, "sqlite_errorcode", 0) & 0xFF) in _TRANSIENT_CODES:
            raise StateError(f"reader state could not be opened: {error}") from error
        return None, f"the state file is unreadable ({error})"


def _close(conn: sqlite3.Connection | None) -> None:
    if conn is not None:
        with contextlib.suppress(sqlite3.Error):
            conn.close()


def move_aside(db_file: Path) -> Path:
    """Rename `db_file` and its WAL/SHM files to `<name>.corrupt-<timestamp>`; return it."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = db_file.with_name(f"{db_file.name}.corrupt-{stamp}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = db_file.with_name(f"{db_file.name}.corrupt-{stamp}-{counter}")
    try:
        os.replace(db_file, aside)
    except OSError as error:
        raise StateError(f"cannot move the unreadable state file aside: {error}") from error
    for suffix in SIDECAR_SUFFIXES:
        # The WAL belongs to the old file: left in place, SQLite could replay it into
        # the fresh one.
        with contextlib.suppress(FileNotFoundError):
            os.replace(f"{db_file}{suffix}", f"{aside}{suffix}")
    return aside
