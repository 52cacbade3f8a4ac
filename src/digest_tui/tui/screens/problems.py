"""The problems screen: every file that failed to load or loaded with warnings, and why."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from digest_tui.model import Problem
from digest_tui.text_safety import clean_line


class ProblemsScreen(ModalScreen[None]):
    """A table of problems; file names and reasons are shown as plain text."""

    BINDINGS = [Binding("escape,exclamation_mark,q", "dismiss", "Close", show=True)]

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__()
        self._problems = sorted(problems, key=lambda problem: (not problem.fatal, problem.path))

    def compose(self) -> ComposeResult:
        with Vertical(id="problems-box"):
            yield Static(self._title(), id="problems-title", markup=False)
            yield DataTable(id="problems-table", cursor_type="row", zebra_stripes=True)
            yield Static("escape, ! or q closes this screen", id="problems-hint")

    def _title(self) -> str:
        if not self._problems:
            return "No problems: every file loaded cleanly"
        skipped = sum(problem.fatal for problem in self._problems)
        warned = len(self._problems) - skipped
        return f"Problems: {skipped} file(s) skipped, {warned} warning(s)"

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(Text("file"), Text("line"), Text("kind"), Text("reason"))
        for problem in self._problems:
            table.add_row(
                Text(_tail(clean_line(problem.path), 56)),
                Text(str(problem.line or "")),
                Text("skipped", style="bold red") if problem.fatal else Text("warning"),
                Text(clean_line(problem.reason, 200)),
            )
        table.focus()


def _tail(path: str, width: int) -> str:
    """The end of a long path, where the file name is."""
    return path if len(path) <= width else "…" + path[-(width - 1) :]
