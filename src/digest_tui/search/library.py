"""`Library`: an immutable, chainable filtered view of a list of articles.

    library = Library.of(articles, fulltext=index, state=store)
    view = library.tagged("AI").matching("kite after:2025-01").sorted_by(SortOrder.RELEVANCE)
    for article in view: ...

Each filter returns a new `Library`; the original is unchanged. All views derived from
one `Library.of(...)` share its precomputed search data, so deriving a view is cheap and the
matching articles are computed once, on first use.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import compress
from typing import Any

from digest_tui.article_columns import column_of
from digest_tui.facets import FacetCount, most_used_first
from digest_tui.long_lived import collected_then_frozen
from digest_tui.model import Article
from digest_tui.search.engine import Catalog, bits
from digest_tui.search.engine.groups import Firsts
from digest_tui.search.engine.matches import SHORT_WORD, narrows
from digest_tui.search.filters import Filters, SortOrder
from digest_tui.search.protocols import FullTextSearch, ReaderStateView
from digest_tui.search.query import Query, parse_query
from digest_tui.search.ranking import RankedArticles
from digest_tui.search.selection import Selection, leaving_out, select


@dataclass(frozen=True, slots=True)
class TagCount:
    """One tag of the current view: how many articles selecting it would leave."""

    tag: str
    count: int
    unread: int | None = None
    """How many of those are unread; None when the reader state is not known."""


class _Computed:
    """What a view computes on first use: its selection and its articles."""

    __slots__ = ("articles", "days", "selection", "unread")

    def __init__(self) -> None:
        self.selection: Selection | None = None
        self.articles: Sequence[Article] | None = None
        self.days: Sequence[str] | None = None
        self.unread: int | None = None


@dataclass(frozen=True, slots=True, eq=False)
class Library:
    """A filtered, sorted view of articles; every method returns a new view.

    Made with `Library.of(articles)`; views compare by identity.
    """

    catalog: Catalog
    """The articles and the search data every view of them shares."""
    filters: Filters = Filters()
    fulltext: FullTextSearch | None = None
    state: ReaderStateView | None = None
    _computed: _Computed = field(default_factory=_Computed, init=False, repr=False)

    @classmethod
    def of(
        cls,
        articles: Sequence[Article] = (),
        fulltext: FullTextSearch | None = None,
        state: ReaderStateView | None = None,
    ) -> Library:
        """Index `articles` for searching: done once, shared by every derived view."""
        return cls(Catalog(articles), fulltext=fulltext, state=state)

    def _with(self, **changes: Any) -> Library:
        return replace(self, filters=replace(self.filters, **changes))

    def prepare(self) -> None:
        """Precompute the search data now rather than on the first search.

        Optional: a large list is shown at once and searched later; calling this from a
        background thread right after showing it makes the first keystroke fast too.
        Safe to call from any thread, and more than once. What it builds lasts as long as
        the library, so it is kept out of the garbage collector's walks (`long_lived`).
        """
        with collected_then_frozen():
            self.catalog.prepare(self.fulltext)

    def index_words(self) -> None:
        """After `prepare`, index the words of every title, tag and description, so that
        a keystroke looks up the words holding what was typed instead of reading every
        field (about half a second per 100,000 articles, from a background thread; searches
        made meanwhile read the fields as before). Safe from any thread, more than once.
        Like `prepare`, it keeps what it builds out of the garbage collector's walks."""
        with collected_then_frozen():
            self.catalog.index_words()

    def again(self) -> Library:
        """The same view, to be computed afresh: what it matches and counts after the
        reader state changed (a view computes its matches and unread set once)."""
        return replace(self)

    # Filters ---------------------------------------------------------------------------

    def tagged(self, *tags: str) -> Library:
        """Only articles carrying every one of `tags` too (case-insensitive)."""
        known = {tag.casefold() for tag in self.filters.tags}
        added = tuple(dict.fromkeys(t for t in tags if t.casefold() not in known))
        return self._with(tags=self.filters.tags + added)

    def untagged(self, *tags: str) -> Library:
        """Drop `tags` from the tag filters (the opposite of `tagged`)."""
        dropped = {tag.casefold() for tag in tags}
        return self._with(tags=tuple(t for t in self.filters.tags if t.casefold() not in dropped))

    def without_tags(self, *tags: str) -> Library:
        """Leave out articles carrying any of `tags` (case-insensitive)."""
        return self._with(excluded_tags=self.filters.excluded_tags + tags)

    def dated(self, after: date | None = None, before: date | None = None) -> Library:
        """Only articles dated within `after`..`before` (inclusive calendar days)."""
        return self._with(after=after, before=before)

    def matching(self, text: str) -> Library:
        """Only articles matching the query `text` (replaces the previous query)."""
        return self._with(query=parse_query(text))

    def sorted_by(self, order: SortOrder) -> Library:
        """The same articles in `order`."""
        return self._with(order=order)

    def leaving_out(self, paths: Iterable[str]) -> Library:
        """The same view without the articles at `paths` (a story's folded copies): the
        rows of the rest stay as lazily ordered as this view's."""
        return self._with(left_out=self.filters.left_out | frozenset(paths))

    def with_drafts(self, include: bool = True) -> Library:
        """Include draft articles (they are left out by default)."""
        return self._with(drafts=include)

    # What the view holds ---------------------------------------------------------------

    @property
    def paths(self) -> AbstractSet[str]:
        """The path of every article the library knows, whatever the view's filters: a
        set view of the lookup by path the searches use, so no second set of a million
        paths is built for it."""
        return self.catalog.numbers.keys()

    @property
    def articles(self) -> Sequence[Article]:
        """The matching articles in order; computed once, on first use.

        An immutable sequence (a tuple, or for a relevance ranking a sequence whose lower
        tiers are only ordered when first read): `len`, indexing, slicing and iteration.
        """
        articles = self._computed.articles
        if articles is None:
            selection, every = self._selected(), self.catalog.articles
            numbers = selection.numbers
            if selection.ascending and selection.chosen is None:
                articles = every
            else:
                articles = RankedArticles(numbers, every)
            self._computed.articles = articles
        return articles

    @property
    def days(self) -> Sequence[str]:
        """The calendar day (`YYYY-MM-DD`, "" when undated) of each matching article, in
        the order of `articles` (for day headings); computed once, on first use."""
        days = self._computed.days
        if days is None:
            selection, column = self._selected(), self.catalog.days
            if selection.ascending:
                chosen = selection.chosen
                mask = None if chosen is None else bits.mask(chosen, len(column))
                days = column if mask is None else list(compress(column, mask))
            else:
                days = list(map(column.__getitem__, selection.numbers))
            self._computed.days = days
        return days

    def __len__(self) -> int:
        return len(self._selected().numbers)

    def __iter__(self) -> Iterator[Article]:
        return map(self.catalog.articles.__getitem__, self._selected().numbers)

    def __repr__(self) -> str:
        return f"<Library {len(self)} of {self.total} {self.filters!r}>"

    def refines(self, previous: Library) -> bool:
        """True when this view differs from `previous` only in plain query words that
        narrow its words (typed on: "kit" to "kite", or a word added), so that its search
        looks only among the matches `previous` found."""
        if self.catalog is not previous.catalog or previous.filters.query.is_empty:
            return False
        old, new = previous.filters.query, self.filters.query
        if replace(previous.filters, query=new) != self.filters:
            return False
        if replace(old, text=new.text, words=new.words) != new:
            return False
        return len(new.words) >= len(old.words) and all(map(narrows, old.words, new.words))

    @property
    def total(self) -> int:
        """How many articles there are before filtering (drafts only when included)."""
        catalog = self.catalog
        return len(catalog) if self.filters.drafts else len(catalog) - catalog.drafts.bit_count()

    @property
    def tags(self) -> tuple[str, ...]:
        """The tag filters set with `tagged`, spelt as in the articles."""
        return tuple(map(self.catalog.tag_name, self.filters.tags))

    @property
    def excluded_tags(self) -> tuple[str, ...]:
        """The tags set with `without_tags`."""
        return self.filters.excluded_tags

    @property
    def date_range(self) -> tuple[date | None, date | None]:
        """The `dated` bounds (the query's `after:`/`before:` are in `parsed_query`)."""
        return self.filters.after, self.filters.before

    @property
    def day_bounds(self) -> tuple[date | None, date | None]:
        """The calendar days the view is limited to: the tighter of the `dated` bounds
        and the query's `after:`/`before:`."""
        return self.filters.date_range

    @property
    def query(self) -> str:
        """The query text given to `matching`."""
        return self.filters.query.text

    @property
    def parsed_query(self) -> Query:
        """The query given to `matching`, parsed."""
        return self.filters.query

    @property
    def order(self) -> SortOrder:
        """The sort order."""
        return self.filters.order

    @property
    def drafts(self) -> bool:
        """True when drafts are included."""
        return self.filters.drafts

    @property
    def query_errors(self) -> tuple[str, ...]:
        """Why some query terms were ignored: one readable sentence each."""
        return self._selected().errors

    def score(self, article: Article) -> float | None:
        """The fuzzy score of `article` for the query's plain words, if it has one."""
        number = self.catalog.numbers.get(article.path)
        ranked = self if self.order is SortOrder.RELEVANCE else self.sorted_by(SortOrder.RELEVANCE)
        return None if number is None else ranked._selected().score(number)

    def tier(self, article: Article) -> int | None:
        """The relevance tier `article` matched the query's plain words in (see
        `Selection.tier`; the README lists them); None when it did not match them."""
        number = self.catalog.numbers.get(article.path)
        ranked = self if self.order is SortOrder.RELEVANCE else self.sorted_by(SortOrder.RELEVANCE)
        return None if number is None else ranked._selected().tier(number)

    def listed_of(self, paths: Iterable[str]) -> list[str]:
        """Those of `paths` this view lists, in no given order: asked of its set of
        matches, so a few paths cost no walk over its rows."""
        catalog = self.catalog
        listed = catalog.at_paths(paths) & self._selected_set()
        return list(map(column_of(catalog.articles, "path").__getitem__, catalog.members(listed)))

    def prepare_groups(self, group_of: Mapping[str, str], place_of: Mapping[str, int]) -> None:
        """Build now what `grouped_by` needs for these groups (e.g. in the worker that
        found them), rather than on the first call; safe from any thread."""
        if len(self.catalog) >= bits.VECTOR_FROM:
            self.catalog.groups(group_of, place_of)

    def grouped_by(
        self, group_of: Mapping[str, str], place_of: Mapping[str, int]
    ) -> Grouping | None:
        """The listed articles of each group of `group_of` (path to group; a story
        cluster), the earliest by `place_of` standing for the others; None for a catalog
        small enough that walking the listed paths is as quick.

        `group_of` is taken not to change while it is asked about (see `Catalog.groups`).
        """
        catalog, size = self.catalog, len(self.catalog)
        if size < bits.VECTOR_FROM:
            return None
        firsts, others = catalog.groups(group_of, place_of).firsts(self._selected_set(), size)
        rest = self._with(left_out_set=self.filters.left_out_set | others)
        # Its matches are this view's but the others: ordered again, not searched again.
        rest._computed.selection = leaving_out(catalog, self._selected(), self.order, others)
        return Grouping(FirstsByPath(catalog, firsts), PathSet(catalog, others), rest)

    def body_matches(self) -> dict[str, tuple[str, ...]]:
        """The listed articles matched by their body rather than their title, tags or
        description (the body tiers), by path: the words and phrases to look for in the
        body, a mistyped word as it was corrected. Empty when the query has no plain words.
        """
        selection = self._selected()
        if not (selection.body or selection.corrected_words):
            return {}
        query, catalog = self.filters.query, self.catalog
        chosen = selection.chosen
        listed = None if chosen is None else bits.mask(chosen, len(catalog))
        long_words = tuple(word for word in query.words if len(word) > SHORT_WORD)
        found = [(number, long_words) for number in selection.body]
        found += selection.corrected_words.items()
        articles = catalog.articles
        return {
            articles[number].path: (*query.phrases, *words)
            for number, words in found
            if listed is None or listed[number]
        }

    def tag_counts(self) -> list[TagCount]:
        """Each tag of the matching articles with how many carry it, most frequent first.

        The counts are faceted: they are taken over the current matches, so each says how
        many articles would remain if that tag were selected too.
        """
        catalog = self.catalog
        chosen = self._counted_set()
        counts = catalog.tag_counts(chosen)
        unread = catalog.tag_counts(self._unread_set()) if self.state is not None else None
        named = [
            TagCount(catalog.tag_name(key), count, None if unread is None else unread[key])
            for key, count in counts.items()
        ]
        named.sort(key=lambda item: (-item.count, item.tag.casefold(), item.tag))
        return named

    def facet_counts(self, facet: str) -> list[FacetCount]:
        """Each value of `facet` ("categories", "sources" or "years") among the matching
        articles with how many hold it (and how many of those are unread, when the reader
        state is known), most used first; faceted as `tag_counts` is."""
        catalog = self.catalog
        counts = catalog.facet_counts(facet, self._counted_set())
        unread = None
        if self.state is not None:
            unread = catalog.facet_counts(facet, self._unread_set())
        return most_used_first(
            FacetCount(
                catalog.facet_name(facet, key), count, None if unread is None else unread[key]
            )
            for key, count in counts.items()
        )

    def unread_count(self) -> int | None:
        """How many of the matching articles are unread; None when the state is unknown."""
        return None if self.state is None else self._unread_set().bit_count()

    def day_counts(self) -> Counter[str]:
        """How many of the matching articles fall on each calendar day (`YYYY-MM-DD`)."""
        return self.catalog.day_counts(self._counted_set())

    def _counted_set(self) -> int | None:
        """The matching articles as a `bits` set; None when they are all of them."""
        catalog = self.catalog
        unfiltered = not self.filters.narrows and (self.filters.drafts or not catalog.drafts)
        return None if unfiltered else self._selected_set()

    def _selected_set(self) -> int:
        """The matching articles as a `bits` set."""
        chosen = self._selected().chosen
        return self.catalog.everything if chosen is None else chosen

    def _unread_set(self) -> int:
        """The matching articles not marked read, as a `bits` set (computed once)."""
        computed = self._computed
        if computed.unread is None:
            assert self.state is not None
            catalog, state = self.catalog, self.state
            chosen, size = self._selected_set(), len(self.catalog)
            read_paths = state.read_paths()
            if chosen.bit_count() < len(read_paths):  # look at each match, or at each read
                articles, is_read = catalog.articles, state.is_read
                unread = (n for n in catalog.members(chosen) if not is_read(articles[n].path))
                computed.unread = bits.from_numbers(unread, size)
            else:
                read = catalog.numbers.held(list(read_paths))
                computed.unread = chosen & ~bits.from_numbers(read, size)
        return computed.unread

    def _selected(self) -> Selection:
        computed = self._computed
        selection = computed.selection
        if selection is None:
            selection = select(self.catalog, self.filters, self.fulltext, self.state)
            computed.selection = selection
        return selection


