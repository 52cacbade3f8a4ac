"""A yes/no question asked on the status line: `y` answers yes, any other key no."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static


class Confirm(ModalScreen[bool]):
    """The question over the status line; dismissed with True for `y`, else False."""

    DEFAULT_CSS = """
    Confirm {
        align: left bottom;
        background: transparent;
    }
    Confirm > Static {
        width: 100%;
        height: 1;
        background: $warning 30%;
        color: $foreground;
        text-style: bold;
        padding: 0 1;
        margin-bottom: 1;  /* over the status line, above the footer */
    }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        yield Static(f"{self.question} (y/n)", markup=False)

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.dismiss(event.key == "y")
