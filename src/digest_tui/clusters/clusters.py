"""`Clusters`: which articles tell one story, kept up to date as articles come and go.

    clusters = story_clusters(articles)
    clusters.cluster_of("news/a.md")          # "news/a.md", the earliest copy's path
    clusters = clusters.with_changes(added=[new], removed=["news/old.md"])

Each pair of stories the rules of `pairs` call one story is a link; a cluster is a group
of stories joined by links. A change re-links only the stories it touches, against their
neighbours in time, unless it touches so many that starting again is quicker.

Clusters keep no `Story` per article (a million of them took about 240 MB for as long as
the reader ran): only the links, the times of the linked articles and the folder's
`Vocabulary`. A change builds the stories of the articles near it again, from the folder's
articles after the change, and is told the versions it replaced, whose words stop counting.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import compress, count, pairwise
from operator import attrgetter

from digest_tui.article_columns import articles_at, column_of, floats_of
from digest_tui.clusters.blocking import (
    MOST_AHEAD,
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
SEGMENT = 20_000
"""Stories linked at a time (`_linked`)."""
_PATH = attrgetter("path")
_STAMP = attrgetter("stamp")

Links = dict[str, tuple[str, ...]]
"""Each linked path with the paths it is linked to: a tuple each, as most hold one or two
(a set costs four times the memory of a small tuple, at 170,000 paths in a million)."""


class Clusters:
    """Groups of articles that tell one story; an immutable value."""

    __slots__ = ("_groups", "_links", "_of", "_places", "_stamps", "_vocabulary")

    def __init__(self, links: Links, stamps: dict[str, float], vocabulary: Vocabulary) -> None:
        """`stamps` holds the time of every linked article (others may be left out); it is
        kept as given: the caller hands it over and never changes it again."""
        self._links = links
        self._stamps = stamps
        self._vocabulary = vocabulary
        self._groups: dict[str, tuple[str, ...]] = {}
        self._of: dict[str, str] = {}
        self._places: dict[str, int] | None = None
        for group in _groups(links, stamps):
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
            ordered = sorted(self._of, key=_place_by(self._stamps))
            places = self._places = dict(zip(ordered, range(len(ordered)), strict=True))
        return places

    @property
    def clustered(self) -> int:
        """How many articles belong to a cluster."""
        return len(self._of)

    def with_changes(
        self,
        articles: Sequence[Article],
        added: Iterable[Article] = (),
        changed: Iterable[Article] = (),
        removed: Iterable[str] = (),
        replaced: Iterable[Article] = (),
    ) -> Clusters:
        """These clusters after articles were `added`, `changed` or `removed` (by path).

        `articles` is every article after the change (the changed and added ones among
        them); `replaced` holds the versions of the changed and removed articles these
        clusters last saw, so that their headline words stop counting.
        """
        fresh = [*added, *changed]
        gone = {*removed, *(article.path for article in fresh)}
        vocabulary = self._vocabulary.copy()
        for old in map(story_of, replaced):
            if old is not None and old.path in gone:
                vocabulary.remove(old)
        arrivals = [story for story in map(story_of, fresh) if story is not None]
        for story in arrivals:
            vocabulary.add(story)
        if len(gone) + len(arrivals) > len(vocabulary) // REBUILD_SHARE:
            return story_clusters(articles)
        # Links span each cluster without holding every pair: the rest of a cluster that
        # lost an article is linked again, in case that article held it together.
        touched = {
            path for gone_path in gone for path in self.members(self._of.get(gone_path, ""))
        } - gone
        links = _without(self._links, gone | touched)
        stamps = {path: self._stamps[path] for path in links}
        touched_stamps = [self._stamps[path] for path in touched]
        near = _Timeline(_stories_near(articles, [s.stamp for s in arrivals] + touched_stamps))
        arrivals += [story for story in near if story.path in touched]
        judge = Judge(vocabulary.weigher(), vocabulary.names())
        for story in arrivals:
            for other in _matches(story, near.near(story), judge):
                _link(links, story.path, other.path)
                stamps[story.path], stamps[other.path] = story.stamp, other.stamp
        return Clusters(links, stamps, vocabulary)


def story_clusters(articles: Sequence[Article], cancelled: Cancelled | None = None) -> Clusters:
    """The clusters of `articles`: every pair published within `WINDOW` of each other
    that the rules of `pairs` call one story, and whatever links them.

    `cancelled` is asked now and then; when it answers True, `ClusteringCancelled` is
    raised.
    """
    vocabulary = Vocabulary()
    telling = array("l")  # the numbers of the articles that tell a story
    for number, story in enumerate(map(story_of, articles)):
        if story is not None:
            vocabulary.add(story)
            telling.append(number)
    return _linked(articles, telling, vocabulary, cancelled)


def _linked(
    articles: Sequence[Article],
    telling: array[int],
    vocabulary: Vocabulary,
    cancelled: Cancelled | None = None,
) -> Clusters:
    """Link the stories of `articles` at `telling`, a `SEGMENT` of them at a time.

    Each segment's stories are built with those a pair of it can reach (up to `WINDOW`
    later for headlines, `WINDOW` earlier for the runs of words seen before it), linked,
    and let go: the pairs are those the whole timeline gives at once, and the stories of
    a million articles never coexist.
    """
    order, times = _in_time_order(articles, telling)
    linker = _Linker(Judge(vocabulary.weigher(), vocabulary.names()))
    for start in range(0, len(order), SEGMENT):
        stop = min(start + SEGMENT, len(order))
        first = bisect_left(times, times[start] - WINDOW)
        last = min(bisect_right(times, times[stop - 1] + WINDOW), stop + MOST_AHEAD)
        built = map(story_of, articles_at(articles, order[first:last]))
        stories = [story for story in built if story is not None]
        assert len(stories) == last - first, "each of `telling` tells a story"
        own = range(start - first, stop - first)
        for i, j in headline_pairs(stories, cancelled, starting=own):
            linker.decide(stories, first, i, j, by_text=False)
        for i, j in text_pairs(stories, cancelled, ending=own):
            linker.decide(stories, first, i, j, by_text=True)
    return Clusters(linker.links, linker.stamps, vocabulary)


class _Linker:
    """The links decided so far, and the times of the stories they join."""

    __slots__ = ("joined", "judge", "links", "stamps")

    def __init__(self, judge: Judge) -> None:
        self.judge = judge
        self.links: Links = {}
        self.stamps: dict[str, float] = {}
        self.joined = _Joined()

    def decide(self, stories: list[Story], offset: int, i: int, j: int, by_text: bool) -> None:
        """Link `stories[i]` and `stories[j]` if they tell one story (and are not joined
        yet); `offset` is the place of `stories[0]` in the whole timeline."""
        if self.joined.same(offset + i, offset + j):
            return
        one, other = stories[i], stories[j]
        match = headline_match(one, other, self.judge)
        if text_decides(one, other, match) if by_text else match >= TITLE_MATCH:
            self.joined.join(offset + i, offset + j)
            _link(self.links, one.path, other.path)
            self.stamps[one.path], self.stamps[other.path] = one.stamp, other.stamp


def _in_time_order(articles: Sequence[Article], numbers: array[int]) -> tuple[array, array]:
    """`numbers` (of dated articles) in place order, by the articles' time, ties by path,
    with their times: sorted by NumPy, only the articles of a tie read their paths. Kept
    as arrays, not a million objects, for as long as the clustering runs."""
    import numpy

    chosen = numpy.frombuffer(numbers, dtype=numbers.typecode).astype(numpy.int64)
    stamps = floats_of(column_of(articles, "timestamp"))[chosen]
    by_time = numpy.argsort(stamps, kind="stable")
    chosen, stamps = chosen[by_time], stamps[by_time]
    # Where each run of one time starts (and, last, where the runs end).
    starts = numpy.flatnonzero(numpy.diff(stamps, prepend=numpy.nan, append=numpy.nan))
    ties = [(start, stop) for start, stop in pairwise(starts.tolist()) if stop - start > 1]
    if ties:
        paths, ordered = column_of(articles, "path"), chosen.tolist()
        for start, stop in ties:
            ordered[start:stop] = sorted(ordered[start:stop], key=paths.__getitem__)
        chosen = numpy.asarray(ordered, dtype=numpy.int64)
    return array("q", chosen.tobytes()), array("d", stamps.tobytes())


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
    """`stories` in place order: by time, ties by path (sorted by path, then stably by
    time, so that no key tuple is built per story: a million of them, all held while the
    sort runs)."""
    ordered = sorted(stories, key=_PATH)
    ordered.sort(key=_STAMP)
    return ordered


class _Timeline:
    """Stories in place order (`_in_place_order`), with their times to search."""

    __slots__ = ("_ordered", "_stamps")

    def __init__(self, stories: Iterable[Story]) -> None:
        self._ordered = _in_place_order(stories)
        self._stamps = list(map(_STAMP, self._ordered))

    def __iter__(self) -> Iterator[Story]:
        return iter(self._ordered)

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
    for one, other in ((first, second), (second, first)):
        linked = links.get(one, ())
        if other not in linked:
            links[one] = (*linked, other)


def _without(links: Links, gone: set[str]) -> Links:
    kept: Links = {}
    for path, others in links.items():
        if path not in gone:
            left = tuple(other for other in others if other not in gone)
            if left:
                kept[path] = left
    return kept


def _place_by(stamps: Mapping[str, float]) -> Callable[[str], tuple[float, str]]:
    """The place of a linked article's path, (time, path), from the linked articles' times."""
    return lambda path: (stamps[path], path)


def _groups(links: Links, stamps: Mapping[str, float]) -> Iterator[tuple[str, ...]]:
    """Each connected group of linked paths, earliest first."""
    place = _place_by(stamps)
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
        yield tuple(sorted(group, key=place))


def clusters_near(articles: Sequence[Article], chosen: Iterable[Article]) -> Clusters:
    """The clusters of `chosen` (some of `articles`), clustering only the articles
    published near them: what a command printing a few articles needs.

    An article's cluster is found among the articles within two windows of it, which
    holds a chain of copies each a few days after the last as far as it needs to reach.
    Only the time column is read to find them, so no other article is built.
    """
    stamps = [article.timestamp for article in chosen if article.timestamp is not None]
    return story_clusters(_near(articles, stamps, REACH * WINDOW))


def _stories_near(articles: Sequence[Article], stamps: Iterable[float]) -> list[Story]:
    """The stories of `articles` published within `WINDOW` of one of `stamps`."""
    near = map(story_of, _near(articles, stamps, WINDOW))
    return [story for story in near if story is not None]


def _near(articles: Sequence[Article], stamps: Iterable[float], reach: float) -> list[Article]:
    """Those of `articles` published within `reach` of one of `stamps`, found through the
    time column, so no other article is built."""
    spans = _merged_spans((stamp - reach, stamp + reach) for stamp in stamps)
    return list(articles_at(articles, _inside(column_of(articles, "timestamp"), spans)))


_VECTOR_FROM = 50_000


def _inside(stamps: Sequence[float | None], spans: list[tuple[float, float]]) -> Iterable[int]:
    """The numbers of the stamps that lie in one of `spans` (apart, in order)."""
    if not spans:
        return ()
    if len(stamps) >= _VECTOR_FROM:  # a million stamps: compared in C, not one by one
        import numpy as np  # loaded only for a folder this big

        times = floats_of(stamps)  # a missing one is NaN, which lies in no span
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
