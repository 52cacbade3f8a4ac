"""The help screen: every key, read from the one bindings table."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from digest_tui.tui.bindings import HELP_TEXT, MOVEMENT_HELP, all_bindings, key_display


class HelpScreen(ModalScreen[None]):
    """Lists each command with its current key (after the user's rebinding)."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close", show=True),
    ]

    def __init__(self, keymap: Mapping[str, str]) -> None:
        super().__init__()
        self._keymap = keymap

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static("Keys", id="help-title")
            with VerticalScroll(id="help-keys"):
                yield Static(self._table())
            yield Static("escape, ? or q closes this screen", id="help-hint")

    def _table(self) -> Table:
        """Keys beside what they do; a description wraps between words when the box is narrow."""
        table = Table(box=None, show_header=True, expand=True, padding=(0, 2, 0, 0))
        table.add_column(Text("key"), no_wrap=True)
        table.add_column(Text("does"), ratio=1)
        for binding in all_bindings():
            description = HELP_TEXT.get(binding.id or "", binding.description)
            table.add_row(Text(key_display(binding, self._keymap), style="bold"), Text(description))
        for keys, description in MOVEMENT_HELP:
            table.add_row(Text(keys, style="bold"), Text(description))
        return table

    def on_mount(self) -> None:
        self.query_one("#help-keys").focus()
