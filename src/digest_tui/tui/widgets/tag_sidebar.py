"""The tag sidebar: "All" first, then each tag with its faceted count."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from digest_tui.search import TagCount
from digest_tui.text_safety import clean_line

ALL_ID = "all"
NAME_WIDTH = 12


class TagSidebar(OptionList):
    """Lists tags; `enter`/`space` toggles the highlighted tag, "All" clears the selection."""

    BINDINGS = [
        Binding("space", "select", "Toggle tag", show=False),
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
        Binding("g", "first", show=False),
        Binding("G", "last", show=False),
    ]

    @dataclass
    class Toggled(Message):
        """The user toggled `tag` in or out of the filter."""

        tag: str

    @dataclass
    class Cleared(Message):
        """The user chose "All": no tag filter."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._tags: list[str] = []

    def show_tags(self, counts: Sequence[TagCount], selected: Collection[str], total: int) -> None:
        """Replace the rows, keeping the highlight on the same tag where it still exists."""
        was = self._highlighted_tag()
        # Selected tags stay listed even when the query leaves them no matches.
        shown = {count.tag: count for count in counts}
        for tag in selected:
            shown.setdefault(tag, TagCount(tag, 0))
        self._tags = list(shown)
        options = [Option(_row(TagCount("All", total), not selected), id=ALL_ID)]
        options += [
            Option(_row(count, tag in selected), id=f"tag-{number}")
            for number, (tag, count) in enumerate(shown.items())
        ]
        self.set_options(options)
        self.highlighted = self._tags.index(was) + 1 if was in self._tags else 0

    def _highlighted_tag(self) -> str | None:
        if self.highlighted is None or self.highlighted == 0:
            return None
        return self._tags[self.highlighted - 1] if self.highlighted <= len(self._tags) else None

    @on(OptionList.OptionSelected)
    def _toggle(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index == 0:
            self.post_message(self.Cleared())
        else:
            self.post_message(self.Toggled(self._tags[event.option_index - 1]))


def _row(count: TagCount, selected: bool) -> Content:
    """One row: a mark when selected, the tag as plain text, its count and unread count."""
    mark = Content.styled("✓ ", "bold $accent") if selected else Content("  ")
    label = _fit(clean_line(count.tag) or "?", NAME_WIDTH)
    text = Content(label).stylize("bold") if selected else Content(label)
    padding = " " * (NAME_WIDTH + 1 - cell_len(label))
    unread = f"{count.unread:>3}" if count.unread else "   "
    return Content.assemble(
        mark, text, padding, (f"{count.count:>3}", "dim"), " ", (unread, "bold $accent")
    )


def _fit(text: str, width: int) -> str:
    """`text` cut to at most `width` terminal cells (wide characters count twice)."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1).rstrip() + "…"
