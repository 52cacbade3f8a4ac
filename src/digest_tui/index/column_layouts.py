"""How one column of the warm-start copy (`snapshot`) is stored as bytes, and read back.

The layouts, named by a snapshot row's `kind`:

- "text": for mostly distinct text: where each value ends, then the values as UTF-8 (lone
  surrogates kept), each followed by a NUL. Read back as a `TextColumn` when asked.
- "f64": floats, packed; "f64?": the same, with NaN standing for a missing value. Both are
  read back as a `FloatColumn` (the packed floats themselves).
- "i64": integers, packed.
- "dict": each row's number in a list of distinct values, then that list as JSON (strings,
  integers, nulls). Each distinct value is read once and shared by every row holding it.
- "lists": for tag and warning lists: each row's number in a list of distinct lists, the
  lists' lengths, their items' numbers in a vocabulary, then the vocabulary as JSON.

Numbers are packed little-endian behind their count and width. Nothing here executes
stored bytes: damaged ones raise one of `UNREADABLE`.
"""

from __future__ import annotations

import json
import math
import struct
import sys
from array import array
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate

from digest_tui.article_columns import FloatColumn, PickedColumn, TextColumn, as_picked, picked
from digest_tui.index.rows import split_list

TEXT, FLOATS, NULLABLE_FLOATS, INTS, DISTINCT, LISTS = "text", "f64", "f64?", "i64", "dict", "lists"
UNREADABLE = (ValueError, TypeError, IndexError, OverflowError, KeyError, struct.error)
"""What reading damaged or foreign bytes raises."""

_SEPARATOR = "\x00"
# Below this share of distinct values, a column is stored as "dict": fewer objects to
# build, and repeated values shared in memory.
_DISTINCT_SHARE = 0.5
_WIDTHS = {array(code).itemsize: code for code in ("B", "H", "I", "L", "Q")}
_TEXT_SLICE = 1 << 20
_SWAP = sys.byteorder == "big"
_NUMBERS_HEADER = struct.Struct("<IB")  # count, width in bytes


def encoded(column: list, lists: bool = False) -> tuple[str, bytes] | None:
    """The layout and bytes for one column, or None when no layout holds it exactly.

    `lists` marks a column of `rows.join_list` text, stored as "lists".
    """
    kinds = set(map(type, column))
    if lists:
        return _lists_encoded(column) if kinds <= {str} else None
    many_distinct = len(set(column)) > _DISTINCT_SHARE * len(column)
    if kinds <= {str} and many_distinct and not any(_SEPARATOR in value for value in column):
        text = TextColumn.of(column)
        return TEXT, _numbers_packed(text.ends) + bytes(text.data)
    if kinds == {float} and not any(value != value for value in column):
        return FLOATS, _packed("d", column)
    if kinds == {float, type(None)} and not any(value != value for value in column if value):
        return NULLABLE_FLOATS, _packed("d", [math.nan if v is None else v for v in column])
    if kinds == {int} and many_distinct and all(-(2**63) <= value < 2**63 for value in column):
        return INTS, _packed("q", column)
    if kinds <= {str, int, type(None)}:
        numbers: dict = {}
        rows = [numbers.setdefault(value, len(numbers)) for value in column]
        return DISTINCT, _numbers_packed(rows) + _json(list(numbers))
    return None


def encoded_column(column: Sequence, lists: bool = False) -> tuple[str, bytes] | None:
    """`encoded` for a column kept the way `decoded` keeps it: text kept as bytes is stored
    as those bytes, and values kept as numbers as those numbers, with no object per row.

    `lists` marks a tag or warning column (tuples of text), stored as "lists".
    """
    if isinstance(column, TextColumn) and not lists:
        ends = column.ends
        if (ends[-1] if len(ends) else 0) == len(column.data):
            packed_ends = _numbers_packed(ends, ends[-1] if len(ends) else 0)  # they ascend
            return TEXT, b"".join((packed_ends, column.data))  # one copy of the text
    if isinstance(column, FloatColumn) and not lists:
        floats = column.values
        if _SWAP:
            floats = array("d", floats)
            floats.byteswap()
        return NULLABLE_FLOATS, floats.tobytes()  # NaN already stands for a missing value
    if isinstance(column, PickedColumn) and isinstance(column.base, array):
        distinct, rows = _used_only(column.distinct, column.base)
        if lists:
            return _tuples_encoded(distinct, rows)
        values = [int(value) if type(value) is bool else value for value in distinct]
        if not all(type(value) in _DISTINCT_TYPES for value in values):
            return None
        return DISTINCT, _numbers_packed(rows, len(values) - 1) + _json(values)
    if lists:
        picked_lists = as_picked(column)
        return _tuples_encoded(list(picked_lists.distinct), picked_lists.base)
    return encoded(list(column))


