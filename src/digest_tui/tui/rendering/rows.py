"""The cells of one article-list row, fitted to a width (pure text, no styling)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size

from digest_tui.model import Article
from digest_tui.text_safety import clean_line

DATE_WIDTH = 10
MARKS_WIDTH = 3
UNREAD_MARK, STAR_MARK, NEW_MARK = "●", "★", "+"
MAX_TAGS_SHOWN = 8
FIELD_LIMIT = 300
"""A title longer than this is cut before fitting: no row ever needs more."""


@dataclass(frozen=True, slots=True)
class RowMarks:
    """What the list knows about an article beyond its metadata."""

    unread: bool = False
    starred: bool = False
    new: bool = False


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
    """The three mark columns: unread dot, star, new."""
    return (
        (UNREAD_MARK if marks.unread else " ")
        + (STAR_MARK if marks.starred else " ")
        + (NEW_MARK if marks.new else " ")
    )


def tags_text(tags: tuple[str, ...]) -> str:
    """Tags as `#a #b`, each cleaned; only the first few, as a row has no room for more."""
    shown = " ".join("#" + clean_line(str(tag), limit=40) for tag in tags[:MAX_TAGS_SHOWN])
    return shown + (" …" if len(tags) > MAX_TAGS_SHOWN else "")


def row_cells(article: Article, marks: RowMarks, width: int) -> list[tuple[str, str]]:
    """(part, text) pairs for one row, together exactly `width` cells wide.

    Parts are `date`, `marks`, `title`, `tags`, `source` and `gap`, so the widget can
    style each. Narrow rows drop the tags, then the source, before squeezing the title.
    """
    tags_width = 0 if width < 70 else min(24, width // 5)
    source_width = 0 if width < 50 else min(18, width // 6)
    fixed = 1 + DATE_WIDTH + 1 + MARKS_WIDTH + 1
    fixed += (tags_width + 1 if tags_width else 0) + (source_width + 1 if source_width else 0)
    title_width = max(0, width - fixed)
    title = clean_line(article.title[: FIELD_LIMIT * 2], limit=FIELD_LIMIT) or "(untitled)"
    cells = [
        ("gap", " "),
        ("date", fit(clean_line(article.day), DATE_WIDTH)),
        ("gap", " "),
        ("marks", marks_text(marks)),
        ("gap", " "),
        ("title", fit(title, title_width)),
    ]
    if tags_width:
        cells += [("gap", " "), ("tags", fit(tags_text(article.tags), tags_width))]
    if source_width:
        source = clean_line(article.source_name[: FIELD_LIMIT * 2], limit=FIELD_LIMIT)
        cells += [("gap", " "), ("source", fit_right(source, source_width))]
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
