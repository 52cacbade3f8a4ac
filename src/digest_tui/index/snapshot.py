"""A column-wise copy of every article row, so a warm start reads the library in one go.

Selecting 100,000 rows of 16 columns costs a Python object per value; one stored value per
column, split in C, costs a fraction of that. The copy is dropped by every write to the
articles and written again at the end of a refresh; while it is missing, readers fall back
to the `articles` table.

No pickle: each column is stored in one of a few plain layouts (`_Codec`), chosen when it
is written. A row at position -1 names the layout version; a copy of any other version,
or one whose bytes do not add up, is not read (the table answers) and is written again.
"""

from __future__ import annotations

import contextlib
import gc
import json
import math
import sqlite3
import sys
from array import array
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import fields
from itertools import repeat

from digest_tui.index.rows import CACHED_ARTICLE_COLUMNS, path_from_db, split_list
from digest_tui.model import Article

FORMAT_VERSION = 3
"""Bump whenever a layout changes; older copies are then ignored and replaced."""


def _is_one(value: object) -> bool:
    return value == 1


_HEADER_POSITION, _HEADER_KIND = -1, "format"
_SEPARATOR = "\x00"
_COLUMN_COUNT = len(CACHED_ARTICLE_COLUMNS)
# How each stored value becomes an `Article` field, where it is not stored as it is.
_CONVERTED: dict[int, Callable] = {5: split_list, 15: split_list, 7: _is_one, 8: _is_one}
# Below this share of distinct values, a column is stored as its distinct values plus one
# small index per row: fewer strings to build, and repeated values shared in memory.
_DISTINCT_SHARE = 0.5
_INDEX_TYPES = ("B", "H", next(code for code in "IL" if array(code).itemsize == 4))
_SWAP = sys.byteorder == "big"  # stored little-endian, whatever the machine
_TEXT, _FLOATS, _NULLABLE_FLOATS, _INTS, _DISTINCT = "text", "f64", "f64?", "i64", "dict"
_UNREADABLE = (ValueError, TypeError, IndexError, OverflowError, AttributeError, KeyError)


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
        encoded = _encoded(column)
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
        except _UNREADABLE:
            return None
        if len(columns) != _COLUMN_COUNT or len({len(column) for column in columns}) > 1:
            return None
        return _articles(columns)


def _encoded(column: list) -> tuple[str, bytes] | None:
    """The layout name and bytes for one column, or None when no layout holds it exactly."""
    kinds = set(map(type, column))
    many_distinct = len(set(column)) > _DISTINCT_SHARE * len(column)
    if kinds <= {str} and many_distinct and not any(_SEPARATOR in value for value in column):
        return _TEXT, _SEPARATOR.join(column).encode("utf-8", "surrogatepass")
    if kinds == {float}:
        return _FLOATS, _packed("d", column)
    if kinds == {float, type(None)} and not any(value != value for value in column if value):
        # NaN marks a missing value; no stored value is NaN.
        return _NULLABLE_FLOATS, _packed("d", [math.nan if v is None else v for v in column])
    if kinds == {int} and many_distinct and all(-(2**63) <= value < 2**63 for value in column):
        return _INTS, _packed("q", column)
    if kinds <= {str, int, type(None)}:
        return _distinct_encoded(column)
    return None


def _distinct_encoded(column: list) -> tuple[str, bytes]:
    """Each row's number in the list of distinct values, then that list as JSON."""
    numbers: dict = {}
    indexes = [numbers.setdefault(value, len(numbers)) for value in column]
    code = next(code for code in _INDEX_TYPES if len(numbers) <= 1 << (8 * array(code).itemsize))
    distinct = json.dumps(list(numbers)).encode("ascii")
    return f"{_DISTINCT}{array(code).itemsize}", _packed(code, indexes) + distinct


def _packed(code: str, values: list) -> bytes:
    numbers = array(code, values)
    if _SWAP:
        numbers.byteswap()
    return numbers.tobytes()


def _unpacked(code: str, data: bytes | memoryview) -> array:
    numbers = array(code)
    numbers.frombytes(data)
    if _SWAP:
        numbers.byteswap()
    return numbers


def _column(expected: int, stored: tuple[int, str, int, bytes]) -> list:
    """One column's `Article` field values; raises one of `_UNREADABLE` if damaged."""
    position, kind, count, data = stored
    if position != expected:
        raise ValueError(f"snapshot column {expected} is missing")
    convert = _CONVERTED.get(position)
    if kind.startswith(_DISTINCT):
        code = next(code for code in _INDEX_TYPES if str(array(code).itemsize) == kind[4:])
        split = count * array(code).itemsize
        distinct = json.loads(data[split:])
        if type(distinct) is not list:
            raise ValueError("snapshot values are not a list")
        if convert is not None:
            distinct = [convert(value) for value in distinct]
        values = _rows_of(distinct, _unpacked(code, memoryview(data)[:split]))
    else:
        values = _DECODERS[kind](data, count)
        if convert is not None:
            values = _shared(convert, values)
    if len(values) != count:
        raise ValueError("snapshot column has the wrong length")
    return values


def _rows_of(distinct: list, indexes: array) -> list:
    if len(distinct) == 1 and not any(indexes):
        return distinct * len(indexes)  # a value every article shares, often ""
    return list(map(distinct.__getitem__, indexes))


def _text(data: bytes, count: int) -> list[str]:
    return data.decode("utf-8", "surrogatepass").split(_SEPARATOR) if count else []


def _nullable_floats(data: bytes, count: int) -> list[float | None]:
    return [None if value != value else value for value in _unpacked("d", data).tolist()]


_DECODERS: dict[str, Callable[[bytes, int], list]] = {
    _TEXT: _text,
    _FLOATS: lambda data, count: _unpacked("d", data).tolist(),
    _NULLABLE_FLOATS: _nullable_floats,
    _INTS: lambda data, count: _unpacked("q", data).tolist(),
}


def _shared(convert: Callable, values: list) -> list:
    # Most articles share a handful of tag lists and have no warnings: one tuple each.
    converted = {value: convert(value) for value in set(values)}
    return list(map(converted.__getitem__, values))


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