_DISTINCT_TYPES = (str, int, type(None))


def _used_only(distinct: Sequence, rows: array) -> tuple[list, Sequence[int]]:
    """The distinct values some row names, and the rows numbered among those only (a
    column spliced many times keeps values no row holds any longer)."""
    import numpy  # a million row numbers, counted in C

    numbers = numpy.frombuffer(rows, dtype=rows.typecode)
    used = numpy.bincount(numbers, minlength=len(distinct)) > 0
    if used.all():
        return list(distinct), rows
    renumbered = numpy.cumsum(used) - 1
    kept = [value for value, keep in zip(distinct, used.tolist(), strict=True) if keep]
    return kept, renumbered[numbers].tolist()


def _tuples_encoded(distinct: list, rows: Sequence[int]) -> tuple[str, bytes] | None:
    """The "lists" layout of rows numbered among distinct tuples of text."""
    if not all(type(one) is tuple for one in distinct):
        return None
    vocabulary: dict[str, int] = {}
    items = [vocabulary.setdefault(item, len(vocabulary)) for one in distinct for item in one]
    if not all(type(item) is str for item in vocabulary):
        return None
    lengths = _numbers_packed([len(one) for one in distinct])
    rows_packed = _numbers_packed(rows, len(distinct) - 1)
    return LISTS, rows_packed + lengths + _numbers_packed(items) + _json(list(vocabulary))


def _lists_encoded(column: list[str]) -> tuple[str, bytes] | None:
    numbers: dict[str, int] = {}
    rows = [numbers.setdefault(text, len(numbers)) for text in column]
    distinct = [split_list(text) for text in numbers]
    vocabulary: dict[str, int] = {}
    items = [vocabulary.setdefault(item, len(vocabulary)) for one in distinct for item in one]
    if not all(type(item) is str for item in vocabulary):
        return None
    lengths = _numbers_packed([len(one) for one in distinct])
    return LISTS, _numbers_packed(rows) + lengths + _numbers_packed(items) + _json(list(vocabulary))


def decoded(
    kind: str, count: int, data: bytes, convert: Callable | None = None, lazy: bool = False
) -> Sequence:
    """The `count` values of one column, each passed through `convert` when given.

    "dict" and "lists" columns stay a row number per value (`picked`); so does a "text"
    column when `lazy` (a `TextColumn`, each value decoded when read). Raises one of
    `UNREADABLE` when the bytes do not hold such a column.
    """
    if kind == TEXT:
        lazy = lazy and convert is None
        text = _text_column(data, count, lazy)
        if lazy:
            return text
        values = _decoded_strictly(text.data)
        if len(values) != count:
            raise ValueError("snapshot text ends do not fall at its separators")
        return values if convert is None else _shared(convert, values)
    if kind == LISTS:
        return _lists_decoded(memoryview(data), count)
    if kind == DISTINCT:
        rows, end = _numbers_unpacked(memoryview(data), 0)
        distinct = _json_list(data[end:])
        if convert is not None:
            distinct = [convert(value) for value in distinct]
        return _rows_of(distinct, rows, count)
    column = _DECODERS[kind](data, count)
    if len(column) != count:
        raise ValueError("snapshot column has the wrong length")
    return column if convert is None else _shared(convert, list(column))


def _lists_decoded(data: memoryview, count: int) -> Sequence[tuple[str, ...]]:
    rows, end = _numbers_unpacked(data, 0)
    lengths, end = _numbers_unpacked(data, end)
    numbers, end = _numbers_unpacked(data, end)
    vocabulary = _json_list(data[end:])
    if not all(type(item) is str for item in vocabulary):
        raise TypeError("snapshot list items are not text")
    items = list(map(vocabulary.__getitem__, numbers))
    ends = list(accumulate(lengths))
    if (ends[-1] if ends else 0) != len(items):
        raise ValueError("snapshot list lengths do not add up")
    slices = map(slice, [0, *ends[:-1]], ends)
    return _rows_of(list(map(tuple, map(items.__getitem__, slices))), rows, count)


