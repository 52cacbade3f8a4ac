"""The digest-tui calls the probes measure, adapted to what the layers expose today."""

from __future__ import annotations

import inspect
from collections.abc import Callable
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


def refresh_with_preview(index: Any, on_list: Callable[[list], None]) -> tuple[Any, str]:
    """Refresh without the full-text index, handing the quick list to `on_list` first.

    This is what the reader does on a first run. Without a preview hook (older index code)
    `on_list` gets the refreshed articles instead; the note says so.
    """
    if "on_preview" not in inspect.signature(index.refresh).parameters:
        result, note = refresh_metadata(index)
        on_list(result.articles)
        return result, "; ".join(filter(None, [note, "refresh() has no preview: full parse"]))
    called: list[bool] = []

    def hook(articles: list) -> None:
        called.append(True)
        on_list(articles)

    result = index.refresh(fulltext=False, on_preview=hook)
    if not called:
        on_list(result.articles)
        return result, "no preview was shown: timed to the full metadata index"
    return result, ""


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

    make = getattr(Library, "of", Library)  # older libraries were made by `Library(...)`
    params = inspect.signature(make).parameters
    if index is not None and "fulltext" in params:
        return make(articles, fulltext=index)
    return make(articles)


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
