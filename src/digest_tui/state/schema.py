"""The state database's tables, its version and the steps that bring an old file up to date."""

from __future__ import annotations

import sqlite3
from contextlib import suppress

SCHEMA_VERSION = 2
"""The version this code writes; kept in `PRAGMA user_version`."""

# Paths are stored as BLOBs (UTF-8 with surrogateescape) because file names that are not
# valid UTF-8 arrive as str with lone surrogates, which sqlite3 refuses to bind as TEXT.
_V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE articles (
    path BLOB PRIMARY KEY,
    read INTEGER NOT NULL DEFAULT 0,
    read_at REAL,
    starred INTEGER NOT NULL DEFAULT 0,
    starred_at REAL,
    first_seen INTEGER,
    title TEXT,
    date TEXT
);
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at REAL NOT NULL,
    scanned INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE ui (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('application', 'digest-tui reader state');
INSERT INTO meta (key, value) VALUES ('created_at', datetime('now'));
"""

# Where the reader left each article: the share of its lines above the view, and the
# body's length then (a much longer or shorter body makes the place meaningless).
_V2 = """
ALTER TABLE articles ADD COLUMN position REAL;
ALTER TABLE articles ADD COLUMN position_chars INTEGER;
"""

MIGRATIONS: dict[int, str] = {1: _V1, 2: _V2}
"""Script that takes the schema from version `n - 1` to version `n`."""

REQUIRED_TABLES = frozenset({"meta", "articles", "sessions", "ui"})


class SchemaTooNewError(Exception):
    """The file was written by a newer digest-tui whose schema this version cannot read."""


class SchemaMismatchError(Exception):
    """The file is SQLite but does not hold the tables its version number promises."""


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database (0 for a new, empty file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_compatible(conn: sqlite3.Connection) -> None:
    """Raise unless this file is ours (or empty) and not from a newer schema; reads only."""
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise SchemaTooNewError(
            f"state schema version {version} is newer than supported ({SCHEMA_VERSION})"
        )
    tables = _table_names(conn)
    if version == 0 and tables:
        raise SchemaMismatchError("the state file is an SQLite database of something else")
    if version == SCHEMA_VERSION and not tables >= REQUIRED_TABLES:
        missing = ", ".join(sorted(REQUIRED_TABLES - tables))
        raise SchemaMismatchError(f"state file lacks tables: {missing}")


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema up to `SCHEMA_VERSION`, one committed step per version.

    The connection must be in autocommit mode; each step runs in its own immediate
    transaction so a crash between steps leaves a consistent, older version.
    """
    check_compatible(conn)
    version = schema_version(conn)
    while version < SCHEMA_VERSION:
        target = version + 1
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            if schema_version(conn) == version:
                for statement in _statements(MIGRATIONS[target]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {target}")
            conn.execute("COMMIT")
        except BaseException:
            rollback_quietly(conn)
            raise
        version = schema_version(conn)
    check_compatible(conn)


def rollback_quietly(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is open; SQLite may already have rolled it back itself."""
    if conn.in_transaction:
        with suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (executescript would commit on its own)."""
    return [part.strip() for part in script.split(";") if part.strip()]


def _table_names(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {name for (name,) in rows}