@dataclass(frozen=True, slots=True)
class Grouping:
    """What `Library.grouped_by` found."""

    more: FirstsByPath
    """The first listed path of each group with two or more listed: how many more of the
    group the view lists."""
    others: PathSet
    """The listed paths of every group but its first."""
    rest: Library
    """The view without `others`, as lazily ordered as the view itself."""


class FirstsByPath(Mapping[str, int]):
    """`Firsts` read by path: a lookup per path asked about, the paths listed only when
    iterated."""

    __slots__ = ("_catalog", "_firsts")

    def __init__(self, catalog: Catalog, firsts: Firsts) -> None:
        self._catalog = catalog
        self._firsts = firsts

    def __getitem__(self, path: str) -> int:
        number = self._catalog.numbers.get(path)
        more = None if number is None else self._firsts.more(number)
        if more is None:
            raise KeyError(path)
        return more

    def __iter__(self) -> Iterator[str]:
        paths = column_of(self._catalog.articles, "path")
        return map(paths.__getitem__, self._firsts.numbers.tolist())

    def __len__(self) -> int:
        return len(self._firsts)


class PathSet(AbstractSet[str]):
    """A set of a catalog's articles, read as their paths: membership is a lookup, and the
    paths are only listed when iterated."""

    __slots__ = ("_catalog", "_count", "_members", "_selector")

    def __init__(self, catalog: Catalog, members: int) -> None:
        self._catalog = catalog
        self._members = members
        self._count = members.bit_count()
        self._selector: bytes | None = None

    def __contains__(self, path: object) -> bool:
        number = self._catalog.numbers.get(path) if isinstance(path, str) else None
        if number is None:
            return False
        if self._selector is None:
            self._selector = bits.mask(self._members, len(self._catalog))
        return bool(self._selector[number])

    def __iter__(self) -> Iterator[str]:
        paths = column_of(self._catalog.articles, "path")
        return map(paths.__getitem__, self._catalog.members(self._members))

    def __len__(self) -> int:
        return self._count
