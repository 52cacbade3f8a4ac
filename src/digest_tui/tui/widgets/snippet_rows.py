"""Snippet lines: under an article matched by its body, a dim line of that body around the
hit, the query's words highlighted.

Which rows have one is found lazily, as far as the list is drawn: a ranked list of 100,000
articles is never walked for a keystroke. The text of a snippet is read off the UI thread
(the widget asks for it with a message) and kept in a small cache.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from itertools import compress, islice
from operator import attrgetter
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

from digest_tui.text_safety import clean_line
from digest_tui.tui.widgets.article_rows import FIXED_WIDTH, fit, match_spans
from digest_tui.tui.widgets.line_view import span_segments

if TYPE_CHECKING:
    from digest_tui.model import Article

Terms = tuple[str, ...]
_PATH = attrgetter("path")
FIRST_SCAN = 64
"""Rows looked at on the first look; each later look at least doubles what was read."""
TEXTS_KEPT = 256
"""Snippet texts kept (by path and query words): a few screens' worth."""
SNIPPET_CHARACTERS = 300
"""Characters of body text asked for: more than the widest row shows."""
INDENT = FIXED_WIDTH
"""A snippet starts under its article's title."""


class SnippetRows:
    """Which rows of `articles` have a snippet line: those whose path is in `hits` (every
    one of which is listed), found in list order only as far as anybody looks."""

    __slots__ = ("_found", "_hits", "_rows", "_scanned", "count")

    def __init__(self, articles: Sequence[Article], hits: Mapping[str, Terms]) -> None:
        self._hits = hits
        self.count = len(hits)
        """How many rows have a snippet line."""
        self._found: list[int] = []
        """Row numbers with a snippet line, ascending, as far as `_scanned`."""
        self._scanned = 0
        self._rows: Iterator[Article] = iter(articles)

    def terms(self, article: Article) -> Terms:
        """The words and phrases to look for in `article`'s body."""
        return self._hits.get(article.path, ())

    def has(self, row: int) -> bool:
        """Whether row `row` has a snippet line under it."""
        self._scan_past(row)
        found = self._found
        place = bisect_left(found, row)
        return place < len(found) and found[place] == row

    def before(self, row: int) -> int:
        """How many snippet lines come before row `row`."""
        self._scan_past(row - 1)
        return bisect_left(self._found, row)

    def _scan_past(self, row: int) -> None:
        """Look at the rows up to `row` (and a few more): C-level work, no loop here."""
        if row < self._scanned or len(self._found) >= self.count:
            return
        stop = max(row + 1, 2 * self._scanned, FIRST_SCAN)
        paths = map(_PATH, islice(self._rows, stop - self._scanned))
        flags = map(self._hits.__contains__, paths)
        self._found += compress(range(self._scanned, stop), flags)
        self._scanned = stop


class SnippetTexts:
    """Snippet texts by article and query words, the most recent `TEXTS_KEPT` of them,
    and the ones drawn while still unknown (to be asked for)."""

    def __init__(self) -> None:
        self._texts: OrderedDict[tuple[str, Terms], tuple[Article, str]] = OrderedDict()
        self._wanted: dict[tuple[str, Terms], tuple[Article, Terms]] = {}

    def text(self, article: Article, terms: Terms) -> str | None:
        """The snippet of `article` for `terms`; None (and remembered as wanted) if unknown.

        An entry made for another `Article` of the same path (the file changed) is stale.
        Compared by value: a list kept as columns builds a row's `Article` anew each time.
        """
        key = (article.path, terms)
        entry = self._texts.get(key)
        if entry is not None and entry[0] == article:
            self._texts.move_to_end(key)
            return entry[1]
        self._wanted[key] = (article, terms)
        return None

    def take_wanted(self) -> list[tuple[Article, Terms]]:
        """The snippets drawn while unknown since the last call."""
        wanted = list(self._wanted.values())
        self._wanted.clear()
        return wanted

    def add(self, found: Sequence[tuple[Article, Terms, str]]) -> None:
        """Keep snippets that were read."""
        texts = self._texts
        for article, terms, text in found:
            texts[(article.path, terms)] = (article, text)
            texts.move_to_end((article.path, terms))
        while len(texts) > TEXTS_KEPT:
            texts.popitem(last=False)


def snippet_segments(
    text: str, terms: Terms, width: int, style: Style, match: Style
) -> list[Segment]:
    """A snippet line `width` cells wide: indented under the title, `text` cleaned and cut
    to fit with an ellipsis (from the left too, where the first hit would not show), the
    places `terms` match in `match` style."""
    room = max(0, width - INDENT - 1)
    shown = fit(_hit_in_view(clean_line(text), terms, room), room).rstrip() if room else ""
    indent = Segment(" " * min(width, INDENT), style)
    return [indent, *span_segments(shown, match_spans(shown, terms), style, match)]


def _hit_in_view(text: str, terms: Terms, room: int) -> str:
    """`text`, its start cut (at a word) when its first hit would end beyond `room` cells."""
    spans = match_spans(text, terms)
    if not spans or cell_len(text[: spans[0][1]]) < room:
        return text
    hit = spans[0][0]
    start = max(0, hit - room // 3)
    space = text.find(" ", start, hit)
    return "…" + text[space + 1 if space >= 0 else start :].lstrip("…")
