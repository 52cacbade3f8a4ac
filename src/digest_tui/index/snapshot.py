"""A column-wise copy of every article row, so a warm start reads the library in one go.

Selecting 100,000 rows of 16 columns costs a Python object per value; one text value per
column, split in C, costs a fraction of that. The copy is dropped by every write to the
articles and written again at the end of a refresh; while it is missing, readers fall back
to the `articles` table. No pickle: text columns are joined with NUL (which no path holds)
and any other column is JSON.
"""

from __future__ import annotations

import contextlib
import gc
import json
import sqlite3
from collections.abc import Iterator

from digest_tui.index.rows import CACHED_ARTICLE_COLUMNS, path_from_db, split_list
from digest_tui.model import Article

_SEPARATOR = "\x00"
_TEXT, _JSON = "text", "json"
# Columns of `CACHED_ARTICLE_COLUMNS` that hold lists, and those that hold 0/1 flags.
_LIST_COLUMNS = (5, 15)
_FLAG_COLUMNS = (7, 8)
_COLUMN_COUNT = len(CACHED_ARTICLE_COLUMNS)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small acyclic objects.

    A full collection walks every live object; building 100,000 articles triggers several.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def clear(conn: sqlite3.Connection) -> None:
    """Drop the copy (inside the caller's write transaction)."""
    conn.execute("DELETE FROM snapshot")


def is_present(conn: sqlite3.Connection) -> bool:
    """Whether a copy is stored."""
    return conn.execute("SELECT 1 FROM snapshot LIMIT 1").fetchone() is not None


def write(conn: sqlite3.Connection) -> None:
    """Replace the copy with the current article rows (inside a write transaction).

    One column at a time, so the copy never needs every row in memory at once.
    """
    clear(conn)
    for position, name in enumerate(CACHED_ARTICLE_COLUMNS):
        column = [value for (value,) in conn.execute(f"SELECT {name} FROM articles ORDER BY id")]
        if name == "path":
            column = [path_from_db(value) for value in column]
        conn.execute(
            "INSERT INTO snapshot (position, kind, count, data) VALUES (?, ?, ?, ?)",
            (position, *_encoded(column)),
        )


def _encoded(column: list) -> tuple[str, int, bytes]:
    if all(type(value) is str and _SEPARATOR not in value for value in column):
        joined = _SEPARATOR.join(column)
        return _TEXT, len(column), joined.encode("utf-8", "surrogatepass")
    return _JSON, len(column), json.dumps(list(column)).encode("ascii")


def read(conn: sqlite3.Connection) -> list[Article] | None:
    """The articles in the copy, in `CACHED_ARTICLE_QUERY` order; None when there is none."""
    with collector_paused():
        # Row by row, so only one column's text is held at a time.
        stored = conn.execute("SELECT kind, count, data FROM snapshot ORDER BY position")
        columns = [_decoded(kind, count, data) for kind, count, data in stored]
        if len(columns) != _COLUMN_COUNT or len({len(column) for column in columns}) > 1:
            return None
        for position in _LIST_COLUMNS:
            columns[position] = _shared_tuples(columns[position])
        for position in _FLAG_COLUMNS:
            columns[position] = [value == 1 for value in columns[position]]
        return list(map(Article, *columns))


def _decoded(kind: str, count: int, data: bytes) -> list:
    if kind == _JSON:
        return json.loads(data)
    if count == 0:
        return []
    return data.decode("utf-8", "surrogatepass").split(_SEPARATOR)


def _shared_tuples(texts: list[str]) -> list[tuple[str, ...]]:
    # Most articles share a handful of tag lists and have no warnings: one tuple each.
    unique = {text: split_list(text) for text in set(texts)}
    return [unique[text] for text in texts]
