"""Finding words in the rendered lines of an article, and marking them on those lines.

Matching is on each line's plain text, with smart case as in `less -i` and vim: a
lower-case pattern ignores case, one with a capital letter matches it exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style

LOCATE_CHARS = 16
"""How much of a text's beginning must show on one line (a long heading wraps)."""


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence: its line, and its character span within that line's text."""

    row: int
    start: int
    end: int


def smart_case_key(pattern: str) -> tuple[str, bool]:
    """The pattern to look for and whether case matters (only when it has a capital)."""
    exact = pattern != pattern.lower()
    return (pattern if exact else pattern.lower()), exact


def find_all(lines: Sequence[str], patterns: Iterable[str]) -> list[Match]:
    """Every occurrence of any of `patterns` in `lines`, in reading order.

    Occurrences of one pattern do not overlap; where two patterns overlap, the earlier
    (then the longer) occurrence wins.
    """
    keys = [smart_case_key(pattern) for pattern in patterns if pattern.strip()]
    if not keys:
        return []
    matches: list[Match] = []
    for row, text in enumerate(lines):
        folded = text.lower()
        spans = sorted(
            (span for key, exact in keys for span in _spans(text if exact else folded, key)),
            key=lambda span: (span[0], -span[1]),
        )
        end = -1
        for start, stop in spans:
            if start >= end:
                matches.append(Match(row, start, stop))
                end = stop
    return matches


def _spans(text: str, key: str) -> Iterable[tuple[int, int]]:
    start = text.find(key)
    while start >= 0:
        yield start, start + len(key)
        start = text.find(key, start + len(key))


def mark_spans(
    segments: Iterable[Segment], spans: Sequence[tuple[int, int, Style]]
) -> list[Segment]:
    """`segments` with the character spans restyled (style added on top), in order."""
    marked: list[Segment] = []
    offset = 0
    for segment in segments:
        text, style, control = segment
        if control or not text:
            marked.append(segment)
            continue
        end = offset + len(text)
        cuts = [(max(a, offset), min(b, end), s) for a, b, s in spans if a < end and b > offset]
        position = offset
        for start, stop, extra in cuts:
            if start > position:
                marked.append(Segment(text[position - offset : start - offset], style))
            marked.append(Segment(text[start - offset : stop - offset], (style or Style()) + extra))
            position = stop
        if position < end:
            marked.append(Segment(text[position - offset :], style))
        offset = end
    return marked


class LineFinder:
    """The find state of one pane: its patterns, their matches and the current one."""

    def __init__(self) -> None:
        self.patterns: tuple[str, ...] = ()
        self.matches: list[Match] = []
        self.current: int | None = None
        """Index into `matches` of the one the reader was taken to, if any."""
        self._by_row: dict[int, list[int]] = {}

    @property
    def active(self) -> bool:
        """True while there is something to find (the highlights show)."""
        return bool(self.patterns)

    def search(self, lines: Sequence[str], patterns: Iterable[str]) -> None:
        """Find `patterns` in `lines` (a new search: nothing is current yet)."""
        self.patterns = tuple(pattern for pattern in patterns if pattern.strip())
        self.current = None
        self.relines(lines)

    def relines(self, lines: Sequence[str]) -> None:
        """The same patterns in new lines (more of the article rendered, another width)."""
        self.matches = find_all(lines, self.patterns)
        self._by_row = {}
        for index, match in enumerate(self.matches):
            self._by_row.setdefault(match.row, []).append(index)
        if self.current is not None and self.current >= len(self.matches):
            self.current = None

    def clear(self) -> None:
        """Forget the patterns and their matches."""
        self.search((), ())

    def first_from(self, row: int) -> Match | None:
        """Make the first match at or after `row` current (wrapping to the top)."""
        if not self.matches:
            self.current = None
            return None
        after = [index for index, match in enumerate(self.matches) if match.row >= row]
        self.current = after[0] if after else 0
        return self.matches[self.current]

    def step(self, step: int, row: int) -> Match | None:
        """The next (`step` 1) or previous (-1) match, wrapping; from `row` if none is current."""
        if not self.matches:
            return None
        if self.current is None:
            if step > 0:
                return self.first_from(row)
            before = [index for index, match in enumerate(self.matches) if match.row < row]
            self.current = before[-1] if before else len(self.matches) - 1
            return self.matches[self.current]
        self.current = (self.current + step) % len(self.matches)
        return self.matches[self.current]

    def spans(self, row: int, style: Style, current_style: Style) -> list[tuple[int, int, Style]]:
        """The character spans to mark on line `row`, the current match in its own style."""
        return [
            (
                self.matches[index].start,
                self.matches[index].end,
                current_style if index == self.current else style,
            )
            for index in self._by_row.get(row, ())
        ]

    def counter(self) -> str:
        """ "k/N" (where the reader is among the matches), "N matches", or "no matches"."""
        if not self.matches:
            return "no matches"
        if self.current is None:
            return f"{len(self.matches)} matches" if len(self.matches) != 1 else "1 match"
        return f"{self.current + 1}/{len(self.matches)}"


def locate_in_order(lines: Sequence[str], texts: Sequence[str]) -> list[int | None]:
    """The line where each of `texts` begins, looked for in order, each after the last
    found (None for one not found): where headings landed in the rendered lines."""
    rows: list[int | None] = []
    start = 0
    for text in texts:
        head = " ".join(text.split())[:LOCATE_CHARS]
        row = next(
            (
                number
                for number in range(start, len(lines))
                if head in " ".join(lines[number].split())
            ),
            None,
        )
        rows.append(row)
        if row is not None:
            start = row + 1
    return rows
