"""The index database's layout, and opening it: a wrong version or a broken file is replaced."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

SCHEMA_VERSION = 4
"""Bump whenever a table, a column or the meaning of a stored value changes."""

BUSY_TIMEOUT_MS = 5000

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    title TEXT NOT NULL,
    date TEXT,
    timestamp REAL,
    modified TEXT,
    tags TEXT NOT NULL,
    description TEXT NOT NULL,
    draft INTEGER NOT NULL,
    featured INTEGER NOT NULL,
    author TEXT NOT NULL,
    image TEXT NOT NULL,
    source_name TEXT NOT NULL,
    source_url TEXT NOT NULL,
    first_link TEXT NOT NULL,
    words INTEGER NOT NULL,
    warnings TEXT NOT NULL,
    categories TEXT NOT NULL,
    fts_done INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS articles_fts_pending ON articles(id) WHERE fts_done = 0;
CREATE TABLE IF NOT EXISTS bodies (id INTEGER PRIMARY KEY, text BLOB NOT NULL);
-- One row per article column: see `snapshot.py`.
CREATE TABLE IF NOT EXISTS snapshot (
    position INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    count INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS problems (
    path TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    line INTEGER,
    fatal INTEGER NOT NULL,
    size INTEGER,
    mtime_ns INTEGER
);
"""

# Contentless: the searchable text lives compressed in `bodies`, so it is not stored twice.
_FULLTEXT_TABLE = """
CREATE VIRTUAL TABLE IF NOT EXISTS fulltext USING fts5(
    title, description, tags, body,
    content='', tokenize='unicode61 remove_diacritics 2'
)
"""
# Title words weigh most, then description and tags, then the body.
RANK_WEIGHTS = "4.0, 2.0, 2.0, 1.0"
_FULLTEXT_RANK = f"INSERT INTO fulltext(fulltext, rank) VALUES ('rank', 'bm25({RANK_WEIGHTS})')"

ARTICLE_COLUMNS = (
    "path, size, mtime_ns, title, date, timestamp, modified, tags, description, draft, "
    "featured, author, image, source_name, source_url, first_link, words, warnings, categories"
)


_UNWRITABLE_CODES = frozenset(
    {
        sqlite3.SQLITE_PERM,
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_CANTOPEN,
    }
)


def is_unwritable(error: BaseException) -> bool:
    """Whether `error` says the cache file cannot be opened or written (not that it is bad)."""
    if isinstance(error, OSError):
        return True
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        return code is not None and (code & 0xFF) in _UNWRITABLE_CODES
    return False


def fts5_available(conn: sqlite3.Connection) -> bool:
    """Whether this SQLite build has the FTS5 module."""
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")
        conn.execute("DROP TABLE temp.fts5_probe")
    except sqlite3.Error:
        return False
    return True


def has_fulltext_table(conn: sqlite3.Connection) -> bool:
    """Whether the database holds a usable full-text table."""
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'fulltext'").fetchone()
    return row is not None and fts5_available(conn)


def connect(db_file: Path | str, uri: bool = False) -> sqlite3.Connection:
    """Open a connection in autocommit mode; transactions are begun explicitly."""
    conn = sqlite3.connect(db_file, isolation_level=None, check_same_thread=False, uri=uri)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def stored_version(conn: sqlite3.Connection) -> int | None:
    """The schema version the database was written with, or None when it has none.

    Raises `sqlite3.DatabaseError` when the file is not a readable database.
    """
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if not tables:
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError:
        return -1  # tables, but not ours
    return int(row[0]) if row and str(row[0]).isdigit() else -1


def create_schema(conn: sqlite3.Connection) -> None:
    """Create every table in a fresh database (idempotent; safe against a racing creator)."""
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _TABLES.split(";"):
            if statement.strip():
                conn.execute(statement)
        if fts5_available(conn):
            fresh = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'fulltext'").fetchone()
            conn.execute(_FULLTEXT_TABLE)
            if fresh is None:
                conn.execute(_FULLTEXT_RANK)
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
            (str(SCHEMA_VERSION),),
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def discard(db_file: Path) -> None:
    """Delete the database file and its WAL companions (it is only a cache)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{db_file}{suffix}").unlink()


def open_for_writing(db_file: Path) -> sqlite3.Connection:
    """Open the database, creating it, or replacing it when stale or unreadable."""
    db_file.parent.mkdir(parents=True, exist_ok=True)
    conn = connect(db_file)
    try:
        version = stored_version(conn)
    except sqlite3.DatabaseError as error:
        if is_unwritable(error):  # a folder we may not write, not a broken file
            conn.close()
            raise
        version = -1
    if version == SCHEMA_VERSION:
        return conn
    if version is not None:
        conn.close()
        discard(db_file)
        conn = connect(db_file)
    create_schema(conn)
    return conn


def open_for_reading(db_file: Path) -> sqlite3.Connection | None:
    """Open an existing, current database; None when there is none worth reading.

    Raises what `is_unwritable` accepts when the file is there but cannot be opened as it
    is (a read-only folder without WAL's shared-memory file).
    """
    if not db_file.is_file():
        return None
    try:
        conn = connect(db_file)
    except sqlite3.Error as error:
        if is_unwritable(error):
            raise
        return None
    try:
        if stored_version(conn) == SCHEMA_VERSION:
            return conn
    except sqlite3.DatabaseError as error:
        if is_unwritable(error):
            conn.close()
            raise
    conn.close()
    return None
