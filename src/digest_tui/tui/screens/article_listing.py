"""The listing part of the main screen: the library filtered by its tags, query and sort,
the list, the match line, the sidebar's counts and the status bar's facts.

A filter runs in a worker (a new request cancels the stale one), or inline when it
narrows a query that filtered quickly (see `filter_clock`). The sidebar's tag counts
follow in a worker of their own, started a frame after the rows are shown.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from textual.widgets import Static
from textual.worker import get_current_worker

from digest_tui.tui.facet_terms import (
    facet_terms,
    toggled_term,
    view_facets,
    view_timeline,
    with_dates,
    without_facet_terms,
)
from digest_tui.tui.messages import TagCountsReady, ViewReady
from digest_tui.tui.screens.cluster_folding import ClusterFolding
from digest_tui.tui.screens.filter_clock import FilterClock
from digest_tui.tui.widgets.status_bar import StatusFacts
from digest_tui.tui.widgets.timeline_bar import TimelineBar, bar_width

if TYPE_CHECKING:
    from digest_tui.clusters.listing import FoldedRows
    from digest_tui.model import Article, Problem
    from digest_tui.search import Library, SortOrder
    from digest_tui.tui.filtering import FilterRequest
    from digest_tui.tui.screens.main import MainScreen

MIN_FIND_WORD = 3
"""Query words shorter than this are not looked for in an opened article: "ai" would
light up every "said"."""
DATE_ORDERS = ("newest", "oldest")
"""The sort orders whose lists are grouped under day headings."""
PREPARE_DELAY = 0.5
"""Seconds between showing a changed folder's rows and building its search data."""
INDEX_WORDS_DELAY = 5.0
"""Seconds before its words are indexed too (half a second per 100,000 articles; typing is
quick without them): a burst of arrivals indexes only the library it ends with."""
TAG_COUNT_DELAY = 0.025
"""Seconds between showing the rows and counting their tags: time to paint the rows."""
TAG_COUNT_DELAY_MOST = 0.3
"""The longest wait before counting: a count waits as long as the last one took (up to
this), so that while typing goes on, a big folder's counts (a tenth of a second a million
articles) are not started only to hold up the next keystroke's rows."""


@lru_cache(maxsize=8)
def _ranks(query: str) -> bool:
    """Whether `query` holds words to rank by relevance."""
    from digest_tui.search import parse_query

    return bool(query) and parse_query(query).ranks


