"""A list of articles kept as one column per field, each Article built when it is read.

The warm-start copy of the index (`index.snapshot`) stores the articles a column at a time.
Building a million `Article` tuples from those columns takes about a second and holds
a tuple per article; most of it is wasted, since the search engine reads a few fields of
every article and the list shows a screenful. So the columns are kept as they are read:
`column_of(articles, "title")` gives the engine a whole field, and an `Article` is built
only for a row somebody asks for.

`column_of` works on any sequence of articles, so code that reads fields does not need to
know how its list is kept.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from functools import partial
from itertools import accumulate, compress, count
from operator import attrgetter, eq, indexOf
from typing import TYPE_CHECKING, Any, overload

from digest_tui.model import Article, listing_place

if TYPE_CHECKING:
    import numpy
    from numpy.typing import NDArray

FIELD_NUMBERS = {name: number for number, name in enumerate(Article._fields)}
_NEW_ARTICLE = partial(tuple.__new__, Article)


TEXT_FIELDS = frozenset(("path", "title", "date", "source_url", "description"))
"""The fields a list of many articles keeps as their bytes (`TextColumn`), each value
decoded when read.

Paths, titles, dates, source URLs and descriptions are read whole only when the search
data is built (and a million descriptions again by each scan of them, a block at a time),
else a row at a time. The lookup by path (`path_numbers`) holds no path either.
"""


class MappedColumn(Sequence[Any]):
    """`read` of each item of `base`, worked out when asked for (nothing is copied)."""

    __slots__ = ("base", "read")

    def __init__(self, read: Callable[[Any], Any], base: Sequence[Any]) -> None:
        self.read = read
        self.base = base

    def __len__(self) -> int:
        return len(self.base)

    def __iter__(self) -> Iterator[Any]:
        return map(self.read, self.base)

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return list(map(self.read, self.base[index]))
        return self.read(self.base[index])


class PickedColumn(MappedColumn):
    """A column whose row `i` holds `distinct[rows[i]]` (see `picked`)."""

    __slots__ = ("distinct",)

    def __init__(self, distinct: Sequence[Any], rows: Sequence[int]) -> None:
        super().__init__(distinct.__getitem__, rows)
        self.distinct = distinct


def picked(distinct: Sequence[Any], rows: Sequence[int]) -> PickedColumn:
    """A column whose row `i` holds `distinct[rows[i]]`.

    Where most rows repeat a value (a flag, a source, a tag list), that costs a byte or two
    per row rather than a reference each.
    """
    if len(rows) and max(rows) >= len(distinct):
        raise IndexError("a row names a value that is not there")
    return PickedColumn(distinct, rows)


def as_picked(column: Iterable[Any]) -> PickedColumn:
    """`column` as a `PickedColumn`: itself when it is one, else each row numbered among
    its distinct values in one pass (equal values share a number, so the rows are hashed)."""
    if isinstance(column, PickedColumn):
        return column
    numbers: defaultdict[Any, int] = defaultdict(count().__next__)
    rows = array("Q", map(numbers.__getitem__, column))
    code = narrowest_code(len(numbers))  # the rows number the values from 0 up
    return PickedColumn(list(numbers), rows if code == "Q" else array(code, rows))


class TextColumn(Sequence[str]):
    """Strings kept as their UTF-8 bytes, each decoded when it is read.

    A million titles held as `str` objects cost about fifty bytes each beyond their
    text; held here they cost four or eight (where each ends). `data` is every value
    followed by a NUL (so no value holds one); `ends[i]` is where value `i`'s NUL ends,
    that is where value `i + 1` starts. Lone surrogates are kept ("surrogatepass"); bytes
    that are not UTF-8 read as U+FFFD, so reading a row never fails.
    """

    __slots__ = ("data", "ends")

    _CHUNK = 4096
    """Rows decoded at a time when the whole column is read."""

    def __init__(self, data: bytes | memoryview, ends: Sequence[int]) -> None:
        self.data = memoryview(data)
        self.ends = ends

    @classmethod
    def of(cls, values: Iterable[str]) -> TextColumn:
        """The column of `values` (none may hold a NUL)."""
        encoded = [value.encode("utf-8", "surrogatepass") + b"\x00" for value in values]
        ends = array("Q", accumulate(map(len, encoded)))
        return cls(b"".join(encoded), narrowed(ends))

    def __len__(self) -> int:
        return len(self.ends)

    def _start(self, index: int) -> int:
        return self.ends[index - 1] if index else 0

    def _decoded(self, start: int, stop: int) -> list[str]:
        """Rows `start` to `stop` (a non-empty run, within the column)."""
        return self._text(self._start(start), self.ends[stop - 1] - 1).split("\x00")

    def _text(self, start: int, end: int) -> str:
        try:
            return str(self.data[start:end], "utf-8", "surrogatepass")
        except UnicodeDecodeError:
            # Only ends that are not where the values end cut a character: wrong text
            # then, but never an error when a row is read.
            return str(self.data[start:end], "utf-8", "replace")

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return [self[number] for number in range(start, stop, step)]
            return self._decoded(start, stop) if start < stop else []
        if index < 0:
            index += len(self.ends)
            if index < 0:
                raise IndexError("text column index out of range")
        end = self.ends[index]  # raises IndexError past the end
        return self._text(self._start(index), end - 1)

    def __iter__(self) -> Iterator[str]:
        size, chunk = len(self), self._CHUNK
        for start in range(0, size, chunk):
            yield from self._decoded(start, min(start + chunk, size))

    def row_of(self, value: str) -> int | None:
        """The first row holding `value`, or None: its bytes are found in the column's
        text by one search in C, not by decoding row after row."""
        try:
            encoded = value.encode("utf-8", "surrogatepass")
        except UnicodeEncodeError:
            return None
        if b"\x00" in encoded:
            return None
        if len(self) and self.data[: len(encoded) + 1] == encoded + b"\x00":
            return 0
        # Every other value starts just after the NUL that ends the one before it.
        found = re.compile(re.escape(b"\x00" + encoded + b"\x00")).search(self.data)
        return None if found is None else bisect_right(self.ends, found.start() + 1)

    def taken(self, numbers: NDArray[numpy.intp]) -> TextColumn:
        """A new column of the rows at `numbers`, in that order, copied as bytes."""
        import numpy

        ends = _as_numpy(self.ends)
        last = ends[numbers].astype(numpy.int64)
        first = numpy.where(numbers > 0, ends[numbers - 1], 0).astype(numpy.int64)
        copied = bytearray()
        for block in range(0, len(numbers), self._CHUNK):  # a block of slices at a time
            end = block + self._CHUNK
            bounds = map(slice, first[block:end].tolist(), last[block:end].tolist())
            copied += b"".join(map(self.data.__getitem__, bounds))
        ends = numpy.cumsum(last - first)
        return TextColumn(memoryview(copied), packed_numbers(ends, len(copied)))

    def spliced(self, pieces: Sequence[range | Sequence[str]]) -> TextColumn:
        """A new column of `pieces` one after another: each range a run of this column's
        rows, each other piece new values. Runs are copied as bytes."""
        blocks: list[bytes | memoryview] = []
        ends = array("Q")
        length = 0
        for piece in pieces:
            if isinstance(piece, range):
                start, stop = piece.start, piece.stop
                if start >= stop:
                    continue
                first = self._start(start)
                blocks.append(self.data[first : self.ends[stop - 1]])
                ends += _moved(self.ends, start, stop, length - first)
            else:
                added = TextColumn.of(piece)
                blocks.append(added.data)
                ends += array("Q", map(length.__add__, added.ends))
            length = ends[-1] if ends else 0
        return TextColumn(b"".join(blocks), narrowed(ends))


class FloatColumn(Sequence["float | None"]):
    """Floats kept packed (`array("d")`, eight bytes each), NaN standing for a missing
    value, which reads as None.

    A million timestamps held as a list cost about thirty-two bytes each (a float object
    and its reference); here they cost eight. A value read from the column is never NaN:
    a missing one reads as None.
    """

    __slots__ = ("values",)

    _CHUNK = 4096
    """Rows converted at a time when the whole column is read."""

    def __init__(self, values: array) -> None:
        if values.typecode != "d":
            raise TypeError("a float column packs doubles")
        self.values = values

    @classmethod
    def of(cls, values: Iterable[float | None]) -> FloatColumn:
        """The column of `values` (None, or NaN, for a missing one)."""
        return cls(array("d", [_NAN if value is None else value for value in values]))

    def __len__(self) -> int:
        return len(self.values)

    @overload
    def __getitem__(self, index: int) -> float | None: ...
    @overload
    def __getitem__(self, index: slice) -> list[float | None]: ...
    def __getitem__(self, index: int | slice) -> float | None | list[float | None]:
        if isinstance(index, slice):
            return _present(self.values[index].tolist())
        value = self.values[index]
        return None if value != value else value

    def __iter__(self) -> Iterator[float | None]:
        values, chunk = self.values, self._CHUNK
        for start in range(0, len(values), chunk):
            yield from _present(values[start : start + chunk].tolist())

    def as_numpy(self) -> NDArray[numpy.float64]:
        """The values as a NumPy array (a view, not a copy), NaN where one is missing."""
        import numpy

        return numpy.frombuffer(self.values, dtype=numpy.float64)

    def taken(self, numbers: NDArray[numpy.intp]) -> FloatColumn:
        """A new column of the rows at `numbers`, in that order."""
        return FloatColumn(array("d", self.as_numpy()[numbers].tobytes()))


_NAN = float("nan")


def _present(values: list[float]) -> list[float | None]:
    return [None if value != value else value for value in values]


def floats_of(column: Sequence[float | None]) -> NDArray[numpy.float64]:
    """`column` (floats or None) as a NumPy array, NaN where a value is missing: a view of a
    `FloatColumn`, else converted one value at a time."""
    if isinstance(column, FloatColumn):
        return column.as_numpy()
    import numpy

    return numpy.array(column, dtype=numpy.float64)  # None becomes NaN


class TextColumnBuilder:
    """A `TextColumn` built a batch of strings at a time (a first run's preview)."""

    __slots__ = ("data", "ends")

    def __init__(self) -> None:
        self.data = bytearray()
        self.ends = array("Q")

    def add(self, values: Sequence[str]) -> bool:
        """Append `values`; False, adding none, unless each is a `str` without a NUL."""
        if not values:
            return True
        try:
            joined = "\x00".join(values)
        except TypeError:  # a value that is not text
            return False
        if joined.count("\x00") != len(values) - 1:
            return False
        import numpy  # batches are a first run's: where each value ends is found in C

        encoded = (joined + "\x00").encode("utf-8", "surrogatepass")
        ends = numpy.flatnonzero(numpy.frombuffer(encoded, numpy.uint8) == 0)
        ends += len(self.data) + 1  # each value ends just after its NUL
        self.ends.frombytes(ends.astype(numpy.uint64).tobytes())
        self.data += encoded
        return True

    def built(self) -> TextColumn:
        """The column of every value added."""
        # The bytes are handed over as they are: a copy would briefly double them, while
        # growing in place left at most an eighth unused.
        code = narrowest_code(self.ends[-1] if self.ends else 0)  # the ends ascend
        return TextColumn(memoryview(self.data), array(code, self.ends))


def _as_numpy(numbers: Sequence[int]) -> NDArray[Any]:
    """`numbers` as a NumPy array: a view of an array's buffer, else a copy."""
    import numpy

    if isinstance(numbers, array):
        return numpy.frombuffer(numbers, dtype=numbers.typecode)
    return numpy.asarray(numbers, dtype=numpy.int64)


def _moved(ends: Sequence[int], start: int, stop: int, offset: int) -> array:
    """`ends[start:stop]`, each plus `offset` (not negative once added), as `array("Q")`."""
    if stop - start < _MOVED_IN_C_FROM or not isinstance(ends, array):
        return array("Q", map(offset.__add__, ends[start:stop]))
    import numpy  # a million ends moved in C

    run = numpy.frombuffer(ends, dtype=ends.typecode)[start:stop].astype(numpy.int64) + offset
    return array("Q", run.astype(numpy.uint64).tobytes())


_MOVED_IN_C_FROM = 50_000


def _fits_text(value: object) -> bool:
    return type(value) is str and "\x00" not in value


def narrowed(numbers: array) -> array:
    """`numbers` (non-negative) in the narrowest array type that holds the largest."""
    code = narrowest_code(max(numbers, default=0))
    return numbers if numbers.typecode == code else array(code, numbers)


def narrowest_code(top: int) -> str:
    """The array type code of the narrowest unsigned integers that hold `top`."""
    return next(code for code in "BHIQ" if top < 1 << (8 * array(code).itemsize))


Piece = range | Sequence[Article]
"""Part of a spliced list: a run of an existing list's rows, or new articles."""


class ArticleColumns(Sequence[Article]):
    """Articles held as one column per `Article` field, in the fields' order.

    Reading an item builds that `Article` (equal to the one stored, not the same object
    twice); iterating builds each in turn. `column(name)` hands out a field's column as it
    is held, without building any.
    """

    __slots__ = ("_columns", "_parts")

    def __init__(self, columns: Sequence[Sequence[Any]]) -> None:
        if len(columns) != len(FIELD_NUMBERS):
            raise ValueError(f"{len(columns)} columns for {len(FIELD_NUMBERS)} article fields")
        if len({len(column) for column in columns}) > 1:
            raise ValueError("article columns of different lengths")
        self._columns = tuple(columns)
        # (values, None) for a plain column, (base, read) for a mapped one: reading a row
        # then makes no Python call per field.
        self._parts = tuple(
            (column.base, column.read) if isinstance(column, MappedColumn) else (column, None)
            for column in self._columns
        )

    def __len__(self) -> int:
        return len(self._columns[0])

    def __iter__(self) -> Iterator[Article]:
        return map(_NEW_ARTICLE, zip(*self._columns, strict=True))

    @overload
    def __getitem__(self, index: int) -> Article: ...
    @overload
    def __getitem__(self, index: slice) -> list[Article]: ...
    def __getitem__(self, index: int | slice) -> Article | list[Article]:
        if isinstance(index, slice):
            return self.at(range(*index.indices(len(self))))
        return _NEW_ARTICLE(
            [values[index] if read is None else read(values[index]) for values, read in self._parts]
        )

    def at(self, numbers: Iterable[int]) -> list[Article]:
        """The articles at `numbers`, in that order, built a field at a time."""
        if not isinstance(numbers, list | tuple | range):
            numbers = list(numbers)
        fields = [
            map(values.__getitem__, numbers)
            if read is None
            else map(read, map(values.__getitem__, numbers))
            for values, read in self._parts
        ]
        return list(map(_NEW_ARTICLE, zip(*fields, strict=True)))

    def reordered(self, numbers: Sequence[int]) -> ArticleColumns:
        """The articles at `numbers`, in that order, still kept as columns of the same
        kinds (no `Article` is built)."""
        import numpy  # lists kept as columns are big ones: each column moves in C

        order = numpy.asarray(numbers, dtype=numpy.intp)
        return ArticleColumns([taken(column, order) for column in self._columns])

    def column(self, name: str) -> Sequence[Any]:
        """Field `name` of every article, in order."""
        return self._columns[FIELD_NUMBERS[name]]

    def index_of_path(self, path: str) -> int:
        """The row of the first article at `path` (ValueError when none is)."""
        row = row_of_path(self.column("path"), path)
        if row is None:
            raise ValueError(f"no article at {path!r}")
        return row

    def spliced(self, pieces: Sequence[Piece]) -> ArticleColumns:
        """New columns holding `pieces` one after another (see `spliced`); these stay as
        they are. Runs of rows are copied a column at a time, so a million rows with a few
        changes cost a copy of each column, not a million articles."""
        return ArticleColumns(
            [spliced_column(column, number, pieces) for number, column in enumerate(self._columns)]
        )

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same articles in the same order (as a list is)."""
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(map(eq, self, other))

    __hash__ = None  # type: ignore[assignment]  # mutable-like, as a list

    def __repr__(self) -> str:
        return f"ArticleColumns({len(self)} articles)"


def taken(column: Sequence[Any], numbers: NDArray[numpy.intp]) -> Sequence[Any]:
    """The rows of `column` at `numbers`, in that order, kept the way `column` keeps them."""
    if isinstance(column, TextColumn | FloatColumn):
        return column.taken(numbers)
    if isinstance(column, PickedColumn) and isinstance(column.base, array):
        import numpy

        rows = numpy.frombuffer(column.base, dtype=column.base.typecode)[numbers]
        return PickedColumn(column.distinct, packed_numbers(rows, len(column.distinct) - 1))
    return list(map(column.__getitem__, numbers.tolist()))


def packed_numbers(numbers: NDArray[Any], top: int) -> array:
    """Non-negative `numbers`, none above `top`, as an array of the narrowest type."""
    packed = array(narrowest_code(top))
    packed.frombytes(numbers.astype(packed.typecode).tobytes())
    return packed


def spliced(articles: Sequence[Article], pieces: Sequence[Piece]) -> Sequence[Article]:
    """The articles of `pieces` in order: each range a run of `articles`' rows, each other
    piece new articles. Columns stay columns."""
    if isinstance(articles, ArticleColumns):
        return articles.spliced(pieces)
    joined: list[Article] = []
    for piece in pieces:
        joined += articles[piece.start : piece.stop] if isinstance(piece, range) else piece
    return joined


def spliced_column(column: Sequence[Any], field: int, pieces: Sequence[Piece]) -> Sequence[Any]:
    """Column `field` (its number in `Article`) of `spliced` pieces, kept as `column` is."""
    if isinstance(column, PickedColumn):
        return _spliced_picks(column, field, pieces)
    if isinstance(column, TextColumn):
        parts: list[range | list[Any]] = [
            piece if isinstance(piece, range) else [article[field] for article in piece]
            for piece in pieces
        ]
        if all(
            map(_fits_text, (value for part in parts if isinstance(part, list) for value in part))
        ):
            return column.spliced(parts)
    if isinstance(column, FloatColumn):
        return _spliced_floats(column, field, pieces)
    values: list[Any] = []
    for piece in pieces:
        if isinstance(piece, range):
            values += column[piece.start : piece.stop]
        else:
            values += [article[field] for article in piece]
    return values


def _spliced_floats(column: FloatColumn, field: int, pieces: Sequence[Piece]) -> FloatColumn:
    """Runs of rows are copied in C, new articles' values packed (None as NaN)."""
    joined = array("d")
    for piece in pieces:
        if isinstance(piece, range):
            joined += column.values[piece.start : piece.stop]
        else:
            added: list[Any] = [article[field] for article in piece]
            joined += FloatColumn.of(added).values
    return FloatColumn(joined)


def _spliced_picks(column: PickedColumn, field: int, pieces: Sequence[Piece]) -> PickedColumn:
    """New articles' values are added to the distinct ones (a few per change; a warm start
    stores them compactly again)."""
    distinct = list(column.distinct)
    rows = column.base
    most = len(distinct) + sum(len(piece) for piece in pieces if not isinstance(piece, range))
    code = narrowest_code(most - 1)  # the largest row number
    spliced_rows = array(code)
    for piece in pieces:
        if not isinstance(piece, range):
            spliced_rows += array(code, range(len(distinct), len(distinct) + len(piece)))
            distinct += [article[field] for article in piece]
            continue
        run = rows[piece.start : piece.stop]
        if isinstance(run, array) and run.typecode == code:
            spliced_rows += run  # copied in C
        else:
            spliced_rows += array(code, run)
    return PickedColumn(distinct, spliced_rows)


def articles_at(articles: Sequence[Article], numbers: Iterable[int]) -> Iterable[Article]:
    """The articles at `numbers` of `articles`, in that order."""
    if isinstance(articles, ArticleColumns):
        return articles.at(numbers)
    return map(articles.__getitem__, numbers)


def with_paths(articles: Sequence[Article], paths: Collection[str]) -> list[Article]:
    """Those of `articles` whose path is one of `paths`, in list order; found through the
    path column, so no other article is built."""
    listed = column_of(articles, "path")
    return list(articles_at(articles, compress(count(), map(paths.__contains__, listed))))


def newest_first_order(paths: Sequence[str], stamps: Sequence[float | None]) -> list[int]:
    """The row numbers of articles with these paths and timestamps, newest first, undated
    ones last, ties in path order: the order the index lists them in.

    The stamps are ordered in C; only the paths of rows that tie (the same stamp, or none)
    are read and sorted, a group at a time.
    """
    import numpy

    times = floats_of(stamps)
    undated = numpy.isnan(times)
    dated_rows = numpy.flatnonzero(~undated)
    order = dated_rows[numpy.argsort(-times[dated_rows], kind="stable")]
    ordered = times[order]
    starts = numpy.flatnonzero(numpy.concatenate(([True], ordered[1:] != ordered[:-1])))
    ends = numpy.append(starts[1:], len(order))
    tied = numpy.flatnonzero(ends - starts > 1)
    undated_rows = numpy.flatnonzero(undated)
    tied_rows = int((ends[tied] - starts[tied]).sum()) + len(undated_rows)
    # A row read alone from a column of encoded paths costs about eight read in one pass.
    path_of = list(paths).__getitem__ if tied_rows * 16 > len(times) else paths.__getitem__
    for start, end in zip(starts[tied].tolist(), ends[tied].tolist(), strict=True):
        order[start:end] = sorted(order[start:end].tolist(), key=path_of)
    rows = order.tolist()
    rows += sorted(undated_rows.tolist(), key=path_of)
    return rows


def index_of_path(articles: Sequence[Article], path: str) -> int:
    """Where the article at `path` is in `articles` (ValueError when it is not there): a
    list that can find it itself (`index_of_path`, as columns of encoded paths do with
    one search of their bytes) is asked, else its paths are read in turn."""
    find = getattr(articles, "index_of_path", None)
    if find is not None:
        return int(find(path))
    return indexOf(column_of(articles, "path"), path)


def row_of_path(paths: Sequence[str], path: str) -> int | None:
    """The first row of the column `paths` holding `path`, or None."""
    if isinstance(paths, TextColumn):
        return paths.row_of(path)
    try:
        return indexOf(paths, path)
    except ValueError:
        return None


def column_of(articles: Sequence[Article], name: str) -> Sequence[Any]:
    """Field `name` of every one of `articles`, in order: from the list's own `column(name)`
    when it has one (articles kept as columns, and views of them), else a view reading the
    attribute of each."""
    column = getattr(articles, "column", None)
    if column is not None:
        return column(name)
    return MappedColumn(attrgetter(name), articles)


def with_replaced(
    articles: Sequence[Article], fresh: Iterable[Article], gone: Collection[str]
) -> Sequence[Article]:
    """`articles` without those whose path is in `gone`, with `fresh` added.

    Articles in the reader's order (as the index gives them) stay in it: each fresh one goes
    where that order puts it, so the list needs no sort. Columns stay columns: a change to
    a million articles copies their columns, and builds no article but the fresh ones.
    """
    pieces = replacement_pieces(
        column_of(articles, "path"), column_of(articles, "timestamp"), fresh, gone
    )
    return spliced(articles, pieces)


def replacement_pieces(
    paths: Sequence[str],
    stamps: Sequence[float | None],
    fresh: Iterable[Article],
    gone: Collection[str],
) -> list[Piece]:
    """The pieces (see `spliced`) of `with_replaced`, for articles of these paths and
    timestamps: a column at a time can then be spliced by `spliced_column`."""
    added = sorted(fresh, key=_place)
    dropped = set(compress(count(), map(gone.__contains__, paths)))
    rows = range(len(paths))

    def row_place(row: int) -> tuple[bool, float, str]:
        return listing_place(stamps[row], paths[row])

    inserted: dict[int, list[Article]] = defaultdict(list)
    for article in added:
        inserted[bisect_left(rows, _place(article), key=row_place)].append(article)
    pieces: list[Piece] = []
    start = 0
    for mark in sorted(dropped.union(inserted)):
        pieces += [range(start, mark), inserted.get(mark, [])]
        start = mark + 1 if mark in dropped else mark
    pieces.append(range(start, len(paths)))
    return pieces


def _place(article: Article) -> tuple[bool, float, str]:
    return listing_place(article.timestamp, article.path)
