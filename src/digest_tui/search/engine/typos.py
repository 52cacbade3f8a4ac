"""Typo tolerance: title and tag words within an edit or two of a query word (rapidfuzz).

Only used when the exact tiers find almost nothing, so that `quantim` still finds
"Quantum Chip Ships" while ordinary searches pay nothing for it. An edit is a letter
inserted, left out, changed, or two neighbours swapped ("qunatum"). Words of 4 to 7 letters
allow one edit, longer ones two (the longer of the typed and the found word counts: a
letter left out of an 8-letter word leaves 7). Words with digits, such as numbers and
versions, are matched exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from threading import Lock

from digest_tui.search.engine.fields import SearchFields

TYPO_MIN_LENGTH = 4
"""Shorter words are too close to too many others for a typo to say anything."""
LONG_WORD = 8
"""From this length two edits are allowed, below it one."""
CLOSEST_WORDS = 4
"""At most this many title words stand in for one mistyped word."""


def typo_prone(needle: str) -> bool:
    """True when `needle` is long enough, and plain enough, to look for typos of it:
    letters only (numbers and versions are matched exactly)."""
    return len(needle) >= TYPO_MIN_LENGTH and needle.isalpha()


def allowed_edits(typed: str, found: str) -> int:
    """How many edits may turn `typed` into `found`."""
    return 2 if max(len(typed), len(found)) >= LONG_WORD else 1


def corrections(needle: str, vocabulary: Sequence[str]) -> list[str]:
    """The words of `vocabulary` within the allowed edits of `needle` (not itself), closest
    first, at most `CLOSEST_WORDS`."""
    if not typo_prone(needle):
        return []
    # rapidfuzz loads on the first typo search, not before the first frame.
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    found = process.extract(
        needle, vocabulary, scorer=OSA.distance, processor=None, score_cutoff=2, limit=None
    )
    close = sorted(
        (distance, word)
        for word, distance, _ in found
        if word != needle and distance <= allowed_edits(needle, word)
    )
    return [word for _distance, word in close[:CLOSEST_WORDS]]


class TypoFinder:
    """Finds the title and tag words closest to a mistyped word, and the articles
    holding them."""

    __slots__ = ("_fields", "_lock", "_vocabulary")

    def __init__(self, fields: SearchFields) -> None:
        """`fields`: the articles' text, whose title words are looked at."""
        self._fields = fields
        self._vocabulary: list[str] | None = None
        self._lock = Lock()

    def vocabulary(self) -> list[str]:
        """Every distinct title and tag word (built on first use)."""
        vocabulary = self._vocabulary
        if vocabulary is None:
            with self._lock:
                if self._vocabulary is None:
                    fields = self._fields
                    words = set(" ".join(fields.title_words.values).split())
                    words.update(" ".join(fields.tag_words.values).split())
                    self._vocabulary = sorted(words)
                vocabulary = self._vocabulary
        return vocabulary

    def closest(self, needle: str) -> list[tuple[str, float]]:
        """Title and tag words within the allowed edits of `needle`, with their similarity
        (0-1), closest first; the word itself is left out (exact matches are found
        elsewhere)."""
        if not typo_prone(needle):
            return []
        found = corrections(needle, self.vocabulary())
        # rapidfuzz is loaded by now.
        from rapidfuzz.distance import OSA

        return [(word, OSA.normalized_similarity(needle, word)) for word in found]

    def articles(self, needle: str, among: int | None) -> list[tuple[float, int]]:
        """(similarity, articles) for each close title or tag word, closest first, within
        `among`."""
        fields = self._fields
        return [
            (
                similarity,
                fields.title_words.containing(f" {word} ", among)
                | fields.tag_words.containing(f" {word} ", among),
            )
            for word, similarity in self.closest(needle)
        ]
