"""What a command that builds the index first shows on stderr: one line, and on a terminal
a progress bar that clears when done."""

from __future__ import annotations

import sys
from typing import Any, TextIO

NOTICE_FROM = 1000
"""Files or articles to index before saying so: fewer take well under a second."""

_PHASES = ("reading the files", "building the full-text index")


class BuildReport:
    """A `progress(done, total)` callback for `ArticleIndex.refresh`.

    Each phase of a refresh starts with a call for 0 done: files to parse, then articles
    to add to the full-text index.
    """

    def __init__(self, out: TextIO | None = None) -> None:
        self._out = out or sys.stderr
        self._phase = -1
        self._said = False
        self._bar: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if done == 0:
            self._phase = min(self._phase + 1, len(_PHASES) - 1)
        if not self._said and total >= NOTICE_FROM:
            self._said = True
            print(
                "digest-tui: building the full-text index of this folder first "
                "(once: later searches use it)",
                file=self._out,
            )
            if self._out.isatty():
                self._start_bar()
        if self._bar is not None:
            self._bar.update(
                self._task, description=_PHASES[self._phase], completed=done, total=total
            )

    def _start_bar(self) -> None:
        from rich.console import Console  # only a terminal pays for loading Rich
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=Console(file=self._out),
            transient=True,
        )
        self._task = self._bar.add_task(_PHASES[self._phase], total=None)
        self._bar.start()

    def close(self) -> None:
        """Take the bar off the terminal."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
