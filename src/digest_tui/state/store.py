"""The reader-state store: read marks, stars, first sightings and small UI values.

SQLite in WAL mode in the data directory (never the cache). Every change is one
`BEGIN IMMEDIATE ... COMMIT`, so a killed process loses at most the change in flight and
two processes on the same folder never overwrite each other's changes. Sets of read,
starred and new paths are kept in memory, updated after each commit, so `is_read` is a
set lookup; the database is the truth at open and on `reload()`.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from digest_tui import paths
from digest_tui.model import Article
from digest_tui.state.connection import (
    DEFAULT_BUSY_TIMEOUT,
    as_state_error,
    connect,
    immediate_transaction,
)
from digest_tui.state.integrity import remember_closed
from digest_tui.state.keys import decode_path, encode_path
from digest_tui.state.positions import ReadingPosition, read_position, write_position
from digest_tui.state.read_only import StateReadOnlyError, copy_in_memory
from digest_tui.state.reconcile import ReconcileResult, reconcile_articles, reconcile_changes
from digest_tui.state.recovery import open_healthy
from digest_tui.state.schema import migrate, rollback_quietly
from digest_tui.state.sessions import latest_scanned_session, new_paths, start_session
from digest_tui.state.snapshot import StateSnapshot

LAST_OPENED_KEY = "last_opened"

_UPSERT_READ = """
INSERT INTO articles (path, read, read_at) VALUES (?, ?, ?)
ON CONFLICT (path) DO UPDATE SET
    read_at = CASE WHEN excluded.read = 0 THEN NULL
                   WHEN articles.read = 1 THEN articles.read_at
                   ELSE excluded.read_at END,
    read = excluded.read
"""
_UPSERT_STAR = """
INSERT INTO articles (path, starred, starred_at) VALUES (?, ?, ?)
ON CONFLICT (path) DO UPDATE SET
    starred_at = CASE WHEN excluded.starred = 0 THEN NULL
                      WHEN articles.starred = 1 THEN articles.starred_at
                      ELSE excluded.starred_at END,
    starred = excluded.starred
