"""What the reader works on, built outside the App so tests can hand it temporary folders."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from digest_tui.config import Config
from digest_tui.index import ArticleIndex
from digest_tui.model import Article
from digest_tui.search import SortOrder
from digest_tui.state import StateError, StateStore
from digest_tui.tui.sorting import sort_named


@dataclass
class ReaderSession:
    """The content folder, its index, the reader state (None when unavailable) and config."""

    index: ArticleIndex
    state: StateStore | None
    config: Config = field(default_factory=Config)
    notices: list[str] = field(default_factory=list)
    """Messages to show once the app is up (config mistakes, a recovered state file)."""

    @property
    def content_dir(self) -> Path:
        """The folder the articles live in."""
        return self.index.content_dir

    def initial_sort(self) -> SortOrder:
        """The sort order used last time, else newest first."""
        return sort_named(self._ui_value("sort"))

    def remember(self, key: str, value: object) -> str | None:
        """Store a small UI value; returns a message when the state store refused it."""
        if self.state is None:
            return None
        try:
            self.state.set_ui_value(key, value)
        except StateError as error:
            return f"Could not save reader state: {error}"
        return None

    def reconcile(self, articles: Sequence[Article]) -> str | None:
        """Record the folder's articles in the state store (for "new since last visit")."""
        if self.state is None:
            return None
        try:
            self.state.reconcile(articles)
        except StateError as error:
            return f"Could not update reader state: {error}"
        return None

    def _ui_value(self, key: str) -> object:
        if self.state is None:
            return None
        try:
            return self.state.ui_value(key)
        except StateError:
            return None
