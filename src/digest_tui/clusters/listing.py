"""A list of articles with each story cluster folded into one row: its earliest listed
article, which the others follow, indented, once the cluster is opened."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter, indexOf
from typing import Protocol

from digest_tui.article_columns import column_of, with_paths
from digest_tui.clusters.clusters import Clusters
from digest_tui.model import Article

_PATH = attrgetter("path")
_DATE = attrgetter("date")


class ListedView(Protocol):
    """A filtered, sorted list of articles that can tell which of some paths it lists, and
    give itself without some, with no walk over its rows (the search's `Library` does)."""

    @property
    def articles(self) -> Sequence[Article]: ...

    @property
    def days(self) -> Sequence[str]: ...

    def listed_of(self, paths: Iterable[str]) -> Iterable[str]: ...

    def leaving_out(self, paths: Iterable[str]) -> ListedView: ...


@dataclass(frozen=True, slots=True)
class PlainList:
    """A `ListedView` over a plain sequence of articles, answered by walking it."""

    articles: Sequence[Article]

    @property
    def days(self) -> list[str]:
        return [value[:10] if value else "" for value in map(_DATE, self.articles)]

    def listed_of(self, paths: Iterable[str]) -> list[str]:
        wanted = set(paths)
        return [path for path in map(_PATH, self.articles) if path in wanted]

    def leaving_out(self, paths: Iterable[str]) -> PlainList:
        gone = set(paths)
        return PlainList([article for article in self.articles if article.path not in gone])


@dataclass(frozen=True, slots=True)
class FoldedRows:
    """The rows of a list with its clusters folded, and what each row is."""

    rows: Sequence[Article]
    others: dict[str, int] = field(default_factory=dict)
    """Each cluster's first row (by path): how many more of its articles are listed."""
    opened: frozenset[str] = frozenset()
    """The first rows (paths) whose clusters are opened."""
    copies: dict[str, str] = field(default_factory=dict)
    """The rows shown under an opened cluster's first row (path to the first row's path)."""
    hidden: frozenset[str] = frozenset()
    """The listed articles no row shows: copies under a folded cluster's first row."""
    view: ListedView | None = None
    """The list without every copy of a story but its first: the rows, before an opened
    cluster's copies are put back under its first row."""

    def lead_of(self, path: str) -> str | None:
        """The first row of the cluster the row `path` is part of (itself for a first
        row); None for an article shown alone."""
        if path in self.others:
            return path
        return self.copies.get(path)

    def days(self) -> Sequence[str]:
        """Each row's calendar day for day headings: a copy under an opened cluster counts
        on its first row's day, so no heading comes between them."""
        if not self.opened and self.view is not None:
            return self.view.days
        days = [value[:10] if value else "" for value in map(_DATE, self.rows)]
        for lead in self.opened:  # its copies follow it
            at = indexOf(column_of(self.rows, "path"), lead)
            days[at + 1 : at + 1 + self.others[lead]] = [days[at]] * self.others[lead]
        return days


def fold_clusters(
    listed: ListedView | Sequence[Article],
    clusters: Clusters | None,
    opened: Collection[str] = (),
) -> FoldedRows:
    """The list `listed` (as filtered and sorted) with each cluster of `clusters` shown as
    its earliest listed article, the others following it when its cluster id is in
    `opened`. Articles of a cluster that the list leaves out are not counted.

    Only the clustered paths are looked at: the rows of a long list (lazily ranked, or
    100,000 of them) are not walked unless a cluster is opened.
    """
    view = PlainList(listed) if isinstance(listed, Sequence) else listed
    articles = view.articles
    if clusters is None or not clusters.clustered:
        return FoldedRows(articles)
    cluster_of, places = clusters.by_path, clusters.places
    # Latest first: a dict built in this order keeps each cluster's earliest listed path.
    clustered = sorted(view.listed_of(cluster_of), key=places.__getitem__, reverse=True)
    cluster_ids = list(map(cluster_of.__getitem__, clustered))
    counts = Counter(cluster_ids)
    earliest = dict(zip(cluster_ids, clustered, strict=True))
    others = {earliest[cluster]: count - 1 for cluster, count in counts.items() if count > 1}
    if not others:
        return FoldedRows(articles)
    hidden = set(clustered).difference(earliest.values())
    unfolded: dict[str, list[str]] = {}
    for cluster in opened:
        lead = earliest.get(cluster)
        if lead in others:
            unfolded[lead] = [path for path in clusters.members(cluster) if path in hidden]
    folded = view.leaving_out(hidden)
    rows: Sequence[Article] = folded.articles
    copies: dict[str, str] = {}
    if unfolded:
        shown = set(chain.from_iterable(unfolded.values()))
        by_path = {article.path: article for article in with_paths(articles, shown)}
        rows = list(rows)
        for lead, rest in unfolded.items():
            at = indexOf(column_of(rows, "path"), lead) + 1
            rows[at:at] = [by_path[path] for path in rest]
            copies.update(dict.fromkeys(rest, lead))
    return FoldedRows(
        rows, others, frozenset(unfolded), copies, frozenset(hidden - copies.keys()), folded
    )
