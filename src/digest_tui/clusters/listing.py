"""A list of articles with each story cluster folded into one row: its earliest listed
article, which the others follow, indented, once the cluster is opened."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter
from typing import Protocol

from digest_tui.article_columns import index_of_path, with_paths
from digest_tui.clusters.clusters import Clusters
from digest_tui.model import Article

_PATH = attrgetter("path")
_DATE = attrgetter("date")


class ListedView(Protocol):
    """A filtered, sorted list of articles that can tell which of some paths it lists, and
    give itself without some, with no walk over its rows (the search's `Library` does);
    `grouped_by` may answer for every group at once, or say None: walk the paths."""

    @property
    def articles(self) -> Sequence[Article]: ...

    @property
    def days(self) -> Sequence[str]: ...

    def listed_of(self, paths: Iterable[str]) -> Iterable[str]: ...

    def leaving_out(self, paths: Iterable[str]) -> ListedView: ...

    def grouped_by(
        self, group_of: Mapping[str, str], place_of: Mapping[str, int]
    ) -> Grouped | None: ...


class Grouped(Protocol):
    """A list's articles in groups: each group's earliest listed article and how many more
    of the group the list holds, the others, and the list without them."""

    @property
    def more(self) -> Mapping[str, int]: ...

    @property
    def others(self) -> AbstractSet[str]: ...

    @property
    def rest(self) -> ListedView: ...


@dataclass(frozen=True, slots=True)
class WalkedGroups:
    """A `Grouped` found path by path (see `grouped_by_walking`)."""

    more: dict[str, int]
    others: frozenset[str]
    rest: ListedView


def grouped_by_walking(
    view: ListedView, group_of: Mapping[str, str], place_of: Mapping[str, int]
) -> WalkedGroups:
    """`view.grouped_by(...)` asked of the paths `view` lists, one by one."""
    # Latest first: a dict built in this order keeps each group's earliest listed path.
    grouped = sorted(view.listed_of(group_of), key=place_of.__getitem__, reverse=True)
    group_ids = list(map(group_of.__getitem__, grouped))
    counts = Counter(group_ids)
    earliest = dict(zip(group_ids, grouped, strict=True))
    several = {earliest[group]: count - 1 for group, count in counts.items() if count > 1}
    others = frozenset(grouped).difference(earliest.values())
    return WalkedGroups(several, others, view.leaving_out(others) if others else view)


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

    def grouped_by(self, group_of: Mapping[str, str], place_of: Mapping[str, int]) -> None:
        return None  # walked: see `grouped_by_walking`


@dataclass(frozen=True, slots=True)
class FoldedRows:
    """The rows of a list with its clusters folded, and what each row is."""

    rows: Sequence[Article]
    others: Mapping[str, int] = field(default_factory=dict)
    """Each cluster's first row (by path): how many more of its articles are listed."""
    opened: frozenset[str] = frozenset()
    """The first rows (paths) whose clusters are opened."""
    copies: dict[str, str] = field(default_factory=dict)
    """The rows shown under an opened cluster's first row (path to the first row's path)."""
    hidden: AbstractSet[str] = frozenset()
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
            at = index_of_path(self.rows, lead)
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
    grouped = view.grouped_by(cluster_of, places) or grouped_by_walking(view, cluster_of, places)
    others = grouped.more
    if not others:
        return FoldedRows(articles)
    hidden = grouped.others
    unfolded: dict[str, list[str]] = {}
    for cluster in opened:
        members = clusters.members(cluster)
        lead = next((path for path in members if path in others), None)
        if lead is not None:
            unfolded[lead] = [path for path in members if path in hidden]
    folded = grouped.rest
    rows: Sequence[Article] = folded.articles
    copies: dict[str, str] = {}
    if unfolded:
        shown = set(chain.from_iterable(unfolded.values()))
        by_path = {article.path: article for article in with_paths(articles, shown)}
        rows = list(rows)
        for lead, rest in unfolded.items():
            at = index_of_path(rows, lead) + 1
            rows[at:at] = [by_path[path] for path in rest]
            copies.update(dict.fromkeys(rest, lead))
    still_hidden = hidden if not copies else _Without(hidden, copies.keys())
    return FoldedRows(rows, others, frozenset(unfolded), copies, still_hidden, folded)


class _Without(AbstractSet[str]):
    """The paths of `paths` not in `left_out` (which `paths` holds), looked up lazily."""

    __slots__ = ("_left_out", "_paths")

    def __init__(self, paths: AbstractSet[str], left_out: AbstractSet[str]) -> None:
        self._paths = paths
        self._left_out = left_out

    def __contains__(self, path: object) -> bool:
        return path in self._paths and path not in self._left_out

    def __iter__(self) -> Iterator[str]:
        return (path for path in self._paths if path not in self._left_out)

    def __len__(self) -> int:
        return len(self._paths) - len(self._left_out)
