"""What every filtered view of one article list shares: the articles and their indexes.

Built once per list of articles; each `Library` derived from it (tagged, dated,
matching...) reuses it, so a filter never recomputes lower-cased text or tag sets.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import chain
from urllib.parse import urlsplit

from digest_tui.model import Article
from digest_tui.search.fuzzy import FuzzyMatcher
from digest_tui.search.haystack import Haystack


class Catalog:
    """An article list with per-article precomputed search data; never changes."""

    __slots__ = (
        "_all_counts",
        "_days",
        "_days_order",
        "_orders",
        "_tag_keys",
        "_tag_members",
        "_tag_names",
        "articles",
        "drafts",
        "matcher",
        "numbers",
        "sources",
    )

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles: tuple[Article, ...] = tuple(articles)
        self.drafts = frozenset(n for n, a in enumerate(self.articles) if a.draft)
        self.matcher = FuzzyMatcher(
            [a.title for a in self.articles],
            [a.tags for a in self.articles],
            [a.description for a in self.articles],
        )
        self.sources = Haystack(f"{a.source_name} {_host(a.source_url)}" for a in self.articles)
        self._index_tags()
        self._index_days()
        self.numbers = {article.path: n for n, article in enumerate(self.articles)}
        self._orders: dict[str, tuple[list[int], list[int]]] = {}
        self._all_counts: Counter[str] | None = None

    def __len__(self) -> int:
        return len(self.articles)

    def _index_tags(self) -> None:
        keys: list[tuple[str, ...]] = []
        members: defaultdict[str, set[int]] = defaultdict(set)
        names: dict[str, str] = {}
        for number, article in enumerate(self.articles):
            article_keys = tuple(dict.fromkeys(tag.casefold() for tag in article.tags))
            keys.append(article_keys)
            for key, tag in zip(article_keys, article.tags, strict=False):
                members[key].add(number)
                names.setdefault(key, tag)
        self._tag_keys = keys
        self._tag_members = {key: frozenset(numbers) for key, numbers in members.items()}
        self._tag_names = names

    def _index_days(self) -> None:
        dated = [(a.day, n) for n, a in enumerate(self.articles) if a.day]
        dated.sort()
        self._days = [day for day, _ in dated]
        self._days_order = [number for _, number in dated]

    def ordering(self, name: str) -> tuple[list[int], list[int]]:
        """Every article number in `name` order ("newest", "oldest", "title"), and each
        number's position in that order. Computed once per order on first use."""
        cached = self._orders.get(name)
        if cached is None:
            order = sorted(range(len(self.articles)), key=_SORT_KEYS[name](self.articles))
            rank = [0] * len(order)
            for position, number in enumerate(order):
                rank[number] = position
            cached = self._orders[name] = (order, rank)
        return cached

    def tagged(self, tag: str) -> frozenset[int]:
        """Articles carrying `tag` (compared case-insensitively)."""
        return self._tag_members.get(tag.casefold(), frozenset())

    def tag_name(self, tag: str) -> str:
        """The spelling of `tag` as first written in the articles (or as given)."""
        return self._tag_names.get(tag.casefold(), tag)

    def dated(self, after: date | None, before: date | None) -> set[int]:
        """Articles whose calendar day lies within the inclusive bounds."""
        low = bisect_left(self._days, after.isoformat()) if after else 0
        high = bisect_right(self._days, before.isoformat()) if before else len(self._days)
        return set(self._days_order[low:high])

    def tag_counts(self, numbers: Iterable[int] | None) -> Counter[str]:
        """How many of `numbers` (all articles when None) carry each tag, by tag key."""
        if numbers is None:
            if self._all_counts is None:
                self._all_counts = self._count(range(len(self.articles)))
            return self._all_counts
        return self._count(numbers)

    def _count(self, numbers: Iterable[int]) -> Counter[str]:
        return Counter(chain.from_iterable(map(self._tag_keys.__getitem__, numbers)))

    def tag_keys(self, number: int) -> tuple[str, ...]:
        """The case-folded tags of one article."""
        return self._tag_keys[number]


def _newest_key(articles: Sequence[Article]):
    def key(number: int) -> tuple[bool, float, str]:
        article = articles[number]
        stamp = article.timestamp
        return (stamp is None, -stamp if stamp is not None else 0.0, article.path)

    return key


def _oldest_key(articles: Sequence[Article]):
    def key(number: int) -> tuple[bool, float, str]:
        article = articles[number]
        stamp = article.timestamp
        return (stamp is None, stamp if stamp is not None else 0.0, article.path)

    return key


def _title_key(articles: Sequence[Article]):
    def key(number: int) -> tuple[str, str]:
        article = articles[number]
        return (article.title.casefold(), article.path)

    return key


_SORT_KEYS = {"newest": _newest_key, "oldest": _oldest_key, "title": _title_key}


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""
