"""The plain values every layer shares: an article's metadata and a loading problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Article(NamedTuple):
    """One article's metadata, as shown in lists and used for filtering.

    The body is not held here: it is read from the file when the article is opened,
    so that 100,000 articles stay small in memory. A named tuple, built in C from a row of
    values (`article_columns`): a warm start keeps the cache's columns and builds an
    Article only for a row that is read.
    """

    # Path relative to the content folder, `/`-separated; the article's stable key.
    path: str
    title: str
    # ISO 8601 as written in the source (offset kept, date-only stays date-only).
    date: str | None = None
    # Seconds since the epoch (UTC) for sorting; a date-only value counts as midnight UTC.
    timestamp: float | None = None
    modified: str | None = None
    tags: tuple[str, ...] = ()
    description: str = ""
    draft: bool = False
    featured: bool = False
    author: str = ""
    image: str = ""
    source_name: str = ""
    source_url: str = ""
    first_link: str = ""
    words: int = 0
    warnings: tuple[str, ...] = ()
    # Jekyll's `category`/`categories`, Hugo's and Zola's `categories`: a facet of their own.
    categories: tuple[str, ...] = ()

    @property
    def link(self) -> str:
        """The URL the `o` key opens: the source URL, else the first link in the body."""
        return self.source_url or self.first_link

    @property
    def reading_minutes(self) -> int:
        """Estimated reading time at 220 words a minute, at least one minute."""
        return max(1, round(self.words / 220))

    @property
    def year(self) -> str:
        """The year part of `date` (YYYY), or empty when unknown."""
        return self.date[:4] if self.date else ""

    @property
    def day(self) -> str:
        """The calendar date part of `date` (YYYY-MM-DD), or empty when unknown."""
        return day_of(self.date)


def listing_place(timestamp: float | None, path: str) -> tuple[bool, float, str]:
    """Where an article goes in the reader's default order, as a sort key: newest first,
    undated last, ties by path (the index's `LISTING_ORDER`)."""
    return (timestamp is None, -timestamp if timestamp is not None else 0.0, path)


def day_of(date: str | None) -> str:
    """The calendar date part (YYYY-MM-DD) of an article's `date`, or empty when unknown."""
    return date[:10] if date else ""


@dataclass(frozen=True, slots=True)
class Problem:
    """A file that could not be loaded as an article, or loaded only with fallbacks."""

    path: str
    reason: str
    line: int | None = None
    fatal: bool = True
    """True: the file was skipped. False: it loaded, and this is a warning about it."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class LoadedArticle:
    """What the loader makes of one readable file: metadata, body and searchable text."""

    article: Article
    body: str
    """The Markdown body without frontmatter."""
    plain_text: str
    """The body as plain text, for full-text search."""


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What the index compares to decide whether a file changed since it was parsed."""

    path: str
    size: int
    mtime_ns: int


@dataclass(slots=True)
class LoadReport:
    """Everything one pass over a folder produced."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
