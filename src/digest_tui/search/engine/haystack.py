"""One text field of every article, lower-cased and packed for fast scanning.

Calling a regex once per article costs about a microsecond each, far too slow for 100,000
articles per keystroke. Tests are instead mapped over the values in C (`map`, `compress`),
and a rare needle is located with `str.find` over the field packed into one big string,
one article per line, each line ending in a NUL and the article's number.

Once `index_tokens` has run, a needle without whitespace is found through the field's
tokens instead (`tokens.TokenIndex`), and one holding whitespace is tested only on the
values holding a token around each of its words: the packed text is no longer needed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from itertools import compress, repeat
from operator import contains, itemgetter
from typing import Any

from digest_tui.article_columns import PickedColumn
from digest_tui.search.engine import bits
from digest_tui.search.engine.bits import SetNumbers
from digest_tui.search.engine.cache import FIELD_SEARCHES, SHORT_ANSWERS, BoundedCache
from digest_tui.search.engine.letters import LetterBits
from digest_tui.search.engine.packing import Normalised, normalise, normalise_all
from digest_tui.search.engine.tokens import TokenIndex

_LINE = "{}\x00{}"
_INDEX = itemgetter(2)  # of a rapidfuzz hit: (value, score, index)
# A needle found in fewer than one value in this many is located hit by hit: reading a
# hit's number costs about five times testing one value.
RARE_SHARE = 8
_LETTERS_BLOCK = 4096
"""Values tested for scattered letters by one NumPy call (see `Haystack._in_order`): each
block's strings are picked just before the test, so the test finds them in the CPU's cache
(a quarter faster than picking every candidate first, for half a million titles)."""
SAMPLE_PARTS = 16
SHORT_NEEDLE = 3
"""Whole-list answers to needles up to this long are kept (`short_answers`)."""
Search = Callable[[str, "int | None"], int]
# Fewer candidates than one value in this many are picked by number.
FEW_SHARE = 3
# With the tokens indexed, looking the needle up costs less than testing this share of
# the values (a token's articles are read at about a third of the cost of a test).
FEW_WITH_TOKENS = 32
PACKED_UP_TO = 250_000
"""A field of more values is never packed: finding a rare needle in the packed text
saves only a sixth of a scan of the values (about 100 ms for a million descriptions
either way; the tokens are what make it fast), and the packed copy would double the
field's memory: some 300 MB for a million articles' fields. Given values that are not
normalised yet, such a field never holds a lower-cased copy: it lower-cases each value as
it reads it (`Normalised`), so its text is held once, as the articles hold it (174 MB
less for a million descriptions, at the reader's peak while the tokens are indexed).
Reading every value costs three to four times as much (450 ms against 130-250 ms for a
million descriptions kept as bytes), which a search pays only in the half minute before
the tokens are indexed: after that no search reads them all."""


class Haystack:
    """The lower-cased values of one field for a fixed list of articles.

    Queries take and return article sets as `bits` ints (see `bits`).
    """

    __slots__ = (
        "_distinct",
        "_letters",
        "_packed",
        "_recent",
        "_sets",
        "_short",
        "_spaced",
        "_tokens",
        "values",
    )

    def __init__(
        self,
        values: Iterable[str],
        normalised: bool = False,
        sets: SetNumbers | None = None,
        spaced: bool = False,
    ) -> None:
        """`normalised`: the values are already lower-cased and free of separators.
        `sets`: the member numbers remembered for the catalog's sets, shared by its fields.
        `spaced`: each value is words between single spaces, with a space at each end
        (`packing.spaced_words`), so " x" is a word starting with x and " x " a word x.

        `values` given as a `PickedColumn` (a field that many articles share, such as
        their tags or source) are tested once per distinct value (see `_test_each`)."""
        self._distinct: tuple[list[str], Sequence[int]] | None = None
        if isinstance(values, PickedColumn):
            distinct = list(values.distinct)
            if not normalised:
                distinct, normalised = normalise_all(distinct), True
            self._distinct = (distinct, values.base)
            values = list(map(distinct.__getitem__, values.base))  # rows share the strings
        given = values if isinstance(values, Sequence) else list(values)
        self.values: Sequence[str]
        if normalised:
            self.values = given if isinstance(given, list) else list(given)
        elif len(given) > PACKED_UP_TO:
            self.values = Normalised(given)  # held once, as given (see `PACKED_UP_TO`)
        else:
            self.values = normalise_all(given)
        self._sets = SetNumbers(len(given)) if sets is None else sets
        self._spaced = spaced
        self._packed: str | None = None
        self._tokens: TokenIndex | None = None
        self._letters: LetterBits | None = None
        # (search kind, needle, identity of `among`) to (among, answer): `field_searches`.
        self._recent: BoundedCache[tuple[str, str, int], tuple[int | None, int]] = BoundedCache(
            FIELD_SEARCHES
        )
        self._short: BoundedCache[tuple[str, str], int] = BoundedCache(SHORT_ANSWERS)

    @property
    def _text(self) -> str:
        """Every value packed into one string (built on first use: many searches never
        need it, and it is as large as the values themselves)."""
        packed = self._packed
        if packed is None:
            values = self.values
            packed = "\n".join(map(_LINE.format, values, range(len(values))))
            self._packed = packed
        return packed

    def __len__(self) -> int:
        return len(self.values)

    def prepare(self) -> None:
        """Pack the values now rather than on the first search that scans them."""
        if self._tokens is None and self._packs:
            _ = self._text

    @property
    def _packs(self) -> bool:
        """Whether rare needles are found in the packed text (see `PACKED_UP_TO`)."""
        return len(self.values) <= PACKED_UP_TO

    def index_tokens(self) -> None:
        """Index the values' tokens now (a few seconds per million values): from then on
        a needle is found through them, not by a scan of the values (see `_contained`)."""
        if self._tokens is None:
            self._packed = None  # let go first, so the two never coexist
            self._tokens = TokenIndex(self.values)

    def scan(self, pattern: str, among: int | None = None) -> int:
        """The articles whose value matches `pattern` (a regex, lower-case), within `among`."""
        search = re.compile(pattern).search
        return self._test_each(lambda values: map(bool, map(search, values)), among)

    def containing(self, needle: str, among: int | None = None) -> int:
        """The articles whose value contains `needle`, within `among`."""
        return self._narrowed(self._contained, normalise(needle), among)

    def subsequence(self, needle: str, among: int | None = None) -> int:
        """The articles whose value holds `needle`'s characters in order, within `among`."""
        return self._narrowed(self._in_order, needle, among)

    def _narrowed(self, search: Search, needle: str, among: int | None) -> int:
        """`search(needle, among)`, looked for only among the answers of a recent search
        for a part of `needle` (typing "kit" after "ki" cannot find anything new)."""
        kind, sets = search.__name__, self._sets
        short = len(needle) <= SHORT_NEEDLE
        if short:
            whole = self._short.get((kind, needle))
            if whole is not None:
                # Recent again: the next keystroke narrows from it.
                self._recent.put((kind, needle, id(None)), (None, whole))
                return whole if among is None else sets.intersection(whole, among)
        candidates = among
        for (known_kind, known, _), (known_among, found) in self._recent.newest():
            # `among` is within `known_among`, so every answer is within `found`.
            if known_kind == kind and known in needle and _within_set(among, known_among):
                candidates = found if among is None else sets.intersection(found, among)
                if known == needle:
                    return candidates
                break
        found = search(needle, candidates) if candidates != 0 else 0
        self._recent.put((kind, needle, id(among)), (among, found))
        if short and among is None:
            self._short.put((kind, needle), found)
        return found

    def _contained(self, needle: str, among: int | None) -> int:
        values = self.values
        tokens = self._tokens
        few = len(values) // (FEW_SHARE if tokens is None else FEW_WITH_TOKENS)
        if among is not None and among.bit_count() < few:
            # Few candidates: testing each is cheaper than any scan of the whole text.
            return self._test_each(lambda values: map(contains, values, repeat(needle)), among)
        if tokens is not None:
            found = self._through_tokens(tokens, needle)
            if found is not None:
                return found if among is None else self._sets.intersection(found, among)
            # Whitespace in the needle: only values holding a token around each of its
            # words can hold it, and only those are tested.
            for word in needle.split():  # each a single token, which `containing` answers
                held = tokens.containing(word) or 0
                among = held if among is None else self._sets.intersection(held, among)
                if not among:
                    return 0
            return self._test_each(lambda values: map(contains, values, repeat(needle)), among)
        rare_enough = len(values) // RARE_SHARE
        if len(needle) > 2 and self._packs and self._looks_rare(needle, rare_enough):
            # While the needle stays rare, collecting its hits beats testing every value.
            return self._within(self._find_each(needle), among)
        return self._test_each(lambda values: map(contains, values, repeat(needle)), among)

    def _through_tokens(self, tokens: TokenIndex, needle: str) -> int | None:
        """The articles whose value contains `needle`, found through the tokens; None
        when only a scan can tell."""
        if self._spaced and needle.startswith(" ") and len(needle) > 1:
            if needle.endswith(" ") and len(needle) > 2:
                return tokens.equal(needle[1:-1])
            return tokens.starting(needle[1:])
        return tokens.containing(needle)

    def _looks_rare(self, needle: str, most: int) -> bool:
        """False when a count over the first part of the text says `needle` is common."""
        text = self._text
        sample = len(text) // SAMPLE_PARTS
        return text.count(needle, 0, sample) * SAMPLE_PARTS <= most

    def _find_each(self, needle: str) -> list[int]:
        """Numbers of the articles whose value contains `needle` (no NUL or line break)."""
        # One match per value holding it, up to the NUL and the digits after it: the
        # regex engine finds them and `int` reads the numbers, with no Python per hit.
        # A hit among the digits has no NUL after it on its line, so it matches nothing.
        pattern = re.compile(re.escape(needle) + "[^\x00\n]*\x00([0-9]+)")
        return list(map(int, pattern.findall(self._text)))

    def _in_order(self, needle: str, among: int | None) -> int:
        """The articles whose value holds `needle`'s characters in order, within `among`.

        The longest common subsequence of `needle` and a value is `needle` itself exactly
        when its characters appear in order; rapidfuzz computes that bit-parallel in C.
        Its hits are read as they come: `extract` would also sort them by score, which
        for the tens of thousands a few scattered letters find costs more than the test.
        From `bits.VECTOR_FROM` values on, only the values holding each of the needle's
        letters are tested once they are indexed (`LetterBits`: half of a million titles
        or fewer for common letters), and their scores come back in NumPy arrays
        (`cdist`, a block at a time): a few common letters are held in order by a third
        of a million titles, and reading their hits one by one cost as much as the test.
        """
        # rapidfuzz loads on the first scattered-letter search, not before the first frame.
        from rapidfuzz import process
        from rapidfuzz.distance import LCSseq

        size, cutoff = len(self.values), len(needle)
        if size >= bits.VECTOR_FROM and (among is None or among.bit_count() >= bits.VECTOR_FROM):
            np = bits.numpy_module()
            numbers = self._may_hold(needle, among)
            pick = self.values.__getitem__
            blocks = []
            # A block at a time: `cdist` also holds a converted copy of every value it is
            # given (50 MB for a million titles at once).
            for start in range(0, len(numbers), _LETTERS_BLOCK):
                values = list(map(pick, numbers[start : start + _LETTERS_BLOCK].tolist()))
                scores = process.cdist(
                    [needle], values, scorer=LCSseq.similarity, processor=None,
                    score_cutoff=cutoff, dtype=np.int32,
                )  # fmt: skip
                blocks.append(np.flatnonzero(scores[0]) + start)  # under the cutoff: 0
            places = np.concatenate(blocks) if blocks else np.zeros(0, np.intp)
            return bits.from_numbers(numbers[places], size)
        found_values: Sequence[str] = self.values
        chosen: Sequence[int] | None = None
        if among is not None:
            chosen = self._sets.numbers_of(among)
            found_values = list(map(self.values.__getitem__, chosen))
        hits = process.extract_iter(
            needle, found_values, scorer=LCSseq.similarity, processor=None, score_cutoff=cutoff
        )
        found = map(_INDEX, hits)
        if chosen is not None:
            found = map(chosen.__getitem__, found)
        return bits.from_numbers(found, size)

    def index_letters(self) -> None:
        """Keep which letters each value holds (about 0.4 s and 4 MB per million values),
        so that a scattered-letter search tests only the values holding each of its
        letters. Left to `Library.prepare()`: one search alone costs less than this."""
        if self._letters is None and len(self.values) >= bits.VECTOR_FROM:
            self._letters = LetterBits(self.values)

    def _may_hold(self, needle: str, among: int | None) -> Any:
        """The numbers (a NumPy array, ascending) of the values within `among` that may
        hold `needle`'s characters in order: those holding each of its letters, once they
        are indexed (`index_letters`), else all of them."""
        if self._letters is not None:
            return self._letters.passing(needle, among)
        np = bits.numpy_module()
        if among is None:
            return np.arange(len(self.values))
        return np.flatnonzero(bits.vector(among, len(self.values)))

    def span_lengths(self, needle: str, numbers: Iterable[int]) -> dict[int, int]:
        """For each of `numbers` whose value holds `needle`'s characters in order, the
        length of the text from the first to the last of them (earliest placement)."""
        search = re.compile(subsequence_pattern(needle)).search
        numbers = list(numbers)
        found = zip(numbers, map(search, map(self.values.__getitem__, numbers)), strict=True)
        return {number: len(match[0]) for number, match in found if match is not None}

    def _test_each(self, test: Callable[[Iterable[str]], Iterable[bool]], among: int | None) -> int:
        """The articles within `among` whose value passes `test` (mapped over values)."""
        values = self.values
        shared = self._distinct
        if shared is not None and (among is None or among.bit_count() > len(shared[0])):
            # Each distinct value is tested once, then its articles are picked by number:
            # a million articles hold far fewer distinct tag sets (168,000 in the
            # benchmark's corpus), and a handful of sources.
            distinct, codes = shared
            found = bits.from_distinct_flags(bytes(test(distinct)), codes)
            return found if among is None else self._sets.intersection(found, among)
        if among is None:
            return bits.from_flags(test(values))
        if among.bit_count() * FEW_SHARE < len(values):
            # Few candidates: their numbers (shared by the fields a search tests) pick them.
            numbers = self._sets.numbers_of(among)
            flags = test(map(values.__getitem__, numbers))
            return self._sets.from_ascending(list(compress(numbers, flags)))
        selector = bits.mask(among, len(values))
        return bits.picked(selector, bytes(test(compress(values, selector))))

    def _within(self, numbers: list[int], among: int | None) -> int:
        found = self._sets.from_ascending(numbers)
        return found if among is None else self._sets.intersection(found, among)


def _within_set(among: int | None, known_among: int | None) -> bool:
    """True when the set `among` (None: every article) lies within `known_among`."""
    if known_among is None:
        return True
    return among is not None and not among & ~known_among


def subsequence_pattern(needle: str) -> str:
    """A regex matching `needle`'s characters in order, with anything between them.

    Possessive "anything but the next character" runs make each attempt linear: a regex
    like `k.*?i.*?t.*?e` backtracks exponentially on lines that almost match.
    """
    parts = []
    for index, char in enumerate(needle):
        escaped = re.escape(char)
        parts.append(escaped if index == 0 else f"[^{escaped}\\x00\\n]*+{escaped}")
    return "".join(parts)


def word_start_pattern(needle: str, whole: bool = False) -> str:
    """A regex for `needle` at the start of a word (and ending one, when `whole`)."""
    pattern = r"(?<!\w)" + re.escape(needle)
    return pattern + r"(?!\w)" if whole else pattern


FENCE = "\x01"
"""What `pack_tags` puts on each side of each tag."""


def pack_tags(tags: Sequence[str]) -> str:
    """The tags of one article as one value, each tag fenced so that equality is a scan."""
    return "".join(map(fenced_tag, tags))


def fenced_tag(tag: str) -> str:
    """`tag` fenced as `pack_tags` fences it: packed tags containing it hold it whole."""
    return f"{FENCE}{tag}{FENCE}"
