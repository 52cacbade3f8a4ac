"""Articles gathered a batch of columns at a time into compact `ArticleColumns`.

A first run's quick preview reaches the main process as batches of columns from the worker
processes. Built into `Article`s, a million of them held about a kilobyte each: a tuple per
article and a `str` per value, with every repeated tag list, source and flag a copy of its
own. Gathered here, the text fields a caller names stay UTF-8 bytes (`TextColumn`), and
every field whose values repeat is numbered among its distinct values (`PickedColumn`), as
the warm-start copy keeps them.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Collection, Sequence
from itertools import count
from typing import Any

from digest_tui.article_columns import (
    FIELD_NUMBERS,
    ArticleColumns,
    FloatColumn,
    PickedColumn,
    TextColumn,
    TextColumnBuilder,
    newest_first_order,
    packed_numbers,
    taken,
)

REPEATING_FIELDS = frozenset(
    (
        "modified",
        "tags",
        "draft",
        "featured",
        "author",
        "image",
        "source_name",
        "first_link",
        "words",
        "warnings",
        "categories",
    )
)
"""Fields most articles share a value of with others (a flag, a tag list, a publisher)."""
FLOAT_FIELDS = frozenset(("timestamp",))
"""Fields of floats or None, packed (`FloatColumn`)."""


class _Plain:
    """A column of values as they come."""

    __slots__ = ("values",)

    def __init__(self, values: list[Any] | None = None) -> None:
        self.values: list[Any] = values if values is not None else []

    def add(self, values: Sequence[Any]) -> _Plain:
        self.values += values
        return self

    def built(self) -> Sequence[Any]:
        return self.values


class _Text:
    """A column of strings kept as their UTF-8 bytes; a plain one from the first value that
    is not a string without a NUL."""

    __slots__ = ("column",)

    def __init__(self) -> None:
        self.column = TextColumnBuilder()

    def add(self, values: Sequence[Any]) -> _Text | _Plain:
        if self.column.add(values):
            return self
        return _Plain(list(self.built())).add(values)

    def built(self) -> TextColumn:
        return self.column.built()


class _Floats:
    """A column of floats or None, packed (`FloatColumn`); a plain one from the first value
    of another kind."""

    __slots__ = ("values",)

    def __init__(self) -> None:
        self.values = array("d")

    def add(self, values: Sequence[Any]) -> _Floats | _Plain:
        if not all(type(value) is float or value is None for value in values):
            return _Plain(list(self.built())).add(values)
        self.values += FloatColumn.of(values).values
        return self

    def built(self) -> FloatColumn:
        return FloatColumn(self.values)


class _Picked:
    """A column of each row's number among the distinct values; a plain one from the first
    value that cannot be hashed."""

    __slots__ = ("numbers", "rows")

    def __init__(self) -> None:
        self.numbers: defaultdict[Any, int] = defaultdict(count().__next__)
        self.rows = array("I")  # more distinct values than this holds: never in one folder

    def add(self, values: Sequence[Any]) -> _Picked | _Plain:
        if not values:
            return self
        try:
            if values.count(values[0]) == len(values):  # a batch of defaults, usually
                self.rows += array("I", [self.numbers[values[0]]]) * len(values)
            else:
                self.rows.fromlist(list(map(self.numbers.__getitem__, values)))
        except TypeError:  # an unhashable value
            return _Plain(list(self.built())).add(values)
        return self

    def built(self) -> PickedColumn:
        import numpy

        rows = numpy.frombuffer(self.rows, dtype=numpy.uint32)
        return PickedColumn(list(self.numbers), packed_numbers(rows, len(self.numbers) - 1))


class ColumnsBuilder:
    """`ArticleColumns` gathered from batches of columns, one column per `Article` field.

    `text_fields` are kept as UTF-8 bytes, `REPEATING_FIELDS` as row numbers among their
    distinct values, `FLOAT_FIELDS` packed, the others as plain lists.
    """

    def __init__(self, text_fields: Collection[str]) -> None:
        self._text_fields = text_fields
        self._columns = self._empty()

    def _empty(self) -> list[_Plain | _Text | _Picked | _Floats]:
        return [self._column_for(name) for name in FIELD_NUMBERS]

    def _column_for(self, name: str) -> _Plain | _Text | _Picked | _Floats:
        if name in self._text_fields:
            return _Text()
        if name in FLOAT_FIELDS:
            return _Floats()
        return _Picked() if name in REPEATING_FIELDS else _Plain()

    def add(self, columns: Sequence[Sequence[Any]]) -> None:
        """Append a batch: one sequence of values per field, in the fields' order (an empty
        batch may come as no columns at all)."""
        if not columns:
            return
        if len(columns) != len(self._columns) or len({len(c) for c in columns}) > 1:
            raise ValueError("a batch of article columns of the wrong shape")
        pairs = zip(self._columns, columns, strict=True)
        self._columns = [built.add(values) for built, values in pairs]

    def built(self, newest_first: bool = False) -> ArticleColumns:
        """Every article added so far, as columns, in the order added or `newest_first`
        (as the index lists them); the builder lets them go and starts empty again."""
        gathered, self._columns = self._columns, self._empty()
        columns: list[Sequence[Any]] = [column.built() for column in gathered]
        del gathered
        if newest_first and columns[0]:
            import numpy

            paths, stamps = columns[FIELD_NUMBERS["path"]], columns[FIELD_NUMBERS["timestamp"]]
            order = numpy.asarray(newest_first_order(paths, stamps), dtype=numpy.intp)
            del paths, stamps
            for number, column in enumerate(columns):
                columns[number] = taken(column, order)  # the old one goes as its copy comes
                del column
        return ArticleColumns(columns)
