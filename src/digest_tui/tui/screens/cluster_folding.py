"""Which story clusters the list shows folded into one row, and which the user opened."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from digest_tui.clusters import Clusters
    from digest_tui.clusters.listing import FoldedRows, ListedView
    from digest_tui.model import Article

    Listed = ListedView | Sequence[Article]


class ClusterFolding:
    """The screen's clusters and the ones opened; folds a list of articles with them.

    A filter worker folds the view it found; the screen then asks again on the event loop
    and gets the same answer from the last one kept, unless the clusters or the opened ones
    changed meanwhile.
    """

    def __init__(self) -> None:
        self.clusters: Clusters | None = None
        """None until the clusters are found: the list shows plain rows until then."""
        self.opened: frozenset[str] = frozenset()
        """The ids of the clusters opened (replaced, never changed: workers read it)."""
        self._kept: tuple[Listed, Clusters, frozenset[str], FoldedRows] | None = None

    def fold(self, articles: Listed) -> FoldedRows | None:
        """`articles` (a view, or plain rows) with their clusters folded; None before the
        clusters are found and when no two of `articles` are copies of one story (the list
        is then as it was)."""
        clusters, opened, kept = self.clusters, self.opened, self._kept
        if clusters is None:
            return None
        if kept is not None and kept[0] is articles and kept[1] is clusters and kept[2] == opened:
            return kept[3] if kept[3].others else None
        from digest_tui.clusters.listing import fold_clusters

        folds = fold_clusters(articles, clusters, opened)
        self._kept = (articles, clusters, opened, folds)
        return folds if folds.others else None

    def stories(self, articles: Listed) -> int | None:
        """How many stories `articles` tell, when some of them are copies of one (None
        when none is, or before the clusters are found)."""
        folds = self.fold(articles)
        if folds is None:
            return None
        return len(folds.rows) - len(folds.copies)

    def toggle(self, path: str, opened: bool | None) -> bool:
        """Open (True), fold (False) or switch (None) the cluster of the row `path`;
        False when there was nothing to do."""
        cluster = self.clusters.cluster_of(path) if self.clusters is not None else None
        if cluster is None:
            return False
        if opened is None:
            opened = cluster not in self.opened
        if opened == (cluster in self.opened):
            return False
        self.opened = self.opened | {cluster} if opened else self.opened - {cluster}
        return True

    def row_for(self, path: str | None, folds: FoldedRows | None) -> str | None:
        """The row standing for the article `path` in the folded list: itself, or the first
        row of the cluster it is folded into."""
        clusters = self.clusters
        if path is None or folds is None or clusters is None:
            return path
        if path in folds.others or path in folds.copies:
            return path
        cluster = clusters.cluster_of(path)
        members = clusters.members(cluster) if cluster is not None else ()
        return next((member for member in members if member in folds.others), path)
