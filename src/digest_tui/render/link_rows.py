"""Find and mark links in rendered lines, by the index each link segment carries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.segment import Segment
from rich.style import Style

SELECTED_LINK_STYLE = Style(reverse=True)


def link_index(segment: Segment) -> int | None:
    """The link index a segment belongs to, or None for plain text."""
    style = segment.style
    if style is None:
        return None
    value = style.meta.get("link")
    return value if isinstance(value, int) else None


def first_rows_of_links(lines: Sequence[Iterable[Segment]]) -> dict[int, int]:
    """For each link index, the first line it appears on."""
    rows: dict[int, int] = {}
    for row, line in enumerate(lines):
        for segment in line:
            index = link_index(segment)
            if index is not None and index not in rows:
                rows[index] = row
    return rows


def mark_link(line: Iterable[Segment], selected: int) -> list[Segment]:
    """The line with the segments of link `selected` drawn reversed."""
    return [
        Segment(segment.text, (segment.style or Style()) + SELECTED_LINK_STYLE, segment.control)
        if link_index(segment) == selected
        else segment
        for segment in line
    ]
