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
from collections.abc import Callable, Iterable, Iterator
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
def collector_paused_then_frozen() -> Iterator[None]:
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
    if _SETTERS is None:
        return None
    with _one_read(conn), collector_paused_then_frozen():
        if not is_present(conn):
            return None
        listing = conn.execute(
            "SELECT position, kind, count FROM snapshot WHERE position >= 0 ORDER BY position"
        ).fetchall()
        stored = (
            (position, kind, count, _data(conn, position)) for position, kind, count in listing
        )
        try:
            return _articles(stored)
        except (sqlite3.Error, *column_layouts.UNREADABLE):
            return None


@contextlib.contextmanager
def _one_read(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction, so that every column comes from the same refresh."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def _data(conn: sqlite3.Connection, position: int) -> bytes:
    # Straight into one bytes object: a SELECT holds a second copy of it meanwhile.
    with conn.blobopen("snapshot", "data", position, readonly=True) as blob:
        return blob.read()


def _articles(stored: Iterable[tuple[int, str, int, bytes]]) -> list[Article]:
    """Articles built one stored column at a time, so only one column is held at once.

    The frozen dataclass __init__ makes 16 `object.__setattr__` calls per article; setting
    each slot a whole column at a time builds the same objects in about half the time.
    """
    assert _SETTERS is not None
    articles: list[Article] = []
    position = -1
    for expected, (position, kind, count, data) in enumerate(stored):
        if position != expected or (position and count != len(articles)):
            raise ValueError(f"snapshot column {expected} is missing or of another length")
        if position == 0:
            articles = list(map(object.__new__, repeat(Article, count)))
        values = column_layouts.decoded(kind, count, data, _CONVERTED.get(position))
        deque(map(_SETTERS[position], articles, values), 0)
    if position != _COLUMN_COUNT - 1:
        raise ValueError("snapshot columns are missing")
    return articles


def _slot_setters() -> tuple[Callable, ...] | None:
    """How to set each field of a bare `Article`, in column order.

    None when the model's fields no longer match the stored columns one for one, or
    `__init__` does more than store them: then the table answers instead.
    """
    names = tuple(field.name for field in fields(Article))
    if names != CACHED_ARTICLE_COLUMNS or hasattr(Article, "__post_init__"):
        return None
    return tuple(getattr(Article, name).__set__ for name in names)


_SETTERS = _slot_setters()
