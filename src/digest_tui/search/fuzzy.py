"""Fuzzy matching of plain query words against titles, tags and descriptions.

Ranking follows what fzf users expect. For each word, an article scores by its best match:

=====================================================  ========
the word, whole, in the title                           100
a word of the title starts with it                       90
the title contains it inside a word                      75
a tag equals it                                          65
a tag contains it; the description contains it           55
its letters appear in order in the title                10 to 50
=====================================================  ========

Scattered letters score by how tight they are: "kitche" in "Kitchen" beats letters spread
over a whole headline. They are only looked for in the title, and descriptions are only
searched for words of three letters or more: in a 200-character description almost any
short word appears somewhere, which would bury the useful matches.
A query of several words needs every word to match; its score is the sum.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from threading import Lock

from digest_tui.search import bits
from digest_tui.search.haystack import (
    Haystack,
    normalise,
    pack_tags,
    subsequence_pattern,
    tag_pattern,
    word_start_pattern,
)

WHOLE_WORD = 100.0
WORD_START = 90.0
IN_TITLE = 75.0
TAG_EQUAL = 65.0
ELSEWHERE = 55.0
SCATTERED_MIN = 10.0
SCATTERED_SPAN = 40.0
DESCRIPTION_MIN_LENGTH = 3
RECENT_SEARCHES = 24

_WORD = re.compile(r"\w+")
_NOT_WORDS = re.compile(r"[^\w\n]+")


def _spaced_words(values: Sequence[str]) -> Iterable[str]:
    """Each value's words separated by single spaces, with a space at each end: a word
    starting with `x` is then the substring `" x"` (one regex pass over all values)."""
    if not values:
        return []
    return (f" {words} " for words in _NOT_WORDS.sub(" ", "\n".join(values)).split("\n"))


@dataclass(frozen=True, slots=True)
class WordMatch:
    """Where one query word matched, grouped by score."""

    found: int
    """Every matching article (a `bits` set)."""
    levels: tuple[tuple[float, int], ...] = ()
    """(score, articles) from the best score down; the article sets do not overlap."""
    scattered: dict[int, float] = field(default_factory=dict)
    """Scores of the articles matched only by scattered letters (below every level)."""

    def score(self, number: int) -> float:
        """The score of one matching article."""
        for score, members in self.levels:
            if bits.contains(members, number):
                return score
        return self.scattered.get(number, 0.0)


@dataclass(frozen=True, slots=True)
class Matches:
    """The articles matching every word of a query, and each word's own matches."""

    found: int
    words: tuple[WordMatch, ...]

    def scores(self, among: int | None = None) -> dict[int, float]:
        """Article number to total score, for the matches (within `among`)."""
        chosen = self.found if among is None else self.found & among
        scores: dict[int, float] = {}
        size = chosen.bit_length() // 8 + 1
        selector = bits.mask(chosen, size)
        for word in self.words:
            for score, members in word.levels:
                for number in bits.members(members & chosen, size):
                    scores[number] = scores.get(number, 0.0) + score
            for number, score in word.scattered.items():
                if number < size and selector[number]:
                    scores[number] = scores.get(number, 0.0) + score
        return scores


