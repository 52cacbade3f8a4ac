"""`Clusters`: which articles tell one story, kept up to date as articles come and go.

    clusters = story_clusters(articles)
    clusters.cluster_of("news/a.md")          # "news/a.md", the earliest copy's path
    clusters = clusters.with_changes(added=[new], removed=["news/old.md"])

Each pair of stories the rules of `pairs` call one story is a link; a cluster is a group
of stories joined by links. A change re-links only the stories it touches, against their
neighbours in time, unless it touches so many that starting again is quicker.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import compress, count
from operator import attrgetter

from digest_tui.article_columns import articles_at, column_of
from digest_tui.clusters.blocking import (
    Cancelled,
    alike,
    headline_pairs,
    text_pairs,
)
from digest_tui.clusters.pairs import (
    TITLE_MATCH,
    WINDOW,
    Judge,
    headline_match,
    shares_text,
    text_decides,
)
from digest_tui.clusters.stories import Story, Vocabulary, story_of
from digest_tui.model import Article

REBUILD_SHARE = 10
"""A change touching more than one story in this many links everything again."""
REACH = 2
"""`clusters_near` clusters the articles within this many windows of those it is asked
about."""
_PLACE = attrgetter("stamp", "path")
_PATH = attrgetter("path")
_STAMP = attrgetter("stamp")

Links = dict[str, set[str]]


class Clusters:
    """Groups of articles that tell one story; an immutable value."""

    __slots__ = ("_groups", "_links", "_of", "_places", "_stories", "_vocabulary")

    def __init__(self, stories: dict[str, Story], links: Links, vocabulary: Vocabulary) -> None:
        """`stories` is kept as given (a million of them would take a second dict): the
        caller hands it over and never changes it again."""
        self._stories = stories
        self._links = links
        self._vocabulary = vocabulary
        self._groups: dict[str, tuple[str, ...]] = {}
        self._of: dict[str, str] = {}
        self._places: dict[str, int] | None = None
        for group in _groups(links, self._stories):
            self._groups[group[0]] = group
            self._of.update(dict.fromkeys(group, group[0]))

    def cluster_of(self, path: str) -> str | None:
        """The id of the cluster `path` belongs to (its earliest article's path); None
        when the article tells its story alone."""
        return self._of.get(path)

    def members(self, cluster: str) -> tuple[str, ...]:
        """The paths of a cluster's articles, earliest first (empty for an unknown id)."""
        return self._groups.get(cluster, ())

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        """Each cluster's paths, earliest first."""
        return iter(self._groups.values())

    def __len__(self) -> int:
        """How many clusters there are."""
        return len(self._groups)

    @property
    def by_path(self) -> Mapping[str, str]:
        """Each clustered article's path to its cluster's id (read it, do not change it)."""
        return self._of

    @property
    def places(self) -> Mapping[str, int]:
        """Each clustered article's place among every clustered article, earliest first
        (so within a cluster, the order of `members`); built on first use."""
        places = self._places
        if places is None:
            stories = self._stories
            ordered = sorted(self._of, key=lambda path: _PLACE(stories[path]))
            places = self._places = dict(zip(ordered, range(len(ordered)), strict=True))
        return places

    @property
    def clustered(self) -> int:
        """How many articles belong to a cluster."""
        return len(self._of)

    def with_changes(
        self,
        added: Iterable[Article] = (),
        changed: Iterable[Article] = (),
        removed: Iterable[str] = (),
    ) -> Clusters:
        """These clusters after articles were `added`, `changed` or `removed` (by path)."""
        fresh = [*added, *changed]
        gone = {*removed, *(article.path for article in fresh)}
        stories = dict(self._stories)
        vocabulary = self._vocabulary.copy()
        for path in gone:
            old = stories.pop(path, None)
            if old is not None:
                vocabulary.remove(old)
        arrivals = [story for story in map(story_of, fresh) if story is not None]
        for story in arrivals:
            stories[story.path] = story
            vocabulary.add(story)
        if len(gone) + len(arrivals) > len(stories) // REBUILD_SHARE:
            return _linked(stories, vocabulary)
        # Links span each cluster without holding every pair: the rest of a cluster that
        # lost an article is linked again, in case that article held it together.
        touched = {
            path for gone_path in gone for path in self.members(self._of.get(gone_path, ""))
        } - gone
        links = _without(self._links, gone | touched)
        arrivals += [stories[path] for path in sorted(touched)]
        judge = Judge(vocabulary.weigher(), vocabulary.names())
        timeline = _Timeline(stories.values())
        for story in arrivals:
            for other in _matches(story, timeline.near(story), judge):
                _link(links, story.path, other.path)
        return Clusters(stories, links, vocabulary)


def story_clusters(articles: Iterable[Article], cancelled: Cancelled | None = None) -> Clusters:
    """The clusters of `articles`: every pair published within `WINDOW` of each other
    that the rules of `pairs` call one story, and whatever links them.

    `cancelled` is asked now and then; when it answers True, `ClusteringCancelled` is
    raised.
    """
    stories = {story.path: story for story in map(story_of, articles) if story is not None}
    return _linked(stories, Vocabulary(stories.values()), cancelled)


def _linked(
    stories: dict[str, Story], vocabulary: Vocabulary, cancelled: Cancelled | None = None
) -> Clusters:
    ordered = _in_place_order(stories.values())
    judge = Judge(vocabulary.weigher(), vocabulary.names())
    links: Links = {}
    joined = _Joined()
    for i, j in headline_pairs(ordered, cancelled):
        first, second = ordered[i], ordered[j]
        if not joined.same(i, j) and headline_match(first, second, judge) >= TITLE_MATCH:
            joined.join(i, j)
            _link(links, first.path, second.path)
    for i, j in text_pairs(ordered, cancelled):
        first, second = ordered[i], ordered[j]
        if not joined.same(i, j) and text_decides(
            first, second, headline_match(first, second, judge)
        ):
            joined.join(i, j)
            _link(links, first.path, second.path)
    return Clusters(stories, links, vocabulary)


class _Joined:
    """Which stories are joined already (union-find): a pair inside one group need not
    be decided, so links span each group without holding every pair.

    Only a joined story has a parent: most tell their story alone, and a list of a
    parent per story (a million numbers, each an object) is most of the memory the
    clustering's bookkeeping would take.
    """

    __slots__ = ("_parent",)

    def __init__(self) -> None:
        self._parent: dict[int, int] = {}

    def _root(self, item: int) -> int:
        parent = self._parent
        while (up := parent.get(item, item)) != item:
            item = parent[item] = parent.get(up, up)  # halve the path as it is walked
        return item

    def same(self, first: int, second: int) -> bool:
        return self._root(first) == self._root(second)

    def join(self, first: int, second: int) -> None:
        self._parent[self._root(first)] = self._root(second)


def _in_place_order(stories: Iterable[Story]) -> list[Story]:
    """`stories` sorted by `_PLACE`: by path, then stably by time, so that no key tuple
    is built per story (a million of them, all held while the sort runs)."""
    ordered = sorted(stories, key=_PATH)
    ordered.sort(key=_STAMP)
    return ordered


class _Timeline:
    """Stories in `_PLACE` order, with their times to search (no tuple per story)."""

    __slots__ = ("_ordered", "_stamps")

    def __init__(self, stories: Iterable[Story]) -> None:
        self._ordered = _in_place_order(stories)
        self._stamps = list(map(_STAMP, self._ordered))

    def near(self, story: Story) -> list[Story]:
        """The other stories published within `WINDOW` of `story`."""
        low = bisect_left(self._stamps, story.stamp - WINDOW)
        high = bisect_right(self._stamps, story.stamp + WINDOW)
        return [other for other in self._ordered[low:high] if other.path != story.path]


def _matches(story: Story, near: list[Story], judge: Judge) -> Iterator[Story]:
    """The stories of `near` that tell `story`'s story, found as `_linked_pairs` finds
    them (headlines that look alike, then shared text)."""
    for _choice, _score, offset in alike(story.key, [other.key for other in near]):
        if headline_match(story, near[offset], judge) >= TITLE_MATCH:
            yield near[offset]
    runs = story.shingles()
    if runs:
        for other in near:
            shared = shares_text(runs, other.shingles())
            if shared and text_decides(story, other, headline_match(story, other, judge)):
                yield other


def _link(links: Links, first: str, second: str) -> None:
    links.setdefault(first, set()).add(second)
    links.setdefault(second, set()).add(first)


def _without(links: Links, gone: set[str]) -> Links:
    kept: Links = {}
    for path, others in links.items():
        if path not in gone:
            left = others - gone
            if left:
                kept[path] = left
    return kept


def _groups(links: Links, stories: Mapping[str, Story]) -> Iterator[tuple[str, ...]]:
    """Each connected group of linked paths, earliest first."""
    done: set[str] = set()
    for start in links:
        if start in done:
            continue
        group, todo = {start}, [start]
        while todo:
            for other in links[todo.pop()]:
                if other not in group:
                    group.add(other)
                    todo.append(other)
        done |= group
        yield tuple(sorted(group, key=lambda path: _PLACE(stories[path])))


def clusters_near(articles: Sequence[Article], chosen: Iterable[Article]) -> Clusters:
    """The clusters of `chosen` (some of `articles`), clustering only the articles
    published near them: what a command printing a few articles needs.

    An article's cluster is found among the articles within two windows of it, which
    holds a chain of copies each a few days after the last as far as it needs to reach.
    Only the time column is read to find them, so no other article is built.
    """
    reach = REACH * WINDOW
    spans = _merged_spans(
        (article.timestamp - reach, article.timestamp + reach)
        for article in chosen
        if article.timestamp is not None
    )
    near = _inside(column_of(articles, "timestamp"), spans)
    return story_clusters(articles_at(articles, near))


_VECTOR_FROM = 50_000


def _inside(stamps: Sequence[float | None], spans: list[tuple[float, float]]) -> Iterable[int]:
    """The numbers of the stamps that lie in one of `spans` (apart, in order)."""
    if not spans:
        return ()
    if len(stamps) >= _VECTOR_FROM:  # a million stamps: compared in C, not one by one
        import numpy as np  # loaded only for a folder this big

        times = np.array(stamps, dtype=float)  # None becomes NaN, which lies in no span
        starts, ends = np.array(spans, dtype=float).T
        at = np.searchsorted(starts, times, side="right") - 1
        inside = (at >= 0) & (times <= ends[np.maximum(at, 0)])
        return np.flatnonzero(inside).tolist()
    starts = [start for start, _end in spans]

    def is_near(stamp: float | None) -> bool:
        if stamp is None:
            return False
        at = bisect_right(starts, stamp) - 1
        return at >= 0 and stamp <= spans[at][1]

    return compress(count(), map(is_near, stamps))


def _merged_spans(spans: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    """The spans joined where they overlap, in order."""
    merged: list[tuple[float, float]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
