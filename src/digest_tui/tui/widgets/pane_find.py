"""Find in a line-drawn pane: highlights on its lines, moves to a match, the "k/N" counter."""

from __future__ import annotations

from collections.abc import Sequence

from textual.scroll_view import ScrollView
from textual.strip import Strip

from digest_tui.tui.find_in_text import LineFinder, Match, mark_spans
from digest_tui.tui.widgets.line_view import scroll_row_into_view

MATCH = "reading-pane--match"
CURRENT_MATCH = "reading-pane--current-match"
"""Component classes of the pane that style a match and the current one."""


class PaneFind:
    """The find state of `view`, whose lines are given as text to `search` and `relines`."""

    def __init__(self, view: ScrollView) -> None:
        self.view = view
        self.finder = LineFinder()
        self._origin: int | None = None
        """The view's top when the find began: typing searches from there, and a
        pattern that matches nothing brings the view back to it, as vim's incsearch."""

    @property
    def active(self) -> bool:
        """True while there are patterns to highlight."""
        return self.finder.active

    def begin(self) -> None:
        """A find starts here: searches go from the view's top as it is now."""
        self._origin = self._top()

    def search(self, lines: Sequence[str], patterns: Sequence[str]) -> None:
        """Highlight `patterns` in `lines` and go to the first match from where the find
        began (else the view's top); with no match, back to where it began."""
        origin = self._top() if self._origin is None else self._origin
        self.finder.search(lines, patterns)
        match = self.finder.first_from(origin)
        if match is None:
            self.view.scroll_to(y=origin, animate=False, immediate=True, force=True)
        self._go_to(match)

    def relines(self, lines: Sequence[str]) -> None:
        """The view's lines changed (more rendered, another width): find in them again."""
        if self.finder.active:
            self.finder.relines(lines)
            self._show_counter()

    def clear(self) -> None:
        """Drop the patterns and their highlights."""
        self.finder.clear()
        self._origin = None
        self._show_counter()
        self.view.refresh()

    def step(self, direction: int) -> bool:
        """Go to the next (1) or previous (-1) match; False when nothing is being found."""
        self._origin = None
        if not self.finder.active:
            return False
        self._go_to(self.finder.step(direction, self._top()))
        return True

    def mark(self, strip: Strip, row: int) -> Strip:
        """Line `row` of the view with its matches highlighted."""
        if not self.finder.active:
            return strip
        view = self.view
        spans = self.finder.spans(
            row,
            view.get_component_rich_style(MATCH, partial=True),
            view.get_component_rich_style(CURRENT_MATCH, partial=True),
        )
        return Strip(mark_spans(strip, spans), strip.cell_length) if spans else strip

    def _top(self) -> int:
        return round(self.view.scroll_y)

    def _go_to(self, match: Match | None) -> None:
        if match is not None:
            scroll_row_into_view(self.view, match.row, center=True, force=True)
        self._show_counter()
        self.view.refresh()

    def _show_counter(self) -> None:
        self.view.border_subtitle = self.finder.counter() if self.finder.active else None
