"""The tag sidebar: "All" first, then each tag with its faceted count.

Drawn line by line like the article list: the counts change on every keystroke, and
repainting the few visible rows is much cheaper than rebuilding a list of options.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive, var
from textual.strip import Strip

from digest_tui.cells import cell_len, fit_cells
from digest_tui.text_safety import clean_line
from digest_tui.tui.widgets.line_view import (
    RowCursorView,
    StyleCache,
    content_width,
    scroll_row_into_view,
)

if TYPE_CHECKING:
    from digest_tui.search import TagCount

COUNT_WIDTH = 4
"""Cells per count."""
WIDTH_SHARE = 20
"""A sidebar widened for long tag names takes at most this percentage of the screen."""
COUNTS_WIDTH = 2 + 2 * COUNT_WIDTH + 2
"""The selection mark, both counts and the spaces around them: the name has the rest."""


@dataclass(frozen=True, slots=True)
class TagRow:
    """One sidebar row as shown: the name fitted to its column, counts and selection."""

    name: str
    """The tag cleaned for display, whole: it is fitted to the sidebar's width when drawn."""
    count: int
    unread: int | None
    selected: bool


class TagSidebar(RowCursorView, can_focus=True):
    """Lists tags; `enter`/`space` toggles the highlighted tag, "All" clears the selection."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *RowCursorView.MOVE_BINDINGS,
        Binding("enter,space", "select", "Toggle tag", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "tag-sidebar--cursor",
        "tag-sidebar--mark",
        "tag-sidebar--count",
        "tag-sidebar--unread",
    }

    DEFAULT_CSS = """
    TagSidebar {
        overflow-x: hidden;
        padding: 0 1;
        background: $surface;
        color: $foreground;
    }
    TagSidebar:focus {
        background-tint: $foreground 5%;
    }
    TagSidebar > .tag-sidebar--cursor {
        color: $foreground;
        background: $block-cursor-blurred-background;
    }
    TagSidebar:focus > .tag-sidebar--cursor {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    TagSidebar > .tag-sidebar--mark {
        color: $accent;
        text-style: bold;
    }
    TagSidebar > .tag-sidebar--count {
        text-style: dim;
    }
    TagSidebar > .tag-sidebar--unread {
        color: $accent;
        text-style: bold;
    }
    """

    highlighted: reactive[int] = reactive(0, always_update=False)
    """Index of the highlighted row; 0 is "All"."""

    @dataclass
    class Toggled(Message):
        """The user toggled `tag` in or out of the filter."""

        tag: str

    @dataclass
    class Cleared(Message):
        """The user chose "All": no tag filter."""

    selected: var[tuple[str, ...]] = var(())
    """The tags in the filter: marked, and listed even when nothing matches them."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._counts: Sequence[TagCount] = ()
        self._total = 0
        self._tags: list[str] = []
        self._rows: tuple[TagRow, ...] = ()
        self._strips: dict[tuple[TagRow, bool, int], Strip] = {}
        self._widest_name = 0
        """The widest tag name shown so far, in cells: the sidebar asks for room for it."""
        self._styles = StyleCache(self)

    @property
    def rows(self) -> tuple[TagRow, ...]:
        """The rows shown, "All" first."""
        return self._rows

    def show_tags(
        self, counts: Sequence[TagCount], total: int, selected: Collection[str] | None = None
    ) -> None:
        """Replace the rows, keeping the highlight on the same tag where it still exists."""
        from digest_tui.search import TagCount  # loaded by the first filter already

        if selected is None:
            selected = self.selected
        self._counts, self._total = counts, total
        was = self._highlighted_tag()
        # Selected tags stay listed even when the query leaves them no matches.
        shown = {count.tag: count for count in counts}
        for tag in selected:
            shown.setdefault(tag, TagCount(tag, 0))
        rows = (TagRow("All", total, None, not selected),) + tuple(
            _tag_row(count, tag in selected) for tag, count in shown.items()
        )
        self._tags = list(shown)
        if rows != self._rows:
            self._rows = rows
            self._strips.clear()
            self._fit_widest_name(rows)
            # Only a new row count changes the scroll range; otherwise a repaint will do.
            self.virtual_size = Size(0, len(rows))
            self.refresh()
        self.highlighted = self._tags.index(was) + 1 if was in self._tags else 0

    def _fit_widest_name(self, rows: Sequence[TagRow]) -> None:
        """Ask for a wider sidebar when a longer name shows up; the stylesheet bounds it.

        The width only grows: a sidebar that narrowed and widened as the query changed
        would move the whole screen under the user's eyes.
        """
        widest = max(map(cell_len, (row.name for row in rows)), default=0)
        if widest > self._widest_name:
            self._widest_name = widest
            self.refresh(layout=True)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """The width that shows every name seen so far whole beside both counts, up to
        `WIDTH_SHARE` percent of the screen (the stylesheet's `min-width` is the floor)."""
        wanted = self._widest_name + COUNTS_WIDTH + self.styles.scrollbar_size_vertical
        return min(wanted, container.width * WIDTH_SHARE // 100)

    def watch_selected(self) -> None:
        if self._rows:  # mark the change at once; new counts follow
            self.show_tags(self._counts, self._total)

    def _highlighted_tag(self) -> str | None:
        if self.highlighted <= 0 or self.highlighted > len(self._tags):
            return None
        return self._tags[self.highlighted - 1]

    # Cursor ------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def cursor_row(self) -> int:
        return self.highlighted

    @cursor_row.setter
    def cursor_row(self, row: int) -> None:
        self.highlighted = row

    def choose_cursor_row(self) -> None:
        self.action_select()

    def validate_highlighted(self, value: int) -> int:
        return max(0, min(value, len(self._rows) - 1))

    def watch_highlighted(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        scroll_row_into_view(self, new)

    def action_select(self) -> None:
        """Toggle the highlighted tag; "All" clears every tag."""
        if self.highlighted == 0:
            self.post_message(self.Cleared())
        elif self.highlighted <= len(self._tags):
            self.post_message(self.Toggled(self._tags[self.highlighted - 1]))

    # Drawing -----------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        width = content_width(self)
        row = y + round(self.scroll_y)
        if not 0 <= row < len(self._rows):
            return Strip.blank(width, self._styles.base)
        key = (self._rows[row], row == self.highlighted, width)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(*key)
            self._strips[key] = strip
        return strip

    def _render_row(self, row: TagRow, highlighted: bool, width: int) -> Strip:
        style = self._styles.component
        base = self._styles.base
        if highlighted:
            base = base + style("tag-sidebar--cursor")
        mark = Segment("✓ ", base + style("tag-sidebar--mark", partial=True))
        name_style = base + Style(bold=True) if row.selected else base
        unread = f"{short_count(row.unread):>{COUNT_WIDTH}}" if row.unread else " " * COUNT_WIDTH
        segments = [
            mark if row.selected else Segment("  ", base),
            Segment(fit_cells(row.name, max(1, width - COUNTS_WIDTH)), name_style),
            Segment(" ", base),
            Segment(
                f"{short_count(row.count):>{COUNT_WIDTH}}",
                base + style("tag-sidebar--count", partial=True),
            ),
            Segment(" ", base),
            Segment(unread, base + style("tag-sidebar--unread", partial=True)),
        ]
        return Strip(segments).adjust_cell_length(width, base)


def _tag_row(count: TagCount, selected: bool) -> TagRow:
    return TagRow(clean_line(count.tag) or "?", count.count, count.unread, selected)


def short_count(count: int) -> str:
    """`count` in at most four cells: exact below 10,000, then rounded down ("97k")."""
    if count < 10_000:
        return str(count)
    if count < 1_000_000:
        return f"{count // 1000}k"
    return f"{min(count // 1_000_000, 999)}M"
