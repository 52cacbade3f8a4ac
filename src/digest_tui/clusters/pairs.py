"""Whether two stories published close together are one story.

Two headlines tell one story when, in some form (core or as written), they share most of
their weight in words (rare words weigh more than common ones), at least `MIN_SHARED` of
them, and contradict each other in no fact: each holding a number the other lacks ("Rust
1.79" and "Rust 1.80"), a name the other lacks ("iPad" and "MacBook"), or an event the other
lacks ("unveils" and "recalls"). Two descriptions that share most of their runs of words
tell one story too, when the headlines do not contradict each other and either the
publishers differ or the headlines agree in part (one blog's posts often share a tagline).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from digest_tui.clusters.stories import Story
from digest_tui.clusters.titles import TitleWords

WINDOW = 3 * 24 * 3600
"""Copies of one story are published within three days of each other."""
TITLE_MATCH = 0.7
"""The share of word weight two headlines must have in common."""
SAME_SOURCE_TITLES = 0.45
"""The share two headlines of one publisher need when their descriptions are shared."""
MIN_SHARED = 3
TEXT_MATCH = 0.5
"""The share of the shorter description's word runs the other must hold."""
SPELLING = 85
"""A word spelt differently ("colour", "color") counts as the same from this similarity."""
MIN_SPELLED = 5

Weigh = Callable[[str], float]


@dataclass(frozen=True, slots=True)
class Judge:
    """What deciding needs to know of the folder: word weights and known names."""

    weigh: Callable[[str], float]
    names: frozenset[str] = frozenset()


def same_story(first: Story, second: Story, judge: Judge) -> bool:
    """True when `first` and `second` tell one story (see the module's rules)."""
    if abs(first.stamp - second.stamp) > WINDOW:
        return False
    best = headline_match(first, second, judge)
    if best >= TITLE_MATCH:
        return True
    return text_decides(first, second, best) and shares_text(first.shingles(), second.shingles())


def headline_match(first: Story, second: Story, judge: Judge) -> float:
    """The best share of word weight two forms of the headlines have in common, among
    forms that do not contradict each other; -1 when every pair of forms does."""
    best = -1.0
    for one in first.forms:
        for other in second.forms:
            if not contradict(one, other, judge.names):
                best = max(best, title_match(one, other, judge.weigh))
    return best


def text_decides(first: Story, second: Story, headlines: float) -> bool:
    """Whether shared text makes two stories one, given their `headline_match`."""
    if headlines < 0:
        return False
    return first.source != second.source or headlines >= SAME_SOURCE_TITLES


def shares_text(one: frozenset[str], other: frozenset[str]) -> bool:
    """Two descriptions' runs of words: most of the shorter one's are in the other."""
    if not one or not other:
        return False
    return len(one & other) >= TEXT_MATCH * min(len(one), len(other))


def contradict(one: TitleWords, other: TitleWords, names: frozenset[str] = frozenset()) -> bool:
    """Each headline holds a number, a name or an event that the other lacks. `names`
    are words known to be names wherever they are written (`Vocabulary.names`)."""
    if _each_lacks(one.numbers, other.numbers) or _each_lacks(one.events, other.events):
        return True
    mine, theirs = set(one.words), set(other.words)
    only_mine, only_theirs = mine - theirs, theirs - mine
    lone = _unmatched(only_mine & (names | set(one.names)), only_theirs)
    return bool(lone) and bool(_unmatched(only_theirs & (names | set(other.names)), only_mine))


def _each_lacks(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    if not one or not other or one == other:
        return False
    return bool(set(one).difference(other)) and bool(set(other).difference(one))


def title_match(one: TitleWords, other: TitleWords, weigh: Weigh) -> float:
    """The share of the two headlines' word weight they have in common (0 when they share
    fewer than `MIN_SHARED` words)."""
    mine, theirs = set(one.words), set(other.words)
    shared = mine & theirs
    only_one, only_other = mine - shared, theirs - shared
    common = sum(map(weigh, shared))
    respelt = 0
    for word in list(only_one):
        twin = _twin(word, only_other)
        if twin is not None:
            only_one.discard(word)
            only_other.discard(twin)
            common += min(weigh(word), weigh(twin))
            respelt += 1
    if len(shared) + respelt < MIN_SHARED:
        return 0.0
    apart = sum(map(weigh, only_one)) + sum(map(weigh, only_other))
    return 2 * common / (2 * common + apart) if common else 0.0


def _unmatched(words: set[str], others: set[str]) -> set[str]:
    return {word for word in words if _twin(word, others) is None}


def _twin(word: str, others: set[str]) -> str | None:
    """The word of `others` that is `word` spelt differently, if any."""
    if len(word) < MIN_SPELLED or not word.isalpha():
        return None
    for other in others:
        if (
            len(other) >= MIN_SPELLED
            and other.isalpha()
            and fuzz.ratio(word, other, score_cutoff=SPELLING)
        ):
            return other
    return None
