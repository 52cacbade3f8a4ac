"""Finding the folder's story clusters in a worker: all of them once the folder is
listed, then only what each change touches. The screen gets `ClustersReady`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from functools import partial
from typing import TYPE_CHECKING

from textual.message import Message
from textual.worker import get_current_worker

from digest_tui.article_columns import with_paths
from digest_tui.freed_memory import return_freed_memory
from digest_tui.tui.messages import ClustersReady

if TYPE_CHECKING:
    from digest_tui.clusters import Clusters
    from digest_tui.model import Article
    from digest_tui.search import Library
    from digest_tui.tui.messages import FolderChanged
    from digest_tui.tui.screens.main import MainScreen

CLUSTER_GROUP = "clusters"


class StoryClustering:
    """Keeps the screen's story clusters in step with its library."""

    def __init__(self, screen: MainScreen, post: Callable[[Message], object]) -> None:
        self.screen = screen
        self.post = post
        self._paths: AbstractSet[str] = frozenset()
        """The paths of the articles the newest clustering started from."""

    def cluster(self, library: Library, paths: AbstractSet[str]) -> None:
        """Find every cluster of `library`, whose articles' paths are `paths` (a newer
        call cancels an older one)."""
        self._paths = paths
        self._run(partial(self._cluster_all, library))

    def follow(self, change: FolderChanged, clusters: Clusters | None) -> None:
        """Follow a change of the folder from `clusters` (the newest found): re-link only
        the articles it touched."""
        if clusters is None:
            self.cluster(change.library, change.known_paths)
            return
        before, self._paths = self._paths, change.known_paths
        added = change.known_paths - before
        removed = before - change.known_paths
        changed = set(change.changed) - added
        replaced = tuple(change.replaced)
        self._run(
            partial(self._follow, clusters, change.library, added, changed, removed, replaced)
        )

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

    def _follow(
        self,
        clusters: Clusters,
        library: Library,
        added: AbstractSet[str],
        changed: set[str],
        removed: AbstractSet[str],
        replaced: Sequence[Article],
    ) -> None:
        articles = library.with_drafts(True).articles
        fresh = with_paths(articles, added | changed)
        self._publish(
            clusters.with_changes(
                articles,
                added=[article for article in fresh if article.path in added],
                changed=[article for article in fresh if article.path in changed],
                removed=removed,
                replaced=replaced,
            ),
            library,
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
