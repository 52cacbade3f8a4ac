"""Small helpers shared by the widgets that draw their own lines (list, sidebar, pane)."""

from __future__ import annotations

from textual.scroll_view import ScrollView


def content_width(view: ScrollView) -> int:
    """Cells available for a line: the content width less a vertical scrollbar.

    The same figure as `scrollable_content_region.width`, without looking the widget up
    in the screen's layout map, which `render_line` would otherwise do once per line.
    """
    return max(0, view.container_size.width - view.scrollbar_size_vertical)
