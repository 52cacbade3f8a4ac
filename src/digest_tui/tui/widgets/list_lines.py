"""The lines of the article list: a line per article, plus the virtual lines between and
under them (day headings, snippet lines), which the cursor skips.

Pure arithmetic over `DayRows` and `SnippetRows`: a line number maps to what it shows and an
article to its line without walking the list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING

from digest_tui.days import DayRows
from digest_tui.tui.widgets.snippet_rows import SnippetRows

if TYPE_CHECKING:
    from digest_tui.model import Article

_DATE = attrgetter("date")


@dataclass(frozen=True, slots=True)
class Line:
    """What one line shows: an article (`row`), the day heading `day`, or the snippet of
    article `row`."""

    kind: str
    """"article", "day" or "snippet"."""
    row: int = -1
    day: str = ""


class ListLines:
    """Where the articles, day headings and snippet lines of a list of `count` articles fall."""

    __slots__ = ("_count", "_days", "_snippets")

    def __init__(
        self, count: int, days: DayRows | None = None, snippets: SnippetRows | None = None
    ) -> None:
        self._count = count
        self._days = days
        self._snippets = snippets if snippets is not None and snippets.count else None

    @classmethod
    def of(
        cls,
        articles: Sequence[Article],
        *,
        by_day: bool = False,
        snippets: Mapping[str, tuple[str, ...]] | None = None,
        days: Sequence[str] | None = None,
    ) -> ListLines:
        """The lines of `articles`: under day headings when `by_day` (a list in date
        order), with a snippet line under each article whose path `snippets` holds.

        `days` are the rows' days for the headings, when not their own dates (a story's
        copies count on its first row's day).
        """
        headings = DayRows(_days(articles) if days is None else days) if by_day else None
        hits = SnippetRows(articles, snippets) if snippets else None
        return cls(len(articles), headings, hits)

    @property
    def snippets(self) -> SnippetRows | None:
        """The snippet lines, when any row has one."""
        return self._snippets

    def __len__(self) -> int:
        base = len(self._days) if self._days is not None else self._count
        return base + (self._snippets.count if self._snippets is not None else 0)

    def line_of(self, row: int) -> int:
        """The line of article `row`."""
        line = row if self._days is None else self._days.row_of(row)
        return line + (self._snippets.before(row) if self._snippets is not None else 0)

    def heading_above(self, row: int) -> bool:
        """Whether a day heading is the line just above article `row`."""
        days = self._days
        if days is None:
            return False
        line = days.row_of(row)
        return line > 0 and days.is_heading(line - 1)

    def has_snippet(self, row: int) -> bool:
        """Whether article `row` has a snippet line under it."""
        return self._snippets is not None and self._snippets.has(row)

    def article_near(self, line: int) -> int:
        """The article shown at `line` (clamped to the list), its snippet's, or the one
        below its day heading."""
        line = max(0, min(line, len(self) - 1))
        found = self.at(line)
        if found is not None and found.kind == "day":
            found = self.at(line + 1)
        return max(0, found.row) if found is not None else 0

    def at(self, line: int) -> Line | None:
        """What `line` shows; None past the end."""
        if not 0 <= line < len(self):
            return None
        if self._snippets is None:
            return self._without_snippets(line)
        # The last article at or above the line: no article below line `line` can be there.
        low, high = 0, min(line, self._count - 1)
        while low < high:
            middle = (low + high + 1) // 2
            if self.line_of(middle) <= line:
                low = middle
            else:
                high = middle - 1
        start = self.line_of(low)
        if start == line:
            return Line("article", low)
        if start + 1 == line and self._snippets.has(low):
            return Line("snippet", low)
        following = low if line < start else low + 1
        return self._heading(min(following, self._count - 1))

    def _without_snippets(self, line: int) -> Line:
        days = self._days
        if days is None:
            return Line("article", line)
        row = days.article_at(line)
        return Line("day", day=days.day_at(line)) if row is None else Line("article", row)

    def _heading(self, row: int) -> Line | None:
        """The day heading above article `row` (None without headings: a blank line)."""
        days = self._days
        return None if days is None else Line("day", day=days.day_at(days.row_of(row)))


def _days(articles: Sequence[Article]) -> list[str]:
    """Each article's calendar day ("" when undated), as `Article.day` gives it."""
    return [value[:10] if value else "" for value in map(_DATE, articles)]
