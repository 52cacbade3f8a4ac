"""Following the folder while the reader runs: the watcher's batches, edits and reloads.

`follow` runs in a worker of its own, started when the folder is loaded, for as long as
the screen lives;
`refresh_paths` and `rescan` are called from other workers. Each change goes through one
`LiveFolder` (index, full text, cache) and reaches the screen as one `FolderChanged`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from textual.message import Message

from digest_tui.article_columns import with_paths
from digest_tui.tui.messages import FolderChanged, FollowingChanged, WorkFailed
from digest_tui.tui.session import ReaderSession

if TYPE_CHECKING:
    from digest_tui.model import Article, Problem
    from digest_tui.watching.live import FolderUpdate, LiveFolder

FOLLOW_GROUP = "follow"
"""The worker group of the watcher: it runs as long as the screen, never "completes"."""


class FolderFollower:
    """Keeps the screen's library in step with the folder's files."""

    def __init__(self, session: ReaderSession, post: Callable[[Message], object]) -> None:
        self.session = session
        self.post = post
        self.stop = threading.Event()
        """Set when the screen goes away: the watcher then returns."""
        self.live: LiveFolder | None = None
        """None until the folder has been loaded."""
        self.fallback: str | None = None

    def follow(self, articles: Sequence[Article], problems: Sequence[Problem]) -> None:
        """Follow the loaded folder's changes until `stop` (in the loader's worker)."""
        from digest_tui.watching import FolderWatcher
        from digest_tui.watching.live import LiveFolder

        index = self.session.index
        assert index is not None, "the folder is loaded"
        # The articles are kept as they came (a warm start's columns stay columns).
        self.live = LiveFolder(index, articles, list(problems))
        if not self.session.config.watch:
            return
        watcher = FolderWatcher(self.session.content_dir)
        for batch in watcher.changes(self.stop):
            if watcher.fallback != self.fallback:
                self.fallback = watcher.fallback
                self.post(FollowingChanged(watcher.fallback))
            self.publish(self.live.apply(batch))

    def refresh_paths(self, paths: Iterable[str]) -> bool:
        """Re-read `paths` now (after an edit); False when the folder is not loaded yet."""
        if self.live is None:
            return False
        self.publish(self.live.refresh_paths(paths))
        return True

    def rescan(self) -> bool:
        """Compare the whole folder with the index now; False when nothing changed."""
        if self.live is None:
            return False
        update = self.live.rescan()
        self.publish(update)
        return update is not None

    def publish(self, update: FolderUpdate | None) -> None:
        """Tell the screen about one change: a new library, arrivals, renames."""
        if update is None:
            return
        if update.error:
            self.post(WorkFailed(f"The folder's changes could not be read: {update.error}"))
            return
        from digest_tui.search import Library
        from digest_tui.state import StateError

        session = self.session
        state = session.state
        arrivals: tuple[str, ...] = update.added
        moved: Mapping[str, str] = {}
        if state is not None:
            try:
                touched = set(update.added) | set(update.changed)
                seen = state.reconcile_changes(with_paths(update.articles, touched), update.removed)
                arrivals, moved = tuple(p for p in update.added if p in seen.added), seen.moved
            except StateError as error:
                self.post(WorkFailed(f"Could not update reader state: {error}"))
        library = Library.of(update.articles, fulltext=session.index, state=state)
        self.post(
            FolderChanged(
                library,
                update.problems,
                library.paths,
                arrivals,
                update.changed,
                update.removed,
                moved,
                update.replaced,
                update.added,
            )
        )
