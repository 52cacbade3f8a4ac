"""Small helpers shared by the widgets that draw their own lines (list, sidebar, pane)."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.scroll_view import ScrollView


def content_width(view: ScrollView) -> int:
    """Cells available for a line: the content width less a vertical scrollbar.

    The same figure as `scrollable_content_region.width`, without looking the widget up
    in the screen's layout map, which `render_line` would otherwise do once per line.
    """
    return max(0, view.container_size.width - view.scrollbar_size_vertical)


class RowCursorView(ScrollView):
    """A line-drawn list with one row under a cursor: the keys and clicks that move it.

    Subclasses say how many rows there are, where the cursor is, and what choosing the
    cursor's row means; the cursor's own reactive clamps the value and scrolls to it.
    """

    MOVE_BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("pageup", "page_up_rows", "Page up", show=False),
        Binding("pagedown", "page_down_rows", "Page down", show=False),
    ]

    @property
    def row_count(self) -> int:
        raise NotImplementedError

    @property
    def cursor_row(self) -> int:
        raise NotImplementedError

    @cursor_row.setter
    def cursor_row(self, row: int) -> None:
        raise NotImplementedError

    def choose_cursor_row(self) -> None:
        raise NotImplementedError

    def action_cursor_up(self) -> None:
        self.cursor_row -= 1

    def action_cursor_down(self) -> None:
        self.cursor_row += 1

    def action_first(self) -> None:
        self.cursor_row = 0

    def action_last(self) -> None:
        self.cursor_row = self.row_count - 1

    def action_page_up_rows(self) -> None:
        self.cursor_row -= max(1, self.scrollable_content_region.height - 1)

    def action_page_down_rows(self) -> None:
        self.cursor_row += max(1, self.scrollable_content_region.height - 1)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = offset.y + round(self.scroll_y)
        if 0 <= row < self.row_count:
            self.cursor_row = row
            self.choose_cursor_row()
