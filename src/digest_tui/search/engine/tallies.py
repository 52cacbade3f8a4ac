"""How many articles of a set hold each value of a column, counted in C for big folders.

The sidebar counts every view's tags, categories, sources and years, and the timeline its
days, after each keystroke. A `Counter` over the chosen articles' values costs a step per
article: about 90 ms at a million articles, taken from the interpreter while the next
keystroke is filtered. A `Tally` numbers the column's distinct objects once, so that a
set's counts are one NumPy `bincount` over its articles' numbers, and a step per distinct
value held.

The columns share one object per distinct value (or tuple of values) among articles, so
objects are told apart by identity: a sort of their ids rather than a hash per article.
Equal values kept as separate objects are only counted in two steps, not miscounted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from digest_tui.search.engine import bits


class Tally:
    """One column's values (one per article, or a tuple of them when `many`), countable
    for any set of articles."""

    __slots__ = ("_codes", "_kinds", "_objects", "_owners", "_values")

    def __init__(self, column: Sequence[Any], many: bool = False) -> None:
        np = bits.numpy_module()
        ids = np.fromiter(map(id, column), np.int64, len(column))
        _ids, firsts, kinds = np.unique(ids, return_index=True, return_inverse=True)
        self._kinds: Any = kinds.astype(np.int32)
        """Each article's number among the distinct objects of the column."""
        objects = list(map(column.__getitem__, firsts.tolist()))
        self._objects = len(objects)
        held = objects if many else [(value,) for value in objects]
        codes: dict[Any, int] = {}
        code_of = codes.setdefault
        flat = (code_of(value, len(codes)) for values in held for value in values)
        self._codes: Any = np.fromiter(flat, np.int32)
        """The values of each distinct object in turn, as numbers into `_values`."""
        lengths = np.fromiter(map(len, held), np.int64, len(held))
        self._owners: Any = np.repeat(np.arange(len(held), dtype=np.int32), lengths)
        """The distinct object each of `_codes` belongs to."""
        self._values = list(codes)

    def counts(self, selector: bytes | None) -> Counter[Any]:
        """How many of the selected articles (all when None; else one byte per article,
        as `bits.mask` gives) hold each value."""
        np = bits.numpy_module()
        kinds = self._kinds
        if selector is not None:
            kinds = kinds[np.frombuffer(selector, np.bool_)]
        per_object = np.bincount(kinds, minlength=self._objects)
        weights = per_object[self._owners]
        per_value = np.bincount(self._codes, weights=weights, minlength=len(self._values))
        held = np.flatnonzero(per_value)
        values = map(self._values.__getitem__, held.tolist())
        return Counter(dict(zip(values, per_value[held].astype(np.int64).tolist(), strict=True)))
