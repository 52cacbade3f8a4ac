"""Which articles hold each token of one text field: substring search without a scan.

A needle with no whitespace in it can only occur inside one token (a run of
non-whitespace characters) of a value. So the articles whose value contains it are those
holding a token that contains it, and the tokens are far fewer than the text: a folder's
titles repeat the same words. The distinct tokens are packed into one string like a
`Haystack`'s values, each with its number, so one regex over them finds every token that
contains, starts with or equals the needle; the articles holding each token are kept as
its one article's number, or an array of their numbers.

Scanning every value costs a pass over the whole field per keystroke (about 20 MB for
100,000 articles' titles, tags and descriptions); the tokens of a field grow much slower
than its text.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Sequence
from itertools import chain

from digest_tui.search.engine import bits

_LINE = "{}\x00{}"


class TokenIndex:
    """The distinct tokens of a field's values and, for each, the articles holding it."""

    __slots__ = ("_holders", "_numbers", "_text", "size")

    def __init__(self, values: Sequence[str]) -> None:
        """Index `values` (already normalised: no NUL or line break in them)."""
        self.size = len(values)
        numbers: dict[str, int] = {}
        # Most tokens of real text occur once: such a token's article is kept as a plain
        # number, and only a token held by several articles gets an array of them.
        holders: list[int | array[int]] = []
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
                elif held[-1] != article:
                    held.append(article)
        self._numbers = numbers
        self._holders = holders
        # "token NUL number" lines, each starting after a line break (the first too).
        self._text = "\n" + "\n".join(map(_LINE.format, numbers, range(len(holders))))

    def __len__(self) -> int:
        """How many distinct tokens the field holds."""
        return len(self._holders)

    def containing(self, needle: str) -> int | None:
        """The articles whose value contains `needle` (a `bits` set); None when the
        needle holds whitespace, which only a scan of the values can answer."""
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
        alone: list[int] = []
        several: list[array[int]] = []
        for held in map(self._holders.__getitem__, tokens):
            if isinstance(held, int):
                alone.append(held)
            else:
                several.append(held)
        return bits.from_numbers(chain(alone, chain.from_iterable(several)), self.size)


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
