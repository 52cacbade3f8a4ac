"""Which panes of the main screen show, and where the keyboard focus goes.

Below `NARROW_WIDTH` columns the screen shows one pane at a time ("tags", "list" or
"reader"), switched by screen classes the stylesheet reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.widget import Widget

    from digest_tui.tui.screens.main import MainScreen

NARROW_WIDTH = 100
"""Below this many columns the screen shows one pane at a time."""
PANES = ("tags", "list", "reader")


class PaneLayout:
    """Sets the main screen's layout classes and moves the focus between its panes."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    def fit_width(self, width: int) -> None:
        """Use the narrow layout below `NARROW_WIDTH` columns."""
        screen = self.screen
        screen.set_class(width < NARROW_WIDTH, "narrow")
        if not any(screen.has_class(f"show-{pane}") for pane in PANES):
            screen.add_class("show-list")

    def show(self, pane: str) -> None:
        """In the narrow layout, show only `pane` ("tags", "list" or "reader")."""
        for name in PANES:
            self.screen.set_class(name == pane, f"show-{name}")

    def follow_focus(self, widget: Widget) -> None:
        """Show the pane `widget` belongs to (it just took the focus)."""
        pane = {"sidebar": "tags", "reader": "reader", "find": "reader"}.get(widget.id or "")
        self.show(pane or "list")

    def allows(self, action: str) -> bool:
        """Whether the screen's `action` makes sense with the panes as they are."""
        from textual.widgets import Input

        screen = self.screen
        # In the search box and the find bar "/" is typed instead.
        typing = isinstance(screen.focused, Input)
        if action == "find":
            return not typing and (self.full_screen or screen.focused is screen.reader)
        if action == "focus_search":
            return not typing and not self.full_screen
        if action in ("open_cluster", "fold_cluster"):
            return screen.focused is screen.articles  # elsewhere left and right move
        return not (action == "focus_tags" and self.full_screen)

    def toggle_full_screen(self) -> str | None:
        """Turn the full-screen reader on or off and remember it in the config file;
        a message when it could not be remembered."""
        from digest_tui.config import save_setting

        on = not self.full_screen
        self.set_full_screen(on)
        return save_setting("full_screen", on)

    @property
    def full_screen(self) -> bool:
        """True while the reader fills the screen."""
        return self.screen.has_class("full-screen")

    def set_full_screen(self, on: bool) -> None:
        """Let the reader fill the screen (sidebar, search box and list hidden), or not."""
        screen = self.screen
        screen.set_class(on, "full-screen")
        screen.refresh_bindings()
        if on:
            self.focus("reader")
        elif screen.focused is not screen.reader:
            self.focus("list")

    def open_find(self) -> None:
        """Show the find bar under the reader and type into it."""
        self.screen.add_class("finding")
        self.screen.reader.begin_find()
        self.focus_now(self.screen.find_bar)

    def close_find(self) -> None:
        """Hide the find bar; the keyboard goes back to the reader."""
        self.screen.remove_class("finding")
        self.focus("reader")

    def focus(self, pane: str) -> None:
        """Show `pane` and move the keyboard focus into it."""
        screen = self.screen
        self.show(pane)
        widget = {"tags": screen.sidebar, "reader": screen.reader}.get(pane, screen.articles)
        self.focus_now(widget)

    def focus_now(self, widget: Widget) -> None:
        """Focus `widget` before the next queued key is handled.

        `Widget.focus()` waits for a callback queued behind any keys already read, so
        "/kite" typed in one burst would send "kite" to the list instead of the search box.
        """
        screen = self.screen
        screen.set_focus(widget)
        if screen.focused is not widget:  # not focusable yet: once the new styles apply
            screen.call_after_refresh(widget.focus)
