"""What one search tells the next keystroke's: where to look, and matches to reuse.

Typing extends the query one character at a time. A word that only grew can match no
article its shorter form missed, so the next search looks only among the last one's
matches; a word left unchanged matches exactly what it matched before.
"""

from __future__ import annotations

from dataclasses import dataclass

from digest_tui.search.matches import WordMatch

SHORT_WORD = 2
"""Words this short match only at the start of title and tag words."""


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
