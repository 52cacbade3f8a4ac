"""Changing the index: storing parsed files, forgetting vanished ones, in short transactions."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Container, Iterable
from typing import TypeVar

from digest_tui.index import snapshot
from digest_tui.index.rows import ProblemRow, db_path, fulltext_values, path_from_db, unpack_text
from digest_tui.index.schema import ARTICLE_COLUMNS

WRITE_ATTEMPTS = 3

T = TypeVar("T")


class IndexBusy(Exception):
    """Another process held the index's write lock for longer than we wait."""


def in_transaction(conn: sqlite3.Connection, work: Callable[[], T]) -> T:
    """Run `work` inside `BEGIN IMMEDIATE ... COMMIT`, retrying while the database is locked.

    Raises `IndexBusy` when it stays locked (each attempt waits the busy timeout).
    """
    for attempt in range(WRITE_ATTEMPTS):
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                result = work()
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            return result
        except sqlite3.OperationalError as error:
            if not _is_lock_error(error):
                raise
            time.sleep(0.05 * (attempt + 1))
    raise IndexBusy("the index is being updated by another digest-tui; try again later")


def _is_lock_error(error: sqlite3.OperationalError) -> bool:
    message = str(error).lower()
    return "locked" in message or "busy" in message


def forget_paths(conn: sqlite3.Connection, paths: Iterable[str], fulltext: bool) -> None:
    """Delete every trace of these paths: article, body, full-text entry and problem."""
    paths = list(paths)
    snapshot.outdate(conn, paths)
    _forget(conn, paths, fulltext)


def _forget(conn: sqlite3.Connection, paths: list[str], fulltext: bool) -> None:
    """`forget_paths` for paths the warm-start copy already knows to have changed."""
    for path in paths:
        row = conn.execute(
            "SELECT id, title, description, tags, fts_done FROM articles WHERE path = ?",
            (db_path(path),),
        ).fetchone()
        if row is not None:
            _forget_article(conn, row, fulltext)
        conn.execute("DELETE FROM problems WHERE path = ?", (db_path(path),))


def _forget_article(conn: sqlite3.Connection, row: tuple, fulltext: bool) -> None:
    article_id, title, description, tags, fts_done = row
    if fts_done and fulltext:
        (blob,) = conn.execute("SELECT text FROM bodies WHERE id = ?", (article_id,)).fetchone()
        values = fulltext_values(title, description, tags, unpack_text(blob))
        conn.execute(
            "INSERT INTO fulltext (fulltext, rowid, title, description, tags, body) "
            "VALUES ('delete', ?, ?, ?, ?, ?)",
            (article_id, *values),
        )
    conn.execute("DELETE FROM bodies WHERE id = ?", (article_id,))
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))


_INSERT_ARTICLE = f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES ({', '.join('?' * 19)})"
_INSERT_PROBLEM = (
    "INSERT OR REPLACE INTO problems (path, reason, line, fatal, size, mtime_ns) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


def store_parsed(
    conn: sqlite3.Connection, parsed: Iterable[tuple], fulltext: bool, known: Container[str]
) -> None:
    """Replace whatever the index held for each parsed file with the new result.

    `known` holds the paths the index had before; others need no clearing first.
    """
    parsed = list(parsed)
    snapshot.outdate(conn, [path_from_db(item[1][0]) for item in parsed])
    for item in parsed:
        path = path_from_db(item[1][0])  # rows hold a path as stored: bytes when undecodable
        if path in known or item[0] == "problem":
            _forget(conn, [path], fulltext)
        if item[0] == "problem":
            conn.execute(_INSERT_PROBLEM, item[1])
            continue
        try:
            cursor = conn.execute(_INSERT_ARTICLE, item[1])
        except sqlite3.IntegrityError:
            # Another process stored this path since we looked: replace its row.
            _forget(conn, [path], fulltext)
            cursor = conn.execute(_INSERT_ARTICLE, item[1])
        conn.execute("INSERT INTO bodies (id, text) VALUES (?, ?)", (cursor.lastrowid, item[2]))


def store_walk_problems(conn: sqlite3.Connection, rows: Iterable[ProblemRow]) -> None:
    """Replace the problems the folder walk reports (files it would not even open)."""
    conn.execute("DELETE FROM problems WHERE size IS NULL")
    conn.executemany(_INSERT_PROBLEM, rows)
