"""Loading the folder for the main screen, in one worker: cached list, refresh, body index.

Everything it learns goes to the screen as messages (`SessionOpened`, `ArticlesLoaded`,
`IndexProgress`, `IndexInMemory`, `FulltextReady`, `WorkFailed`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual.message import Message
from textual.worker import Worker, get_current_worker

from digest_tui.freed_memory import return_freed_memory
from digest_tui.tui.messages import (
    ArticlesLoaded,
    FulltextReady,
    IndexInMemory,
    IndexProgress,
    SessionOpened,
    WorkFailed,
)
from digest_tui.tui.session import ReaderSession
from digest_tui.tui.widgets.reading_pane import ReadingPane

if TYPE_CHECKING:
    from digest_tui.model import Article, Problem
    from digest_tui.search import Library

LIST_SHOWN_TIMEOUT = 10.0
"""The worker refreshes after this many seconds even if the list was never painted."""


class FolderLoader:
    """Reads the session's folder and posts what it finds through `post`."""

    def __init__(
        self,
        session: ReaderSession,
        post: Callable[[Message], object],
        list_shown: threading.Event,
        follow: Callable[[Sequence[Article], Sequence[Problem]], None] | None = None,
    ) -> None:
        self.session = session
        self.post = post
        self.list_shown = list_shown
        """Set by the screen once the first list is painted; the refresh waits for it."""
        self._said_in_memory = False
        self.follow = follow
        """Called with the refreshed articles last, to follow the folder's changes."""

    def run(self) -> None:
        """Show the cached list first; then refresh it, then build the full-text index.

        Nothing else competes with the cached list for the interpreter: the refresh
        and the state store's reconcile wait until the list has been painted.
        """
        worker = get_current_worker()
        post = self.post
        post(SessionOpened(self.session.open_deferred()))
        index = self.session.index
        assert index is not None, "open_deferred opens the index"
        articles, problems = index.cached()
        self._say_if_in_memory()  # a cache that can only be read is copied to memory here
        library = self._library_of(articles)
        post(ArticlesLoaded(library, problems, False, library.paths))
        self._wait_for_list(worker)
        if worker.is_cancelled:
            return
        library.prepare()  # the first keystroke should not pay for the search data
        ReadingPane.preload()

        def progress(done: int, total: int) -> None:
            post(IndexProgress(done, total))

        def show_preview(preview: Sequence[Article]) -> None:
            # A first index of a big folder: the quick preview is listed and searchable
            # while the full parse (word counts, links, warnings) goes on.
            early = self._library_of(preview)
            post(ArticlesLoaded(early, problems, False, early.paths))
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
        self._say_if_in_memory()  # or here, when the disk filled up during the refresh
        problem = self.session.reconcile(result.articles)
        if problem:
            post(WorkFailed(problem))
        changed = result.added or result.changed or result.removed or not articles
        fresh = self._library_of(result.articles) if changed else None
        if fresh is not None:
            fresh.prepare()
        paths = fresh.paths if fresh is not None else frozenset()
        post(ArticlesLoaded(fresh, result.problems, True, paths))
        if result.error:
            post(WorkFailed(f"The index could not be refreshed: {result.error}"))
        # Typing is fast from the first frame on; this makes it faster still.
        (fresh or library).index_words()
        index.build_fulltext(progress, lambda: worker.is_cancelled)
        return_freed_memory()  # what building the search data used and let go
        post(FulltextReady())
        if self.follow is not None and not worker.is_cancelled:
            self.follow(result.articles, result.problems)

    def _say_if_in_memory(self) -> None:
        index = self.session.index
        if index is not None and index.fallback is not None and not self._said_in_memory:
            self._said_in_memory = True
            self.post(IndexInMemory(index.fallback))

    def _wait_for_list(self, worker: Worker) -> None:
        deadline = time.monotonic() + LIST_SHOWN_TIMEOUT
        while not worker.is_cancelled and time.monotonic() < deadline:
            if self.list_shown.wait(0.05):
                return

    def _library_of(self, articles: Sequence[Article]) -> Library:
        from digest_tui.search import Library

        return Library.of(articles, fulltext=self.session.index, state=self.session.state)
