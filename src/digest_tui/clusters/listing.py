"""A list of articles with each story cluster folded into one row: its earliest listed
article, which the others follow, indented, once the cluster is opened."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter, indexOf, not_

from digest_tui.clusters.clusters import Clusters
from digest_tui.model import Article

_PATH = attrgetter("path")
_DATE = attrgetter("date")


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

    def lead_of(self, path: str) -> str | None:
        """The first row of the cluster the row `path` is part of (itself for a first
        row); None for an article shown alone."""
        if path in self.others:
            return path
        return self.copies.get(path)

    def days(self) -> list[str]:
        """Each row's calendar day for day headings: a copy under an opened cluster counts
        on its first row's day, so no heading comes between them."""
        days = [value[:10] if value else "" for value in map(_DATE, self.rows)]
        for lead in self.opened:  # its copies follow it
            at = indexOf(map(_PATH, self.rows), lead)
            days[at + 1 : at + 1 + self.others[lead]] = [days[at]] * self.others[lead]
        return days


def fold_clusters(
    articles: Sequence[Article], clusters: Clusters | None, opened: Collection[str] = ()
) -> FoldedRows:
    """`articles` (a list as filtered and sorted) with each cluster of `clusters` shown as
    its earliest listed article, the others following it when its cluster id is in
    `opened`. Articles of a cluster that the list leaves out are not counted."""
    if clusters is None or not clusters.clustered:
        return FoldedRows(articles)
    listed: dict[str, list[str]] = defaultdict(list)
    cluster_of = clusters.by_path
    # A pass in C over every listed path; Python looks only at the clustered ones.
    for path in filter(cluster_of.__contains__, map(_PATH, articles)):
        listed[cluster_of[path]].append(path)
    groups = {cluster: paths for cluster, paths in listed.items() if len(paths) > 1}
    if not groups:
        return FoldedRows(articles)
    others: dict[str, int] = {}
    hidden: set[str] = set()
    unfolded: dict[str, list[str]] = {}
    for cluster, paths in groups.items():
        members = clusters.members(cluster)
        order = {path: number for number, path in enumerate(members)}
        paths.sort(key=order.__getitem__)  # earliest first
        lead, rest = paths[0], paths[1:]
        others[lead] = len(rest)
        hidden.update(rest)
        if cluster in opened:
            unfolded[lead] = rest
    rows = list(compress(articles, map(not_, map(hidden.__contains__, map(_PATH, articles)))))
    copies: dict[str, str] = {}
    for lead, rest in unfolded.items():
        at = indexOf(map(_PATH, rows), lead) + 1
        by_path = {article.path: article for article in articles if article.path in rest}
        rows[at:at] = [by_path[path] for path in rest]
        copies.update(dict.fromkeys(rest, lead))
    return FoldedRows(rows, others, frozenset(unfolded), copies, frozenset(hidden - copies.keys()))
