"""Search: query parsing, fuzzy ranking and the `Library` filtered view (no Textual)."""

from digest_tui.search.filters import SortOrder
from digest_tui.search.fuzzy import FuzzyMatcher
from digest_tui.search.library import Library, TagCount
from digest_tui.search.protocols import FullTextSearch, ReaderStateView
from digest_tui.search.query import Query, parse_query

__all__ = [
    "FullTextSearch",
    "FuzzyMatcher",
    "Library",
    "Query",
    "ReaderStateView",
    "SortOrder",
    "TagCount",
    "parse_query",
]
