"""The one-line status bar: what is shown, which filters are on, problems and indexing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from textual.content import Content
from textual.widgets import Static

from digest_tui.cells import clip_cells
from digest_tui.text_safety import clean_line
from digest_tui.tui.problem_words import problem_words

TAG_CELLS = 30
QUERY_CELLS = 40
"""The status line shows at most this many cells of each tag and of the query."""


@dataclass(frozen=True)
class StatusFacts:
    """Everything the status bar reports."""

    shown: int = 0
    total: int = 0
    tags: Sequence[str] = ()
    query: str = ""
    after: date | None = None
    before: date | None = None
    sort: str = "newest"
    """The sort order's name; empty while it is not known yet."""
    skipped: int = 0
    """Files that could not be loaded."""
    warnings: int = 0
    """Warnings about files that loaded with fallbacks."""
    drafts_hidden: int = 0
    """Draft articles left out of the list (0 while drafts are shown)."""
    indexing: str = ""
    """A short note while the index refreshes, empty when idle."""
    in_memory: bool = False
    """True when the index cache cannot be written and this run works from memory."""


class StatusBar(Static):
    """Shows `StatusFacts`; every value from the articles goes in as plain text."""

    _facts: StatusFacts | None = None

    def show(self, facts: StatusFacts) -> None:
        """Repaint with `facts` (nothing to do when they did not change)."""
        if facts != self._facts:
            self._facts = facts
            # The bar is one line of fixed width: new text never changes the layout.
            self.update(status_content(facts), layout=False)


def status_content(facts: StatusFacts) -> Content:
    """The status line as Content (article text never parsed as markup)."""
    parts: list[Content] = [Content(f" {facts.shown} / {facts.total} articles")]
    if facts.tags:
        tags = " + ".join(clip_cells(clean_line(tag), TAG_CELLS) for tag in facts.tags)
        parts.append(Content.assemble(("tags: ", "bold"), Content(tags)))
    if facts.query:
        parts.append(
            Content.assemble(
                ("query: ", "bold"), Content(clip_cells(clean_line(facts.query), QUERY_CELLS))
            )
        )
    if facts.after or facts.before:
        span = f"{facts.after or '…'} → {facts.before or '…'}"
        parts.append(Content.assemble(("dates: ", "bold"), span))
    if facts.sort:  # empty until the reader state is open
        parts.append(Content(f"sort: {facts.sort}"))
    if facts.drafts_hidden:
        noun = "draft" if facts.drafts_hidden == 1 else "drafts"
        parts.append(Content(f"{facts.drafts_hidden} {noun} hidden"))
    problems = problem_words(facts.skipped, facts.warnings)
    if problems:  # in the words the `!` dialog uses
        parts.append(Content.assemble((problems, "$warning"), " (press !)"))
    if facts.indexing:
        parts.append(Content(facts.indexing))
    if facts.in_memory:
        parts.append(Content.styled("cache in memory", "$warning"))
    return Content(" · ").join(parts)
