"""Reading the snippet lines the article list asks for, in a worker: the bodies' plain text
comes from the index (one query, no file opened or parsed), the line around the hit from
`search.snippets`."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from digest_tui.tui.messages import SnippetsRead

if TYPE_CHECKING:
    from digest_tui.index import ArticleIndex
    from digest_tui.model import Article
    from digest_tui.tui.screens.main import MainScreen

Wanted = Sequence[tuple["Article", tuple[str, ...]]]


def read_snippets(screen: MainScreen, wanted: Wanted) -> None:
    """Read the snippets `wanted` and hand them to the screen's list."""
    index = screen.session.index
    if index is not None and wanted:
        screen.run_worker(
            partial(_read, screen, index, wanted),
            thread=True,
            group="snippets",
            exit_on_error=False,
        )


def _read(screen: MainScreen, index: ArticleIndex, wanted: Wanted) -> None:
    from digest_tui.search.snippets import opening, snippet_of
    from digest_tui.tui.widgets.snippet_rows import SNIPPET_CHARACTERS

    texts = index.plain_texts([article.path for article, _terms in wanted])
    found = []
    for article, terms in wanted:
        body = texts.get(article.path, "")
        # The full-text index folds accents and splits words its own way: a hit it found
        # that the words as typed do not show is shown by the body's first words instead.
        line = snippet_of(body, terms, SNIPPET_CHARACTERS) or opening(body, SNIPPET_CHARACTERS)
        found.append((article, terms, line))
    if not get_current_worker().is_cancelled:
        screen.articles.post_message(SnippetsRead(found))
