"""Which articles hold each token of one text field: substring search without a scan.

A needle with no whitespace in it can only occur inside one token (a run of
non-whitespace characters) of a value. So the articles whose value contains it are those
holding a token that contains it, and the tokens are far fewer than the text: a folder's
titles repeat the same words. The distinct tokens are packed into one string like a
`Haystack`'s values, each with its number, so one regex over them finds every token that
contains, starts with or equals the needle; the articles holding each token are kept as
its one article's number, an array of their numbers, or (for a token in one value in
`DENSE_SHARE` or more) the set of them.

Scanning every value costs a pass over the whole field per keystroke (about 20 MB for
100,000 articles' titles, tags and descriptions); the tokens of a field grow much slower
than its text.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Sequence

from digest_tui.search.engine import bits
from digest_tui.search.engine.cache import TOKEN_UNIONS, BoundedCache

_LINE = "{}\x00{}"
DENSE_SHARE = 8
"""A token held by one article in this many or more keeps its articles as a set."""


class TokenIndex:
    """The distinct tokens of a field's values and, for each, the articles holding it."""

    __slots__ = ("_holders", "_numbers", "_text", "_unions", "size")

    def __init__(self, values: Sequence[str]) -> None:
        """Index `values` (already normalised: no NUL or line break in them)."""
        self.size = len(values)
        numbers: dict[str, int] = {}
        # Most tokens of real text occur once: such a token's article is kept as a plain
        # number, and only a token held by several articles gets an array of them.
        holders: list[int | array[int] | Dense] = []
        for article, value in enumerate(values):
            for token in value.split():
                number = numbers.get(token)
                if number is None:
                    numbers[token] = len(holders)
                    holders.append(article)
                    continue
                held = holders[number]
                if isinstance(held, int):
                    if held != article:  # a token twice in one value counts once
                        holders[number] = array("i", (held, article))
                elif isinstance(held, array) and held[-1] != article:
                    held.append(article)
        self._numbers = numbers
        for number, held in enumerate(holders):
            if isinstance(held, array) and len(held) * DENSE_SHARE >= self.size:
                holders[number] = Dense(bits.from_numbers(held, self.size))
        self._holders = holders
        # "token NUL number" lines, each starting after a line break (the first too).
        self._text = "\n" + "\n".join(map(_LINE.format, numbers, range(len(holders))))
        self._unions: BoundedCache[tuple[int, ...], int] = BoundedCache(TOKEN_UNIONS)

    def __len__(self) -> int:
        """How many distinct tokens the field holds."""
        return len(self._holders)

    def containing(self, needle: str) -> int | None:
        """The articles whose value contains `needle` (a `bits` set); None when the
        needle holds whitespace, which only a test of the values can answer."""
        if not _one_token(needle):
            return None
        return self._holding(_tokens_matching(self._text, re.escape(needle) + "[^\x00\n]*"))

    def starting(self, prefix: str) -> int | None:
        """The articles with a token starting with `prefix`; None as for `containing`."""
        if not _one_token(prefix):
            return None
        return self._holding(_tokens_matching(self._text, "\n" + re.escape(prefix) + "[^\x00\n]*"))

    def equal(self, token: str) -> int | None:
        """The articles with `token` as a whole token; None as for `containing`."""
        if not _one_token(token):
            return None
        number = self._numbers.get(token)
        return 0 if number is None else self._holding([number])

    def _holding(self, tokens: Iterable[int]) -> int:
        key = tuple(tokens)
        found = self._unions.get(key)
        if found is None:
            # One array of every holder: a set is built from an array in C.
            held_by_any = array("i")
            dense = 0
            for held in map(self._holders.__getitem__, key):
                if isinstance(held, int):
                    held_by_any.append(held)
                elif isinstance(held, Dense):
                    dense |= held.members
                else:
                    held_by_any.extend(held)
            found = dense
            if held_by_any:
                found |= bits.from_numbers(held_by_any, self.size)
            self._unions.put(key, found)
        return found


class Dense:
    """The articles of a token held by one article in `DENSE_SHARE` or more, as a `bits`
    set: a union takes it in one C-level OR rather than a step per article, and it takes
    at most twice the memory of an array of their numbers."""

    __slots__ = ("members",)

    def __init__(self, members: int) -> None:
        self.members = members


def _one_token(text: str) -> bool:
    """True when `text` is one token: not empty, and no character `str.split` splits at."""
    parts = text.split()
    return len(parts) == 1 and len(parts[0]) == len(text)


def _tokens_matching(text: str, pattern: str) -> list[int]:
    """The numbers of the packed tokens a match of `pattern` lies in (one per token)."""
    # The token's number follows its NUL; a match that began inside a number finds no NUL
    # after it on its line, so it matches nothing.
    found = re.compile(pattern + "\x00([0-9]+)").findall(text)
    return list(map(int, found))
