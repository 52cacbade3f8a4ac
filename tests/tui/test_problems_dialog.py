"""The `!` dialog: each reason is read whole at 80 columns, counted in the status line's words."""

from __future__ import annotations

from pathlib import Path

from app_support import problem_entries, visible_text
from textual.app import App

import digest_tui.tui
from digest_tui.model import Problem
from digest_tui.tui.problem_words import problem_words
from digest_tui.tui.screens.problems import ProblemsScreen

LONG_REASON = (
    "pubDatetime 'yesterday' is not a date; kept the date from the file name instead, "
    "which may not be the day the post was published"
)


class DialogApp(App):
    CSS_PATH = Path(digest_tui.tui.__file__).parent / "app.tcss"


async def test_a_long_reason_wraps_instead_of_being_cut() -> None:
    problems = [
        Problem("2025/05/a-rather-long-folder/and-a-long-file-name.md", LONG_REASON, 3, False),
        Problem("broken.md", "YAML error: mapping values are not allowed here", 2, True),
    ]
    app = DialogApp()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ProblemsScreen(problems))
        await pilot.pause()
        entries = problem_entries(app.screen)
        assert entries[0].startswith("skipped  broken.md, line 2")
        assert entries[1].endswith(LONG_REASON)
        title = visible_text(app.screen.query_one("#problems-title")).strip()
        assert title == "Problems: 1 file skipped, 1 warning"


def test_counts_read_the_same_everywhere() -> None:
    assert problem_words(0, 0) == ""
    assert problem_words(0, 1) == "1 warning"
    assert problem_words(2, 3) == "2 files skipped, 3 warnings"
