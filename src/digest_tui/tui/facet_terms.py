"""The sidebar's facets and the timeline for a filtered view, and the query terms they add.

Tags filter through the screen's tag selection; a category, source or year chosen in the
sidebar, and a period chosen on the timeline, become terms of the query the user sees
(`category:"Release"`, `year:2025`, `after:... before:...`), which they can edit or delete.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING

from digest_tui.facets import FacetCount
from digest_tui.timeline import Timeline, timeline_of_days

if TYPE_CHECKING:
    from digest_tui.search import Library, TagCount

TERM_KEYS = {"categories": "category", "sources": "source", "years": "year"}
"""The query key of each facet the sidebar narrows by a query term."""
_FACET_OF = {key: facet for facet, key in TERM_KEYS.items()}
_TERM = re.compile(r'(?<!\S)(category|source|year):(?:"([^"]*)"?|(\S+))', re.IGNORECASE)
_DATE_TERM = re.compile(r"(?<!\S)(?:after|before):\S*", re.IGNORECASE)
_SPACES = re.compile(r"\s{2,}")


@dataclass(frozen=True, slots=True)
class Counted:
    """A view's counts for the sidebar."""

    tags: list[TagCount]
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    unread: int | None = None


def view_facets(view: Library, outdated: Callable[[], bool] = lambda: False) -> Counted | None:
    """Every facet of the articles `view` lists, counted, with unread counts when the
    reader state is known; years newest first, the others most used first. None when
    `outdated()` says, between two facets, that the counts are no longer wanted."""
    tags = view.tag_counts()
    facets = {"tags": [FacetCount(t.tag, t.count, t.unread) for t in tags]}
    for facet in TERM_KEYS:
        if outdated():
            return None
        facets[facet] = view.facet_counts(facet)
    facets["years"].sort(key=attrgetter("value"), reverse=True)
    return None if outdated() else Counted(tags, facets, view.unread_count())


def view_timeline(view: Library, width: int) -> Timeline:
    """The timeline of the articles `view` lists, `width` bars at most."""
    return timeline_of_days(view.day_counts(), width)


def facet_terms(query: str) -> dict[str, tuple[str, ...]]:
    """The categories, sources and years the query's terms ask for, by facet."""
    found: dict[str, list[str]] = {}
    for match in _TERM.finditer(query):
        value = match[2] if match[2] is not None else match[3]
        if value:
            found.setdefault(_FACET_OF[match[1].lower()], []).append(value)
    return {facet: tuple(values) for facet, values in found.items()}


def toggled_term(query: str, facet: str, value: str) -> str:
    """`query` with the term for `value` of `facet` taken out, or added when absent."""
    key = TERM_KEYS[facet]
    doomed = [
        match.span()
        for match in _TERM.finditer(query)
        if match[1].lower() == key
        and (match[2] if match[2] is not None else match[3] or "").casefold() == value.casefold()
    ]
    if not doomed:
        return _tidy(f"{query} {term(facet, value)}")
    for start, end in reversed(doomed):
        query = query[:start] + query[end:]
    return _tidy(query)


def term(facet: str, value: str) -> str:
    """The query term that asks for `value` of `facet`."""
    plain = value.replace('"', "")
    quoted = any(c.isspace() for c in plain) or not plain
    return f'{TERM_KEYS[facet]}:"{plain}"' if quoted else f"{TERM_KEYS[facet]}:{plain}"


def without_facet_terms(query: str) -> str:
    """`query` without any category, source or year term."""
    return _tidy(_TERM.sub("", query))


def with_dates(query: str, first: date, last: date) -> str:
    """`query` narrowed to the days `first`..`last`, replacing its own date bounds."""
    bounds = f"after:{first.isoformat()} before:{last.isoformat()}"
    return _tidy(f"{_DATE_TERM.sub('', query)} {bounds}")


def _tidy(query: str) -> str:
    return _SPACES.sub(" ", query).strip()
