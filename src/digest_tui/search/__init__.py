"""Search: the `Library` filtered view, the query language, filters and ranking (no Textual).

This package is the plain version of the idea; `engine/` holds the speed machinery it
asks questions of (see `digest_tui.search.engine`).
"""

from digest_tui.search.filters import SortOrder
from digest_tui.search.library import Library, TagCount
from digest_tui.search.protocols import FullTextSearch, ReaderStateView
from digest_tui.search.query import Query, parse_query

__all__ = [
    "FullTextSearch",
    "Library",
    "Query",
    "ReaderStateView",
    "SortOrder",
    "TagCount",
    "parse_query",
]
