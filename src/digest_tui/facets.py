"""Facets: the values articles are grouped by (tags, categories, sources, years) and counts.

Values are compared case-insensitively and shown as first written, like tags.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from digest_tui.article_columns import MappedColumn, PickedColumn, as_picked, column_of
from digest_tui.model import Article, day_of

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
    return source_named(article.source_name, article.source_url)


def source_named(name: str, url: str) -> str:
    """A publisher from a source line's name and URL: the name, else the URL's host."""
    return name or url_host(url)


def url_host(url: str) -> str:
    """The host of `url` without a leading `www.`, or empty when there is none."""
    return host_of(url).removeprefix("www.")


_HOST = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*:)?//(?:[^/?#]*@)?(\[[^\]/?#]*\]|[^/?#:]*)")


def host_of(url: str) -> str:
    """The host of `url` as `urllib.parse.urlsplit(url).hostname` gives it (lower case, no
    user or port), or empty when there is none; a pattern rather than `urlsplit`, which
    costs a second per 100,000 articles each time the sources are counted."""
    found = _HOST.match(url.strip()) if url else None
    return found[1].strip("[]").lower() if found else ""


_HOSTS = re.compile(
    r"^(?:(?:[A-Za-z][A-Za-z0-9+.-]*:)?//(?:[^/?#\n]*@)?(\[[^\]/?#\n]*\]|[^/?#:\n]*))?.*$",
    re.MULTILINE,
)
"""`_HOST` for each line of a text, matching every line (the host empty where none is)."""


def hosts_of(urls: Iterable[str]) -> list[str]:
    """`[host_of(url) for url in urls]`, found by one pass over them all: a folder's
    sources are counted and searched by host, and a million calls cost two seconds."""
    stripped = list(map(str.strip, urls))
    joined = "\n".join(stripped)
    if joined.count("\n") != max(len(stripped) - 1, 0):  # a URL holding a line break
        return [host_of(url) for url in stripped]
    found = _HOSTS.findall(joined) if stripped else []
    cleaned = {host: host.strip("[]").lower() for host in set(found)}
    return list(map(cleaned.__getitem__, found))


def _one(value: str) -> tuple[str, ...]:
    return (value,) if value else ()


def _source_values(name: str, url: str) -> tuple[str, ...]:
    return _one(source_named(name, url))


VALUES: dict[str, Callable[[Article], tuple[str, ...]]] = {
    "tags": lambda article: article.tags,
    "categories": lambda article: article.categories,
    "sources": lambda article: _one(source_of(article)),
    "years": lambda article: _one(article.year),
}
"""Each facet's values for one article."""


def values_by_article(
    articles: Sequence[Article], facet: str, by_day: PickedColumn | None = None
) -> Iterable[tuple[str, ...]]:
    """Each article's values of `facet`, in order, read a field's column at a time; worked
    out once per distinct name or day where the column allows. `by_day`: each article's
    calendar day, numbered by distinct day, when the caller has it already."""
    if facet in ("tags", "categories"):
        return column_of(articles, facet)
    if facet == "sources":
        names = as_picked(column_of(articles, "source_name"))
        if all(names.distinct):  # every article is named: no URL is read
            return PickedColumn([(name,) for name in names.distinct], names.base)
        return map(_source_values, names, column_of(articles, "source_url"))
    days = (
        by_day
        if by_day is not None
        else as_picked(MappedColumn(day_of, column_of(articles, "date")))
    )
    return PickedColumn([_one(day[:4]) for day in days.distinct], days.base)


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
        keys: dict[str, str] = {}  # a value written twice in one article counts once
        for value in values:
            key = folded.get(value)
            if key is None:
                key = folded[value] = value.casefold()
            keys.setdefault(key, value)
        for key, value in keys.items():
            counts[key] = counts.get(key, 0) + 1
            if fresh:
                unread[key] = unread.get(key, 0) + 1
            names.setdefault(key, value)
    known = is_read is not None
    found = [
        FacetCount(names[key], count, unread.get(key, 0) if known else None)
        for key, count in counts.items()
    ]
    return most_used_first(found)


def most_used_first(counts: Iterable[FacetCount]) -> list[FacetCount]:
    """`counts` most used first, ties by value ignoring case."""
    return sorted(counts, key=lambda item: (-item.count, item.value.casefold(), item.value))


def count_facets(articles: Iterable[Article]) -> dict[str, list[FacetCount]]:
    """`count_facet` for every facet of `FACETS`."""
    articles = list(articles)
    return {facet: count_facet(articles, facet) for facet in FACETS}
