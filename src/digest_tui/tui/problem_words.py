"""How the reader counts load problems, in the same words on the status line and the `!` dialog."""

from __future__ import annotations

from collections.abc import Iterable

from digest_tui.model import Problem


def problem_counts(problems: Iterable[Problem]) -> tuple[int, int]:
    """(files skipped, warnings) among `problems`."""
    skipped = warnings = 0
    for problem in problems:
        if problem.fatal:
            skipped += 1
        else:
            warnings += 1
    return skipped, warnings


def problem_words(skipped: int, warnings: int) -> str:
    """`2 files skipped, 1 warning`; empty when there is nothing to report."""
    parts = []
    if skipped:
        parts.append(f"{skipped} {'file' if skipped == 1 else 'files'} skipped")
    if warnings:
        parts.append(f"{warnings} {'warning' if warnings == 1 else 'warnings'}")
    return ", ".join(parts)
