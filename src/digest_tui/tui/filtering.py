"""Apply the screen's filters to a Library: the work a search worker does, free of Textual."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from digest_tui.model import Article
from digest_tui.search import Library, SortOrder, TagCount


@dataclass(frozen=True)
class FilterRequest:
    """What the user asked for: tags (AND), the query text and a sort order."""

    library: Library
    tags: tuple[str, ...]
    query: str
    sort: SortOrder


@dataclass(frozen=True)
class FilteredView:
    """The answer: articles in order, faceted tag counts, and query terms that were ignored."""

    articles: Sequence[Article]
    tag_counts: Sequence[TagCount]
    errors: Sequence[str]


def filter_library(request: FilterRequest) -> FilteredView:
    """Filter and sort; tag counts follow the query and the selected tags (faceted)."""
    view = request.library.tagged(*request.tags).matching(request.query).sorted_by(request.sort)
    return FilteredView(view.articles, view.tag_counts(), view.query_errors)
