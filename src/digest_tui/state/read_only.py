"""Reading a state file that cannot be written: a copy in memory for this run.

A data folder (or state file) without write permission is not a damaged file: moving it
aside would fail, and starting afresh would hide every read mark and star. Its contents
are read into memory instead; changes made this run stay there.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from digest_tui.state.connection import connect
from digest_tui.state.errors import StateError
from digest_tui.state.schema import check_compatible, migrate


class StateReadOnlyError(StateError):
    """The state file, or the folder it lives in, cannot be written."""


def folder_is_read_only(db_file: Path) -> bool:
    """Whether the state file's folder exists but this process may not create files in it."""
    folder = db_file.parent
    return folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK)


def copy_in_memory(db_file: Path, busy_timeout: float) -> sqlite3.Connection:
    """A migrated in-memory copy of `db_file` (an empty store when there is no file).

    Raises `StateError` when the file is there but cannot be read as a state database.
    """
    memory = connect(":memory:", busy_timeout)
    if db_file.exists():
        source = _open_readable(db_file, busy_timeout)
        try:
            check_compatible(source)
            source.backup(memory)
        except Exception as error:  # noqa: BLE001 - any failure means the copy is unusable
            memory.close()
            raise StateError(f"the state file {db_file} cannot be read: {error}") from error
        finally:
            source.close()
    migrate(memory)
    return memory


def _open_readable(db_file: Path, busy_timeout: float) -> sqlite3.Connection:
    """`db_file` read-only; `immutable` when its folder cannot hold WAL's shared memory."""
    problem: Exception | None = None
    for options in ("mode=ro", "immutable=1"):
        try:
            source = connect(f"file:{quote(db_file.as_posix())}?{options}", busy_timeout, uri=True)
        except sqlite3.Error as error:
            problem = error
            continue
        try:
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return source
        except sqlite3.Error as error:
            problem = error
            source.close()
    raise StateError(f"the state file {db_file} cannot be read: {problem}")
