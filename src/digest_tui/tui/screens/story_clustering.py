"""Finding the folder's story clusters in a worker: all of them once the folder is
listed, then only what each change touches. The screen gets `ClustersReady`."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.message import Message
from textual.worker import get_current_worker

from digest_tui.article_columns import with_paths
from digest_tui.freed_memory import return_freed_memory
from digest_tui.tui.messages import ClustersReady

if TYPE_CHECKING:
    from digest_tui.clusters import Clusters
    from digest_tui.search import Library
    from digest_tui.tui.messages import FolderChanged
    from digest_tui.tui.screens.main import MainScreen

CLUSTER_GROUP = "clusters"


class StoryClustering:
    """Keeps the screen's story clusters in step with its library."""

    def __init__(self, screen: MainScreen, post: Callable[[Message], object]) -> None:
        self.screen = screen
        self.post = post

    def cluster(self, library: Library) -> None:
        """Find every cluster of `library` (a newer call cancels an older one)."""
        self._run(partial(self._cluster_all, library))

    def follow(self, change: FolderChanged, clusters: Clusters | None) -> None:
        """Follow a change of the folder from `clusters` (the newest found): re-link only
        the articles it touched."""
        if clusters is None:
            self.cluster(change.library)
            return
        self._run(partial(self._follow, clusters, change))

    def _run(self, work: Callable[[], None]) -> None:
        self.screen.run_worker(
            work, thread=True, exclusive=True, group=CLUSTER_GROUP, exit_on_error=False
        )

    def _cluster_all(self, library: Library) -> None:
        from digest_tui.clusters import ClusteringCancelled, story_clusters

        try:
            clusters = story_clusters(library.with_drafts(True).articles, worker_cancelled())
        except ClusteringCancelled:
            return
        self._publish(clusters, library)
        return_freed_memory()  # what comparing every pair of stories used and let go

    def _follow(self, clusters: Clusters, change: FolderChanged) -> None:
        # The change names the paths it added, changed and removed (unreadable ones
        # included): comparing the paths before and after it would cost seconds at a
        # million articles.
        articles = change.library.with_drafts(True).articles
        fresh = with_paths(articles, {*change.added, *change.changed})
        added = set(change.added)
        self._publish(
            clusters.with_changes(
                articles,
                added=[article for article in fresh if article.path in added],
                changed=[article for article in fresh if article.path not in added],
                removed=change.removed,
                replaced=change.replaced,
            ),
            change.library,
        )

    def _publish(self, clusters: Clusters, library: Library) -> None:
        worker = get_current_worker()
        if worker.is_cancelled:
            return
        # The list folds the clusters on the event loop as soon as they arrive: what that
        # needs of them is built here (at a million articles, over half a second).
        library.prepare_groups(clusters.by_path, clusters.places)
        if not worker.is_cancelled:
            self.post(ClustersReady(clusters))


def worker_cancelled() -> Callable[[], bool]:
    """Whether the current worker was cancelled, as a question to ask now and then."""
    worker = get_current_worker()
    return lambda: worker.is_cancelled