class ArticleListing:
    """Filters the screen's library by the screen's tags, query and sort into its list."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.library: Library | None = None
        """None until the index worker has read the cached articles."""
        self.view: Library | None = None
        """The filtered view listed last: it carries the parsed query."""
        self.shown: Sequence[Article] = ()
        self.sort_chosen = False
        """False until the user picks an order: a query then ranks by relevance."""
        self.query_edited = False
        """True from an edit to a non-empty query until its list is shown: that list
        starts at its best match, as in fzf, instead of looking for the highlighted one."""
        self.list_shown = threading.Event()
        """Set once the first list has been painted; the index worker waits for it."""
        self.unprepared: Library | None = None
        """A library whose search data is built once its first list is shown: a changed
        folder's rows need none, and building it first would delay them."""
        self._generation = 0
        self._count_seconds = 0.0
        """How long the last count of the sidebar took."""
        self._restore_pending = True
        self._clock = FilterClock()
        self._last: ViewReady | None = None
        """The rows listed last, to list again when a cluster opens or folds."""
        self.folding = ClusterFolding()

    @property
    def total(self) -> int:
        """How many articles the library holds, drafts when shown (0 until it is read)."""
        library = self.library
        return library.with_drafts(self.screen.show_drafts).total if library is not None else 0

    @property
    def effective_sort(self) -> SortOrder:
        """The order in use: relevance while searching for words, unless the user chose an
        order (a query of filters alone, such as `tag:ai is:unread`, has nothing to rank)."""
        from digest_tui.search import SortOrder

        sort = self.screen.sort
        if sort is None:
            return SortOrder.NEWEST
        if not self.sort_chosen and _ranks(self.screen.query_text):
            return SortOrder.RELEVANCE
        return sort

    def query_terms(self) -> list[str]:
        """The words, phrases and titles the listed view's query looks for, to find in an
        article opened from it (empty without a query)."""
        view = self.view
        if view is None or not self.screen.query_text:
            return []
        query = view.parsed_query
        words = [word for word in query.words if len(word) >= MIN_FIND_WORD]
        return [*words, *query.phrases, *query.titles]

    def status_facts(
        self, problems: Sequence[Problem], indexing: str, in_memory: bool = False
    ) -> StatusFacts:
        """What the status bar reports: the list, the filters, `problems` and `indexing`."""
        from digest_tui.tui.problem_words import problem_counts

        screen = self.screen
        skipped, warnings = problem_counts(problems)
        view = self.view
        after, before = view.day_bounds if view is not None else (None, None)
        return StatusFacts(
            shown=len(self.shown),
            total=self.total,
            tags=screen.tags,
            query=screen.query_text,
            after=after,
            before=before,
            sort=self.effective_sort.value if screen.sort else "",
            skipped=skipped,
            warnings=warnings,
            drafts_hidden=self._drafts_hidden(),
            indexing=indexing,
            in_memory=in_memory,
        )

    def _drafts_hidden(self) -> int:
        library, view = self.library, self.view
        if library is None or self.screen.show_drafts:
            return 0
        if view is not None and "draft" in view.parsed_query.states:
            return 0  # `is:draft` lists them
        return library.with_drafts(True).total - library.with_drafts(False).total

    def refilter(self) -> None:
        """Filter the library again for the screen's current tags, query and sort."""
        self._generation += 1
        screen = self.screen
        if self.library is None or screen.sort is None:
            return  # the list arrives with the library and is filtered then
        # The search layer loads with the first library, not before the first frame.
        from digest_tui.tui.filtering import FilterRequest

        request = FilterRequest(
            self.library, screen.tags, screen.query_text, self.effective_sort, screen.show_drafts
        )
        if self._clock.may_run_inline(request):
            # On the event loop: the rows are painted with the keystroke's own frame.
            self.show_view(self._timed_filter(request, self._generation))
        else:
            screen.run_worker(
                partial(self._filter_in_thread, request, self._generation),
                thread=True,
                exclusive=True,
                group="filter",
                exit_on_error=False,
            )

    def _filter_in_thread(self, request: FilterRequest, generation: int) -> None:
        """Filter and post the rows; their tags are counted after they are painted."""
        worker = get_current_worker()
        message = self._timed_filter(request, generation)
        if not worker.is_cancelled:
            self.screen.post_message(message)

    def _timed_filter(self, request: FilterRequest, generation: int) -> ViewReady:
        """Filter and list the rows (here, on whichever thread calls), timed for the clock."""
        from digest_tui.tui.filtering import filter_library

        start = time.perf_counter()
        view = filter_library(request)
        articles = view.articles
        folds = self.folding.fold(view)  # kept for `show_view`, off the event loop when here is
        if request.sort.value in DATE_ORDERS:  # for the day headings, here too
            _ = folds.days() if folds is not None else view.days
        self._clock.record(request, time.perf_counter() - start)
        return ViewReady(articles, generation, view.query_errors, view)

    def show_view(self, message: ViewReady) -> None:
        """List the rows of a finished filter, unless a newer one was asked for since."""
        if message.generation != self._generation:
            return
        screen = self.screen
        self.shown = message.articles
        self.view = message.view
        highlighted = screen.articles.highlighted
        keep = highlighted.path if highlighted and not self.query_edited else None
        self.query_edited = False
        self._last = message
        self._list_rows(message, keep)
        self._show_counts(message)
        screen.update_status()
        self._prepare_after_paint(message.view)
        if message.view is not None:
            self._count_tags_after_paint(message.view, len(message.articles), message.generation)
        if not self.list_shown.is_set():
            screen.call_after_refresh(self.list_shown.set)
        if self._restore_pending and message.articles:
            self._restore_pending = False
            screen.call_after_refresh(screen.reading.restore_last_opened)

    def _list_rows(self, message: ViewReady, keep: str | None, keep_scroll: bool = False) -> None:
        """Hand the rows to the list, each story cluster folded into one row."""
        by_day = self.effective_sort.value in DATE_ORDERS
        from digest_tui.search.snippets import query_terms  # loaded with the view already

        view = message.view
        terms = query_terms(view.parsed_query) if view is not None else ()
        folds = self.folding.fold(view if view is not None else message.articles)
        rows = folds.rows if folds is not None else message.articles
        snippets = _snippet_paths(view, folds)
        days = None
        if by_day and view is not None:
            days = folds.days() if folds is not None else view.days
        self.screen.articles.set_articles(
            rows,
            keep=self.folding.row_for(keep, folds),
            by_day=by_day,
            days=days,
            terms=terms,
            snippets=snippets,
            folds=folds,
            keep_scroll=keep_scroll,
        )

    def refold(self, keep: str | None = None) -> None:
        """List the same rows again with the clusters as they are now (found, opened or
        folded), the cursor on `keep` (else where it is) and the view where it is."""
        if self._last is not None:
            highlighted = self.screen.articles.highlighted
            path = keep or (highlighted.path if highlighted is not None else None)
            self._list_rows(self._last, path, keep_scroll=True)
            self._show_counts(self._last)

    def toggle_cluster(self, path: str, opened: bool | None) -> None:
        """Open or fold the story cluster of the row `path` (see `ClusterFolding.toggle`)."""
        if self.folding.toggle(path, opened):
            self.refold(keep=path)

    def _prepare_after_paint(self, view: Library | None) -> None:
        library = self.unprepared
        if library is None or view is None or view.catalog is not library.catalog:
            return
        self.unprepared = None

        def start(work: Callable[[], None]) -> None:
            # Not for a library that another change replaced meanwhile: files arriving one
            # after another would each pay for the previous one's search data.
            if library is self.library:
                self.screen.run_worker(work, thread=True, group="prepare", exit_on_error=False)

        self.screen.set_timer(PREPARE_DELAY, partial(start, library.prepare))
        self.screen.set_timer(INDEX_WORDS_DELAY, partial(start, library.index_words))

    def _count_tags_after_paint(self, view: Library, shown: int, generation: int) -> None:
        # A count in a thread while the rows are drawn would slow that frame (the two take
        # turns on the interpreter, 5 ms at a time), so it starts a frame later, and not
        # at all when typing went on meanwhile.
        def start() -> None:
            if generation == self._generation:
                bars = bar_width(self.screen.query_one(TimelineBar).content_region.width)
                self.screen.run_worker(
                    partial(self._count_tags, view, shown, generation, bars),
                    thread=True,
                    exclusive=True,
                    group="tags",
                    exit_on_error=False,
                )

        delay = min(max(TAG_COUNT_DELAY, self._count_seconds), TAG_COUNT_DELAY_MOST)
        self.screen.set_timer(delay, start)

    def _count_tags(self, view: Library, shown: int, generation: int, bars: int) -> None:
        """Count the facets of the listed view for the sidebar, and its timeline (in a
        worker); given up between facets once the list has changed again."""
        worker = get_current_worker()
        started = time.perf_counter()

        def outdated() -> bool:
            return worker.is_cancelled or generation != self._generation

        counted = view_facets(view, outdated)
        if counted is None:
            return
        timeline = view_timeline(view, bars)
        self._count_seconds = time.perf_counter() - started
        if not worker.is_cancelled:
            message = TagCountsReady(counted.tags, shown, generation, counted.facets)
            message.unread, message.timeline = counted.unread, timeline
            self.screen.post_message(message)

    def show_tag_counts(self, message: TagCountsReady) -> None:
        """Show the counted facets and the timeline, unless the list changed since."""
        if message.generation == self._generation:
            screen = self.screen
            screen.sidebar.chosen = facet_terms(screen.query_text)
            screen.sidebar.show_facets(message.facets, message.shown, message.unread)
            if message.timeline is not None:
                screen.query_one(TimelineBar).show(message.timeline)

    def recount(self) -> None:
        """Count the sidebar again (a read mark changed): no new filter needed."""
        view = self.view
        if view is not None:
            self._count_tags_after_paint(view.again(), len(self.shown), self._generation)

    # The sidebar's other facets and the timeline narrow through query terms.

    def toggle_facet_term(self, facet: str, value: str) -> None:
        """Add the query term for `value` of `facet`, or take it out."""
        self._set_query(toggled_term(self.screen.query_text, facet, value))

    def clear_facet_terms(self) -> None:
        """Take every facet term the sidebar can add out of the query."""
        self._set_query(without_facet_terms(self.screen.query_text))

    def narrow_to(self, first: date, last: date) -> None:
        """Narrow the query to the days `first`..`last` (replacing its date bounds)."""
        self._set_query(with_dates(self.screen.query_text, first, last))

    def _set_query(self, text: str) -> None:
        from digest_tui.tui.widgets.search_box import SearchBox

        self.screen.query_one(SearchBox).value = text

    def _show_counts(self, message: ViewReady) -> None:
        screen = self.screen
        matches = screen.query_one("#matches", Static)
        empty = screen.query_one("#empty", Static)
        filtered = bool(screen.query_text or screen.tags)
        count = len(message.articles)
        noun = "match" if count == 1 else "matches"
        line = f"{count} {noun}" if filtered else f"{count} articles"
        listed = message.view if message.view is not None else message.articles
        stories = self.folding.stories(listed)
        if stories is not None:
            line += f" · {stories} stories"
        if message.errors:
            line += "  ·  ignored: " + "; ".join(message.errors)
        # One line of fixed height: new text never changes the layout.
        matches.update(line if self.total else "", layout=False)
        no_match = count == 0 and filtered
        empty.update(self._empty_text() if no_match else "", layout=False)
        screen.set_class(no_match, "no-match")

    def _empty_text(self) -> str:
        if self.screen.query_text:
            return "No articles match this search — press escape in the search box to clear it."
        return "No article carries all the selected tags — press escape to clear the tags."


def _snippet_paths(
    view: Library | None, folds: FoldedRows | None
) -> Mapping[str, tuple[str, ...]] | None:
    """The listed rows matched by their body (see `Library.body_matches`): none for a copy
    folded under its story's first row, asked of the folded view when it is one."""
    if view is None:
        return None
    if folds is None:
        return view.body_matches()
    from digest_tui.search import Library

    if not folds.copies and isinstance(folds.view, Library):
        return folds.view.body_matches()
    snippets = view.body_matches()
    if not folds.hidden:
        return snippets
    return {path: words for path, words in snippets.items() if path not in folds.hidden}
