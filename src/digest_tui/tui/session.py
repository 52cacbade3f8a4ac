"""What the reader works on, built outside the App so tests can hand it temporary folders.

The launcher hands over only the folder: the index and the state store are opened by the
index worker after the first frame, so neither their imports nor their SQLite files delay
it. Tests may hand both in ready-made.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from digest_tui.config import Config

if TYPE_CHECKING:
    from digest_tui.index import ArticleIndex
    from digest_tui.model import Article
    from digest_tui.search import SortOrder
    from digest_tui.state import StateStore


def open_state(content_dir: Path) -> tuple[StateStore | None, list[str]]:
    """The folder's reader state, plus notices; an in-memory store when the file fails."""
    from digest_tui.state import StateError, StateStore

    try:
        state = StateStore.for_folder(content_dir)
    except (StateError, OSError) as error:
        notice = f"Reader state unavailable ({error}); changes this session will not be kept"
        return StateStore.ephemeral(), [notice]
    notices = []
    if state.read_only is not None:
        notices.append(
            f"Reader state is read-only ({state.read_only}); changes this session will not be kept"
        )
    if state.recovered_from is not None:
        notices.append(
            f"The reader state file was unreadable ({state.recovery_reason}); it was moved to "
            f"{state.recovered_from} and a fresh one started"
        )
    return state, notices


@dataclass
class ReaderSession:
    """The content folder, its index, the reader state (None when unavailable) and config."""

    content_dir: Path
    index: ArticleIndex | None = None
    """None until `open_deferred` (the launch path), else handed in."""
    state: StateStore | None = None
    config: Config = field(default_factory=Config)
    notices: list[str] = field(default_factory=list)
    """Messages to show once the app is up (config mistakes, a recovered state file)."""
    state_deferred: bool = False
    """True when `open_deferred` should open the folder's state store."""
    open_first: str | None = None
    """The article to open at start (`digest-tui post.md`) instead of the last one read."""

    @classmethod
    def for_folder(cls, content_dir: Path, config: Config) -> ReaderSession:
        """A session whose index and state open after the first frame."""
        return cls(Path(content_dir), config=config, state_deferred=True)

    def open_deferred(self) -> list[str]:
        """Open the index and state the launcher left for later; notices to show (any thread)."""
        if self.index is None:
            from digest_tui.index import ArticleIndex

            self.index = ArticleIndex(self.content_dir)
        if not self.state_deferred:
            return []
        self.state, notices = open_state(self.content_dir)
        self.state_deferred = False
        return notices

    def stop_queries(self) -> None:
        """Abort the index queries still running (the reader is closing)."""
        if self.index is not None:
            self.index.stop_queries()

    def close(self) -> None:
        """Close the state store and the index's connections (when no worker uses them)."""
        if self.state is not None:
            self.state.close()
        if self.index is not None:
            self.index.close()

    def initial_sort(self) -> SortOrder:
        """The sort order used last time, else newest first."""
        from digest_tui.tui.sorting import sort_named

        return sort_named(self._ui_value("sort"))

    def remember(self, key: str, value: object) -> str | None:
        """Store a small UI value; returns a message when the state store refused it."""
        from digest_tui.state import StateError

        if self.state is None:
            return None
        try:
            self.state.set_ui_value(key, value)
        except StateError as error:
            return f"Could not save reader state: {error}"
        return None

    def reconcile(self, articles: Sequence[Article]) -> str | None:
        """Record the folder's articles in the state store (for "new since last visit")."""
        from digest_tui.state import StateError

        if self.state is None:
            return None
        try:
            self.state.reconcile(articles)
        except StateError as error:
            return f"Could not update reader state: {error}"
        return None

    def _ui_value(self, key: str) -> object:
        from digest_tui.state import StateError

        if self.state is None:
            return None
        try:
            return self.state.ui_value(key)
        except StateError:
            return None
