"""The problems screen: every file that failed to load or loaded with warnings, and why."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from digest_tui.model import Problem
from digest_tui.text_safety import clean_line
from digest_tui.tui.problem_words import problem_counts, problem_words

REASON_LIMIT = 600
"""Characters of a reason shown; the entry wraps, so a reason is read whole up to this."""


class ProblemsScreen(ModalScreen[None]):
    """One entry per problem: the file and line, then the reason wrapped to the width."""

    BINDINGS = [Binding("escape,exclamation_mark,q", "dismiss", "Close", show=True)]

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__()
        self._problems = sorted(problems, key=lambda problem: (not problem.fatal, problem.path))

    def compose(self) -> ComposeResult:
        with Vertical(id="problems-box"):
            yield Static(self._title(), id="problems-title", markup=False)
            entries: list[Option | None] = []
            for problem in self._problems:
                entries += [_entry(problem), None]  # None: a rule between entries
            yield OptionList(*entries[:-1], id="problems-list")
            yield Static("escape, ! or q closes this screen", id="problems-hint")

    def _title(self) -> str:
        summary = problem_words(*problem_counts(self._problems))
        if not summary:
            return "No problems: every file loaded cleanly"
        return f"Problems: {summary}"

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()


def _entry(problem: Problem) -> Option:
    """`skipped  path, line 3` over the reason; every part from the file is plain text."""
    kind = ("skipped", "bold $error") if problem.fatal else ("warning", "bold $warning")
    where = f", line {problem.line}" if problem.line else ""
    return Option(
        Content.assemble(
            kind,
            "  ",
            Content(clean_line(problem.path)),
            (where, "dim"),
            "\n",
            Content(clean_line(problem.reason, REASON_LIMIT)),
        )
    )
