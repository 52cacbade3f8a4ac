"""The find bar under the reading pane: type to highlight, enter to go, escape to close."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input

PLACEHOLDER = "Find in the article (enter: go · n/N: next/previous · escape: close)"


class FindBar(Input):
    """Posts `Changed` as the pattern is typed, `Closed` on escape; enter posts `Submitted`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close find", show=False),
    ]

    @dataclass
    class Closed(Message):
        """The user closed the bar: the highlights go with it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=PLACEHOLDER, id=id, select_on_focus=False)

    def action_close(self) -> None:
        """Empty the bar and say it was closed."""
        self.value = ""
        self.post_message(self.Closed())