"""


class StateStore:
    """Reader state for one content folder. Satisfies `ReaderStateView`.

    Writes raise `StateBusyError` when another process holds the lock past the busy
    timeout, and `StateError` for other failures (disk full); the UI shows a notice.
    Safe to share between threads: one lock guards the connection.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        db_file: Path | None,
        recovered_from: Path | None = None,
        recovery_reason: str | None = None,
        read_only: str | None = None,
    ) -> None:
        """Wrap an open, migrated connection; use `open`, `for_folder` or `ephemeral`."""
        self._conn = conn
        self._lock = threading.RLock()
        self.db_file = db_file
        self.recovered_from = recovered_from
        """Where an unreadable state file was moved aside at open, for a notice; else None."""
        self.recovery_reason = recovery_reason
        self.read_only = read_only
        """Why the state was read into memory and changes stay there this run; else None."""
        self.session: int | None = None
        """The session begun by this instance (see `begin_session`), if any."""
        self._read: set[str] = set()
        self._starred: set[str] = set()
        self._new: set[str] = set()
        self._arrivals: set[str] | None = None
        """Paths first seen by a later pass of this session (the reader following the
        folder); None until the session's first pass. New even in a first session."""
        self.reload()

    @classmethod
    def open(cls, db_file: Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> StateStore:
        """Open the store at `db_file`, creating it and its folders if needed.

        An unreadable file is moved aside and a fresh one started (see `recovered_from`).
        A file or folder that may not be written is read into memory (see `read_only`).
        """
        try:
            opened = open_healthy(Path(db_file), busy_timeout)
        except StateReadOnlyError as error:
            conn = copy_in_memory(Path(db_file), busy_timeout)
            return cls(conn, Path(db_file), read_only=str(error))
        return cls(opened.conn, Path(db_file), opened.recovered_from, opened.reason)

    @classmethod
    def for_folder(cls, content_dir: Path, **options: Any) -> StateStore:
        """Open the store for `content_dir` at its default place in the data directory."""
        return cls.open(paths.state_file(content_dir), **options)

    @classmethod
    def ephemeral(cls) -> StateStore:
        """A store in memory only: a fallback when no state file can be written at all."""
        conn = connect(":memory:")
        migrate(conn)
        return cls(conn, None)

    def close(self) -> None:
        """Close the database; every change is already committed."""
        with self._lock:
            self._conn.close()
        if self.db_file is not None and self.read_only is None:
            remember_closed(self.db_file)

    def __enter__(self) -> StateStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Queries: in-memory, O(1).

    def is_read(self, path: str) -> bool:
        """True when the article at `path` is marked read."""
        return path in self._read

    def is_starred(self, path: str) -> bool:
        """True when the article at `path` carries a star."""
        return path in self._starred

    def is_new(self, path: str) -> bool:
        """True when the article appeared since the previous session (see `sessions`)."""
        return path in self._new

    def read_paths(self) -> set[str]:
        """A copy of the paths marked read."""
        return set(self._read)

    def starred_paths(self) -> set[str]:
        """A copy of the starred paths."""
        return set(self._starred)

    def new_paths(self) -> set[str]:
        """A copy of the paths new since the previous session."""
        return set(self._new)

    def snapshot(self) -> StateSnapshot:
        """A frozen copy of the read, starred and new sets, for workers and the CLI."""
        return StateSnapshot(frozenset(self._read), frozenset(self._starred), frozenset(self._new))

    def reload(self) -> None:
        """Re-read the sets from the database, picking up other processes' changes."""
        with self._lock:
            try:
                self._conn.execute("BEGIN")  # one consistent read snapshot
                rows = self._conn.execute(
                    "SELECT path, read, starred FROM articles WHERE read = 1 OR starred = 1"
                ).fetchall()
                fresh_new = new_paths(
                    self._conn, self.session or latest_scanned_session(self._conn)
                )
                self._conn.execute("COMMIT")
            except sqlite3.Error as error:
                rollback_quietly(self._conn)
                raise as_state_error(error, "reading the reader state") from error
            self._read = {decode_path(path) for path, read, _ in rows if read}
            self._starred = {decode_path(path) for path, _, starred in rows if starred}
            self._new = fresh_new | (self._arrivals or set())

    # Changes: each one committed in its own transaction before returning.

    def mark_read(self, path: str, read: bool = True) -> None:
        """Mark the article at `path` read (or unread), committed before returning."""
        self._write_flag("read", path, read)

    def mark_all_read(self, paths: Iterable[str]) -> int:
        """Mark every article of `paths` read in one transaction; return how many were not."""
        fresh = [path for path in dict.fromkeys(paths) if path not in self._read]
        now = time.time()
        with self._lock:
            with immediate_transaction(self._conn, "marking articles read"):
                self._conn.executemany(
                    _UPSERT_READ, [(encode_path(path), 1, now) for path in fresh]
                )
            self._read.update(fresh)
        return len(fresh)

    def mark_starred(self, path: str, starred: bool = True) -> None:
        """Star (or unstar) the article at `path`, committed before returning."""
        self._write_flag("starred", path, starred)

    def toggle_read(self, path: str) -> bool:
        """Flip the read mark as it stands in the database now; return the new value."""
        return self._write_flag("read", path, None)

    def toggle_star(self, path: str) -> bool:
        """Flip the star as it stands in the database now; return the new value."""
        return self._write_flag("starred", path, None)

    def _write_flag(self, column: str, path: str, value: bool | None) -> bool:
        """Set one flag (`None`: flip it as stored now) in its own transaction."""
        upsert, in_memory, doing = {
            "read": (_UPSERT_READ, self._read, "marking an article read"),
            "starred": (_UPSERT_STAR, self._starred, "starring an article"),
        }[column]
        with self._lock:
            with immediate_transaction(self._conn, doing):
                if value is None:
                    # From the database, not memory: another instance may have changed it.
                    value = not self._stored_flag(column, path)
                self._conn.execute(upsert, (encode_path(path), int(value), time.time()))
            _put(in_memory, path, value)
        return value

    def _stored_flag(self, column: str, path: str) -> bool:
        row = self._conn.execute(
            f"SELECT {column} FROM articles WHERE path = ?", (encode_path(path),)
        ).fetchone()
        return bool(row and row[0])

    # Sessions and the folder's contents.

    def begin_session(self) -> int:
        """Start a new session (one per start of the reader) and return its number.

        Until `reconcile` runs in it, nothing is new in the new session.
        """
        with self._lock, immediate_transaction(self._conn, "starting a session"):
            self.session = start_session(self._conn)
        self._new = set()
        self._arrivals = None
        return self.session

    def reconcile(self, articles: Sequence[Article]) -> ReconcileResult:
        """Match stored state to the folder's articles (one transaction).

        State of a vanished path moves to a new path with the same title and date when
        exactly one such path exists; new paths get their first sighting recorded. Begins
        a session first if none was begun.
        """
        return self._reconciled(
            "recording the folder's articles",
            lambda conn, session: reconcile_articles(conn, articles, session),
        )

    def reconcile_changes(
        self, touched: Iterable[Article], removed: Iterable[str]
    ) -> ReconcileResult:
        """`reconcile` for one watched change of the folder: the articles it added or
        changed and the paths it removed (only their stored rows are read)."""
        return self._reconciled(
            "recording the folder's changes",
            lambda conn, session: reconcile_changes(conn, touched, removed, session),
        )

    def _reconciled(
        self, doing: str, compare: Callable[[sqlite3.Connection, int], ReconcileResult]
    ) -> ReconcileResult:
        if self.session is None:
            self.begin_session()
        session = self.session
        assert session is not None
        with self._lock:
            with immediate_transaction(self._conn, doing):
                result = compare(self._conn, session)
                self._follow_last_opened(result.moved)
            self._take_in(result)
        return result

    def _take_in(self, result: ReconcileResult) -> None:
        """Hold what a reconcile found (under the lock): arrivals, and read marks and
        stars moved."""
        arrivals = set() if self._arrivals is None else self._arrivals | result.added
        for old, new in result.moved.items():
            _move(self._read, old, new)
            _move(self._starred, old, new)
            _move(arrivals, old, new)
        self._arrivals = arrivals
        self._new = set(result.new) | arrivals

    def _follow_last_opened(self, moved: Mapping[str, str]) -> None:
        last = self._ui_value_unlocked(LAST_OPENED_KEY)
        if isinstance(last, str) and last in moved:
            self._write_ui(LAST_OPENED_KEY, moved[last])

    # Reading positions.

    def set_position(self, path: str, position: ReadingPosition) -> None:
        """Remember where the reader left the article at `path`."""
        with self._lock, immediate_transaction(self._conn, "saving the reading position"):
            write_position(self._conn, path, position)

    def position(self, path: str) -> ReadingPosition | None:
        """Where the reader left the article at `path`, if it was left anywhere."""
        with self._lock:
            try:
                return read_position(self._conn, path)
            except sqlite3.Error as error:
                raise as_state_error(error, "reading the reading position") from error

    # Small UI values, stored as JSON text.

    def set_last_opened(self, path: str) -> None:
        """Remember the article open now, to reopen it on the next start."""
        self.set_ui_value(LAST_OPENED_KEY, path)

    def last_opened(self) -> str | None:
        """The article open when the reader last closed, if any."""
        value = self.ui_value(LAST_OPENED_KEY)
        return value if isinstance(value, str) else None

    def set_ui_value(self, key: str, value: Any) -> None:
        """Store a small JSON-serialisable value (list position, theme) under `key`."""
        with self._lock, immediate_transaction(self._conn, "saving a setting"):
            self._write_ui(key, value)

    def ui_value(self, key: str, default: Any = None) -> Any:
        """The value stored under `key`, or `default` when missing or unreadable."""
        with self._lock:
            return self._ui_value_unlocked(key, default)

    def _write_ui(self, key: str, value: Any) -> None:
        self._conn.execute(
            "INSERT INTO ui (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value)),
        )

    def _ui_value_unlocked(self, key: str, default: Any = None) -> Any:
        try:
            row = self._conn.execute("SELECT value FROM ui WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as error:
            raise as_state_error(error, "reading a setting") from error
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except ValueError:
            return default


def _put(paths_set: set[str], path: str, present: bool) -> None:
    if present:
        paths_set.add(path)
    else:
        paths_set.discard(path)


def _move(paths_set: set[str], old: str, new: str) -> None:
    if old in paths_set:
        paths_set.discard(old)
        paths_set.add(new)
