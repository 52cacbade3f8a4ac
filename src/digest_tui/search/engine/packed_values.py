"""A field's values for every article, kept as a few long strings rather than one each.

A str object costs about 57 bytes beyond its characters (its header, and the list's
reference to it): more than a typical title, and at a million articles the lower-cased
titles, title words and descriptions held that way took some 700 MB. `PackedValues` joins
the values by line breaks in chunks of `CHUNK`, with each value's start in its chunk, so a
value costs its characters and four bytes. A value is cut out when it is read.

A test of every value goes chunk by chunk: a chunk in which the needle does not occur at
all is passed over in one C-level search, and only the rest are split into values.

Chunks, not one string for the whole field: a str is as wide as its widest character, so
one emoji would otherwise make every description take four bytes per character.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, chain, compress, count, groupby, islice, repeat
from operator import add, and_, contains
from typing import overload

SHIFT = 10
CHUNK = 1 << SHIFT
"""Values per chunk: small enough that one wide character widens few values, large
enough that a chunk's Python overhead is shared by many."""
_IN_CHUNK = CHUNK - 1
SPARSE_SHARE = 16
"""Reading fewer values than one in this many cuts each out on its own; more split the
chunks holding them."""


class PackedValues(Sequence[str]):
    """An immutable sequence of strings with no line break in any of them."""

    __slots__ = ("_chunks", "_size", "_starts")

    def __init__(
        self, values: Iterable[str], make: Callable[[list[str]], list[str]] | None = None
    ) -> None:
        """Pack `values`, or what `make` makes of them (called on a chunk's worth of
        values at a time, so that the made values of the whole field never coexist)."""
        self._size = 0
        self._chunks: list[str] = []
        # Each value's offset in its chunk: one past the line break that ends the one
        # before it (values are at most a few hundred characters, so 32 bits is plenty).
        self._starts = array("I")
        remaining = iter(values)
        while part := list(islice(remaining, CHUNK)):
            if make is not None:
                made = make(part)
                if len(made) != len(part):
                    raise ValueError("making packed values changed their number")
                part = made
            chunk = "\n".join(part)
            if chunk.count("\n") != len(part) - 1:
                raise ValueError("a packed value holds a line break")
            self._chunks.append(chunk)
            spans = map(add, map(len, part), repeat(1))  # each value and its line break
            self._starts.extend(islice(accumulate(spans, initial=0), len(part)))
            self._size += len(part)

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return self.at(range(*index.indices(self._size)))
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError("packed value index out of range")
        return self._value(index)

    def _value(self, index: int) -> str:
        chunk = self._chunks[index >> SHIFT]
        following = index + 1
        end = (
            self._starts[following] - 1
            if following & _IN_CHUNK and following < self._size
            else len(chunk)
        )
        return chunk[self._starts[index] : end]

    def __iter__(self) -> Iterator[str]:
        return chain.from_iterable(map(str.split, self._chunks, repeat("\n")))

    def parts(self) -> Iterator[tuple[int, list[str]]]:
        """Each chunk's values, with the number of its first."""
        return zip(count(0, CHUNK), map(str.split, self._chunks, repeat("\n")), strict=False)

    def at(self, numbers: Iterable[int]) -> list[str]:
        """The values at `numbers` (ascending), in that order."""
        listed = numbers if isinstance(numbers, Sequence) else list(numbers)
        if len(listed) * SPARSE_SHARE < self._size:
            return list(map(self._value, listed))
        found: list[str] = []
        for chunk_number, in_chunk in groupby(listed, _chunk_of):
            values = self._chunks[chunk_number].split("\n")
            found.extend(map(values.__getitem__, map(and_, in_chunk, repeat(_IN_CHUNK))))
        return found

    def containing(self, needle: str) -> list[int]:
        """The numbers of the values containing `needle` (which holds no line break)."""
        return self._passing(
            lambda chunk: needle in chunk, lambda values: map(contains, values, repeat(needle))
        )

    def matching(self, pattern: re.Pattern[str]) -> list[int]:
        """The numbers of the values `pattern` finds a match in. The pattern must match no
        line break and use no anchors, so that a chunk it matches nowhere holds no value
        it matches."""
        search = pattern.search
        return self._passing(search, lambda values: map(search, values))

    def _passing(
        self, holds: Callable[[str], object], tests: Callable[[list[str]], Iterable[object]]
    ) -> list[int]:
        """The numbers of the values passing `tests`, looked for only in chunks that
        `holds` finds something in."""
        found: list[int] = []
        for first, chunk in zip(count(0, CHUNK), self._chunks, strict=False):
            if holds(chunk):
                values = chunk.split("\n")
                found.extend(compress(range(first, first + len(values)), tests(values)))
        return found


def _chunk_of(number: int) -> int:
    return number >> SHIFT
