"""Fuzzy matching of plain query words against titles, tags and descriptions.

Ranking follows what fzf users expect. For each word, an article scores by its best match:

=====================================================  ========
the word, whole, in the title                           100
a word of the title starts with it                       90
the title contains it inside a word                      75
a tag equals it                                          65
a tag contains it; the description contains it           55
its letters appear in order in the title                10 to 50
a title or tag word is a typo away from it (`typos`)     5 to 9
=====================================================  ========

The scores order articles within a tier; the tiers themselves (words as typed, body
words, corrected typos, letters spread out) are put in order by `search.selection`.

Words of one or two letters only match where a title or tag word starts with them: in
100,000 titles almost any two letters appear somewhere, and fzf users expect a short query
to hit word starts. Scattered letters score by how tight they are: "kitche" in "Kitchen"
beats letters spread over a whole headline; they are only looked for in the title, and only
scored when the ranking needs them. Scattered letters are only looked for when the exact
tiers (every tier above them) find fewer than `LETTERS_WHEN_FEWER` articles for the whole
query: with hundreds of exact matches nobody scrolls down to scattered ones, while an
abbreviation such as "qntm" has no exact match and still finds "quantum". Typos are only
looked for when the query finds fewer than `TYPO_WHEN_FEWER` articles otherwise
(rapidfuzz edit distance against title and tag words).
A query of several words needs every word to match; its score is the sum.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial

from digest_tui.search.engine.bits import SetNumbers
from digest_tui.search.engine.cache import WORD_SEARCHES, BoundedCache
from digest_tui.search.engine.fields import SearchFields
from digest_tui.search.engine.haystack import (
    Haystack,
    fenced_tag,
    normalise,
    word_start_pattern,
)
from digest_tui.search.engine.matches import SHORT_WORD, LastSearch, Matches, WordMatch
from digest_tui.search.engine.typos import TypoFinder, typo_prone

WHOLE_WORD = 100.0
WORD_START = 90.0
IN_TITLE = 75.0
TAG_EQUAL = 65.0
ELSEWHERE = 55.0
TYPO_MIN = 5.0
TYPO_SPAN = 4.0
TYPO_WHEN_FEWER = 20
"""Typos are looked for when the other tiers find fewer articles than this."""
LETTERS_WHEN_FEWER = 200
"""Scattered letters are looked for when the exact tiers find fewer articles than this:
four screenfuls of better matches come before the first scattered one."""
_WORD = re.compile(r"\w+")

__all__ = ["FuzzyMatcher", "Matches", "WordMatch"]


class FuzzyMatcher:
    """Scores plain words against a fixed list of articles' titles, tags and descriptions.

    Built once per list of articles. It remembers recent searches (`word_searches`):
    backspacing repeats one without any work, and when the next search only extends the
    latest one's words (one more character typed), only its matches are searched again.
    Safe to share between threads.
    """

    __slots__ = ("_recent", "_typos", "fields")

    letters_when_fewer = LETTERS_WHEN_FEWER

    def __init__(
        self,
        titles: Sequence[str],
        tags: Sequence[tuple[str, ...]],
        descriptions: Sequence[str],
        sets: SetNumbers | None = None,
    ) -> None:
        """Item `i` of each sequence belongs to article number `i`."""
        self.fields = SearchFields(titles, tags, descriptions, sets)
        self._typos = TypoFinder(self.fields)
        # By (words, scored): the matches, and per word the articles matching it and
        # every word before it. The most recently used entry is the last search.
        self._recent: BoundedCache[tuple[tuple[str, ...], bool], tuple[Matches, LastSearch]] = (
            BoundedCache(WORD_SEARCHES)
        )

    def __len__(self) -> int:
        return len(self.fields)

    @property
    def titles(self) -> Haystack:
        """The lower-cased titles (built on first use)."""
        return self.fields.titles

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
        remembered = self._recent.get(key)  # now the last search
        if remembered is not None:
            return remembered[0]
        latest = self._recent.latest() if narrow else None
        matches, last = self._search(needles, None if latest is None else latest[1], scored)
        self._recent.put(key, (matches, last))
        return matches

    def _search(
        self, needles: tuple[str, ...], last: LastSearch | None, scored: bool
    ) -> tuple[Matches, LastSearch]:
        # The exact tiers first: their count, which narrowing cannot change (every exact
        # match is within `among`), says whether scattered letters are looked for too.
        matches, narrowed = self._narrowed_chain(needles, last, scored, letters=False)
        letters = matches.found.bit_count() < self.letters_when_fewer
        if letters:
            # Only a search that looked for scattered letters too narrows this one.
            usable = last if last is not None and last.letters else None
            matches, narrowed = self._narrowed_chain(needles, usable, scored, letters=True)
        # The count does not depend on narrowing: every match is within `among`.
        if matches.found.bit_count() < TYPO_WHEN_FEWER and any(map(typo_prone, needles)):
            if len(needles) == 1:
                word = self._add_typos(matches.words[0], needles[0], None)
                matches = Matches(word.found, (word,))
            else:
                # A later word is searched among an earlier word's typo matches too.
                matches = self._chain(needles, None, scored, typos=True, letters=letters)
            found = tuple(word.found for word in matches.words)
            return matches, LastSearch(needles, found, (), scored, letters)
        among, depth, reused = narrowed
        # Words before `depth` were searched among a later word's matches: only part of
        # theirs (unless reused whole).
        in_full = [
            among is None or number < len(reused) or number >= depth
            for number in range(len(matches.words))
        ]
        pairs = zip(matches.words, in_full, strict=True)
        kept: tuple[int | None, ...] = tuple(word.found if full else None for word, full in pairs)
        exact = matches.words[: in_full.index(False)] if False in in_full else matches.words
        return matches, LastSearch(needles, kept, exact, scored, letters)

    def _narrowed_chain(
        self, needles: tuple[str, ...], last: LastSearch | None, scored: bool, letters: bool
    ) -> tuple[Matches, tuple[int | None, int, tuple[WordMatch, ...]]]:
        """`_chain` narrowed by `last`, and how: (among, its word's number, reused)."""
        among, depth = last.within(needles) if last is not None else (None, 0)
        reused = last.reusable(needles, scored, letters) if last is not None else ()
        matches = self._chain(needles, among, scored, typos=False, letters=letters, reused=reused)
        return matches, (among, depth, reused)

    def found_among(self, words: Sequence[str], among: int) -> int:
        """The articles of `among` matching all `words` (too short for typos), as `search`
        finds them; the remembered searches are neither used nor changed."""
        needles = tuple(word for word in (normalise(w) for w in words) if word)
        if any(map(typo_prone, needles)):
            raise ValueError("found_among takes only words too short for typos")
        if not needles or not among:
            return 0
        chain = self._chain(needles, among, scored=False, typos=False, letters=False)
        return chain.found & among

    def _chain(
        self,
        needles: tuple[str, ...],
        among: int | None,
        scored: bool,
        typos: bool,
        letters: bool,
        reused: tuple[WordMatch, ...] = (),
    ) -> Matches:
        """Each word searched among the articles every word before it matched (scattered
        letters too when `letters`); the first words' matches may be given in `reused`."""
        per_word = partial(self._score_word if scored else self._find_word, letters=letters)
        found: list[WordMatch] = []
        for number, needle in enumerate(needles):
            if number < len(reused):
                word = reused[number]
                found.append(word)
                among = word.found if among is None else word.found & among
                if not among:
                    return Matches(0, tuple(found))
                continue
            word = per_word(needle, among)
            if typos:
                word = self._add_typos(word, needle, among)
            found.append(word)
            among = word.found
            if not among:
                return Matches(0, tuple(found))
        return Matches(among or 0, tuple(found))

    def _add_typos(self, word: WordMatch, needle: str, among: int | None) -> WordMatch:
        below = []
        taken = word.found
        for similarity, members in self._typos.articles(needle, among):
            if members & ~taken:
                below.append((TYPO_MIN + TYPO_SPAN * similarity, members & ~taken))
                taken |= members
        return word.with_below(tuple(below)) if below else word

    def _find_word(self, needle: str, among: int | None, letters: bool) -> WordMatch:
        """Every article `needle` matches (scattered letters too when `letters`), all at
        one level scoring 0."""
        if len(needle) <= SHORT_WORD:
            matches = self._short_word_starts(needle, among)
        else:
            fields = self.fields
            if letters:  # every title containing `needle` holds its letters in order
                matches = fields.titles.subsequence(needle, among)
            else:
                matches = fields.titles.containing(needle, among)
            matches |= fields.tags.containing(needle, among)
            matches |= fields.descriptions.containing(needle, among)
        return WordMatch(matches, ((0.0, matches),))

    def _short_word_starts(self, needle: str, among: int | None) -> int:
        """Articles with a title or tag word starting with `needle`."""
        return self._word_starts(needle, among) | self._tag_starts(needle, among)

    def _tag_starts(self, needle: str, among: int | None) -> int:
        if _WORD.fullmatch(needle):
            return self.fields.tag_words.containing(f" {needle}", among)
        return self.fields.tags.scan(word_start_pattern(needle), among)

    def containing(self, needle: str, among: int | None = None) -> int:
        """Articles whose title, tags or description contain `needle` as typed."""
        needle = normalise(needle)
        found = self.fields.titles.containing(needle, among)
        found |= self.fields.tags.containing(needle, among)
        return found | self.fields.descriptions.containing(needle, among)

    def _score_word(self, needle: str, among: int | None, letters: bool) -> WordMatch:
        if len(needle) <= SHORT_WORD:
            return self._score_short_word(needle, among)
        titles = self.fields.titles
        contiguous = titles.containing(needle, among)
        starts = self._word_starts(needle, contiguous) if contiguous else 0
        whole = self._word_starts(needle, starts, whole=True) if starts else 0
        in_tags = self.fields.tags.containing(needle, among)
        tag_equal = self._tags_equal(needle, in_tags)
        elsewhere = in_tags | self.fields.descriptions.containing(needle, among)
        levels = (
            (WHOLE_WORD, whole),
            (WORD_START, starts & ~whole),
            (IN_TITLE, contiguous & ~starts),
            (TAG_EQUAL, tag_equal & ~contiguous),
            (ELSEWHERE, elsewhere & ~tag_equal & ~contiguous),
        )
        exact = contiguous | elsewhere
        scattered = titles.subsequence(needle, among) & ~exact if letters else 0
        spans = partial(titles.span_lengths, needle)
        kept = tuple(level for level in levels if level[1])
        return WordMatch(exact | scattered, kept, scattered, spans, len(needle))

    def _score_short_word(self, needle: str, among: int | None) -> WordMatch:
        starts = self._word_starts(needle, among)
        whole = self._word_starts(needle, starts, whole=True) if starts else 0
        if len(needle) < 2:
            whole = 0
        in_tags = self._tag_starts(needle, among)
        tag_equal = self._tags_equal(needle, in_tags)
        levels = (
            (WHOLE_WORD, whole),
            (WORD_START, starts & ~whole),
            (TAG_EQUAL, tag_equal & ~starts),
            (ELSEWHERE, in_tags & ~tag_equal & ~starts),
        )
        return WordMatch(starts | in_tags, tuple(level for level in levels if level[1]))

    def _tags_equal(self, needle: str, among: int) -> int:
        """The articles of `among` with a tag equal to `needle` (found through the tags'
        tokens when it holds no space, rather than by a regex over each article's tags)."""
        return self.fields.tags.containing(fenced_tag(needle), among) if among else 0

    def _word_starts(self, needle: str, among: int | None, whole: bool = False) -> int:
        """Titles where `needle` starts a word (and ends one, when `whole`)."""
        if _WORD.fullmatch(needle):
            # A plain substring search in the space-separated words is much faster.
            spaced = f" {needle} " if whole else f" {needle}"
            return self.fields.title_words.containing(spaced, among)
        return self.fields.titles.scan(word_start_pattern(needle, whole), among)
