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

from collections.abc import Collection, Sequence

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


class FuzzyMatcher:
    """Scores plain words against a fixed list of articles' titles, tags and descriptions.

    Built once per list of articles. It remembers the words of the last search and their
    matches: when the next search only extends them (one more character typed), only those
    matches are searched again. Safe to share between threads: the memory is replaced in
    one assignment and read once per search.
    """

    __slots__ = ("_last", "descriptions", "tags", "titles")

    def __init__(
        self, titles: Sequence[str], tags: Sequence[Sequence[str]], descriptions: Sequence[str]
    ) -> None:
        """Item `i` of each sequence belongs to article number `i`."""
        self.titles = Haystack(titles)
        self.tags = Haystack(pack_tags(normalise(t) for t in article) for article in tags)
        self.descriptions = Haystack(descriptions)
        self._last: tuple[tuple[str, ...], frozenset[int]] | None = None

    def __len__(self) -> int:
        return len(self.titles)

    def match(
        self, words: Sequence[str], narrow: bool = True, scored: bool = True
    ) -> dict[int, float]:
        """Article number to score, for every article that matches all `words`.

        `scored=False` finds the same articles faster, each with a score of 0.
        `narrow=False` ignores the remembered previous search (the result is the same).
        """
        return self._run(words, narrow, self._score_word if scored else self._find_word)

    def _run(self, words: Sequence[str], narrow: bool, per_word) -> dict[int, float]:
        needles = tuple(word for word in (normalise(w) for w in words) if word)
        if not needles:
            return {}
        among = self._previous_matches(needles) if narrow else None
        scores: dict[int, float] = {}
        for index, needle in enumerate(needles):
            found = per_word(needle, among)
            if index == 0:
                scores = found
            else:
                scores = {n: scores[n] + s for n, s in found.items() if n in scores}
            among = scores.keys()
            if not scores:
                break
        self._last = (needles, frozenset(scores))
        return scores

    def _find_word(self, needle: str, among: Collection[int] | None) -> dict[int, float]:
        """Every article `needle` matches, each with a score of 0."""
        pattern = subsequence_pattern(needle)
        found = dict.fromkeys(self.titles.scan(pattern, among), 0.0)
        found.update(dict.fromkeys(self.tags.containing(needle, among), 0.0))
        if len(needle) >= DESCRIPTION_MIN_LENGTH:
            found.update(dict.fromkeys(self.descriptions.containing(needle, among), 0.0))
        return found

    def containing(self, needle: str, among: Collection[int] | None = None) -> set[int]:
        """Articles whose title, tags or description contain `needle` as typed."""
        needle = normalise(needle)
        found = set(self.titles.containing(needle, among))
        found.update(self.tags.containing(needle, among))
        found.update(self.descriptions.containing(needle, among))
        return found

    def _previous_matches(self, needles: tuple[str, ...]) -> Collection[int] | None:
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

    def _score_word(self, needle: str, among: Collection[int] | None) -> dict[int, float]:
        scores = self._title_scores(needle, among)
        in_tags = self.tags.containing(needle, among)
        if in_tags:
            _raise_to(scores, in_tags, ELSEWHERE)
            _raise_to(scores, self.tags.scan(tag_pattern(needle), in_tags), TAG_EQUAL)
        if len(needle) >= DESCRIPTION_MIN_LENGTH:
            _raise_to(scores, self.descriptions.containing(needle, among), ELSEWHERE)
        return scores

    def _title_scores(self, needle: str, among: Collection[int] | None) -> dict[int, float]:
        """Scores for articles whose title holds `needle`, or its letters in order."""
        titles = self.titles
        contiguous = titles.containing(needle, among)
        scores = dict.fromkeys(contiguous, IN_TITLE)
        if contiguous:
            starts = titles.scan(word_start_pattern(needle), scores.keys())
            scores.update(dict.fromkeys(starts, WORD_START))
            if starts and len(needle) > 1:
                whole = titles.scan(word_start_pattern(needle, whole=True), starts)
                scores.update(dict.fromkeys(whole, WHOLE_WORD))
        if len(needle) > 1:
            width = len(needle)
            for span, number in titles.scan_spans(subsequence_pattern(needle), among):
                if number not in scores:
                    scores[number] = SCATTERED_MIN + SCATTERED_SPAN * width / len(span)
        return scores


def _raise_to(scores: dict[int, float], numbers: list[int], score: float) -> None:
    """Give each of `numbers` at least `score`."""
    get = scores.get
    for number in numbers:
        if get(number, 0.0) < score:
            scores[number] = score
