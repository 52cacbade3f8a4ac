"""The main screen: tag sidebar, search box, article list, reading pane and status bar.

Widgets post what the user wants; this screen holds what the user chose (query, tags,
sort, the open article) as reactives, which the widgets follow. Two parts do the work:
`ArticleListing` filters the library into the list, `ArticleReading` acts on one article.
`FolderLoader` reads the folder in a worker.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import Worker, WorkerState

from digest_tui.tui.bindings import MAIN_BINDINGS
from digest_tui.tui.messages import (
    ArticleOpened,
    ArticlesLoaded,
    ClustersReady,
    FolderChanged,
    FollowingChanged,
    FulltextReady,
    IndexInMemory,
    IndexProgress,
    SessionOpened,
    SnippetsWanted,
    TagCountsReady,
    ViewReady,
    WorkFailed,
)
from digest_tui.tui.screens.article_listing import ArticleListing
from digest_tui.tui.screens.article_parts import show_links, show_outline
from digest_tui.tui.screens.article_reading import ArticleReading
from digest_tui.tui.screens.folder_following import FOLLOW_GROUP, FolderFollower
from digest_tui.tui.screens.folder_loading import FolderLoader
from digest_tui.tui.screens.loading_report import LoadingReport
from digest_tui.tui.screens.pane_layout import PaneLayout
from digest_tui.tui.screens.story_clustering import StoryClustering
from digest_tui.tui.session import ReaderSession
from digest_tui.tui.widgets.article_list import ArticleList
from digest_tui.tui.widgets.facet_sidebar import FacetSidebar
from digest_tui.tui.widgets.find_bar import FindBar
from digest_tui.tui.widgets.reading_pane import ReadingPane
from digest_tui.tui.widgets.search_box import SearchBox
from digest_tui.tui.widgets.status_bar import StatusBar
from digest_tui.tui.widgets.timeline_bar import TimelineBar

if TYPE_CHECKING:
    from textual.dom import QueryType
    from textual.widget import Widget

    # The core loads in the index worker, after the first frame.
    from digest_tui.model import Article, LoadedArticle, Problem
    from digest_tui.search import Library, SortOrder


class MainScreen(Screen[None]):
    """The reader's one working screen."""

    BINDINGS: ClassVar[list[BindingType]] = [*MAIN_BINDINGS]
    AUTO_FOCUS = "#articles"

    query_text: var[str] = var("", always_update=True)
    """The search box's query, trimmed."""
    tags: var[tuple[str, ...]] = var(())
    """The tags every listed article carries."""
    sort: var[SortOrder | None] = var(None, always_update=True)
    """The order the user keeps; None until the reader state is open."""
    article: var[LoadedArticle | None] = var(None, always_update=True)
    """The article open in the reading pane."""
    show_drafts: var[bool] = var(False)
    """Whether draft articles are listed (they are left out at first)."""

    def __init__(self, session: ReaderSession) -> None:
        # Classes given here cost nothing; each one added after mount restyles the screen.
        full_screen = " full-screen" if session.config.full_screen else ""
        super().__init__(classes="nothing-open show-list" + full_screen)
        self.session = session
        self.listing = ArticleListing(self)
        self.reading = ArticleReading(self)
        self.panes = PaneLayout(self)
        self.report = LoadingReport(self)
        self.follower = FolderFollower(session, self.post_message)
        self.clustering = StoryClustering(self, self.post_message)

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield FacetSidebar(id="sidebar").data_bind(selected=MainScreen.tags)
            with Vertical(id="main"):
                yield SearchBox(on_leave=lambda: self.focus_pane("list"), id="search")
                with Horizontal(id="counts-row"):
                    yield Static("", id="matches", markup=False)
                    yield TimelineBar(id="timeline")
                yield ArticleList(id="articles")
                yield Static("", id="empty", markup=False)
                reading_width = self.session.config.reading_width
                yield ReadingPane(id="reader", reading_width=reading_width).data_bind(
                    loaded=MainScreen.article
                )
                yield FindBar(on_done=self._find_done, id="find")
        with Horizontal(id="status-row"):
            yield StatusBar(id="status")
        yield Footer(compact=True)

    @property
    def articles(self) -> ArticleList:
        """The article list."""
        return self.query_one(ArticleList)

    @property
    def reader(self) -> ReadingPane:
        """The reading pane."""
        return self.query_one(ReadingPane)

    @property
    def find_bar(self) -> FindBar:
        """The find bar under the reader."""
        return self.query_one(FindBar)

    @property
    def sidebar(self) -> FacetSidebar:
        """The sidebar: tags, categories, sources and years."""
        return self.query_one(FacetSidebar)

    @property
    def library(self) -> Library | None:
        """Every article of the folder, ready to search (None until read)."""
        return self.listing.library

    @property
    def problems(self) -> list[Problem]:
        """The files that failed to load or loaded with warnings."""
        return self.report.problems

    @property
    def effective_sort(self) -> SortOrder:
        """The order in use: relevance while searching, unless the user chose an order."""
        return self.listing.effective_sort

    def on_mount(self) -> None:
        self.sidebar.border_title = "Filters"
        self.articles.border_title = "Articles"
        self.reader.border_title = "Reader"
        views = getattr(self.app, "views", None)
        if views:
            self.sidebar.show_views(views)
        if not self.session.state_deferred:
            self._use_state()
        self.panes.fit_width(self.app.size.width)
        self.watch(self.reader, "scroll_y", self.reading.note_scroll, init=False)
        if self.panes.full_screen:
            self.panes.focus_now(self.reader)  # the list, focused otherwise, is hidden
        self.update_status()
        # The first frame comes before any indexing work.
        self.call_after_refresh(self._load_folder)

    def _load_folder(self) -> None:
        loader = FolderLoader(
            self.session, self.post_message, self.listing.list_shown, self._follow_folder
        )
        self.run_worker(loader.run, thread=True, exclusive=True, group="index", exit_on_error=False)

    def _follow_folder(self, articles: Sequence[Article], problems: Sequence[Problem]) -> None:
        """Start following the folder's changes (called by the loader, from its thread)."""
        self.app.call_from_thread(
            self.run_worker,
            partial(self.follower.follow, articles, problems),
            thread=True,
            exclusive=True,
            group=FOLLOW_GROUP,
            exit_on_error=False,
        )

    def _use_state(self) -> None:
        """Take the read marks and the remembered sort order from the reader state."""
        from digest_tui.search import SortOrder

        state = self.session.state
        self.articles.set_marks(
            state.is_read if state else None,
            state.is_starred if state else None,
            state.is_new if state else None,
        )
        sort = self.session.initial_sort()
        self.listing.sort_chosen = sort != SortOrder.NEWEST
        self.sort = sort

    # What the user chose: the list follows it.

    def watch_query_text(self) -> None:
        self.listing.refilter()

    def watch_tags(self) -> None:
        self.listing.refilter()

    def watch_sort(self) -> None:
        self.listing.refilter()

    def watch_show_drafts(self) -> None:
        self.listing.refilter()

    def on_unmount(self) -> None:
        self.reading.save_position()
        self.follower.stop.set()
        # Frozen objects in reference cycles (this screen's widgets among them) are
        # collected again once the reader is gone; matters when one process runs many apps.
        gc.unfreeze()

    # Layout.

    def on_resize(self, event: events.Resize) -> None:
        self.panes.fit_width(event.size.width)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.panes.follow_focus(event.widget)

    def focus_next(self, selector: str | type[QueryType] = "*") -> Widget | None:
        # Tab from the tags goes to the list they filter, not to the search box above it.
        if self.focused is self.sidebar:
            self.focus_pane("list")
            return self.articles
        return super().focus_next(selector)

    def focus_pane(self, pane: str) -> None:
        """Show `pane` ("tags", "list" or "reader") and move the keyboard focus into it."""
        self.panes.focus(pane)

    # What the folder loader reports.

    def on_session_opened(self, message: SessionOpened) -> None:
        if self.sort is None:
            self._use_state()
        for notice in message.notices:
            self.app.notify(notice, severity="warning", timeout=8, markup=False)
        self.update_status()

    def on_articles_loaded(self, message: ArticlesLoaded) -> None:
        self.report.loaded(message.problems, message.final)
        if message.final and self.listing.library is not None:
            # Story clusters are found once the folder is read, not on its cached list.
            library = message.library or self.listing.library
            self.clustering.cluster(library)
        if message.library is None:  # the folder had not changed: keep the list as it is
            self.update_status()
            return
        self.listing.library = message.library
        self.reading.known_paths = message.known_paths
        self.listing.refilter()

    def on_folder_changed(self, message: FolderChanged) -> None:
        self.report.problems = list(message.problems)
        self.listing.library = message.library
        self.listing.unprepared = message.library
        self.reading.known_paths = message.known_paths
        self.listing.refilter()
        self.reading.follow_changes(message)
        self.clustering.follow(message, self.listing.folding.clusters)
        if message.arrivals:
            count = len(message.arrivals)
            noun = "article" if count == 1 else "articles"
            self.app.notify(f"{count} new {noun}", timeout=4, markup=False)

    def on_following_changed(self, message: FollowingChanged) -> None:
        fallback = message.fallback
        self.report.following = f"rescanning every few seconds: {fallback}" if fallback else ""
        self.update_status()

    def on_index_progress(self, message: IndexProgress) -> None:
        self.report.progress(message.done, message.total)
        self.update_status()

    def on_fulltext_ready(self, _message: FulltextReady) -> None:
        self.report.finished()
        self.update_status()
        if self.query_text:
            self.listing.refilter()

    def on_index_in_memory(self, message: IndexInMemory) -> None:
        self.report.in_memory = True
        self.app.notify(message.reason, severity="warning", timeout=10, markup=False)
        self.update_status()

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

    def update_status(self) -> None:
        """Show the current facts in the status bar."""
        report = self.report
        facts = self.listing.status_facts(report.problems, report.note(), report.in_memory)
        self.query_one(StatusBar).show(facts)

    # What the widgets ask for.

    def on_view_ready(self, message: ViewReady) -> None:
        self.listing.show_view(message)

    def on_tag_counts_ready(self, message: TagCountsReady) -> None:
        self.listing.show_tag_counts(message)

    def on_snippets_wanted(self, message: SnippetsWanted) -> None:
        from digest_tui.tui.screens.snippet_reading import read_snippets

        read_snippets(self, message.wanted)

    def on_clusters_ready(self, message: ClustersReady) -> None:
        self.listing.folding.clusters = message.clusters
        self.listing.refold()

    @on(ArticleList.ClusterToggled)
    def _cluster_toggled(self, event: ArticleList.ClusterToggled) -> None:
        self.listing.toggle_cluster(event.path, event.opened)

    def on_article_opened(self, message: ArticleOpened) -> None:
        self.reading.opened(message)

    @on(SearchBox.Edited)
    def _query_changed(self, event: SearchBox.Edited) -> None:
        query = event.value.strip()
        # Clearing the query keeps the highlighted article: it is shown in its place.
        self.listing.query_edited = bool(query)
        self.query_text = query

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.focus_pane("list")

    @on(FacetSidebar.Toggled)
    def _facet_toggled(self, event: FacetSidebar.Toggled) -> None:
        if event.facet != "tags":
            self.listing.toggle_facet_term(event.facet, event.value)
        elif event.value in self.tags:
            self.tags = tuple(tag for tag in self.tags if tag != event.value)
        else:
            self.tags = (*self.tags, event.value)

    @on(FacetSidebar.Cleared)
    def clear_tags(self) -> None:
        """Drop every tag filter, and the sidebar's other facet terms from the query."""
        if self.tags:
            self.tags = ()
        self.listing.clear_facet_terms()

    def current_view(self) -> str:
        """The query and the selected tags as one query string, to save as a view."""
        tags = (f"tag:{json.dumps(tag, ensure_ascii=False)}" for tag in self.tags)
        return " ".join([self.query_text, *tags]).strip()

    def use_view(self, query: str) -> None:
        """Show a saved view: its query in the search box, no other tag selected."""
        self.tags = ()
        self.query_one(SearchBox).value = query
        self.focus_pane("list")

    @on(FacetSidebar.ViewChosen)
    def _view_chosen(self, event: FacetSidebar.ViewChosen) -> None:
        self.use_view(event.query)

    def toggle_tag(self, tag: str) -> None:
        """Add `tag` to the filter, or remove it (for the command palette)."""
        self.post_message(FacetSidebar.Toggled("tags", tag))

    @on(TimelineBar.Chosen)
    def _period_chosen(self, event: TimelineBar.Chosen) -> None:
        self.listing.narrow_to(event.period.first, event.period.last)

    @on(ArticleList.Chosen)
    def _article_chosen(self, event: ArticleList.Chosen) -> None:
        self.reading.open_path(event.article.path, focus=True)

    def open_path(self, path: str, focus: bool = True) -> None:
        """Open the article at `path` (for the command palette and links)."""
        self.reading.open_path(path, focus)

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        self.reader.find([event.value] if event.value.strip() else [])

    def _find_done(self, keep: bool) -> None:
        """The find bar closed: on enter the highlights stay for n/N, on escape they go."""
        if not keep:
            self.reader.clear_find()
        self.panes.close_find()

    @on(ReadingPane.LinkActivated)
    def _link_activated(self, event: ReadingPane.LinkActivated) -> None:
        event.stop()
        self.reading.follow_href(event.href)

    # Actions.

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.panes.allows(action)

    def action_find(self) -> None:
        self.panes.open_find()

    def action_toggle_full_screen(self) -> None:
        problem = self.panes.toggle_full_screen()
        if problem:
            self.app.notify(problem, severity="warning", markup=False)

    def action_focus_search(self) -> None:
        self.panes.show("list")
        self.panes.focus_now(self.query_one(SearchBox))

    def action_focus_tags(self) -> None:
        self.focus_pane("tags")

    def action_back(self) -> None:
        focused = self.focused
        if self.panes.full_screen:
            return  # the list is hidden: `f` leaves full screen
        if focused is self.reader or focused is self.sidebar:
            self.focus_pane("list")
        else:
            self.clear_tags()

    def action_cycle_sort(self) -> None:
        from digest_tui.tui.sorting import next_sort

        if self.sort is None:
            return  # the remembered order is not known yet
        sort = next_sort(self.effective_sort)
        self.listing.sort_chosen = True
        self.sort = sort
        problem = self.session.remember("sort", sort.value)
        if problem:
            self.app.notify(problem, severity="warning", markup=False)
        self.app.notify(f"Sorted by {self.sort.value}", timeout=2)

    def action_open_cluster(self) -> None:
        if (article := self.articles.highlighted) is not None:
            self.listing.toggle_cluster(article.path, True)

    def action_fold_cluster(self) -> None:
        if (article := self.articles.highlighted) is not None:
            self.listing.toggle_cluster(article.path, False)

    def action_toggle_drafts(self) -> None:
        self.show_drafts = not self.show_drafts
        self.app.notify("Showing drafts" if self.show_drafts else "Drafts hidden", timeout=2)

    def action_next_article(self) -> None:
        self.reading.step(self.articles.select_next, "last")

    def action_previous_article(self) -> None:
        self.reading.step(self.articles.select_previous, "first")

    def action_open_link(self) -> None:
        self.reading.open_link()

    def action_copy_link(self) -> None:
        self.reading.copy_link()

    def action_toggle_read(self) -> None:
        self.reading.toggle_read()

    def action_toggle_star(self) -> None:
        self.reading.toggle_star()

    def action_edit(self) -> None:
        self.reading.edit()

    def action_outline(self) -> None:
        show_outline(self)

    def action_links(self) -> None:
        show_links(self)

    def action_next_unread(self) -> None:
        self.reading.next_unread()

    def action_mark_all_read(self) -> None:
        self.reading.mark_all_read()

    @on(ReadingPane.EndReached)
    def _end_reached(self) -> None:
        self.reading.next_unread()

    def action_reload_folder(self) -> None:
        self.run_worker(self._reload_folder, thread=True, group="reload", exit_on_error=False)

    def _reload_folder(self) -> None:
        if not self.follower.rescan():
            self.app.call_from_thread(self.app.notify, "The folder has not changed", timeout=3)
