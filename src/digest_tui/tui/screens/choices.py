"""A list to pick from over the reader: the article's outline, or its links.

Dismisses with `(action, index)`: "go" for enter (or a click), "copy" for `y` when the
list allows copying; None on escape. Every entry is shown as plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

Choice = tuple[str, int]


class ChoiceScreen(ModalScreen[Choice | None]):
    """`entries` under a `title`; enter picks one, `y` copies it where `copyable`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close", show=True),
        Binding("y", "copy", "Copy", show=False),
    ]

    def __init__(self, title: str, entries: Sequence[str], hint: str, copyable: bool) -> None:
        super().__init__()
        self._title = title
        self._entries = list(entries)
        self._hint = hint
        self._copyable = copyable

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-box"):
            yield Static(self._title, id="choice-title", markup=False)
            options = [Option(Content(entry)) for entry in self._entries]
            yield OptionList(*options, id="choice-list", markup=False)
            yield Static(self._hint, id="choice-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(("go", event.option_index))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self._copyable or action != "copy"

    def action_copy(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None:
            self.dismiss(("copy", highlighted))
