"""The index in memory, for a run whose cache file cannot be opened or written.

A read-only folder, a path below a regular file or a full disk must not turn into an empty
library: the index then lives in an SQLite database in memory for the rest of the run,
starting from a copy of whatever valid cache the file holds. Every connection of one index
shares that database (the `memdb` VFS keeps it while one of them is open).
"""

from __future__ import annotations

import itertools
import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from digest_tui.index.schema import SCHEMA_VERSION, connect, create_schema, stored_version

_names = itertools.count(1)


def describe(db_file: Path, error: BaseException) -> str:
    """The one-line reason a run works from memory."""
    detail = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return (
        f"the index cache {db_file} cannot be written ({detail}); working from memory for this run"
    )


def new_memory_uri() -> str:
    """A name for one index's database in memory, unique within this machine's processes."""
    return f"file:/digest-tui-{os.getpid()}-{next(_names)}?vfs=memdb"


def connect_memory(uri: str) -> sqlite3.Connection:
    """A connection to the database in memory named `uri` (created empty if none is open)."""
    return connect(uri, uri=True)


def open_copy(uri: str, db_file: Path) -> sqlite3.Connection:
    """Create the database in memory as a copy of `db_file` when that is a current index.

    Anything else (no file, unreadable, another version) starts an empty index. The
    returned connection keeps the database alive: close it last.
    """
    conn = connect_memory(uri)
    source = _open_readable(db_file)
    if source is not None:
        try:
            if stored_version(source) == SCHEMA_VERSION:
                # Not `backup`: that copies the WAL flag too, which memory cannot honour.
                source.execute("VACUUM INTO ?", (uri,))
        except sqlite3.Error:
            pass  # unreadable after all: start from nothing
        finally:
            source.close()
    if stored_version(conn) != SCHEMA_VERSION:
        create_schema(conn)
    return conn


def _open_readable(db_file: Path) -> sqlite3.Connection | None:
    """`db_file` opened read-only; `immutable` when its folder cannot hold WAL's shared memory."""
    if not db_file.is_file():
        return None
    for options in ("mode=ro", "immutable=1"):
        try:
            source = connect(f"file:{quote(db_file.as_posix())}?{options}", uri=True)
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return source
        except sqlite3.Error:
            continue
    return None
