"""The search box above the article list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input

from digest_tui.cells import cell_len

PLACEHOLDER = 'Search: words, "a phrase", tag:ai, -tag:crypto, after:2025-01-01, is:unread'
"""Shortened to the box's width by whole examples (see `fitted_placeholder`)."""


def fitted_placeholder(text: str, width: int) -> str:
    """`text` shortened to `width` cells by dropping its last `, `-separated examples,
    then its last words: never cut inside a word."""
    for separator in (", ", " "):
        parts = text.split(separator)
        while len(parts) > 1 and cell_len(separator.join(parts)) > width:
            parts.pop()
        text = separator.join(parts)
    return text if cell_len(text) <= width else ""


class SearchBox(Input):
    """An Input whose `escape` clears the query (the screen sees the change), and on an
    empty query hands the keyboard back to the list."""

    BINDINGS = [Binding("escape", "clear_query", "Clear search", show=False)]

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """The Input sets this to the text's width on every keystroke. The box has a fixed size
    and no scrollbar, so a repaint will do: a layout would repaint the whole screen."""

    @dataclass
    class Edited(Message):
        """The query text changed: posted to the screen itself, not bubbled."""

        value: str

    def __init__(
        self, *, on_leave: Callable[[], None] | None = None, id: str | None = None
    ) -> None:
        super().__init__(placeholder=PLACEHOLDER, id=id, select_on_focus=False)
        self._leave = on_leave
        """Called (not posted) so that keys typed right after `escape` already go elsewhere."""

    def on_resize(self, event: events.Resize) -> None:
        self.placeholder = fitted_placeholder(PLACEHOLDER, self.content_size.width - 1)

    def watch_value(self, value: str) -> None:
        # Straight to the screen, ahead of this box's own repaint (`Input.Changed` climbs
        # the tree one widget a turn): a quick filter's rows then share the frame of the
        # new text instead of waiting for the next one.
        if self.is_attached:
            self.screen.post_message(self.Edited(value))

    def action_clear_query(self) -> None:
        """Empty the box (the screen hears an ordinary change), or leave an empty one."""
        if self.value:
            self.value = ""
        elif self._leave is not None:
            self._leave()
