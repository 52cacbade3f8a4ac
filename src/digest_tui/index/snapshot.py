"""A column-wise copy of every article row, so a warm start reads the library in one go.

Selecting 100,000 rows of 16 columns costs a Python object per value; one stored value per
column, split in C, costs a fraction of that. The copy is dropped by every write to the
articles and written again at the end of a refresh; while it is missing, readers fall back
to the `articles` table.

No pickle: each column is stored in one of a few plain layouts (`column_layouts`), chosen
when it is written. A row at position -1 names the layout version; a copy of any other version,
or one whose bytes do not add up, is not read (the table answers) and is written again.
"""

from __future__ import annotations

import contextlib
import gc
import sqlite3
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import fields
from itertools import repeat

from digest_tui.index import column_layouts
from digest_tui.index.rows import CACHED_ARTICLE_COLUMNS, path_from_db, split_list
from digest_tui.model import Article

FORMAT_VERSION = 4
"""Bump whenever a layout changes; older copies are then ignored and replaced."""


def _is_one(value: object) -> bool:
    return value == 1


_HEADER_POSITION, _HEADER_KIND = -1, "format"
_COLUMN_COUNT = len(CACHED_ARTICLE_COLUMNS)
# How each stored value becomes an `Article` field, where it is not stored as it is.
# (Tags and warnings are stored as "lists", which hold tuples already.)
_CONVERTED: dict[int, Callable] = {5: split_list, 15: split_list, 7: _is_one, 8: _is_one}
_LIST_COLUMNS = (5, 15)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many long-lived acyclic objects.

    A collection walks every tracked object: building 100,000 articles would trigger
    several, and the first allocation after the collector is enabled again would walk them
    all once more (about 50 ms). So what was built is frozen instead, as the reader does
    with its library anyway: frozen objects are still freed by reference counting when
    the list is dropped, only the cycle collector skips them (and any cycle that was
    already garbage, until `gc.unfreeze`).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


def clear(conn: sqlite3.Connection) -> None:
    """Drop the copy (inside the caller's write transaction)."""
    conn.execute("DELETE FROM snapshot")


def is_present(conn: sqlite3.Connection) -> bool:
    """Whether a copy in the current layout is stored (an older one counts as none)."""
    row = conn.execute(
        "SELECT kind, count FROM snapshot WHERE position = ?", (_HEADER_POSITION,)
    ).fetchone()
    return row == (_HEADER_KIND, FORMAT_VERSION)


def write(conn: sqlite3.Connection) -> None:
    """Replace the copy with the current article rows (inside a write transaction).

    One column at a time, so the copy never needs every row in memory at once. A column
    that fits no layout leaves no copy at all: the table still answers.
    """
    clear(conn)
    for position, name in enumerate(CACHED_ARTICLE_COLUMNS):
        column = [value for (value,) in conn.execute(f"SELECT {name} FROM articles ORDER BY id")]
        if name == "path":
            column = [path_from_db(value) for value in column]
        encoded = column_layouts.encoded(column, lists=position in _LIST_COLUMNS)
        if encoded is None:
            clear(conn)
            return
        conn.execute(
            "INSERT INTO snapshot (position, kind, count, data) VALUES (?, ?, ?, ?)",
            (position, encoded[0], len(column), encoded[1]),
        )
    conn.execute(
        "INSERT INTO snapshot (position, kind, count, data) VALUES (?, ?, ?, ?)",
        (_HEADER_POSITION, _HEADER_KIND, FORMAT_VERSION, b""),
    )


def read(conn: sqlite3.Connection) -> list[Article] | None:
    """The articles in the copy, in `CACHED_ARTICLE_QUERY` order; None when there is none.

    A copy of another layout version, or a damaged one, also gives None.
    """
    if not is_present(conn):
        return None
    with collector_paused():
        # Row by row, so only one column's stored bytes are held at a time.
        stored = conn.execute(
            "SELECT position, kind, count, data FROM snapshot WHERE position >= 0 ORDER BY position"
        )
        try:
            columns = [_column(expected, row) for expected, row in enumerate(stored)]
        except column_layouts.UNREADABLE:
            return None
        if len(columns) != _COLUMN_COUNT or len({len(column) for column in columns}) > 1:
            return None
        return _articles(columns)


def _column(expected: int, stored: tuple[int, str, int, bytes]) -> list:
    """One column's `Article` field values; raises one of `UNREADABLE` if damaged."""
    position, kind, count, data = stored
    if position != expected:
        raise ValueError(f"snapshot column {expected} is missing")
    return column_layouts.decoded(kind, count, data, _CONVERTED.get(position))


def _articles(columns: list[list]) -> list[Article]:
    if not _SLOTS_MATCH_COLUMNS:
        return list(map(Article, *columns))
    # The frozen dataclass __init__ makes 16 `object.__setattr__` calls per article; setting
    # each slot a whole column at a time builds the same objects in about half the time.
    articles = list(map(object.__new__, repeat(Article, len(columns[0]))))
    for name, column in zip(CACHED_ARTICLE_COLUMNS, columns, strict=True):
        deque(map(getattr(Article, name).__set__, articles, column), 0)
    return articles


_SLOTS_MATCH_COLUMNS = tuple(
    field.name for field in fields(Article)
) == CACHED_ARTICLE_COLUMNS and not hasattr(Article, "__post_init__")
