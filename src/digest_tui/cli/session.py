"""Open a content folder for a CLI command: refresh its index and build the Library."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from digest_tui.index import ArticleIndex
from digest_tui.model import Problem
from digest_tui.search import Library
from digest_tui.state import StateStore


@dataclass
class FolderSession:
    """A refreshed index, the Library over it, and the reader state, for one command."""

    content_dir: Path
    index: ArticleIndex
    library: Library
    problems: list[Problem]
    state: StateStore | None


def _open_state(content_dir: Path) -> StateStore | None:
    """Reader state is a bonus for the CLI: when it cannot be opened, say so and go on."""
    try:
        return StateStore.for_folder(content_dir)
    except Exception as error:  # noqa: BLE001 - any failure here must not stop a listing
        print(f"digest-tui: reader state unavailable: {error}", file=sys.stderr)
        return None


@contextmanager
def open_folder(content_dir: Path, with_state: bool = False) -> Iterator[FolderSession]:
    """Refresh the folder's index (parsing only what changed) and yield a session over it."""
    with ArticleIndex(content_dir) as index:
        result = index.refresh()
        state = _open_state(content_dir) if with_state else None
        library = Library.of(result.articles, fulltext=index, state=state)
        try:
            yield FolderSession(content_dir, index, library, list(result.problems), state)
        finally:
            if state is not None:
                state.close()
