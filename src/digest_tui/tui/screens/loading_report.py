"""What the main screen reports about loading the folder: problems and indexing progress."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.widgets import ProgressBar

    from digest_tui.model import Problem


class LoadingReport:
    """The problems found so far and the indexing note; owns the status row's progress bar."""

    def __init__(self, screen: Screen[None]) -> None:
        self.screen = screen
        self.problems: list[Problem] = []
        self._note = "reading the index…"
        self._bar: ProgressBar | None = None
        """Mounted with the first progress report: a warm start never needs it."""
        self.in_memory = False
        """True once the index had to move to memory (its cache file refused a write)."""
        self.following = ""
        """Why the folder is rescanned rather than watched, when it is."""

    def loaded(self, problems: Sequence[Problem], final: bool) -> None:
        """The loader listed the articles (`final` once the folder is refreshed)."""
        self.problems = list(problems)
        if final:
            self._note = "building the body search…"

    def progress(self, done: int, total: int) -> None:
        """The refresh parsed `done` of `total` files."""
        bar = self._progress_bar()
        bar.update(total=total or None, progress=done)
        self.screen.add_class("indexing")

    def finished(self) -> None:
        """Body search is ready: nothing more to report."""
        self._note = ""
        self.screen.remove_class("indexing")

    def note(self) -> str:
        """A short note on the indexing under way, empty when idle."""
        bar = self._bar
        if self.screen.has_class("indexing") and bar is not None and bar.total:
            return f"indexing {int(bar.progress)}/{int(bar.total)}"
        return self._note or self.following

    def _progress_bar(self) -> ProgressBar:
        if self._bar is None:
            from textual.widgets import ProgressBar

            self._bar = ProgressBar(id="progress", show_eta=False)
            self.screen.query_one("#status-row").mount(self._bar)
        return self._bar
