"""Apply the screen's filters to a Library: the work a search worker does, free of Textual."""

from __future__ import annotations

from dataclasses import dataclass

from digest_tui.search import Library, SortOrder


@dataclass(frozen=True)
class FilterRequest:
    """What the user asked for: tags (AND), the query text, a sort order, and drafts or not."""

    library: Library
    tags: tuple[str, ...]
    query: str
    sort: SortOrder
    drafts: bool = False


def filter_library(request: FilterRequest) -> Library:
    """The filtered, sorted view; its tag counts follow the query and the tags (faceted).

    The view computes its articles and its tag counts lazily: a worker reads `.articles`
    first, hands them to the list, and only then asks for `.tag_counts()`.
    """
    library = request.library.with_drafts(request.drafts)
    return library.tagged(*request.tags).matching(request.query).sorted_by(request.sort)
