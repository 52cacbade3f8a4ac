"""`LiveFolder`: the folder's current articles and problems, kept in step with its changes.

The watcher's batches, an edit made from the reader and a "reload" all go through here, so
the list, the counts, the full-text index and the cache follow each change the same way.
Safe to call from several threads: one change is applied at a time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from digest_tui.article_columns import with_paths
from digest_tui.index.changes import problems_with_changes, with_changes
from digest_tui.model import Article, Problem
from digest_tui.watching.watcher import FolderChanges

if TYPE_CHECKING:
    from digest_tui.index import ArticleIndex


@dataclass(frozen=True, slots=True)
class FolderUpdate:
    """The folder after one change: every article and problem, and what changed."""

    articles: Sequence[Article]
    problems: list[Problem]
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    replaced: tuple[Article, ...] = ()
    """The versions of the changed and removed articles listed before this change."""
    error: str | None = None
    """Why the index could not follow (the list is then unchanged)."""


@dataclass(slots=True)
class LiveFolder:
    """The articles of the folder `index` caches, as they are after every change so far."""

    index: ArticleIndex
    articles: Sequence[Article]
    problems: list[Problem] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _copy_stale: bool = False
    """The index's warm-start copy misses changes: written again once the folder is quiet."""

    def apply(self, batch: FolderChanges) -> FolderUpdate | None:
        """Follow one watcher batch; None when the list did not change."""
        if batch.quiet:
            self.settle()
            return None
        return self.rescan() if batch.rescan else self.refresh_paths(batch.paths)

    def settle(self) -> None:
        """Write the work put off while changes came (the index's warm-start copy)."""
        with self._lock:
            if self._copy_stale:
                self.index.save_snapshot()
                self._copy_stale = False

    def refresh_paths(self, paths: Iterable[str]) -> FolderUpdate | None:
        """Re-read `paths` (relative, `/`-separated); None when nothing listed changed."""
        with self._lock:
            found = self.index.refresh_paths(paths, snapshot=False)
            if found.error:
                return FolderUpdate(self.articles, self.problems, error=found.error)
            if not found.paths:
                return None
            self._copy_stale = True
            replaced = self._listed(found.changed, found.removed)
            self.articles = with_changes(self.articles, found)
            self.problems = problems_with_changes(self.problems, found)
            return FolderUpdate(
                self.articles,
                self.problems,
                tuple(found.added),
                tuple(found.changed),
                tuple(found.removed),
                replaced,
            )

    def rescan(self) -> FolderUpdate | None:
        """Compare the whole folder with the index (where no events say what changed)."""
        with self._lock:
            result = self.index.refresh(known=self.articles)
            if result.error:
                return FolderUpdate(self.articles, self.problems, error=result.error)
            self._copy_stale = False  # a whole refresh writes it
            if not (result.added or result.changed or result.removed):
                return None
            replaced = self._listed(result.changed, result.removed)
            self.articles, self.problems = result.articles, result.problems
            return FolderUpdate(
                self.articles,
                self.problems,
                tuple(result.added),
                tuple(result.changed),
                tuple(result.removed),
                replaced,
            )

    def _listed(self, *paths: Iterable[str]) -> tuple[Article, ...]:
        """The listed articles at these paths, as they are before a change."""
        wanted = {path for group in paths for path in group}
        return tuple(with_paths(self.articles, wanted)) if wanted else ()
