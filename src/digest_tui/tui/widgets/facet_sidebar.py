"""The sidebar: "All", the saved views, then a section per facet (Tags, Categories, ...).

Each value has its count over the current matches and its unread count; `enter`/`space`
toggles a value, shows a view, or folds and unfolds a section on its heading
(`left`/`right` too).
Drawn line by line like the article list: the counts change on every keystroke.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive, var
from textual.strip import Strip

from digest_tui.facets import FACETS, FacetCount
from digest_tui.text_safety import clean_line
from digest_tui.tui.widgets.count_cells import COUNT_WIDTH, short_count
from digest_tui.tui.widgets.line_view import (
    RowCursorView,
    StyleCache,
    content_width,
    scroll_row_into_view,
)

WIDTH_SHARE = 20
"""A sidebar widened for long names takes at most this percentage of the screen."""
TITLES = {
    "views": "Views",
    "tags": "Tags",
    "categories": "Categories",
    "sources": "Sources",
    "years": "Years",
}


@dataclass(frozen=True, slots=True)
class SidebarRow:
    """One line: "All", a section heading, or a value with its counts."""

    kind: str
    """"all", "section", "view" or "value"."""
    facet: str
    value: str
    count: int
    unread: int | None = None
    selected: bool = False
    folded: bool = False


class FacetSidebar(RowCursorView, can_focus=True):
    """Saved views and facet values in sections; posts `ViewChosen`, `Toggled` and `Cleared`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *RowCursorView.MOVE_BINDINGS,
        Binding("enter,space", "select", "Toggle", show=False),
        Binding("left", "fold(True)", "Fold section", show=False),
        Binding("right", "fold(False)", "Unfold section", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "facet-sidebar--cursor",
        "facet-sidebar--mark",
        "facet-sidebar--count",
        "facet-sidebar--unread",
        "facet-sidebar--section",
    }

    DEFAULT_CSS = """
    FacetSidebar {
        overflow-x: hidden;
        padding: 0 1;
        background: $surface;
        color: $foreground;
    }
    FacetSidebar:focus {
        background-tint: $foreground 5%;
    }
    FacetSidebar > .facet-sidebar--cursor {
        color: $foreground;
        background: $block-cursor-blurred-background;
    }
    FacetSidebar:focus > .facet-sidebar--cursor {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    FacetSidebar > .facet-sidebar--mark {
        color: $accent;
        text-style: bold;
    }
    FacetSidebar > .facet-sidebar--count {
        text-style: dim;
    }
    FacetSidebar > .facet-sidebar--unread {
        color: $accent;
        text-style: bold;
    }
    FacetSidebar > .facet-sidebar--section {
        color: $text-secondary;
        text-style: bold;
    }
    """

    highlighted: reactive[int] = reactive(0, always_update=False)
    """Index of the highlighted row; 0 is "All"."""

    @dataclass
    class Toggled(Message):
        """The user toggled `value` of `facet` in or out of the filter."""

        facet: str
        value: str

    @dataclass
    class Cleared(Message):
        """The user chose "All": no facet filter."""

    @dataclass
    class ViewChosen(Message):
        """The user chose the saved view whose query is `query`."""

        query: str

    selected: var[tuple[str, ...]] = var(())
    """The tags in the filter: marked, and listed even when nothing matches them."""
    chosen: var[dict[str, tuple[str, ...]]] = var(dict)
    """The other facets' values in the filter (by facet), marked and listed likewise."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: tuple[SidebarRow, ...] = ()
        self._folded: set[str] = set()
        self._facets: Mapping[str, Sequence[FacetCount]] = {}
        self._views: dict[str, str] = {}
        self._widest_name = 0
        self._total: tuple[int, int | None] = (0, None)
        self._strips: dict[tuple[SidebarRow, bool, int], Strip] = {}
        self._styles = StyleCache(self)

    @property
    def rows(self) -> tuple[SidebarRow, ...]:
        """The rows shown, "All" first."""
        return self._rows

    def show_facets(
        self, facets: Mapping[str, Sequence[FacetCount]], total: int, unread: int | None = None
    ) -> None:
        """Show these counts ("All" counts `total`, `unread` of them unread)."""
        self._facets, self._total = facets, (total, unread)
        self._rebuild()

    def show_views(self, views: Mapping[str, str]) -> None:
        """List the saved views (name to query) below "All", by name."""
        self._views = dict(sorted(views.items()))
        self._rebuild()

    def watch_selected(self) -> None:
        if self._rows:  # mark the change at once; new counts follow
            self._rebuild()

    def watch_chosen(self) -> None:
        if self._rows:
            self._rebuild()

    def _rebuild(self) -> None:
        """Lay out the rows, keeping the highlight on the same row where it still exists."""
        was = self._rows[self.highlighted] if self._rows else None
        selected = {"tags": self.selected, **self.chosen}
        total, unread = self._total
        rows = [SidebarRow("all", "", "All", total, unread, not any(selected.values()))]
        if self._views:
            folded = "views" in self._folded
            rows.append(
                SidebarRow("section", "views", TITLES["views"], len(self._views), folded=folded)
            )
            if not folded:
                rows += [SidebarRow("view", "views", name, 0) for name in self._views]
        for facet in FACETS:
            counts = list(self._facets.get(facet, ()))
            picked = {value.casefold() for value in selected.get(facet, ())}
            listed = {count.value.casefold() for count in counts}
            counts += [
                FacetCount(v, 0) for v in selected.get(facet, ()) if v.casefold() not in listed
            ]
            if not counts:
                continue
            folded = facet in self._folded
            rows.append(SidebarRow("section", facet, TITLES[facet], len(counts), folded=folded))
            if not folded:
                rows += [_value_row(facet, c, c.value.casefold() in picked) for c in counts]
        self._set_rows(tuple(rows), was)

    def _set_rows(self, rows: tuple[SidebarRow, ...], was: SidebarRow | None) -> None:
        if rows != self._rows:
            self._rows = rows
            self._strips.clear()
            self._fit_widest_name(rows)
            self.virtual_size = Size(0, len(rows))
            self.refresh()
        keys = [(row.kind, row.facet, row.value) for row in rows]
        key = (was.kind, was.facet, was.value) if was else None
        self.highlighted = keys.index(key) if key in keys else 0

    def _fit_widest_name(self, rows: Sequence[SidebarRow]) -> None:
        """Ask for a wider sidebar when a longer name shows up; the stylesheet bounds it.

        The width only grows: a sidebar that narrowed and widened as the query changed
        would move the whole screen under the user's eyes.
        """
        names = (clean_line(row.value) for row in rows if row.kind in ("value", "view"))
        widest = max(map(cell_len, names), default=0)
        if widest > self._widest_name:
            self._widest_name = widest
            self.refresh(layout=True)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """The width that shows every name seen so far whole beside both counts, up to
        `WIDTH_SHARE` percent of the screen (the stylesheet's `min-width` is the floor)."""
        counts = 2 + 1 + 2 * COUNT_WIDTH + 1  # the mark, a gap, both counts and their gap
        wanted = self._widest_name + counts + self.styles.scrollbar_size_vertical
        return min(wanted, container.width * WIDTH_SHARE // 100)

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
        """Toggle the highlighted value; "All" clears; a heading folds or unfolds."""
        if not self._rows:
            return
        row = self._rows[self.highlighted]
        if row.kind == "all":
            self.post_message(self.Cleared())
        elif row.kind == "section":
            self.action_fold(not row.folded)
        elif row.kind == "view":
            self.post_message(self.ViewChosen(self._views[row.value]))
        else:
            self.post_message(self.Toggled(row.facet, row.value))

    def action_fold(self, fold: bool) -> None:
        """Fold (or unfold) the section the highlighted row belongs to."""
        if not self._rows or self._rows[self.highlighted].kind == "all":
            return
        facet = self._rows[self.highlighted].facet
        if (facet in self._folded) == fold:
            return
        self._folded.symmetric_difference_update({facet})
        heading = next(n for n, r in enumerate(self._rows) if r.facet == facet)
        self.highlighted = heading
        self._rebuild()

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

    def _render_row(self, row: SidebarRow, highlighted: bool, width: int) -> Strip:
        style = self._styles.component
        base = self._styles.base
        if highlighted:
            base = base + style("facet-sidebar--cursor")
        if row.kind == "section":
            arrow = "▸ " if row.folded else "▾ "
            text = f"{arrow}{row.value} ({short_count(row.count)})"
            heading = Segment(text, base + style("facet-sidebar--section", partial=True))
            return Strip([heading]).adjust_cell_length(width, base)
        if row.kind == "view":
            name = _fit(clean_line(row.value) or "?", max(4, width - 2))
            return Strip([Segment("▸ ", base), Segment(name, base)]).adjust_cell_length(width, base)
        counts = 2 * COUNT_WIDTH + 1
        name = _fit(clean_line(row.value) or "?", max(4, width - 2 - counts - 1))
        unread = f"{short_count(row.unread):>{COUNT_WIDTH}}" if row.unread else " " * COUNT_WIDTH
        name_style = base + Style(bold=True) if row.selected else base
        segments = [
            Segment("✓ ", base + style("facet-sidebar--mark", partial=True))
            if row.selected
            else Segment("  ", base),
            Segment(name, name_style),
            Segment(" " * max(1, width - 2 - cell_len(name) - counts), base),
            Segment(
                f"{short_count(row.count):>{COUNT_WIDTH}}",
                base + style("facet-sidebar--count", partial=True),
            ),
            Segment(" ", base),
            Segment(unread, base + style("facet-sidebar--unread", partial=True)),
        ]
        return Strip(segments).adjust_cell_length(width, base)


def _value_row(facet: str, count: FacetCount, selected: bool) -> SidebarRow:
    return SidebarRow("value", facet, count.value, count.count, count.unread, selected)


def _fit(text: str, width: int) -> str:
    """`text` cut to at most `width` terminal cells (wide characters count twice)."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1).rstrip() + "…"
