"""The main screen: tag sidebar, search box, article list, reading pane and status bar.

Widgets post what the user wants; this screen loads the folder and acts on their requests.
Filtering and showing the result live in `listing.py`; reading actions (open, links,
marks) in `reading.py`.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Footer, Input, Static
from textual.worker import Worker, WorkerState, get_current_worker

from digest_tui.tui.bindings import MAIN_BINDINGS
from digest_tui.tui.messages import (
    ArticlesLoaded,
    FulltextReady,
    IndexProgress,
    SessionOpened,
    WorkFailed,
)
from digest_tui.tui.screens.listing import ListingScreen
from digest_tui.tui.session import ReaderSession
from digest_tui.tui.widgets.article_list import ArticleList
from digest_tui.tui.widgets.reading_pane import ReadingPane
from digest_tui.tui.widgets.search_box import SearchBox
from digest_tui.tui.widgets.status_bar import StatusBar, StatusFacts
from digest_tui.tui.widgets.tag_sidebar import TagSidebar

if TYPE_CHECKING:
    # The core loads in the index worker, after the first frame.
    from textual.widgets import ProgressBar

    from digest_tui.model import Article, Problem
    from digest_tui.search import Library

NARROW_WIDTH = 100
"""Below this many columns the screen shows one pane at a time."""
LIST_SHOWN_TIMEOUT = 10.0
"""The index worker refreshes after this many seconds even if the list was never painted."""


class MainScreen(ListingScreen):
    """The reader's one working screen."""

    BINDINGS = MAIN_BINDINGS
    AUTO_FOCUS = "#articles"

    def __init__(self, session: ReaderSession) -> None:
        # Classes given here cost nothing; each one added after mount restyles the screen.
        super().__init__(session, classes="nothing-open show-list")
        self.problems: list[Problem] = []
        self._indexing = "reading the index…"
        self._progress: ProgressBar | None = None
        """Mounted with the first progress report: a warm start never needs it."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield TagSidebar(id="sidebar")
            with Vertical(id="main"):
                yield SearchBox(on_leave=lambda: self.focus_pane("list"), id="search")
                yield Static("", id="matches")
                yield ArticleList(id="articles")
                yield Static("", id="empty", markup=False)
                yield ReadingPane(id="reader")
        with Horizontal(id="status-row"):
            yield StatusBar(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sidebar.border_title = "Tags"
        self.articles.border_title = "Articles"
        self.reader.border_title = "Reader"
        if not self.session.state_deferred:
            self._use_state()
        self._apply_width(self.app.size.width)
        self._update_status()
        # The first frame comes before any indexing work.
        self.call_after_refresh(self._index_folder)

    def _use_state(self) -> None:
        """Take the read marks and the remembered sort order from the reader state."""
        from digest_tui.search import SortOrder

        state = self.session.state
        self.articles.set_marks(
            state.is_read if state else None,
            state.is_starred if state else None,
            state.is_new if state else None,
        )
        self.sort = self.session.initial_sort()
        self.sort_chosen = self.sort != SortOrder.NEWEST

    def on_unmount(self) -> None:
        # Frozen objects in reference cycles (this screen's widgets among them) are
        # collected again once the reader is gone; matters when one process runs many apps.
        gc.unfreeze()

    # Layout: one pane at a time on narrow terminals.

    def on_resize(self, event: events.Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        self.set_class(width < NARROW_WIDTH, "narrow")
        if not any(self.has_class(f"show-{pane}") for pane in ("tags", "list", "reader")):
            self.add_class("show-list")

    def show_pane(self, pane: str) -> None:
        """In the narrow layout, show only `pane` ("tags", "list" or "reader")."""
        for name in ("tags", "list", "reader"):
            self.set_class(name == pane, f"show-{name}")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        pane = {"sidebar": "tags", "reader": "reader"}.get(event.widget.id or "", "list")
        self.show_pane(pane)

    def focus_pane(self, pane: str) -> None:
        """Show `pane` and move the keyboard focus into it."""
        self.show_pane(pane)
        widget = {"tags": self.sidebar, "reader": self.reader}.get(pane, self.articles)
        self.focus_now(widget)

    def focus_now(self, widget: Widget) -> None:
        """Focus `widget` before the next queued key is handled.

        `Widget.focus()` waits for a callback queued behind any keys already read, so
        "/kite" typed in one burst would send "kite" to the list instead of the search box.
        """
        self.set_focus(widget)
        if self.focused is not widget:  # not focusable yet: once the new styles apply
            self.call_after_refresh(widget.focus)

    # Loading the folder.

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _index_folder(self) -> None:
        """Show the cached list first; then refresh it, then build the full-text index.

        Nothing else competes with the cached list for the interpreter: the refresh
        and the state store's reconcile wait until the list has been painted.
        """
        worker = get_current_worker()
        self.post_message(SessionOpened(self.session.open_deferred()))
        index = self.session.index
        articles, problems = index.cached()
        library = self._library_of(articles)
        self.post_message(ArticlesLoaded(library, problems, False, _paths(articles)))
        self._wait_for_list(worker)
        if worker.is_cancelled:
            return
        library.prepare()  # the first keystroke should not pay for the search data
        _freeze_long_lived()
        ReadingPane.preload()

        def progress(done: int, total: int) -> None:
            self.post_message(IndexProgress(done, total))

        def show_preview(preview: list[Article]) -> None:
            # A first index of a big folder: the quick preview is listed and searchable
            # while the full parse (word counts, links, warnings) goes on.
            early = self._library_of(preview)
            self.post_message(ArticlesLoaded(early, problems, False, _paths(preview)))
            early.prepare()

        result = index.refresh(
            progress,
            lambda: worker.is_cancelled,
            fulltext=False,
            known=articles,
            on_preview=show_preview,
        )
        if worker.is_cancelled:
            return
        problem = self.session.reconcile(result.articles)
        if problem:
            self.post_message(WorkFailed(problem))
        changed = result.added or result.changed or result.removed or not articles
        fresh = self._library_of(result.articles) if changed else None
        if fresh is not None:
            fresh.prepare()
            _freeze_long_lived()
        paths = _paths(result.articles) if changed else frozenset()
        self.post_message(ArticlesLoaded(fresh, result.problems, True, paths))
        if result.error:
            self.post_message(WorkFailed(f"The index could not be refreshed: {result.error}"))
        index.build_fulltext(progress, lambda: worker.is_cancelled)
        self.post_message(FulltextReady())

    def _wait_for_list(self, worker: Worker) -> None:
        deadline = time.monotonic() + LIST_SHOWN_TIMEOUT
        while not worker.is_cancelled and time.monotonic() < deadline:
            if self._list_shown.wait(0.05):
                return

    def _library_of(self, articles: Sequence[Article]) -> Library:
        from digest_tui.search import Library

        return Library(articles, fulltext=self.session.index, state=self.session.state)

    def on_session_opened(self, message: SessionOpened) -> None:
        if self.sort is None:
            self._use_state()
        for notice in message.notices:
            self.app.notify(notice, severity="warning", timeout=8, markup=False)
        self._update_status()

    def on_articles_loaded(self, message: ArticlesLoaded) -> None:
        self.problems = list(message.problems)
        if message.final:
            self._indexing = "building the body search…"
        if message.library is None:  # the folder had not changed: keep the list as it is
            self._update_status()
            return
        self.library = message.library
        self.known_paths = message.known_paths
        self._refilter()

    def on_index_progress(self, message: IndexProgress) -> None:
        bar = self._progress_bar()
        bar.update(total=message.total or None, progress=message.done)
        self.add_class("indexing")
        self._update_status()

    def _progress_bar(self) -> ProgressBar:
        if self._progress is None:
            from textual.widgets import ProgressBar

            self._progress = ProgressBar(id="progress", show_eta=False)
            self.query_one("#status-row").mount(self._progress)
        return self._progress

    def on_fulltext_ready(self, _message: FulltextReady) -> None:
        self._indexing = ""
        self.remove_class("indexing")
        self._update_status()
        if self.query_text:
            self._refilter()

    def on_work_failed(self, message: WorkFailed) -> None:
        self.app.notify(message.text, severity="warning", markup=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self.app.notify(
                f"Something went wrong ({event.worker.group}): {error!r}",
                severity="error",
                markup=False,
            )

    def _update_status(self) -> None:
        indexing = self._indexing
        bar = self._progress
        if self.has_class("indexing") and bar is not None and bar.total:
            indexing = f"indexing {int(bar.progress)}/{int(bar.total)}"
        after = before = None
        if self.query_text:
            from digest_tui.search import parse_query

            query = parse_query(self.query_text)
            after, before = query.after, query.before
        facts = StatusFacts(
            shown=len(self.shown),
            total=self.total,
            tags=self.tags,
            query=self.query_text,
            after=after,
            before=before,
            sort=self.effective_sort.value if self.sort else "",
            problems=len(self.problems),
            indexing=indexing,
        )
        self.query_one(StatusBar).show(facts)

    # What the widgets ask for.

    @on(SearchBox.Edited)
    def _query_changed(self, event: SearchBox.Edited) -> None:
        self.query_text = event.value.strip()
        # Clearing the query keeps the highlighted article: it is shown in its place.
        self._query_edited = bool(self.query_text)
        self._refilter()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.focus_pane("list")

    @on(TagSidebar.Toggled)
    def _tag_toggled(self, event: TagSidebar.Toggled) -> None:
        if event.tag in self.tags:
            self.tags = tuple(tag for tag in self.tags if tag != event.tag)
        else:
            self.tags = (*self.tags, event.tag)
        self._refilter()

    @on(TagSidebar.Cleared)
    def _tags_cleared(self) -> None:
        self.clear_tags()

    def clear_tags(self) -> None:
        """Drop every tag filter."""
        if self.tags:
            self.tags = ()
            self._refilter()

    def toggle_tag(self, tag: str) -> None:
        """Add `tag` to the filter, or remove it (for the command palette)."""
        self.post_message(TagSidebar.Toggled(tag))

    # Actions.

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # In the search box "/" is typed into the query instead.
        return not (action == "focus_search" and isinstance(self.focused, SearchBox))

    def action_focus_search(self) -> None:
        self.show_pane("list")
        self.focus_now(self.query_one(SearchBox))

    def action_focus_tags(self) -> None:
        self.focus_pane("tags")

    def action_back(self) -> None:
        focused = self.focused
        if focused is self.reader or focused is self.sidebar:
            self.focus_pane("list")
        else:
            self.clear_tags()

    def action_cycle_sort(self) -> None:
        from digest_tui.tui.sorting import next_sort

        if self.sort is None:
            return  # the remembered order is not known yet
        self.sort = next_sort(self.effective_sort)
        self.sort_chosen = True
        problem = self.session.remember("sort", self.sort.value)
        if problem:
            self.app.notify(problem, severity="warning", markup=False)
        self.app.notify(f"Sorted by {self.sort.value}", timeout=2)
        self._refilter()


def _paths(articles: Iterable[Article]) -> frozenset[str]:
    return frozenset(article.path for article in articles)


def _freeze_long_lived() -> None:
    """Keep the library's millions of objects out of the cyclic garbage collector.

    Each full collection would otherwise walk them all, a pause of a tenth of a second
    or more at 100,000 articles, landing on random keystrokes. Frozen objects are still
    freed by reference counting when the library is replaced.
    """
    gc.freeze()
