"""Tags and calendar days of one article list, indexed for filtering and facet counts."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date
from itertools import chain, compress

from digest_tui.article_columns import column_of
from digest_tui.model import Article, day_of
from digest_tui.search.engine import bits
from digest_tui.search.engine.tallies import Tally


class TagIndex:
    """Which articles carry each tag, and the articles in calendar-day order; never changes."""

    __slots__ = (
        "_all_counts",
        "_days",
        "_days_order",
        "_keys",
        "_members",
        "_names",
        "_size",
        "_tally",
    )

    def __init__(self, articles: Sequence[Article]) -> None:
        self._size = len(articles)
        self._all_counts: Counter[str] | None = None
        self._tally: Tally | None = None
        keys: list[tuple[str, ...]] = []
        members: defaultdict[str, list[int]] = defaultdict(list)
        names: dict[str, str] = {}
        # Articles with equal tags share one tuple of keys.
        keys_of: dict[tuple[str, ...], tuple[str, ...]] = {}
        folds: dict[str, str] = {}
        for number, tags in enumerate(column_of(articles, "tags")):
            article_keys = keys_of.get(tags)
            if article_keys is None:
                folded = [folds.setdefault(tag, tag.casefold()) for tag in tags]
                for key, tag in zip(folded, tags, strict=True):
                    names.setdefault(key, tag)
                article_keys = tuple(dict.fromkeys(folded))  # a tag given twice counts once
                keys_of[tags] = article_keys
            keys.append(article_keys)
            for key in article_keys:
                members[key].append(number)
        size = self._size
        self._members = {key: bits.from_numbers(found, size) for key, found in members.items()}
        self._names = names
        self._keys = keys
        # One string per distinct day, and the numbers in a compact array: a list of
        # 100,000 slices and int objects would hold several megabytes.
        shared: dict[str, str] = {}
        dates = column_of(articles, "date")
        days = [shared.setdefault(day, day) for day in map(day_of, dates)]
        order = sorted(compress(range(len(days)), days), key=days.__getitem__)
        self._days = list(map(days.__getitem__, order))
        self._days_order = array("l", order)

    def tagged(self, tag: str) -> int:
        """Articles carrying `tag` (compared case-insensitively)."""
        return self._members.get(tag.casefold(), 0)

    def tag_name(self, tag: str) -> str:
        """The spelling of `tag` as first written in the articles (or as given)."""
        return self._names.get(tag.casefold(), tag)

    def tag_keys(self, number: int) -> tuple[str, ...]:
        """The case-folded tags of one article."""
        return self._keys[number]

    def dated(self, after: date | None, before: date | None) -> int:
        """Articles whose calendar day lies within the inclusive bounds."""
        low = bisect_left(self._days, after.isoformat()) if after else 0
        high = bisect_right(self._days, before.isoformat()) if before else len(self._days)
        return bits.from_numbers(self._days_order[low:high], self._size)

    def counts(self, chosen: int | None) -> Counter[str]:
        """How many of `chosen` (all articles when None) carry each tag, by tag key."""
        if chosen is None:
            if self._all_counts is None:
                self._all_counts = self._count(bits.full(self._size))
            return self._all_counts
        return self._count(chosen)

    def _count(self, chosen: int) -> Counter[str]:
        if self._size >= bits.VECTOR_FROM:
            if self._tally is None:  # two threads may both build it: the same either way
                self._tally = Tally(self._keys, many=True)
            return self._tally.counts(bits.mask(chosen, self._size))
        if chosen.bit_count() < 50 * len(self._members):
            # Few articles among many tags: counting each article's tags is cheaper.
            selector = bits.mask(chosen, self._size)
            return Counter(chain.from_iterable(compress(self._keys, selector)))
        counts: Counter[str] = Counter()
        for key, members in self._members.items():
            count = (members & chosen).bit_count()
            if count:
                counts[key] = count
        return counts
