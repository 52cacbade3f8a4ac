"""The connections of one index: one per thread, to the cache file or, once it refuses to
be opened or written, to a copy in memory for the rest of the run."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from digest_tui.index import memory, schema

T = TypeVar("T")
QUERY_CHECK_STEPS = 10_000
"""SQLite steps between two checks of `Connections.stop_queries`."""


class Connections:
    """Each thread's connection to the index at `db_file`.

    A thread keeps its connection until `close()`, or until the index moves to memory
    (a read-only folder, a path below a regular file, a full disk): every thread then
    reconnects to the copy in memory, and `fallback` says why. The connections of threads
    that have ended are closed as the next one opens: the reader runs each search on a
    thread of its own, and their connections would otherwise pile up, a file each.
    """

    def __init__(self, db_file: Path) -> None:
        self.db_file = db_file
        self.fallback: str | None = None
        """Why this run keeps the index in memory instead of the file; None if it does not."""
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[tuple[threading.Thread, sqlite3.Connection]] = []
        self._generation = 0
        self._memory: str | None = None
        self._keeper: sqlite3.Connection | None = None
        self._stopping = False

    def close(self) -> None:
        """Close every connection (call when no thread is using them)."""
        with self._lock:
            for _thread, conn in self._open:
                conn.close()
            self._open.clear()
            self._generation += 1
            if self._keeper is not None:  # the database in memory goes with its last connection
                self._keeper.close()
            self._keeper = self._memory = None

    def stop_queries(self) -> None:
        """Abort the read queries running on any thread, and any begun later."""
        self._stopping = True

    def _stopped(self) -> bool:
        return self._stopping

    def get(self, write: bool) -> sqlite3.Connection | None:
        """This thread's connection; None when there is nothing to read and `write` is false."""
        held = getattr(self._local, "held", None)
        if held is not None and held[0] == self._generation and (held[2] or not write):
            return held[1]
        if held is not None:
            self._forget(held[1])
        opened = self._open_connection(write)
        if opened is None:
            return None
        if not write:
            # SQLite asks every `QUERY_CHECK_STEPS` steps whether to go on: a long
            # full-text query stops when the program closes instead of holding up its
            # exit. (Writes are left to finish: they commit or roll back whole.)
            opened.set_progress_handler(self._stopped, QUERY_CHECK_STEPS)
        with self._lock:
            self._close_ended()
            self._open.append((threading.current_thread(), opened))
            self._local.held = (self._generation, opened, write)
        return opened

    def writer(self) -> sqlite3.Connection:
        """This thread's connection for writing (the database is created if needed)."""
        conn = self.get(write=True)
        assert conn is not None  # open_for_writing creates the database
        return conn

    def writing(self, work: Callable[[], T]) -> T:
        """Run `work`; when the cache file refuses a write, move to memory and run it again.

        The refused transaction was rolled back, so the copy in memory starts from the last
        commit and `work` carries on from there.
        """
        try:
            return work()
        except sqlite3.Error as error:
            if self._memory is not None or not schema.is_unwritable(error):
                raise
            self._fall_back(error)
        return work()

    def discard(self) -> None:
        """Throw the database away (it is unreadable); the next write recreates it."""
        in_memory = self._memory is not None
        self.close()
        self._local.held = None
        if not in_memory:
            schema.discard(self.db_file)

    def _open_connection(self, write: bool) -> sqlite3.Connection | None:
        if self._memory is None:
            try:
                opened = schema.open_for_writing(self.db_file) if write else None
                return opened or schema.open_for_reading(self.db_file)
            except (OSError, sqlite3.Error) as error:
                if not schema.is_unwritable(error):
                    raise
                self._fall_back(error)
        assert self._memory is not None
        return memory.connect_memory(self._memory)

    def _fall_back(self, error: BaseException) -> None:
        """Keep the index in memory from now on, starting from the file's valid contents."""
        with self._lock:
            if self._memory is not None:
                return
            self.fallback = memory.describe(self.db_file, error)
            uri = memory.new_memory_uri()
            self._keeper = memory.open_copy(uri, self.db_file)
            self._memory = uri
            self._generation += 1  # every thread reconnects, to memory

    def _forget(self, conn: sqlite3.Connection) -> None:
        with self._lock:
            self._open = [(thread, kept) for thread, kept in self._open if kept is not conn]
        conn.close()
        self._local.held = None

    def _close_ended(self) -> None:
        """Close the connections of threads that have ended (call holding the lock)."""
        ended = [conn for thread, conn in self._open if not thread.is_alive()]
        if ended:
            self._open = [(thread, conn) for thread, conn in self._open if thread.is_alive()]
            for conn in ended:
                conn.close()
