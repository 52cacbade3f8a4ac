"""The engine's face: one article list and every index and cache its searches use.

Built once per list of articles; each `Library` derived from it (tagged, dated,
matching...) asks it questions by name, so a filter never recomputes lower-cased text or
tag sets. Everything below it (fields, haystacks, packed text, remembered answers) is the
speed machinery those questions need.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from importlib import import_module
from itertools import compress, repeat
from operator import attrgetter, eq, ge, lt, sub
from threading import Event, Lock
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from digest_tui.article_columns import (
    ArticleColumns,
    FloatColumn,
    column_of,
    newest_first_order,
)
from digest_tui.model import Article
from digest_tui.path_numbers import PathNumbers
from digest_tui.search.engine import bits
from digest_tui.search.engine.bits import SetNumbers
from digest_tui.search.engine.cache import BODY_SEARCHES, PATH_SETS, BoundedCache
from digest_tui.search.engine.facet_columns import FacetColumns
from digest_tui.search.engine.fields import source_haystack
from digest_tui.search.engine.fuzzy import FuzzyMatcher
from digest_tui.search.engine.groups import GroupIndex
from digest_tui.search.engine.haystack import Haystack
from digest_tui.search.engine.matches import Matches
from digest_tui.search.engine.tags import TagIndex
from digest_tui.search.engine.tallies import Tally

if TYPE_CHECKING:
    from digest_tui.search.protocols import FullTextSearch

ENTER_WAIT = 0.05
"""Seconds to wait at most for the worker thread to pick up a body query."""

P = ParamSpec("P")
R = TypeVar("R")


class Catalog:
    """An article list with per-article precomputed search data; never changes.

    Articles are numbered newest first, so the numbers of any set, in ascending order,
    are already in the default order. The text haystacks are built on first use (from
    any thread), so that a large list is shown before it is first searched.
    """

    __slots__ = (
        "_bodies",
        "_categories",
        "_day_tally",
        "_days",
        "_facets",
        "_groups",
        "_lock",
        "_matcher",
        "_numbers",
        "_orders",
        "_path_sets",
        "_sets",
        "_sources",
        "_tags",
        "articles",
        "drafts",
        "everything",
    )

    def __init__(self, articles: Sequence[Article] = ()) -> None:
        self.articles: Sequence[Article] = newest_first(articles)
        size = len(self.articles)
        self.everything = bits.full(size)
        self.drafts = bits.from_flags(column_of(self.articles, "draft"))
        self._sets = SetNumbers(size)
        self._numbers: PathNumbers | None = None
        self._orders: dict[str, list[int]] = {}
        self._lock = Lock()
        self._matcher: FuzzyMatcher | None = None
        self._sources: Haystack | None = None
        self._tags: TagIndex | None = None
        self._categories: dict[str, bits.Kept] | None = None
        self._facets: FacetColumns | None = None
        self._days: list[str] | None = None
        self._day_tally: Tally | None = None
        self._bodies: BoundedCache[tuple[str | None, int | None], dict[int, float]] = BoundedCache(
            BODY_SEARCHES
        )
        self._path_sets: BoundedCache[int, tuple[Iterable[str], int]] = BoundedCache(PATH_SETS)
        self._groups: tuple[Mapping[str, str], GroupIndex] | None = None

    def __len__(self) -> int:
        return len(self.articles)

    @property
    def numbers(self) -> PathNumbers:
        """Article number by path (built on first use)."""
        numbers = self._numbers
        if numbers is None:
            numbers = self._numbers = PathNumbers(column_of(self.articles, "path"))
        return numbers

    def members(self, chosen: int) -> list[int]:
        """The numbers of the set `chosen`, ascending (newest first)."""
        return self._sets.members(chosen)

    # Text ------------------------------------------------------------------------------

    def words(self, words: Sequence[str], scored: bool) -> Matches:
        """What plain query words match fuzzily in titles, tags and descriptions."""
        return self._fuzzy.search(words, scored=scored)

    def words_among(self, short_words: Sequence[str], among: int) -> int:
        """The articles of `among` matching all `short_words` (of up to `SHORT_WORD`
        letters) at title or tag word starts; recent searches are left alone."""
        return self._fuzzy.found_among(short_words, among)

    def containing(self, text: str, among: int | None) -> int:
        """Articles whose title, tags or description contain `text` as typed."""
        return self._fuzzy.containing(text, among)

    def titles_containing(self, text: str, among: int | None) -> int:
        """Articles whose title contains `text`."""
        return self._fuzzy.titles.containing(text, among)

    def sources_containing(self, text: str, among: int | None) -> int:
        """Articles whose source name or URL host contains `text`."""
        return self._source_field.containing(text, among)

    def bodies(self, fulltext: FullTextSearch, terms: str, limit: int | None) -> dict[int, float]:
        """Article number to rank for the bodies holding `terms`, from `fulltext`
        (recent answers are kept in `body_searches`, by the query the index runs)."""
        key = (fulltext.query_of(terms), limit)
        found = self._bodies.get(key)
        if found is None:
            ranked = fulltext.search(terms, limit) if key[0] is not None else {}
            numbers = self.numbers.numbers_of(list(ranked))
            found = {
                number: rank
                for number, rank in zip(numbers, ranked.values(), strict=True)
                if number is not None
            }
            self._bodies.put(key, found)
        return found

    def bodies_soon(
        self, fulltext: FullTextSearch, terms: str, limit: int | None
    ) -> Callable[[], dict[int, float]]:
        """`bodies` started now on the worker thread; call the result for its answer.
        SQLite works outside Python's lock, so the query runs beside the caller. The
        index is asked only from that thread: the caller may be a short-lived one."""
        entered = Event()

        def search() -> dict[int, float]:
            entered.set()
            return self.bodies(fulltext, terms, limit)

        future = started(search)
        # Python's lock switches threads only every few milliseconds; waiting here lets
        # the worker run straight into the query, where SQLite hands the lock back.
        entered.wait(ENTER_WAIT)
        return future.result

    def prepare(self, fulltext: FullTextSearch | None = None) -> None:
        """Build everything a first search needs now (e.g. from a background thread)."""
        _ = self._tag_index, self.numbers, self._source_field, self._facet_columns, self.days
        self._fuzzy.fields.prepare()
        # Scattered letters and typos load rapidfuzz on first use (~20 ms): load it now.
        import_module("rapidfuzz.process")
        import_module("rapidfuzz.distance")
        if fulltext is not None:
            # Body queries run on the worker thread, which opens its own database
            # connection on its first query: open it now, not on the first keystroke.
            started(fulltext.search, "", 1)

    def index_words(self) -> None:
        """Index the words of titles, tags and descriptions (slower than `prepare`: about
        half a second per 100,000 articles); searches made meanwhile scan the fields."""
        self._fuzzy.fields.index_tokens()

    @property
    def _fuzzy(self) -> FuzzyMatcher:
        """Fuzzy matching over titles, tags and descriptions (built on first use)."""
        matcher = self._matcher
        if matcher is None:
            with self._lock:
                if self._matcher is None:
                    articles = self.articles
                    self._matcher = FuzzyMatcher(
                        column_of(articles, "title"),
                        column_of(articles, "tags"),
                        column_of(articles, "description"),
                        self._sets,
                    )
                matcher = self._matcher
        return matcher

    @property
    def _source_field(self) -> Haystack:
        """Source names and URL hosts (built on first use)."""
        sources = self._sources
        if sources is None:
            with self._lock:
                if self._sources is None:
                    self._sources = source_haystack(self.articles, self._sets)
                sources = self._sources
        return sources

    # Tags, days and orders -------------------------------------------------------------

    @property
    def _tag_index(self) -> TagIndex:
        tags = self._tags
        if tags is None:
            with self._lock:
                if self._tags is None:
                    self._tags = TagIndex(self.articles)
                tags = self._tags
        return tags

    def at_paths(self, paths: Iterable[str]) -> int:
        """The articles at `paths` (paths the catalog does not hold are ignored).

        A frozen set or a mapping asked again as the same object is answered from memory
        (`path_sets`): such a collection is taken not to change while it is asked about.
        """
        kept = isinstance(paths, frozenset | Mapping)
        if kept:
            remembered = self._path_sets.get(id(paths))
            if remembered is not None and remembered[0] is paths:
                return remembered[1]
        found = bits.from_numbers(self.numbers.held(list(paths)), len(self))
        if kept:
            self._path_sets.put(id(paths), (paths, found))  # holding it keeps its id unique
        return found

    def groups(self, group_of: Mapping[str, str], place_of: Mapping[str, int]) -> GroupIndex:
        """The catalog's articles in the groups of `group_of` (path to group), placed by
        `place_of`; built once for the latest `group_of` asked about, which is taken not
        to change meanwhile."""
        kept = self._groups
        if kept is None or kept[0] is not group_of:
            index = GroupIndex(self.numbers, group_of, place_of, len(self))
            kept = self._groups = (group_of, index)
        return kept[1]

    def tagged(self, tag: str) -> int:
        """Articles carrying `tag` (compared case-insensitively)."""
        return self._tag_index.tagged(tag)

    def categorised(self, category: str) -> int:
        """Articles in `category` (compared case-insensitively); indexed on first use."""
        members = self._categories
        if members is None:
            found: dict[str, list[int]] = {}
            for number, categories in enumerate(column_of(self.articles, "categories")):
                for name in categories:
                    found.setdefault(name.casefold(), []).append(number)
            size = len(self.articles)
            members = {key: bits.kept(numbers, size) for key, numbers in found.items()}
            self._categories = members
        return bits.from_kept(members.get(category.casefold(), 0), len(self.articles))

    def tag_name(self, tag: str) -> str:
        """The spelling of `tag` as first written in the articles (or as given)."""
        return self._tag_index.tag_name(tag)

    def tag_keys(self, number: int) -> tuple[str, ...]:
        """The case-folded tags of one article."""
        return self._tag_index.tag_keys(number)

    def dated(self, after: date | None, before: date | None) -> int:
        """Articles whose calendar day lies within the inclusive bounds."""
        return self._tag_index.dated(after, before)

    def tag_counts(self, chosen: int | None) -> Counter[str]:
        """How many of `chosen` (all articles when None) carry each tag, by tag key."""
        return self._tag_index.counts(chosen)

    def facet_counts(self, facet: str, chosen: int | None) -> Counter[str]:
        """How many of `chosen` (all articles when None) hold each value of `facet`
        ("categories", "sources" or "years"), by case-folded key."""
        return self._facet_columns.counts(facet, self._selector(chosen))

    def facet_name(self, facet: str, key: str) -> str:
        """The spelling of the `facet` value `key` as first written in the articles."""
        return self._facet_columns.name(facet, key)

    def day_counts(self, chosen: int | None) -> Counter[str]:
        """How many of `chosen` (all articles when None) fall on each calendar day."""
        days = self.days
        if len(days) >= bits.VECTOR_FROM:
            if self._day_tally is None:  # two threads may both build it: the same either way
                self._day_tally = Tally(self._tag_index.day_column)
            found = self._day_tally.counts(self._selector(chosen))
        else:
            found = Counter(
                days if chosen is None else compress(days, bits.mask(chosen, len(days)))
            )
        found.pop("", None)
        return found

    @property
    def days(self) -> list[str]:
        """Each article's calendar day (`YYYY-MM-DD`, "" when undated), by number; equal
        days share one string (built on first use)."""
        days = self._days
        if days is None:
            by_day = self._tag_index.day_column
            days = self._days = list(map(by_day.distinct.__getitem__, by_day.base))
        return days

    def _selector(self, chosen: int | None) -> bytes | None:
        return None if chosen is None else bits.mask(chosen, len(self.articles))

    @property
    def _facet_columns(self) -> FacetColumns:
        columns = self._facets
        if columns is None:
            by_day = self._tag_index.day_column  # outside the lock, which builds it
            with self._lock:
                if self._facets is None:
                    self._facets = FacetColumns(self.articles, by_day)
                columns = self._facets
        return columns

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
        if name == "newest":
            return self.members(chosen)
        selector = bits.mask(chosen, len(self.articles))
        return [number for number in self.ordering(name) if selector[number]]


def newest_first(articles: Sequence[Article]) -> Sequence[Article]:
    """`articles` newest first; undated ones last; ties in path order.

    Articles kept as columns in that order already (as the index gives them) are kept as
    they are; any other list is copied into a tuple, which nothing can change.
    """
    if _listed_newest_first(articles):  # as the index stores them
        return articles if isinstance(articles, ArticleColumns) else tuple(articles)
    if isinstance(articles, ArticleColumns):
        paths, stamps = column_of(articles, "path"), column_of(articles, "timestamp")
        return articles.reordered(newest_first_order(paths, stamps))
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


def _listed_newest_first(articles: Sequence[Article]) -> bool:
    """Whether `articles` are in `newest_first` order already: a check in C-level passes,
    a fraction of the cost of sorting a million articles."""
    stamps = column_of(articles, "timestamp")
    ties = _packed_ties(stamps) if isinstance(stamps, FloatColumn) else _listed_ties(stamps)
    if ties is None:
        return False
    # Where two neighbours share a timestamp, and among the undated, paths ascend. Only
    # those paths are read: a column of encoded paths decodes each as it is read.
    paths = column_of(articles, "path")
    if len(ties) * 16 > len(stamps):
        paths = list(paths)  # a row read alone costs about eight read in one pass
    before_ties = map(paths.__getitem__, map(sub, ties, repeat(1)))
    return all(map(lt, before_ties, map(paths.__getitem__, ties)))


def _listed_ties(column: Sequence[float | None]) -> list[int] | None:
    """The rows whose stamp equals the one before, and the undated ones after the first
    undated; None when the stamps are not newest first, undated last."""
    stamps: list[Any] = list(column)
    dated = len(stamps) - stamps.count(None)
    if stamps[dated:].count(None) != len(stamps) - dated:  # an undated one comes earlier
        return None
    later = stamps[1:dated]
    if not all(map(ge, stamps, later)):  # also False for NaN
        return None
    return [*compress(range(1, dated), map(eq, stamps, later)), *range(dated + 1, len(stamps))]


def _packed_ties(column: FloatColumn) -> list[int] | None:
    """`_listed_ties` of packed stamps, worked out by NumPy."""
    import numpy

    stamps = column.as_numpy()
    missing = numpy.isnan(stamps)
    dated = len(stamps) - int(missing.sum())
    if missing[:dated].any():  # an undated one comes earlier
        return None
    known = stamps[:dated]
    if (known[1:] > known[:-1]).any():
        return None
    ties = (numpy.flatnonzero(known[1:] == known[:-1]) + 1).tolist()
    return ties + list(range(dated + 1, len(stamps)))


def _oldest_key(articles: Sequence[Article]) -> Callable[[int], tuple[bool, float, str]]:
    stamps, paths = column_of(articles, "timestamp"), column_of(articles, "path")

    def key(number: int) -> tuple[bool, float, str]:
        stamp = stamps[number]
        return (stamp is None, stamp if stamp is not None else 0.0, paths[number])

    return key


def _title_key(articles: Sequence[Article]) -> Callable[[int], tuple[str, str]]:
    titles, paths = column_of(articles, "title"), column_of(articles, "path")

    def key(number: int) -> tuple[str, str]:
        return (titles[number].casefold(), paths[number])

    return key


_SORT_KEYS: dict[str, Callable[[Sequence[Article]], Callable[[int], tuple]]] = {
    "oldest": _oldest_key,
    "title": _title_key,
}

# One worker thread for calls that run outside Python's lock. A full-text query spends
# nearly all its time inside SQLite, which releases the GIL, so started here it runs on
# the second core while the caller's fuzzy matching runs on the first: a keystroke costs
# the slower of the two instead of their sum. Shared by every catalog (a thread, not a
# cache).
_executor_lock = Lock()
_executor: ThreadPoolExecutor | None = None


def started(call: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> Future[R]:
    """`call(*args, **kwargs)` running on the worker thread (started on first use)."""
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-worker")
        executor = _executor
    return executor.submit(call, *args, **kwargs)
