"""Each article's categories, source and year as columns, so that the facet counts of any
set of articles are taken at C speed (`Counter` over `itertools.compress`, or in a big
folder a `Tally`) rather than by a Python loop per article: the sidebar counts every view
the user types."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain, compress

from digest_tui.article_columns import PickedColumn, as_picked
from digest_tui.facets import values_by_article
from digest_tui.model import Article
from digest_tui.search.engine import bits
from digest_tui.search.engine.tallies import Tally

COLUMN_FACETS = ("categories", "sources", "years")
"""The facets counted here (tags have their own index, `TagIndex`)."""
_MANY_VALUED = frozenset({"categories"})


class FacetColumns:
    """Per facet, each article's value keys (case-folded) and each key's first spelling.
    Never changes."""

    __slots__ = ("_keys", "_names", "_tallies")

    def __init__(self, articles: Sequence[Article], by_day: PickedColumn | None = None) -> None:
        """`by_day`: each article's calendar day as `TagIndex.day_column` holds it, when
        built already (the years are read from it)."""
        self._keys: dict[str, PickedColumn] = {}
        self._names: dict[str, dict[str, str]] = {}
        for facet in COLUMN_FACETS:
            self._keys[facet], self._names[facet] = _column(articles, facet, by_day)
        self._tallies: dict[str, Tally] = {}

    def counts(self, facet: str, selector: bytes | None) -> Counter[str]:
        """How many of the selected articles (all when `selector` is None; else one byte
        per article, as `bits.mask` gives) hold each key of `facet`."""
        column: Iterable = self._keys[facet]
        if len(self._keys[facet]) >= bits.VECTOR_FROM:
            found = self._tally(facet).counts(selector)
            found.pop("", None)
            return found
        if selector is not None:
            column = compress(column, selector)
        if facet in _MANY_VALUED:
            column = chain.from_iterable(column)
        found = Counter(column)
        found.pop("", None)
        return found

    def _tally(self, facet: str) -> Tally:
        tally = self._tallies.get(facet)
        if tally is None:  # two threads may both build it: the same either way
            tally = self._tallies[facet] = Tally(self._keys[facet], facet in _MANY_VALUED)
        return tally

    def name(self, facet: str, key: str) -> str:
        """The spelling of `key` as first written in the articles."""
        return self._names[facet].get(key, key)


def _column(
    articles: Sequence[Article], facet: str, by_day: PickedColumn | None
) -> tuple[PickedColumn, dict[str, str]]:
    """Each article's value keys of `facet` (a tuple of them for a many-valued facet, else
    one key or ""), and the first spelling of each key."""
    many = facet in _MANY_VALUED
    names: dict[str, str] = {}
    held = as_picked(values_by_article(articles, facet, by_day))
    keys_of: dict[tuple[str, ...], object] = {}
    distinct_keys = []
    for values in held.distinct:
        keys = keys_of.get(values)
        if keys is None:
            folded = tuple(dict.fromkeys(value.casefold() for value in values))
            for value in values:
                names.setdefault(value.casefold(), value)
            keys = keys_of[values] = folded if many else (folded[0] if folded else "")
        distinct_keys.append(keys)
    return PickedColumn(distinct_keys, held.base), names
