"""Which pairs of stories are worth comparing: never all pairs.

Stories are walked in date order, each against the ones published up to `WINDOW` later
only. Among those, headlines are compared first by their core words as one string
(rapidfuzz, in C, with a cut-off), and descriptions by the runs of words they share
(a dictionary of the runs seen within the window, so a run is looked up, not compared).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterator, Sequence
from itertools import compress
from operator import not_

from rapidfuzz import fuzz, process

from digest_tui.clusters.pairs import MIN_SHARED, TEXT_MATCH, WINDOW
from digest_tui.clusters.stories import Story

LOOKALIKE = 70
"""The similarity (0-100) of two headlines' core words worth a closer look."""
COMMON_RUN = 20
"""A run of words shared by more stories than this within a window is a stock phrase."""
MOST_AHEAD = 400
"""A story is compared with at most this many stories published after it (a folder
that dates thousands of files alike stays quick)."""
CHECK_EVERY = 2048

Cancelled = Callable[[], bool]


class ClusteringCancelled(Exception):
    """The caller asked to stop (a newer list of articles replaced this one)."""


def headline_pairs(
    stories: Sequence[Story], cancelled: Cancelled | None = None, starting: range | None = None
) -> Iterator[tuple[int, int]]:
    """(i, j), i < j, of `stories` (in date order) within `WINDOW` whose headlines look
    alike; only those with i in `starting`, when given.

    Two headlines that each hold a number the other lacks are never one story, so a
    headline with numbers is compared only with those holding none or one of its own:
    a folder of "Issue 1" to "Issue 5000" on one day costs no more than any other.
    """
    stamps = [story.stamp for story in stories]
    # Each story's key is made when it first falls within a window and let go once the
    # window has passed it: the keys of a million stories never coexist.
    firsts = range(len(stories)) if starting is None else starting
    keys = [""] * len(stories)
    made = firsts.start
    numbers = [story.as_written.numbers for story in stories]
    plain = array("i", compress(range(len(numbers)), map(not_, numbers)))
    holding: dict[str, list[int]] = defaultdict(list)
    for i, found in enumerate(numbers):
        for number in found:
            holding[number].append(i)
    for i in firsts:
        if cancelled is not None and i % CHECK_EVERY == 0 and cancelled():
            raise ClusteringCancelled
        end = min(bisect_right(stamps, stamps[i] + WINDOW, i + 1), i + 1 + MOST_AHEAD)
        if end > made:
            keys[made:end] = map(_compared_key, stories[made:end])
            made = end
        key, keys[i] = keys[i], ""
        if not key or end == i + 1:
            continue
        near: Sequence[int] = range(i + 1, end)
        if numbers[i]:
            among = list(_between(plain, i, end))
            for number in numbers[i]:
                among += _between(holding[number], i, end)
            near = sorted(set(among))
        choices = [keys[j] for j in near] if numbers[i] else keys[i + 1 : end]
        for _choice, _score, offset in alike(key, choices):
            yield i, near[offset]


def _compared_key(story: Story) -> str:
    """The headline key `headline_pairs` compares ("" for too few words to compare)."""
    return story.key if len(story.as_written.words) >= MIN_SHARED else ""


def alike(key: str, choices: list[str]) -> list[tuple[str, float, int]]:
    """The choices similar to `key` (rapidfuzz, in C): (choice, score, offset)."""
    return process.extract(
        key, choices, scorer=fuzz.ratio, processor=None, score_cutoff=LOOKALIKE, limit=None
    )


def _between(positions: Sequence[int], after: int, before: int) -> Sequence[int]:
    """The ascending `positions` greater than `after` and less than `before`."""
    return positions[bisect_right(positions, after) : bisect_left(positions, before)]


def text_pairs(
    stories: Sequence[Story], cancelled: Cancelled | None = None, ending: range | None = None
) -> Iterator[tuple[int, int]]:
    """(i, j), i < j, of `stories` (in date order) within `WINDOW` whose descriptions
    share most of the shorter one's runs of words; only those with j in `ending`, when
    given (the stories before it are read for the runs they hold)."""
    seen: dict[str, deque[int]] = {}
    runs_of: dict[int, frozenset[str]] = {}
    window: deque[int] = deque()
    seconds = range(len(stories)) if ending is None else ending
    for j, story in enumerate(stories[: seconds.stop]):
        if cancelled is not None and j % CHECK_EVERY == 0 and cancelled():
            raise ClusteringCancelled
        while window and stories[window[0]].stamp < story.stamp - WINDOW:
            _forget(window.popleft(), runs_of, seen)
        runs = story.shingles()
        if not runs:
            continue
        shared: Counter[int] = Counter()
        for run in runs:
            earlier = seen.get(run)
            if earlier is None:
                seen[run] = deque([j])
                continue
            if len(earlier) <= COMMON_RUN:
                shared.update(earlier)
            earlier.append(j)
        for i, count in shared.items():
            if count >= TEXT_MATCH * min(len(runs), len(runs_of[i])) and j in seconds:
                yield i, j
        runs_of[j] = runs
        window.append(j)


def _forget(index: int, runs_of: dict[int, frozenset[str]], seen: dict[str, deque[int]]) -> None:
    for run in runs_of.pop(index, ()):
        earlier = seen[run]
        earlier.popleft()  # runs are recorded in date order: the oldest is first
        if not earlier:
            del seen[run]
