"""Open a content folder for a CLI command: refresh its index and build the Library.

Whatever goes wrong around the content (a cache that cannot be written, reader state that
cannot be read) is said once on stderr; what leaves the answer incomplete is kept in
`FolderSession.incomplete`, and the command then exits 1.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from digest_tui import paths
from digest_tui.index import ArticleIndex
from digest_tui.model import Problem
from digest_tui.search import Library
from digest_tui.state import StateError, StateStore
from digest_tui.text_safety import clean_line


def warn(message: str) -> None:
    """One line on stderr."""
    print(f"digest-tui: {clean_line(message)}", file=sys.stderr)


@dataclass
class FolderSession:
    """A refreshed index, the Library over it, and the reader state, for one command."""

    content_dir: Path
    index: ArticleIndex
    library: Library
    problems: list[Problem]
    state: StateStore | None
    incomplete: list[str] = field(default_factory=list)
    """Why the answer may lack articles or reader state (already said on stderr)."""

    def exit_status(self, status: int = 0) -> int:
        """`status` when the answer is complete, else 1."""
        return 1 if self.incomplete else status


def _open_state(content_dir: Path) -> tuple[StateStore, str | None]:
    """The folder's reader state, and why it is unknown when it could not be read.

    When the store cannot be opened, an empty one in memory keeps every JSON key present;
    that is the true answer only when no state file exists.
    """
    try:
        state = StateStore.for_folder(content_dir)
    except StateError as error:
        warn(f"reader state unavailable: {error}")
        missing = not paths.state_file(content_dir).exists()
        return StateStore.ephemeral(), None if missing else f"reader state unavailable: {error}"
    if state.read_only is not None:
        warn(f"reader state is read-only: {state.read_only}")
    if state.recovered_from is not None:
        warn(
            f"the reader state file was unreadable ({state.recovery_reason}); it was moved "
            f"to {state.recovered_from} and a fresh one started"
        )
    return state, None


@contextmanager
def open_folder(
    content_dir: Path, with_state: bool = False, fulltext: bool = False
) -> Iterator[FolderSession]:
    """Refresh the folder's index (parsing only what changed) and yield a session over it.

    `fulltext` brings the full-text index up to date too, for commands that search bodies.
    """
    with ArticleIndex(content_dir) as index:
        result = index.refresh(fulltext=fulltext)
        incomplete = []
        if index.fallback is not None:
            warn(index.fallback)
        if result.stopped:
            incomplete.append(result.error or "the index could not be brought up to date")
            warn(incomplete[-1])
        state: StateStore | None = None
        if with_state:
            state, unknown = _open_state(content_dir)
            incomplete.extend([unknown] if unknown else [])
        library = Library.of(result.articles, fulltext=index, state=state)
        problems = list(result.problems)
        try:
            yield FolderSession(content_dir, index, library, problems, state, incomplete)
        finally:
            if state is not None:
                state.close()
