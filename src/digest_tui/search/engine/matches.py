"""What the plain words of a query matched (article sets by score, scored lazily below),
and what one search tells the next keystroke's.

Typing extends the query one character at a time. A word that only grew can match no
article its shorter form missed, so the next search looks only among the last one's
matches; a word left unchanged matches exactly what it matched before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from digest_tui.search.engine import bits

SHORT_WORD = 2
"""Words this short match only at the start of title and tag words."""
SCATTERED_MIN = 10.0
SCATTERED_SPAN = 40.0
MAX_TIERS = 64
"""More distinct total scores than this are ranked article by article."""

SpanLengths = Callable[[Iterable[int]], dict[int, int]]


class WordMatch:
    """Where one query word matched, grouped by score.

    `levels` come first, then the scattered-letter matches, then `below` (typos). Each
    scattered match's score needs a regex run on its title, so it is computed only for
    the articles a ranking actually asks about, and remembered.
    """

    __slots__ = ("_scattered", "_spans", "_width", "below", "found", "levels", "scattered_set")

    def __init__(
        self,
        found: int,
        levels: tuple[tuple[float, int], ...] = (),
        scattered_set: int = 0,
        spans: SpanLengths | None = None,
        width: int = 0,
        below: tuple[tuple[float, int], ...] = (),
    ) -> None:
        self.found = found
        """Every matching article (a `bits` set)."""
        self.levels = levels
        """(score, articles) from the best score down; the article sets do not overlap."""
        self.scattered_set = scattered_set
        """The articles matched only by scattered letters (scored below every level)."""
        self.below = below
        """(score, articles) below the scattered matches, best first (typo matches)."""
        self._spans = spans
        self._width = width
        self._scattered: dict[int, float] = {}

    def with_below(self, below: tuple[tuple[float, int], ...]) -> WordMatch:
        """The same match with `below` levels added (their articles join `found`)."""
        extra = 0
        for _score, members in below:
            extra |= members
        return WordMatch(
            self.found | extra, self.levels, self.scattered_set, self._spans, self._width, below
        )

    def scattered_scores(self, numbers: Iterable[int]) -> dict[int, float]:
        """Scores of those of `numbers` (all scattered matches) that matched scattered."""
        known = self._scattered
        missing = [n for n in numbers if n not in known]
        if missing and self._spans is not None:
            width = self._width
            for number, length in self._spans(missing).items():
                known[number] = SCATTERED_MIN + SCATTERED_SPAN * width / length
        return known

    def score(self, number: int) -> float:
        """The score of one matching article."""
        for score, members in self.levels:
            if bits.contains(members, number):
                return score
        if bits.contains(self.scattered_set, number):
            return self.scattered_scores([number]).get(number, SCATTERED_MIN)
        for score, members in self.below:
            if bits.contains(members, number):
                return score
        return 0.0


@dataclass(frozen=True, slots=True)
class Matches:
    """The articles matching every word of a query, and each word's own matches."""

    found: int
    words: tuple[WordMatch, ...]

    @property
    def scattered(self) -> int:
        """The matches where some word matched only by letters spread out in the title."""
        spread = 0
        for word in self.words:
            spread |= word.scattered_set
        return spread & self.found

    @property
    def typos(self) -> int:
        """The matches where some word matched only with a typo corrected."""
        corrected = 0
        for word in self.words:
            for _score, members in word.below:
                corrected |= members
        return corrected & self.found

    @property
    def exact(self) -> int:
        """The matches where every word matched as typed (whole, a prefix or inside a word)."""
        return self.found & ~self.scattered & ~self.typos

    def scores(self, among: int | None = None) -> dict[int, float]:
        """Article number to total score, for the matches (within `among`)."""
        chosen = self.found if among is None else self.found & among
        scores: dict[int, float] = {}
        size = chosen.bit_length()  # every member is below it
        for word in self.words:
            for score, members in (*word.levels, *word.below):
                for number in bits.members(members & chosen, size):
                    scores[number] = scores.get(number, 0.0) + score
            scattered = bits.members(word.scattered_set & chosen, size)
            known = word.scattered_scores(scattered)
            for number in scattered:
                scores[number] = scores.get(number, 0.0) + known.get(number, SCATTERED_MIN)
        return scores

    def tiers(self, among: int) -> list[int] | None:
        """The matches within `among` grouped by equal total score, best first (each a
        `bits` set); None when a score is not shared by a whole set (scattered letters).

        Each word's levels are sets with one score, so the totals are sums over a few
        combinations of levels, added in the order `scores` adds them (the same floats).
        """
        chosen = self.found & among
        totals: dict[float, int] = {0.0: chosen}
        for word in self.words:
            if word.scattered_set & chosen:
                return None
            added: dict[float, int] = {}
            for total, members in totals.items():
                for score, level in (*word.levels, *word.below):
                    both = members & level
                    if both:
                        key = total + score
                        added[key] = added.get(key, 0) | both
            if len(added) > MAX_TIERS:
                return None
            totals = added
        grouped = sorted(totals.items(), reverse=True)
        if sum(members.bit_count() for _total, members in grouped) != chosen.bit_count():
            return None  # an article a word matched at no level: leave it to `scores`
        return [members for _total, members in grouped]


def narrows(old: str, new: str) -> bool:
    """True when every article `new` matches is among those `old` matched."""
    if len(old) <= SHORT_WORD:
        # Short words match word starts only; a longer word is matched anywhere.
        return len(new) <= SHORT_WORD and new.startswith(old)
    return old in new


@dataclass(frozen=True, slots=True)
class LastSearch:
    """One search's words and what they matched, for the search after it."""

    needles: tuple[str, ...]
    found: tuple[int | None, ...]
    """Per word, a set holding every article matching it and every word before it (it
    may hold more); None where the search was narrowed so that it may miss some."""
    exact: tuple[WordMatch, ...] = ()
    """The matches of the leading words, found exactly (no typos), to reuse as they are."""
    scored: bool = False
    letters: bool = True
    """True when scattered letters were looked for: only then do the sets in `found`
    hold every scattered match of a longer word."""

    def within(self, needles: tuple[str, ...]) -> tuple[int | None, int]:
        """A set holding every article matching `needles` (None: no such set known), and
        the number of the word it was kept for (words from there on are found in full)."""
        if len(self.needles) > len(needles):
            return None, 0
        among, depth = None, 0
        pairs = zip(self.needles, needles, self.found, strict=False)
        for number, (old, new, kept) in enumerate(pairs):
            if not narrows(old, new):
                break
            if kept is not None:
                among, depth = kept, number
        return among, depth

    def reusable(
        self, needles: tuple[str, ...], scored: bool, letters: bool
    ) -> tuple[WordMatch, ...]:
        """The matches of the leading words `needles` shares with this search (when it
        was scored and looked for scattered letters alike)."""
        if scored != self.scored or letters != self.letters:
            return ()
        same = 0
        for old, new in zip(self.needles, needles, strict=False):
            if old != new:
                break
            same += 1
        # A repeated query is answered from the recent searches, not here.
        return self.exact[: min(same, len(needles) - 1)]
