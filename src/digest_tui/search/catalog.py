"""What every filtered view of one article list shares: the articles and their indexes.

Built once per list of articles; each `Library` derived from it (tagged, dated,
matching...) reuses it, so a filter never recomputes lower-cased text or tag sets.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import date
from importlib import import_module
from itertools import chain, compress
from operator import attrgetter
from threading import Event, Lock

from digest_tui.model import Article
from digest_tui.search import bits
from digest_tui.search.background import started
from digest_tui.search.fields import ArticleColumn
from digest_tui.search.fuzzy import FuzzyMatcher
from digest_tui.search.haystack import Haystack
from digest_tui.search.protocols import FullTextSearch
from digest_tui.search.sources import source_haystack

RECENT_BODY_SEARCHES = 32
ENTER_WAIT = 0.05
"""Seconds to wait at most for the worker thread to pick up a body query."""


class Catalog:
    """An article list with per-article precomputed search data; never changes.

    Articles are numbered newest first, so the numbers of any set, in ascending order,
    are already in the default order. The text haystacks are built on first use (from
    any thread), so that a large list is shown before it is first searched.
    """

    __slots__ = (
        "_all_counts",
        "_bodies",
        "_days",
        "_days_order",
        "_lock",
        "_matcher",
        "_numbers",
        "_orders",
        "_sources",
        "_tag_keys",
        "_tag_members",
        "_tag_names",
        "articles",
        "drafts",
        "everything",
    )

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles: tuple[Article, ...] = newest_first(articles)
        size = len(self.articles)
        self.everything = bits.full(size)
        self.drafts = bits.from_flags(map(attrgetter("draft"), self.articles))
        self._numbers: dict[str, int] | None = None
        self._orders: dict[str, list[int]] = {}
        self._all_counts: Counter[str] | None = None
        self._lock = Lock()
        self._matcher: FuzzyMatcher | None = None
        self._sources: Haystack | None = None
        self._tag_keys: list[tuple[str, ...]] | None = None
        self._bodies: dict[tuple[str, int | None], dict[int, float]] = {}

    def __len__(self) -> int:
        return len(self.articles)

    @property
    def numbers(self) -> dict[str, int]:
        """Article number by path (built on first use)."""
        numbers = self._numbers
        if numbers is None:
            paths = map(attrgetter("path"), self.articles)
            numbers = self._numbers = dict(zip(paths, range(len(self.articles)), strict=True))
        return numbers

    @property
    def matcher(self) -> FuzzyMatcher:
        """Fuzzy matching over titles, tags and descriptions (built on first use)."""
        matcher = self._matcher
        if matcher is None:
            with self._lock:
                if self._matcher is None:
                    articles = self.articles
                    self._matcher = FuzzyMatcher(
                        ArticleColumn(articles, "title"),
                        ArticleColumn(articles, "tags"),
                        ArticleColumn(articles, "description"),
                    )
                matcher = self._matcher
        return matcher

    @property
    def sources(self) -> Haystack:
        """Source names and URL hosts (built on first use)."""
        sources = self._sources
        if sources is None:
            with self._lock:
                if self._sources is None:
                    self._sources = source_haystack(self.articles)
                sources = self._sources
        return sources

    def remembered_search(
        self, fulltext: FullTextSearch, terms: str, limit: int | None
    ) -> dict[int, float]:
        """Article number to rank for the bodies holding `terms`, from `fulltext`.

        Recent answers are remembered: typing and backspacing repeat the same few queries,
        and a ranked full-text query over many bodies costs tens of milliseconds.
        """
        key = (terms, limit)
        found = self._bodies.get(key)
        if found is None:
            numbers = self.numbers
            ranked = fulltext.search(terms, limit)
            found = {numbers[path]: rank for path, rank in ranked.items() if path in numbers}
            with self._lock:
                bodies = self._bodies
                if len(bodies) >= RECENT_BODY_SEARCHES:
                    del bodies[next(iter(bodies))]
                bodies[key] = found
        return found

    def remembered_search_soon(
        self, fulltext: FullTextSearch, terms: str, limit: int | None
    ) -> Callable[[], dict[int, float]]:
        """`remembered_search` started now on a worker thread; call the result for its
        answer. SQLite works outside Python's lock, so the query runs beside the caller."""
        found = self._bodies.get((terms, limit))
        if found is not None:
            return lambda: found
        entered = Event()

        def search() -> dict[int, float]:
            entered.set()
            return self.remembered_search(fulltext, terms, limit)

        future = started(search)
        # Python's lock switches threads only every few milliseconds; waiting here lets
        # the worker run straight into the query, where SQLite hands the lock back.
        entered.wait(ENTER_WAIT)
        return future.result

    def prepare(self) -> None:
        """Build everything a first search needs now (e.g. from a background thread)."""
        self._tags_index()
        self.matcher.fields.prepare()
        _ = self.numbers, self.sources
        # Scattered letters and typos load rapidfuzz on first use (~20 ms): load it now.
        import_module("rapidfuzz.process")
        import_module("rapidfuzz.distance")

    def _tags_index(self) -> list[tuple[str, ...]]:
        keys = self._tag_keys
        if keys is None:
            with self._lock:
                if self._tag_keys is None:
                    self._index_tags()
                    self._index_days()
                keys = self._tag_keys
        return keys

    def _index_tags(self) -> None:
        keys: list[tuple[str, ...]] = []
        members: defaultdict[str, list[int]] = defaultdict(list)
        names: dict[str, str] = {}
        # Articles with equal tags share one tuple of keys.
        keys_of: dict[tuple[str, ...], tuple[str, ...]] = {}
        folds: dict[str, str] = {}
        for number, article in enumerate(self.articles):
            tags = article.tags
            article_keys = keys_of.get(tags)
            if article_keys is None:
                folded = (folds.setdefault(tag, tag.casefold()) for tag in tags)
                article_keys = tuple(dict.fromkeys(folded))
                keys_of[tags] = article_keys
            keys.append(article_keys)
            for key, tag in zip(article_keys, tags, strict=False):
                members[key].append(number)
                names.setdefault(key, tag)
        size = len(self.articles)
        self._tag_members = {key: bits.from_numbers(found, size) for key, found in members.items()}
        self._tag_names = names
        self._tag_keys = keys  # last: other threads take it as "index ready"

    def _index_days(self) -> None:
        # One string per distinct day, and the numbers in a compact array: a list of
        # 100,000 slices and int objects would hold several megabytes.
        shared: dict[str, str] = {}
        days = [shared.setdefault(day, day) for day in map(attrgetter("day"), self.articles)]
        order = sorted(compress(range(len(days)), days), key=days.__getitem__)
        self._days = list(map(days.__getitem__, order))
        self._days_order = array("l", order)

    def ordering(self, name: str) -> list[int]:
        """Every article number in `name` order ("newest", "oldest", "title").
        Computed once per order on first use."""
        if name == "newest":
            return list(range(len(self.articles)))
        cached = self._orders.get(name)
        if cached is None:
            cached = sorted(range(len(self.articles)), key=_SORT_KEYS[name](self.articles))
            self._orders[name] = cached
        return cached

    def ordered(self, name: str, chosen: int) -> list[int]:
        """The numbers of `chosen` in `name` order."""
        size = len(self.articles)
        if name == "newest":
            return bits.members(chosen, size)
        selector = bits.mask(chosen, size)
        return [number for number in self.ordering(name) if selector[number]]

    def tagged(self, tag: str) -> int:
        """Articles carrying `tag` (compared case-insensitively)."""
        self._tags_index()
        return self._tag_members.get(tag.casefold(), 0)

    def tag_name(self, tag: str) -> str:
        """The spelling of `tag` as first written in the articles (or as given)."""
        self._tags_index()
        return self._tag_names.get(tag.casefold(), tag)

    def dated(self, after: date | None, before: date | None) -> int:
        """Articles whose calendar day lies within the inclusive bounds."""
        self._tags_index()
        low = bisect_left(self._days, after.isoformat()) if after else 0
        high = bisect_right(self._days, before.isoformat()) if before else len(self._days)
        return bits.from_numbers(self._days_order[low:high], len(self.articles))

    def tag_counts(self, chosen: int | None) -> Counter[str]:
        """How many of `chosen` (all articles when None) carry each tag, by tag key."""
        self._tags_index()
        if chosen is None:
            if self._all_counts is None:
                self._all_counts = self._count(self.everything)
            return self._all_counts
        return self._count(chosen)

    def _count(self, chosen: int) -> Counter[str]:
        size = len(self.articles)
        if chosen.bit_count() < 50 * len(self._tag_members):
            # Few articles among many tags: counting each article's tags is cheaper.
            keys = self._tag_keys
            return Counter(chain.from_iterable(compress(keys, bits.mask(chosen, size))))
        counts: Counter[str] = Counter()
        for key, members in self._tag_members.items():
            count = (members & chosen).bit_count()
            if count:
                counts[key] = count
        return counts

    def tag_keys(self, number: int) -> tuple[str, ...]:
        """The case-folded tags of one article."""
        return self._tags_index()[number]


def newest_first(articles: Sequence[Article]) -> tuple[Article, ...]:
    """`articles` newest first; undated ones last; ties in path order."""
    # Two sorts on plain attributes (stable, so the path order survives as the tie
    # break) cost a third of one sort on a tuple key built per article.
    by_path = sorted(articles, key=attrgetter("path"))
    stamps = list(map(attrgetter("timestamp"), by_path))
    if None not in stamps:
        by_path.sort(key=attrgetter("timestamp"), reverse=True)
        return tuple(by_path)
    dated = [article for article, stamp in zip(by_path, stamps, strict=True) if stamp is not None]
    dated.sort(key=attrgetter("timestamp"), reverse=True)
    return (*dated, *(article for article in by_path if article.timestamp is None))


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


_SORT_KEYS = {"oldest": _oldest_key, "title": _title_key}
