"""The command palette, hardened against keys that arrive faster than it can close."""

from __future__ import annotations

import contextlib

from textual.await_complete import AwaitComplete
from textual.command import CommandPalette


class ReaderCommandPalette(CommandPalette):
    """Textual's palette, made safe for a second Enter queued behind the first.

    Textual 8's palette calls `dismiss()` once per selection gesture, and `dismiss()` pops
    whatever screen is on top: a second queued Enter popped the main screen and crashed the
    app. Page keys that arrive before the hit list is laid out raised `KeyError` too.
    """

    def dismiss(self, result: None = None) -> AwaitComplete:
        if not self.is_current:
            return AwaitComplete()
        return super().dismiss(result)

    def _action_command_list(self, action: str) -> None:
        if not self.is_current:
            return
        # Before the hit list is laid out, its page keys raise KeyError: drop the key.
        with contextlib.suppress(KeyError):
            super()._action_command_list(action)
