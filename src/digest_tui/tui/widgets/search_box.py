"""The search box above the article list."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input

PLACEHOLDER = 'Search: words, "a phrase", tag:ai, -tag:crypto, after:2025-01-01, is:unread'


class SearchBox(Input):
    """An Input whose `escape` clears the query (the screen sees the change)."""

    BINDINGS = [Binding("escape", "clear_query", "Clear search", show=False)]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=PLACEHOLDER, id=id, select_on_focus=False)

    def action_clear_query(self) -> None:
        """Empty the box; the screen hears it as an ordinary change of the query."""
        self.value = ""
