"""The digest-tui calls the probes measure, adapted to what the layers expose today."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any


def open_index(content_dir: Path) -> Any:
    """The `ArticleIndex` for `content_dir` (its database in DIGEST_TUI_CACHE_DIR)."""
    from digest_tui.index import ArticleIndex

    return ArticleIndex(content_dir)


def refresh_metadata(index: Any) -> tuple[Any, str]:
    """Refresh without building the full-text index, when the index allows it.

    Returns the result and a note saying what was actually timed.
    """
    if "fulltext" in inspect.signature(index.refresh).parameters:
        return index.refresh(fulltext=False), ""
    return index.refresh(), "refresh() has no metadata-only mode: includes full text"


def build_fulltext(index: Any) -> None:
    """Build the full-text index, if the index has a separate step for it."""
    builder = getattr(index, "build_fulltext", None)
    if builder is not None:
        builder()


def make_library(articles: list, index: Any | None = None) -> Any:
    """A `Library` over `articles`, with the index's full text when the Library takes it.

    None when the search layer has no `Library` yet.
    """
    try:
        from digest_tui.search import Library
    except ImportError:
        return None

    params = inspect.signature(Library).parameters
    if index is not None and "fulltext" in params:
        return Library(articles, fulltext=index)
    return Library(articles)


def fuzzy(library: Any, text: str) -> int:
    """How many articles the library shows for the query `text` (-1 without a library)."""
    if library is None:
        return -1
    return len(library.matching(text).articles)


def fulltext_search(index: Any, word: str, limit: int = 20) -> int:
    """How many paths the index ranks for `word` (top `limit`)."""
    search = getattr(index, "search", None) or index.fulltext
    return len(search(word, limit))


LIBRARY_MISSING = "digest_tui.search.Library not available: timed without it"
