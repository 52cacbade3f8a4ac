"""Filtering the library and showing the result: the list, the match count, the tags.

Tags, query and sort go to a worker (a new request cancels the stale one), or run inline
when they narrow a query that filtered quickly (see `filter_clock`). The sidebar's tag
counts follow in a worker of their own, started a frame after the rows are shown.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import work
from textual.widgets import Static
from textual.worker import get_current_worker

from digest_tui.tui.messages import TagCountsReady, ViewReady
from digest_tui.tui.screens.filter_clock import FilterClock
from digest_tui.tui.screens.reading import ReadingScreen
from digest_tui.tui.session import ReaderSession

if TYPE_CHECKING:
    from digest_tui.model import Article
    from digest_tui.search import Library, SortOrder
    from digest_tui.tui.filtering import FilterRequest

TAG_COUNT_DELAY = 0.025
"""Seconds between showing the rows and counting their tags: time to paint the rows."""


class ListingScreen(ReadingScreen):
    """A reading screen whose list shows the library filtered by tags, query and sort."""

    def __init__(self, session: ReaderSession, classes: str | None = None) -> None:
        super().__init__(session, classes=classes)
        self.library: Library | None = None
        """None until the index worker has read the cached articles."""
        self.shown: Sequence[Article] = ()
        self.tags: tuple[str, ...] = ()
        self.query_text = ""
        self.sort: SortOrder | None = None
        """The order the user keeps; None until the reader state is open."""
        self.sort_chosen = False
        """False until the user picks an order: a query then ranks by relevance."""
        self._generation = 0
        self._restore_pending = True
        self._list_shown = threading.Event()
        """Set once the first list has been painted; the index worker waits for it."""
        self._clock = FilterClock()
        self._query_edited = False
        """True from an edit to a non-empty query until its list is shown: that list
        starts at its best match, as in fzf, instead of looking for the highlighted one."""

    def _update_status(self) -> None:
        """Show the current facts in the status bar (the main screen knows them all)."""
        raise NotImplementedError

    def _refilter(self) -> None:
        from digest_tui.tui.filtering import FilterRequest

        self._generation += 1
        if self.library is None or self.sort is None:
            return  # the list arrives with the library and is filtered then
        request = FilterRequest(self.library, self.tags, self.query_text, self.effective_sort)
        if self._clock.may_run_inline(request):
            self._filter_inline(request, self._generation)
        else:
            self._run_filter(request, self._generation)

    def _filter_inline(self, request: FilterRequest, generation: int) -> None:
        """Filter on the event loop: the rows are painted with the keystroke's own frame."""
        self.on_view_ready(self._timed_filter(request, generation))

    @work(thread=True, exclusive=True, group="filter", exit_on_error=False)
    def _run_filter(self, request: FilterRequest, generation: int) -> None:
        """Filter and post the rows; their tags are counted after they are painted."""
        worker = get_current_worker()
        message = self._timed_filter(request, generation)
        if not worker.is_cancelled:
            self.post_message(message)

    def _timed_filter(self, request: FilterRequest, generation: int) -> ViewReady:
        """Filter and list the rows (here, on whichever thread calls), timed for the clock."""
        from digest_tui.tui.filtering import filter_library

        start = time.perf_counter()
        view = filter_library(request)
        articles = view.articles
        self._clock.record(request, time.perf_counter() - start)
        return ViewReady(articles, generation, view.query_errors, view)

    def on_view_ready(self, message: ViewReady) -> None:
        if message.generation != self._generation:
            return
        self.shown = message.articles
        highlighted = self.articles.highlighted
        keep = highlighted.path if highlighted and not self._query_edited else None
        self._query_edited = False
        self.articles.set_articles(message.articles, keep=keep)
        self._show_counts(message)
        self._update_status()
        if message.view is not None:
            self._count_tags_after_paint(message.view, len(message.articles), message.generation)
        if not self._list_shown.is_set():
            self.call_after_refresh(self._list_shown.set)
        if self._restore_pending and message.articles:
            self._restore_pending = False
            self.call_after_refresh(self.restore_last_opened)

    def _count_tags_after_paint(self, view: Library, shown: int, generation: int) -> None:
        # A count in a thread while the rows are drawn would slow that frame (the two take
        # turns on the interpreter, 5 ms at a time), so it starts a frame later, and not
        # at all when typing went on meanwhile.
        def start() -> None:
            if generation == self._generation:
                self._count_tags(view, shown, generation)

        self.set_timer(TAG_COUNT_DELAY, start)

    @work(thread=True, exclusive=True, group="tags", exit_on_error=False)
    def _count_tags(self, view: Library, shown: int, generation: int) -> None:
        """Count the tags of the listed view for the sidebar."""
        worker = get_current_worker()
        counts = view.tag_counts()
        if not worker.is_cancelled:
            self.post_message(TagCountsReady(counts, shown, generation))

    def on_tag_counts_ready(self, message: TagCountsReady) -> None:
        if message.generation == self._generation:
            self.sidebar.show_tags(message.tag_counts, self.tags, message.shown)

    def _show_counts(self, message: ViewReady) -> None:
        matches = self.query_one("#matches", Static)
        empty = self.query_one("#empty", Static)
        count = len(message.articles)
        noun = "match" if count == 1 else "matches"
        line = f"{count} {noun}" if self.query_text or self.tags else f"{count} articles"
        if message.errors:
            line += "  ·  ignored: " + "; ".join(message.errors)
        # One line of fixed height: new text never changes the layout.
        matches.update(line if self.total else "", layout=False)
        no_match = count == 0 and bool(self.query_text or self.tags)
        empty.update(self._empty_text() if no_match else "", layout=False)
        self.set_class(no_match, "no-match")

    def _empty_text(self) -> str:
        if self.query_text:
            return "No articles match this search — press escape in the search box to clear it."
        return "No article carries all the selected tags — press escape to clear the tags."

    @property
    def total(self) -> int:
        """How many articles the library holds (0 until it is read)."""
        return self.library.total if self.library is not None else 0

    @property
    def effective_sort(self) -> SortOrder:
        """The order in use: relevance while searching, unless the user chose an order."""
        from digest_tui.search import SortOrder

        if self.sort is None:
            return SortOrder.NEWEST
        if self.query_text and not self.sort_chosen:
            return SortOrder.RELEVANCE
        return self.sort
