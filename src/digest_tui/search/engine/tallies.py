"""How many articles of a set hold each value of a column, counted in C for big folders.

The sidebar counts every view's tags, categories, sources and years, and the timeline its
days, after each keystroke. A `Counter` over the chosen articles' values costs a step per
article: about 90 ms at a million articles, taken from the interpreter while the next
keystroke is filtered. A `Tally` keeps the column as codes into its distinct values, so
that a set's counts are one NumPy `bincount` over the codes of its articles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from itertools import chain
from typing import Any

from digest_tui.search.engine import bits


class Tally:
    """One column's values (one per article, or a tuple of them when `many`), countable
    for any set of articles."""

    __slots__ = ("_codes", "_owners", "_values")

    def __init__(self, column: Sequence[Any], many: bool = False) -> None:
        np = bits.numpy_module()
        codes: dict[Hashable, int] = {}
        code_of = codes.setdefault
        values = chain.from_iterable(column) if many else column
        self._codes: Any = np.fromiter((code_of(value, len(codes)) for value in values), np.int32)
        self._owners: Any = None
        """For a column of tuples, the article each code belongs to."""
        if many:
            lengths = np.fromiter(map(len, column), np.int64, len(column))
            self._owners = np.repeat(np.arange(len(column), dtype=np.int32), lengths)
        self._values = list(codes)

    def counts(self, selector: bytes | None) -> Counter[Any]:
        """How many of the selected articles (all when None; else one byte per article,
        as `bits.mask` gives) hold each value."""
        np = bits.numpy_module()
        codes = self._codes
        if selector is not None:
            chosen = np.frombuffer(selector, np.bool_)
            codes = codes[chosen if self._owners is None else chosen[self._owners]]
        tally = np.bincount(codes, minlength=len(self._values))
        held = np.flatnonzero(tally)
        values = map(self._values.__getitem__, held.tolist())
        return Counter(dict(zip(values, tally[held].tolist(), strict=True)))