def _rows_of(distinct: list, rows: array, count: int) -> PickedColumn:
    """Each row's value, from its number in `distinct`."""
    if len(rows) != count:
        raise ValueError("snapshot column has the wrong length")
    return picked(distinct, rows)


def _shared(convert: Callable, values: list) -> list:
    converted = {value: convert(value) for value in set(values)}
    return list(map(converted.__getitem__, values))


def _text_column(data: bytes, count: int, kept: bool) -> TextColumn:
    """The "text" layout: where each value ends, then the values, each followed by a NUL.

    Checked here in C-speed passes, not value by value: the last end is the end of the
    text, the text holds one NUL per value, and (when the column is `kept` as bytes
    rather than decoded whole at once) it is UTF-8. Should the ends be damaged otherwise,
    a row reads as wrong text, never as an error: see `TextColumn`.
    """
    view = memoryview(data)
    ends, start = _numbers_unpacked(view, 0)
    text = view[start:]
    if len(ends) != count or (ends[-1] if count else 0) != len(text):
        raise ValueError("snapshot text does not add up")
    if data.count(b"\x00", start) != count:
        raise ValueError("snapshot text has the wrong number of values")
    if kept:
        _check_utf8(text)
    return TextColumn(text, ends)


def _check_utf8(text: memoryview) -> None:
    """Raise UnicodeDecodeError unless `text` decodes (see `_slices`)."""
    for piece in _slices(text):
        str(piece, "utf-8", "surrogatepass")


def _decoded_strictly(text: memoryview) -> list[str]:
    """Every value of the text (each followed by a NUL); UnicodeDecodeError unless UTF-8."""
    values: list[str] = []
    for piece in _slices(text):
        values += str(piece, "utf-8", "surrogatepass").split(_SEPARATOR)
        values.pop()  # after the last NUL of the slice
    return values


def _slices(text: memoryview) -> Iterator[memoryview]:
    """The text in slices of about a megabyte, each ending just after a NUL: the whole
    text is never held decoded at once. A NUL byte is never part of a longer UTF-8
    character, so each slice holds whole characters (and whole values)."""
    start = 0
    while start < len(text):
        end = bytes(text[start + _TEXT_SLICE : start + 2 * _TEXT_SLICE]).find(b"\x00")
        end = len(text) if end < 0 else start + _TEXT_SLICE + end + 1
        yield text[start:end]
        start = end


def _floats(data: bytes, count: int) -> FloatColumn:
    return FloatColumn(_unpacked("d", data))


_DECODERS: dict[str, Callable[[bytes, int], Sequence]] = {
    FLOATS: _floats,
    NULLABLE_FLOATS: _floats,
    INTS: lambda data, count: _unpacked("q", data).tolist(),
}


def _json(values: list) -> bytes:
    return json.dumps(values).encode("ascii")


def _json_list(data: bytes | memoryview) -> list:
    values = json.loads(bytes(data))
    if type(values) is not list:
        raise TypeError("snapshot values are not a list")
    return values


def _numbers_packed(values: Sequence[int], top: int | None = None) -> bytes:
    """Non-negative integers in the narrowest width that holds the largest (`top`, when the
    caller knows it)."""
    if top is None:
        top = max(values, default=0)
    width = min(width for width in _WIDTHS if top < 1 << (8 * width))
    return _NUMBERS_HEADER.pack(len(values), width) + _packed(_WIDTHS[width], values)


def _numbers_unpacked(data: memoryview, start: int) -> tuple[array, int]:
    """The numbers `_numbers_packed` stored at `start`, and where they end."""
    count, width = _NUMBERS_HEADER.unpack_from(data, start)
    start += _NUMBERS_HEADER.size
    end = start + count * width
    if end > len(data):
        raise ValueError("snapshot numbers run past the end")
    return _unpacked(_WIDTHS[width], data[start:end]), end


def _packed(code: str, values: Sequence) -> bytes:
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
