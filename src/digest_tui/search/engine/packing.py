"""Lower-casing and word-splitting many field values at once.

Done value by value, preparing 100,000 articles' titles, tags and descriptions costs about
a second of interpreter time. These helpers join the values into one string, work on it
with single C-level calls (`str.lower`, `bytes.translate`) and split it again; each gives
exactly what the value-by-value definition (`normalise`, `spaced_words_of`) gives.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterator, Sequence
from itertools import chain
from typing import TypeVar, overload

from digest_tui.article_columns import PickedColumn, as_picked

Key = TypeVar("Key", bound=Hashable)

# The separators must never occur inside a packed field.
_SEPARATORS = str.maketrans({"\x00": " ", "\n": " ", "\r": " "})
_NOT_WORDS = re.compile(r"[^\w\n]+")
_ASCII_WORD = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz\n"
# Every ASCII byte that is not a word character (nor a line break) becomes a space; bytes
# from 0x80 up, the parts of UTF-8 sequences, stay as they are.
_ASCII_NOT_WORD = bytes(
    byte if byte >= 0x80 or byte in _ASCII_WORD else ord(" ") for byte in range(256)
)
_ASCII_LOWER_NOT_WORD = bytes(_ASCII_NOT_WORD).lower()


def normalise(text: str) -> str:
    """Lower-case `text` and make it safe to pack: no NUL or line breaks."""
    return text.lower().translate(_SEPARATORS)


def normalise_all(values: Sequence[str]) -> list[str]:
    """`[normalise(value) for value in values]`, computed on all values at once."""
    joined = _joined(values)
    if joined is None or "\x00" in joined or "\r" in joined:
        return [normalise(value) for value in values]
    # A line break between two values is neither cased nor case-ignorable, so each value
    # lower-cases as it would alone; lower-casing never makes a line break.
    return joined.lower().split("\n")


class Normalised(Sequence[str]):
    """`normalise_all(values)` computed as it is read, a block of values at a time: a
    field of a million descriptions then holds its text once (as the articles do), not a
    lower-cased copy beside it."""

    __slots__ = ("_block", "_values")

    def __init__(self, values: Sequence[str], block: int = 4096) -> None:
        self._values = values
        self._block = block

    def __len__(self) -> int:
        return len(self._values)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return normalise_all(self._values[index])
        return normalise(self._values[index])

    def __iter__(self) -> Iterator[str]:
        values, block = self._values, self._block
        blocks = (values[start : start + block] for start in range(0, len(values), block))
        return chain.from_iterable(map(normalise_all, blocks))


def made_per_distinct(keys: Sequence[Key], make: Callable[[list[Key]], list[str]]) -> PickedColumn:
    """`make(distinct keys)` as a column over the same rows: equal keys share one string.

    Many articles share a source or a set of tags; one string per article would hold the
    same text thousands of times, and a `Haystack` given this column tests each distinct
    value once.
    """
    column = as_picked(keys)
    return PickedColumn(make(list(column.distinct)), column.base)


def per_stored_value(
    values: Sequence[Key], make: Callable[[Sequence[Key]], list[str]]
) -> list[str]:
    """`make(values)`; computed once per distinct value when the column is kept that
    way (a warm start stores a column whose values mostly repeat as each row's number in
    a list of distinct ones), so rows holding one value share one string. No value of a
    million rows is hashed to find the distinct ones, and a column of mostly distinct
    values is made as it is."""
    if isinstance(values, PickedColumn):
        return _per_picked(values, make)
    return make(values)


def _per_picked(column: PickedColumn, make: Callable[[list[Key]], list[str]]) -> list[str]:
    made_once = make(list(column.distinct))
    return list(map(made_once.__getitem__, column.base))


def spaced_words_of(value: str) -> str:
    """`value`'s words (runs of `\\w`) between spaces, with a space at each end: a word
    starting with `x` is then the substring `" x"`, a whole word `x` is `" x "`."""
    return f" {_NOT_WORDS.sub(' ', value)} "


def spaced_words(values: Sequence[str], lower_first: bool) -> list[str]:
    """Each value normalised and its words spaced, computed on all values at once.

    `lower_first`: `spaced_words_of(normalise(value))`, else
    `normalise(spaced_words_of(value))` (lower-casing can split a word: "İ" becomes "i"
    and a combining dot). Runs of non-word characters may become several spaces rather
    than one; the words, each between spaces, are the same.
    """
    if not values:
        return []
    # Joined by " \n " between an empty first and last line: each value's line gets a
    # space at each end without another pass over the text.
    joined = " \n ".join(chain(("",), values, ("",)))
    # NUL and carriage returns are not word characters: spacing removes them too.
    if joined.isascii():
        # In ASCII, lower-casing never changes what is a word: one table does both.
        lines = joined.encode("ascii").translate(_ASCII_LOWER_NOT_WORD).decode("ascii")
    elif lower_first:
        lines = _spaced_text(joined.lower())
    else:
        lines = _spaced_text(joined).lower()
    spaced = lines.split("\n")
    if len(spaced) == len(values) + 2:
        return spaced[1:-1]
    # A value holding a line break.
    if lower_first:
        return [spaced_words_of(normalise(value)) for value in values]
    return [normalise(spaced_words_of(value)) for value in values]


def _joined(values: Sequence[str]) -> str | None:
    """The values joined by line breaks; None when there are none or one holds a break."""
    if not values:
        return None
    joined = "\n".join(values)
    return joined if joined.count("\n") == len(values) - 1 else None


def _spaced_text(joined: str) -> str:
    """Each non-word character of `joined` but line breaks made a space."""
    data = joined.encode("utf-8", "surrogatepass").translate(_ASCII_NOT_WORD)
    text = data.decode("utf-8", "surrogatepass")
    if joined.isascii():
        return text
    # Only the regex knows which other characters are word characters.
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if not line.isascii():
            lines[number] = _NOT_WORDS.sub(" ", line)
    return "\n".join(lines)
