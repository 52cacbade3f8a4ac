"""The cells of one article-list row, fitted to a width (pure text, no styling)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from rich.cells import cell_len, set_cell_size

from digest_tui.text_safety import clean_line

if TYPE_CHECKING:
    from digest_tui.model import Article

DATE_WIDTH = 10
MARKS_WIDTH = 2
UNREAD_MARK, STAR_MARK, NEW_MARK = "●", "★", "+"
MAX_TAGS_SHOWN = 8
FIELD_LIMIT = 300
"""A title longer than this is cut before fitting: no row ever needs more."""
TAGS_WIDTH = 18
SOURCE_WIDTH = 16
"""The tags and source columns take at least this many cells when their text needs them."""
TAGS_SHARE = 3
SOURCE_SHARE = 8
"""Beyond that they may grow to a third (tags) or an eighth (source) of the row."""
TITLE_ROOM_FOR_SOURCE = 40
TITLE_ROOM_FOR_TAGS = 60
"""The source column shows only when the title keeps at least 40 cells, tags only at 60."""
FIXED_WIDTH = 1 + DATE_WIDTH + 1 + MARKS_WIDTH + 1
HEAD_ROWS = 64
"""Rows looked at first when checking whether a column is filled."""
Value = TypeVar("Value")
SHORT_TERM = 2
"""Query words this short match only where a word starts, and are highlighted only there."""


@dataclass(frozen=True, slots=True)
class RowMarks:
    """What the list knows about an article beyond its metadata."""

    unread: bool = False
    starred: bool = False
    new: bool = False


@dataclass(frozen=True, slots=True)
class RowLayout:
    """Cell widths of the variable columns; 0 hides a column."""

    title: int
    tags: int = 0
    source: int = 0


def row_layout(width: int, *, tags: int = TAGS_WIDTH, sources: int = SOURCE_WIDTH) -> RowLayout:
    """Column widths for rows `width` cells wide: the title first, then source, then tags.

    `tags` / `sources` are the cells the widest tags / source cell of the listed rows needs
    (0: none has one, and the column takes no room). A column takes what it needs up to its
    share of a wide row, and at least its minimum where the title can spare that.
    """
    room = max(0, width - FIXED_WIDTH)
    source = _column(sources, SOURCE_WIDTH, room // SOURCE_SHARE, room - TITLE_ROOM_FOR_SOURCE)
    room -= source + 1 if source else 0
    tag_width = _column(tags, TAGS_WIDTH, room // TAGS_SHARE, room - TITLE_ROOM_FOR_TAGS)
    room -= tag_width + 1 if tag_width else 0
    return RowLayout(title=room, tags=tag_width, source=source)


def _column(need: int, least: int, share: int, spare: int) -> int:
    """A column's width: its `need`, capped at the larger of `least` and `share`; 0 when the
    title cannot `spare` that many cells (plus the gap)."""
    width = min(need, max(least, share))
    for candidate in (width, min(need, least)):
        if candidate > 0 and candidate + 1 <= spare:
            return candidate
    return 0


def fit(text: str, width: int) -> str:
    """`text` padded or cut (with an ellipsis) to exactly `width` cells."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def fit_right(text: str, width: int) -> str:
    """`text` right-aligned in exactly `width` cells."""
    if cell_len(text) >= width:
        return fit(text, width)
    return " " * (width - cell_len(text)) + text


def marks_text(marks: RowMarks) -> str:
    """Two mark cells: a star, then `+` for new or a dot for unread."""
    status = NEW_MARK if marks.new else UNREAD_MARK if marks.unread else " "
    return (STAR_MARK if marks.starred else " ") + status


def tags_text(tags: tuple[str, ...]) -> str:
    """Tags as `#a #b`, each cleaned; only the first few, as a row has no room for more."""
    shown = " ".join("#" + clean_line(str(tag), limit=40) for tag in tags[:MAX_TAGS_SHOWN])
    return shown + (" …" if len(tags) > MAX_TAGS_SHOWN else "")


def row_cells(
    article: Article, marks: RowMarks, width: int, layout: RowLayout | None = None
) -> list[tuple[str, str]]:
    """(part, text) pairs for one row, together exactly `width` cells wide.

    Parts are `date`, `marks`, `title`, `tags`, `source` and `gap`, so the widget can
    style each. Narrow rows drop the tags, then the source, before squeezing the title.
    """
    layout = layout or row_layout(width)
    title = clean_line(article.title[: FIELD_LIMIT * 2], limit=FIELD_LIMIT) or "(untitled)"
    cells = [
        ("gap", " "),
        ("date", fit(clean_line(article.day), DATE_WIDTH)),
        ("gap", " "),
        ("marks", marks_text(marks)),
        ("gap", " "),
        ("title", fit(title, layout.title)),
    ]
    if layout.tags:
        cells += [("gap", " "), ("tags", fit(tags_text(article.tags), layout.tags))]
    if layout.source:
        source = clean_line(article.source_name[: FIELD_LIMIT * 2], limit=FIELD_LIMIT)
        cells += [("gap", " "), ("source", fit_right(source, layout.source))]
    return _clip(cells, width)


def _clip(cells: list[tuple[str, str]], width: int) -> list[tuple[str, str]]:
    """Cut the row at `width` cells (very narrow widgets) or pad it up to `width`."""
    clipped: list[tuple[str, str]] = []
    used = 0
    for part, text in cells:
        room = width - used
        if room <= 0:
            break
        if cell_len(text) > room:
            text = set_cell_size(text, room)
        clipped.append((part, text))
        used += cell_len(text)
    if used < width:
        clipped.append(("gap", " " * (width - used)))
    return clipped


def match_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) of each place in `text` a query word or phrase matches (ignoring case),
    merged and in order: where the row shows why it matched."""
    parts = [
        (r"(?<!\w)" if len(term) <= SHORT_TERM else "") + r"\s+".join(map(re.escape, term.split()))
        for term in terms
        if term.strip()
    ]
    if not parts or not text:
        return []
    spans: list[tuple[int, int]] = []
    for found in re.finditer("|".join(parts), text, re.IGNORECASE):
        start, end = found.span()
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        elif end > start:
            spans.append((start, end))
    return spans


def cells_needed(values: Sequence[Value], text: Callable[[Value], str], least: int) -> int:
    """Cells the widest `text` of the first rows' `values` (one field, `column_of` the
    rows) needs; `least` when only later rows have one, 0 when none has. The first rows
    are read first: iterating a ranked view orders its lower tiers, while its first rows
    are ready."""
    widest = max(map(cell_len, map(text, values[:HEAD_ROWS])), default=0)
    if widest:
        return widest
    return least if any(map(text, values)) else 0


def listed_tags(tags: tuple[str, ...]) -> str:
    """The tags cell's text before fitting."""
    return tags_text(tags) if tags else ""


def listed_source(source_name: str) -> str:
    """The source cell's text before fitting."""
    return clean_line(source_name)
