"""Tags and calendar days of one article list, indexed for filtering and facet counts."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from functools import partial
from itertools import accumulate, chain, compress

from digest_tui.article_columns import MappedColumn, PickedColumn, as_picked, column_of
from digest_tui.model import Article, day_of
from digest_tui.search.engine import bits
from digest_tui.search.engine.tallies import Tally


class TagIndex:
    """Which articles carry each tag, and the articles in calendar-day order; never changes."""

    __slots__ = (
        "_all_counts",
        "_calendar",
        "_calendar_starts",
        "_days_order",
        "day_column",
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
        names: dict[str, str] = {}
        # Articles with equal tags share one tuple of keys.
        keys_of: dict[tuple[str, ...], tuple[str, ...]] = {}
        folds: dict[str, str] = {}
        tags = as_picked(column_of(articles, "tags"))
        distinct_keys = []
        for held in tags.distinct:
            article_keys = keys_of.get(held)
            if article_keys is None:
                folded = [folds.setdefault(tag, tag.casefold()) for tag in held]
                for key, tag in zip(folded, held, strict=True):
                    names.setdefault(key, tag)
                article_keys = tuple(dict.fromkeys(folded))  # a tag given twice counts once
                keys_of[held] = article_keys
            distinct_keys.append(article_keys)
        self._keys = PickedColumn(distinct_keys, tags.base)
        size = self._size
        if size >= bits.VECTOR_FROM:
            self._tally = Tally(self._keys, many=True)
        self._members = {key: bits.kept(found, size) for key, found in self._holders()}
        self._names = names
        self.day_column = as_picked(MappedColumn(day_of, column_of(articles, "date")))
        """Each article's calendar day ("" when undated), numbered among the days held."""
        self._calendar, self._calendar_starts, self._days_order = _calendar_order(self.day_column)

    def _holders(self) -> Iterable[tuple[str, Sequence[int]]]:
        """Each tag key with the numbers of the articles carrying it, ascending."""
        if self._tally is not None:
            return self._tally.holders().items()
        members: defaultdict[str, array[int]] = defaultdict(partial(array, "i"))
        for number, keys in enumerate(self._keys):
            for key in keys:
                members[key].append(number)
        return members.items()

    def tagged(self, tag: str) -> int:
        """Articles carrying `tag` (compared case-insensitively)."""
        return bits.from_kept(self._members.get(tag.casefold(), 0), self._size)

    def tag_name(self, tag: str) -> str:
        """The spelling of `tag` as first written in the articles (or as given)."""
        return self._names.get(tag.casefold(), tag)

    def tag_keys(self, number: int) -> tuple[str, ...]:
        """The case-folded tags of one article."""
        return self._keys[number]

    def dated(self, after: date | None, before: date | None) -> int:
        """Articles whose calendar day lies within the inclusive bounds."""
        calendar, starts = self._calendar, self._calendar_starts
        low = starts[bisect_left(calendar, after.isoformat()) if after else 0]
        high = starts[bisect_right(calendar, before.isoformat()) if before else len(calendar)]
        return bits.from_numbers(self._days_order[low:high], self._size)

    def counts(self, chosen: int | None) -> Counter[str]:
        """How many of `chosen` (all articles when None) carry each tag, by tag key."""
        if chosen is None:
            if self._all_counts is None:
                self._all_counts = self._count(bits.full(self._size))
            return self._all_counts
        return self._count(chosen)

    def _count(self, chosen: int) -> Counter[str]:
        if self._tally is not None:
            return self._tally.counts(bits.mask(chosen, self._size))
        selector = bits.mask(chosen, self._size)
        if chosen.bit_count() < 50 * len(self._members):
            # Few articles among many tags: counting each article's tags is cheaper.
            return Counter(chain.from_iterable(compress(self._keys, selector)))
        counts: Counter[str] = Counter()
        for key, members in self._members.items():
            if isinstance(members, int):
                count = (members & chosen).bit_count()
            else:
                count = sum(map(selector.__getitem__, members))
            if count:
                counts[key] = count
        return counts


def _calendar_order(by_day: PickedColumn) -> tuple[list[str], list[int], Sequence[int]]:
    """The days held, ascending; where each day's articles start in the calendar order
    (and where the last day's end); and the dated articles' numbers in that order."""
    distinct, rows = by_day.distinct, by_day.base
    kinds = sorted(range(len(distinct)), key=distinct.__getitem__)  # "" (undated) first
    rank = [0] * len(distinct)
    for place, kind in enumerate(kinds):
        rank[kind] = place
    dated = [kind for kind in kinds if distinct[kind]]
    per_kind = Counter(rows)
    starts = [0, *accumulate(per_kind[kind] for kind in dated)]
    if len(rows) >= bits.VECTOR_FROM:
        np = bits.numpy_module()
        ranks = np.asarray(rank, np.int32)[np.asarray(rows, np.int64)]
        order: Sequence[int] = np.argsort(ranks, kind="stable")
    else:
        order = sorted(range(len(rows)), key=list(map(rank.__getitem__, rows)).__getitem__)
    undated = len(rows) - starts[-1]
    return [distinct[kind] for kind in dated], starts, order[undated:]