class FuzzyMatcher:
    """Scores plain words against a fixed list of articles' titles, tags and descriptions.

    Built once per list of articles. It remembers the words of the last search and their
    matches: when the next search only extends them (one more character typed), only those
    matches are searched again. Safe to share between threads: the memory is replaced in
    one assignment and read once per search.
    """

    __slots__ = ("_last", "_lock", "_recent", "descriptions", "tags", "title_words", "titles")

    def __init__(
        self, titles: Sequence[str], tags: Sequence[Sequence[str]], descriptions: Sequence[str]
    ) -> None:
        """Item `i` of each sequence belongs to article number `i`."""
        self.titles = Haystack(titles)
        self.title_words = Haystack(_spaced_words(self.titles.values))
        self.tags = Haystack(pack_tags([normalise(t) for t in article]) for article in tags)
        self.descriptions = Haystack(descriptions)
        self._last: tuple[tuple[str, ...], int] | None = None
        # Recent searches by their words: backspacing repeats one without any work.
        self._recent: dict[tuple[tuple[str, ...], bool], Matches] = {}
        self._lock = Lock()

    def __len__(self) -> int:
        return len(self.titles)

    def match(
        self, words: Sequence[str], narrow: bool = True, scored: bool = True
    ) -> dict[int, float]:
        """Article number to score, for every article that matches all `words`.

        `scored=False` finds the same articles faster, each with a score of 0.
        `narrow=False` ignores the remembered previous search (the result is the same).
        """
        return self.search(words, narrow, scored).scores()

    def search(self, words: Sequence[str], narrow: bool = True, scored: bool = True) -> Matches:
        """The articles matching all `words`, with what each word matched (see `match`)."""
        needles = tuple(word for word in (normalise(w) for w in words) if word)
        if not needles:
            return Matches(0, ())
        key = (needles, scored)
        remembered = self._recent.get(key)
        if remembered is not None:
            self._last = (needles, remembered.found)
            return remembered
        matches = self._search(needles, narrow, scored)
        with self._lock:
            recent = self._recent
            if len(recent) >= RECENT_SEARCHES:
                del recent[next(iter(recent))]
            recent[key] = matches
        return matches

    def _search(self, needles: tuple[str, ...], narrow: bool, scored: bool) -> Matches:
        among = self._previous_matches(needles) if narrow else None
        per_word = self._score_word if scored else self._find_word
        found: list[WordMatch] = []
        for needle in needles:
            word = per_word(needle, among)
            found.append(word)
            among = word.found
            if not among:
                break
        self._last = (needles, among)
        return Matches(among, tuple(found))

    def _find_word(self, needle: str, among: int | None) -> WordMatch:
        """Every article `needle` matches, all at one level scoring 0."""
        matches = self.titles.scan(subsequence_pattern(needle), among)
        matches |= self.tags.containing(needle, among)
        if len(needle) >= DESCRIPTION_MIN_LENGTH:
            matches |= self.descriptions.containing(needle, among)
        return WordMatch(matches, ((0.0, matches),))

    def containing(self, needle: str, among: int | None = None) -> int:
        """Articles whose title, tags or description contain `needle` as typed."""
        needle = normalise(needle)
        found = self.titles.containing(needle, among)
        found |= self.tags.containing(needle, among)
        return found | self.descriptions.containing(needle, among)

    def _previous_matches(self, needles: tuple[str, ...]) -> int | None:
        """The last search's matches, when every article matching `needles` is among them."""
        last = self._last
        if last is None:
            return None
        previous, matches = last
        if len(previous) > len(needles):
            return None
        # A word containing the old word matches only where the old one did: the same
        # letters in order in the title, or a longer substring in the tags or description.
        if all(old in new for old, new in zip(previous, needles, strict=False)):
            return matches
        return None

    def _score_word(self, needle: str, among: int | None) -> WordMatch:
        titles = self.titles
        contiguous = titles.containing(needle, among)
        starts = self._word_starts(needle, contiguous) if contiguous else 0
        whole = 0
        if starts and len(needle) > 1:
            whole = self._word_starts(needle, starts, whole=True)
        in_tags = self.tags.containing(needle, among)
        tag_equal = self.tags.scan(tag_pattern(needle), in_tags) if in_tags else 0
        elsewhere = in_tags
        if len(needle) >= DESCRIPTION_MIN_LENGTH:
            elsewhere |= self.descriptions.containing(needle, among)
        levels = (
            (WHOLE_WORD, whole),
            (WORD_START, starts & ~whole),
            (IN_TITLE, contiguous & ~starts),
            (TAG_EQUAL, tag_equal & ~contiguous),
            (ELSEWHERE, elsewhere & ~tag_equal & ~contiguous),
        )
        found = contiguous | elsewhere
        scattered = self._scattered(needle, among, found) if len(needle) > 1 else {}
        if scattered:
            found |= bits.from_numbers(scattered, len(titles))
        return WordMatch(found, tuple(level for level in levels if level[1]), scattered)

    def _word_starts(self, needle: str, among: int, whole: bool = False) -> int:
        """Titles where `needle` starts a word (and ends one, when `whole`)."""
        if _WORD.fullmatch(needle):
            # A plain substring search in the space-separated words is much faster.
            return self.title_words.containing(f" {needle} " if whole else f" {needle}", among)
        return self.titles.scan(word_start_pattern(needle, whole), among)

    def _scattered(self, needle: str, among: int | None, matched: int) -> dict[int, float]:
        """Scores for titles holding `needle`'s letters in order but not matched otherwise."""
        width = len(needle)
        size = len(self.titles)
        # Articles outside `among` or already matched are skipped.
        skip = bits.mask(matched if among is None else matched | (bits.full(size) & ~among), size)
        return {
            number: SCATTERED_MIN + SCATTERED_SPAN * width / len(span)
            for span, number in self.titles.scan_spans(subsequence_pattern(needle), among)
            if not skip[number]
        }
