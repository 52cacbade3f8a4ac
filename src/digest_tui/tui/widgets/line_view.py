"""Small helpers shared by the widgets that draw their own lines (list, sidebar, pane)."""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.scroll_view import ScrollView


def content_width(view: ScrollView) -> int:
    """Cells available for a line: the content width less a vertical scrollbar.

    The same figure as `scrollable_content_region.width`, without looking the widget up
    in the screen's layout map, which `render_line` would otherwise do once per line.
    """
    return max(0, view.container_size.width - view.scrollbar_size_vertical)


def scroll_row_into_view(
    view: ScrollView, row: int, *, center: bool = False, force: bool = False
) -> None:
    """Scroll `view` just enough for line `row` to show; with `center`, a row out of view
    comes to the middle instead. `force` scrolls before the first layout has shown the
    scrollbar (Textual refuses to scroll until then)."""
    height = view.scrollable_content_region.height
    if height <= 0:
        return
    top = round(view.scroll_y)
    if center and not top <= row < top + height:
        view.scroll_to(y=max(0, row - height // 2), animate=False, immediate=True, force=force)
    elif row < top:
        view.scroll_to(y=row, animate=False, immediate=True, force=force)
    elif row >= top + height:
        view.scroll_to(y=row - height + 1, animate=False, immediate=True, force=force)


def span_segments(
    text: str, spans: list[tuple[int, int]], style: Style, match: Style
) -> list[Segment]:
    """`text` as segments in `style`, its `spans` (ordered, apart) in `match` style."""
    segments, done = [], 0
    for start, end in spans:
        segments += [Segment(text[done:start], style), Segment(text[start:end], match)]
        done = end
    segments.append(Segment(text[done:], style))
    return [segment for segment in segments if segment.text]


class StyleCache:
    """A widget's own and component styles, looked up once until its styles change.

    Each lookup walks the widget's ancestors; a row drawn with several styles would pay
    for that on every row of every frame. Call `clear` from `notify_style_update`.
    """

    def __init__(self, widget: ScrollView) -> None:
        self._widget = widget
        self._styles: dict[tuple[str, bool], Style] = {}

    def clear(self) -> None:
        """Forget every style (the widget's styles, focus or theme changed)."""
        self._styles.clear()

    @property
    def base(self) -> Style:
        """The widget's own style (`rich_style`)."""
        style = self._styles.get(("", False))
        if style is None:
            style = self._styles[("", False)] = self._widget.rich_style
        return style

    def component(self, name: str, partial: bool = False) -> Style:
        """The style of component class `name` (see `get_component_rich_style`)."""
        style = self._styles.get((name, partial))
        if style is None:
            style = self._widget.get_component_rich_style(name, partial=partial)
            self._styles[(name, partial)] = style
        return style


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
