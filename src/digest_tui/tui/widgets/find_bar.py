"""The find bar under the reading pane: type to highlight, enter to go, escape to close."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input

PLACEHOLDER = "Find in the article (enter: go · n/N: next/previous · escape: close)"


class FindBar(Input):
    """Posts `Input.Changed` as the pattern is typed; enter and escape call `on_done`.

    Priority bindings, and called rather than posted: keys typed right after enter (an
    `n` in the same burst) are already queued for whichever widget has the focus, so the
    focus must leave the bar before the app hands them on.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "done(True)", "Go to match", priority=True),
        Binding("escape", "done(False)", "Close find", priority=True),
    ]

    def __init__(
        self, *, on_done: Callable[[bool], None] | None = None, id: str | None = None
    ) -> None:
        # The last pattern comes back selected: typing replaces it, enter reuses it.
        super().__init__(placeholder=PLACEHOLDER, id=id, select_on_focus=True)
        self._done = on_done
        """Called with True on enter (the highlights stay), False on escape (they go)."""

    def action_done(self, keep: bool) -> None:
        """Close the bar; `keep` the highlights (enter) or empty it (escape)."""
        if not keep:
            self.value = ""
        if self._done is not None:
            self._done(keep)
