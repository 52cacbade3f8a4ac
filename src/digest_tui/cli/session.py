"""Open a content folder for a CLI command: refresh its index and build the Library.

Whatever goes wrong around the content (a cache that cannot be written, reader state that
cannot be read) is said once on stderr; what leaves the answer incomplete is kept in
`FolderSession.incomplete`, and the command then exits 1.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from digest_tui import paths
from digest_tui.cli.completion import builder_lock, start_in_background
from digest_tui.cli.progress import BuildReport
from digest_tui.index import ArticleIndex
from digest_tui.loading import load_article
from digest_tui.model import Article, Problem
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
    previewed: bool = False
    """True when the articles come from the quick preview (only `PREVIEW_FIELDS` are set)."""

    def in_full(self, articles: list[Article]) -> list[Article]:
        """These articles with every field, reading the files a preview stood in for."""
        if not self.previewed:
            return articles
        full = []
        for article in articles:
            loaded = load_article(self.content_dir, article.path)
            full.append(article if isinstance(loaded, Problem) else loaded.article)
        return full

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


def _refreshed(
    index: ArticleIndex, fulltext: bool, quick: bool
) -> tuple[Sequence[Article], list[Problem], list[str], bool]:
    """The folder's articles and problems, why they may be incomplete, and whether they are
    previews."""
    shown: list[Sequence[Article]] = []
    if quick:
        result = index.refresh(
            fulltext=False, should_stop=lambda: bool(shown), on_preview=shown.append
        )
    else:
        with builder_lock(index.content_dir, wait=True):
            report = BuildReport()
            try:
                result = index.refresh(progress=report if fulltext else None, fulltext=fulltext)
            finally:
                report.close()
    if index.fallback is not None:
        warn(index.fallback)
    if shown:  # the quick preview answered; the full parse is left for later
        return shown[0], list(result.problems), [], True
    if result.stopped:
        reason = result.error or "the index could not be brought up to date"
        warn(reason)
        return result.articles, list(result.problems), [reason], False
    return result.articles, list(result.problems), [], False


@contextmanager
def open_folder(
    content_dir: Path, with_state: bool = False, fulltext: bool = False, quick: bool = False
) -> Iterator[FolderSession]:
    """Refresh the folder's index (parsing only what changed) and yield a session over it.

    `fulltext` brings the full-text index up to date too, for commands that search bodies.
    `quick` answers a first run from the quick preview, as the reader lists it, and leaves
    the full parse to a background process (for commands that show only previewed fields),
    started once the command has answered: it would otherwise take the cores the answer
    still needs.
    """
    complete_later = False
    try:
        with ArticleIndex(content_dir) as index:
            articles, problems, incomplete, previewed = _refreshed(index, fulltext, quick)
            complete_later = previewed and index.fallback is None  # else no cache to complete
            state: StateStore | None = None
            if with_state:
                state, unknown = _open_state(content_dir)
                incomplete.extend([unknown] if unknown else [])
            library = Library.of(articles, fulltext=index, state=state)
            try:
                yield FolderSession(
                    content_dir, index, library, problems, state, incomplete, previewed
                )
            finally:
                if state is not None:
                    state.close()
    finally:
        if complete_later:
            start_in_background(content_dir)
