"""One text field of every article, lower-cased and packed for fast scanning.

Calling a regex once per article costs about a microsecond each, far too slow for 100,000
articles per keystroke. Instead each field is joined into one big string, one article per
line, each line ending in a NUL and the article's number. A single regex scan over that
string then finds the matching articles in C; the pattern swallows the rest of the line
after a hit, so each article is reported at most once, with the number captured.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from collections.abc import Set as AbstractSet

# The separators must never occur inside a field.
_SEPARATORS = str.maketrans({"\x00": " ", "\n": " ", "\r": " "})
_REST_OF_LINE = r"[^\x00\n]*+\x00(\d+)"


def normalise(text: str) -> str:
    """Lower-case `text` and make it safe to pack: no NUL or line breaks."""
    return text.lower().translate(_SEPARATORS)


class Haystack:
    """The lower-cased values of one field for a fixed list of articles."""

    __slots__ = ("_lines", "_text", "values")

    def __init__(self, values: Iterable[str]) -> None:
        self.values: tuple[str, ...] = tuple(normalise(value) for value in values)
        self._lines = [f"{value}\x00{number}" for number, value in enumerate(self.values)]
        self._text = "\n".join(self._lines)

    def __len__(self) -> int:
        return len(self.values)

    def scan(self, pattern: str, among: Collection[int] | None = None) -> list[int]:
        """Numbers of the articles whose value matches `pattern` (a regex, lower-case).

        `among` limits the result to those articles; the result keeps no particular order.
        """
        text, wanted = self._text_for(among)
        numbers = map(int, re.findall(pattern + _REST_OF_LINE, text))
        if wanted is None:
            return list(numbers)
        return [number for number in numbers if number in wanted]

    def scan_spans(
        self, pattern: str, among: Collection[int] | None = None
    ) -> list[tuple[str, int]]:
        """Like `scan`, paired with the text that `pattern` (without groups) matched."""
        text, wanted = self._text_for(among)
        found = re.findall(f"({pattern})" + _REST_OF_LINE, text)
        spans = [(span, int(number)) for span, number in found]
        if wanted is None:
            return spans
        return [(span, number) for span, number in spans if number in wanted]

    def _text_for(self, among: Collection[int] | None) -> tuple[str, Collection[int] | None]:
        """The text to scan for `among`, and the numbers to keep from it (None: all)."""
        if among is None:
            return self._text, None
        if len(among) < len(self._lines) // 3:
            # Packing a small subset is cheaper than scanning every line.
            return "\n".join(map(self._lines.__getitem__, among)), None
        wanted = among if isinstance(among, AbstractSet) else set(among)
        return self._text, wanted

    def containing(self, needle: str, among: Collection[int] | None = None) -> list[int]:
        """Articles whose value contains `needle` (already lower-case)."""
        return self.scan(re.escape(normalise(needle)), among)


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


def pack_tags(tags: Sequence[str]) -> str:
    """The tags of one article as one value, each tag fenced so that equality is a scan."""
    return "".join(f"\x01{tag}\x01" for tag in tags)


def tag_pattern(tag: str) -> str:
    """A regex for a tag packed by `pack_tags`, equal to `tag` (lower-case)."""
    return "\x01" + re.escape(normalise(tag)) + "\x01"
