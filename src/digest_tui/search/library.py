"""`Library`: an immutable, chainable filtered view of a list of articles.

    library = Library(articles, fulltext=index, state=store)
    view = library.tagged("AI").matching("kite after:2025-01").sorted_by(SortOrder.RELEVANCE)
    for article in view: ...

Each filter returns a new `Library`; the original is unchanged. All views derived from
one `Library(...)` share its precomputed search data, so deriving a view is cheap and the
matching articles are computed once, on first use.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import compress

from digest_tui.model import Article
from digest_tui.search import bits
from digest_tui.search.background import started
from digest_tui.search.bits import mask
from digest_tui.search.catalog import Catalog
from digest_tui.search.filters import Filters, SortOrder
from digest_tui.search.protocols import FullTextSearch, ReaderStateView
from digest_tui.search.query import Query, parse_query
from digest_tui.search.ranking import Ranked, RankedArticles
from digest_tui.search.selection import Selection, select


@dataclass(frozen=True, slots=True)
class TagCount:
    """One tag of the current view: how many articles selecting it would leave."""

    tag: str
    count: int
    unread: int | None = None
    """How many of those are unread; None when the reader state is not known."""


class Library:
    """A filtered, sorted view of articles; every method returns a new view."""

    __slots__ = ("_articles", "_catalog", "_filters", "_fulltext", "_selection", "_state")

    def __init__(
        self,
        articles: Sequence[Article] = (),
        fulltext: FullTextSearch | None = None,
        state: ReaderStateView | None = None,
    ) -> None:
        """Index `articles` for searching: done once, shared by every derived view."""
        self._init(Catalog(articles), Filters(), fulltext, state)

    def _init(
        self,
        catalog: Catalog,
        filters: Filters,
        fulltext: FullTextSearch | None,
        state: ReaderStateView | None,
    ) -> None:
        set_slot = object.__setattr__
        set_slot(self, "_catalog", catalog)
        set_slot(self, "_filters", filters)
        set_slot(self, "_fulltext", fulltext)
        set_slot(self, "_state", state)
        set_slot(self, "_selection", None)
        set_slot(self, "_articles", None)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Library is immutable; cannot set {name!r}")

    def _with(self, **changes: object) -> Library:
        view = object.__new__(Library)
        view._init(self._catalog, replace(self._filters, **changes), self._fulltext, self._state)
        return view

    def prepare(self) -> None:
        """Precompute the search data now rather than on the first search.

        Optional: a large list is shown at once and searched later; calling this from a
        background thread right after showing it makes the first keystroke fast too.
        Safe to call from any thread, and more than once.
        """
        self._catalog.prepare()
        if self._fulltext is not None:
            # Body queries run on a worker thread, which opens its own database
            # connection on its first query: open it now, not on the first keystroke.
            started(self._fulltext.search, "", 1)

    # Filters ---------------------------------------------------------------------------

    def tagged(self, *tags: str) -> Library:
        """Only articles carrying every one of `tags` too (case-insensitive)."""
        known = {tag.casefold() for tag in self._filters.tags}
        added = tuple(dict.fromkeys(t for t in tags if t.casefold() not in known))
        return self._with(tags=self._filters.tags + added)

    def untagged(self, *tags: str) -> Library:
        """Drop `tags` from the tag filters (the opposite of `tagged`)."""
        dropped = {tag.casefold() for tag in tags}
        return self._with(tags=tuple(t for t in self._filters.tags if t.casefold() not in dropped))

    def without_tags(self, *tags: str) -> Library:
        """Leave out articles carrying any of `tags` (case-insensitive)."""
        return self._with(excluded_tags=self._filters.excluded_tags + tags)

    def dated(self, after: date | None = None, before: date | None = None) -> Library:
        """Only articles dated within `after`..`before` (inclusive calendar days)."""
        return self._with(after=after, before=before)

    def matching(self, text: str) -> Library:
        """Only articles matching the query `text` (replaces the previous query)."""
        return self._with(query=parse_query(text))

    def sorted_by(self, order: SortOrder) -> Library:
        """The same articles in `order`."""
        return self._with(order=order)

    def with_drafts(self, include: bool = True) -> Library:
        """Include draft articles (they are left out by default)."""
        return self._with(drafts=include)

    # What the view holds ---------------------------------------------------------------

    @property
    def articles(self) -> Sequence[Article]:
        """The matching articles in order; computed once, on first use.

        An immutable sequence (a tuple, or for a relevance ranking a sequence whose lower
        tiers are only ordered when first read): `len`, indexing, slicing and iteration.
        """
        articles = self._articles
        if articles is None:
            selection, every = self._selected(), self._catalog.articles
            numbers = selection.numbers
            if selection.ascending:
                chosen = selection.chosen
                articles = (
                    every if chosen is None else tuple(compress(every, mask(chosen, len(every))))
                )
            elif isinstance(numbers, Ranked):
                articles = RankedArticles(numbers, every)
            else:
                articles = tuple(map(every.__getitem__, numbers))
            object.__setattr__(self, "_articles", articles)
        return articles

    def __len__(self) -> int:
        return len(self._selected().numbers)

    def __iter__(self) -> Iterator[Article]:
        return map(self._catalog.articles.__getitem__, self._selected().numbers)

    def __repr__(self) -> str:
        return f"<Library {len(self)} of {self.total} {self._filters!r}>"

    @property
    def total(self) -> int:
        """How many articles there are before filtering (drafts only when included)."""
        catalog = self._catalog
        return len(catalog) if self._filters.drafts else len(catalog) - catalog.drafts.bit_count()

    @property
    def tags(self) -> tuple[str, ...]:
        """The tag filters set with `tagged`, spelt as in the articles."""
        return tuple(map(self._catalog.tag_name, self._filters.tags))

    @property
    def excluded_tags(self) -> tuple[str, ...]:
        """The tags set with `without_tags`."""
        return self._filters.excluded_tags

    @property
    def date_range(self) -> tuple[date | None, date | None]:
        """The `dated` bounds (the query's `after:`/`before:` are in `parsed_query`)."""
        return self._filters.after, self._filters.before

    @property
    def query(self) -> str:
        """The query text given to `matching`."""
        return self._filters.query.text

    @property
    def parsed_query(self) -> Query:
        """The query given to `matching`, parsed."""
        return self._filters.query

    @property
    def order(self) -> SortOrder:
        """The sort order."""
        return self._filters.order

    @property
    def drafts(self) -> bool:
        """True when drafts are included."""
        return self._filters.drafts

    @property
    def query_errors(self) -> tuple[str, ...]:
        """Why some query terms were ignored: one readable sentence each."""
        return self._selected().errors

    def score(self, article: Article) -> float | None:
        """The fuzzy score of `article` for the query's plain words, if it has one."""
        number = self._catalog.numbers.get(article.path)
        ranked = self if self.order is SortOrder.RELEVANCE else self.sorted_by(SortOrder.RELEVANCE)
        return None if number is None else ranked._selected().score(number)

    def tag_counts(self) -> list[TagCount]:
        """Each tag of the matching articles with how many carry it, most frequent first.

        The counts are faceted: they are taken over the current matches, so each says how
        many articles would remain if that tag were selected too.
        """
        catalog = self._catalog
        unfiltered = not self._filters.narrows and (self._filters.drafts or not catalog.drafts)
        chosen = None if unfiltered else self._selected_set()
        counts = catalog.tag_counts(chosen)
        unread = self._unread_counts(chosen) if self._state is not None else None
        named = [
            TagCount(catalog.tag_name(key), count, None if unread is None else unread[key])
            for key, count in counts.items()
        ]
        named.sort(key=lambda item: (-item.count, item.tag.casefold(), item.tag))
        return named

    def _selected_set(self) -> int:
        """The matching articles as a `bits` set."""
        chosen = self._selected().chosen
        return self._catalog.everything if chosen is None else chosen

    def _unread_counts(self, chosen: int | None) -> Counter[str]:
        catalog = self._catalog
        is_read = self._state.is_read
        size = len(catalog)
        pool = range(size) if chosen is None else bits.members(chosen, size)
        articles = catalog.articles
        unread = (n for n in pool if not is_read(articles[n].path))
        return catalog.tag_counts(bits.from_numbers(unread, size))

    def _selected(self) -> Selection:
        selection = self._selection
        if selection is None:
            selection = select(self._catalog, self._filters, self._fulltext, self._state)
            object.__setattr__(self, "_selection", selection)
        return selection
