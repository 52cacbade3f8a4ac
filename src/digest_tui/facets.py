"""Facets: the values articles are grouped by (tags, categories, sources, years) and counts.

Values are compared case-insensitively and shown as first written, like tags.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from digest_tui.model import Article

FACETS = ("tags", "categories", "sources", "years")
"""The facet names, in the order the sidebar and `digest-tui facets` show them."""


@dataclass(frozen=True, slots=True)
class FacetCount:
    """One value of a facet and how many articles hold it."""

    value: str
    count: int
    unread: int | None = None
    """How many of those are unread; None when the reader state is not known."""


def source_of(article: Article) -> str:
    """The article's publisher: the `**Source:**` line's name, else its source URL's host."""
    return article.source_name or url_host(article.source_url)


def url_host(url: str) -> str:
    """The host of `url` without a leading `www.`, or empty when there is none."""
    if not url:
        return ""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _one(value: str) -> tuple[str, ...]:
    return (value,) if value else ()


VALUES: dict[str, Callable[[Article], tuple[str, ...]]] = {
    "tags": lambda article: article.tags,
    "categories": lambda article: article.categories,
    "sources": lambda article: _one(source_of(article)),
    "years": lambda article: _one(article.year),
}
"""Each facet's values for one article."""


def count_facet(
    articles: Iterable[Article], facet: str, is_read: Callable[[str], bool] | None = None
) -> list[FacetCount]:
    """Each value of `facet` among `articles` with how many hold it, most used first
    (ties by value, ignoring case); with `is_read`, how many of those are unread too."""
    values_of = VALUES[facet]
    counts: dict[str, int] = {}
    unread: dict[str, int] = {}
    names: dict[str, str] = {}
    folded: dict[str, str] = {}
    for article in articles:
        values = values_of(article)
        if not values:
            continue
        fresh = is_read is not None and not is_read(article.path)
        for value in values:
            key = folded.get(value)
            if key is None:
                key = folded[value] = value.casefold()
            counts[key] = counts.get(key, 0) + 1
            if fresh:
                unread[key] = unread.get(key, 0) + 1
            names.setdefault(key, value)
    known = is_read is not None
    found = [
        FacetCount(names[key], count, unread.get(key, 0) if known else None)
        for key, count in counts.items()
    ]
    found.sort(key=lambda item: (-item.count, item.value.casefold(), item.value))
    return found


def count_facets(articles: Iterable[Article]) -> dict[str, list[FacetCount]]:
    """`count_facet` for every facet of `FACETS`."""
    articles = list(articles)
    return {facet: count_facet(articles, facet) for facet in FACETS}
