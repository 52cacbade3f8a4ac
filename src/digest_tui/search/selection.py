"""Apply a `Filters` value to a `Catalog`: which articles match, and in what order.

Article sets are sets of article numbers (positions in the catalog); `None` stands for
"every article", so that an unfiltered view never builds a 100,000-element set.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from digest_tui.search.catalog import Catalog
from digest_tui.search.filters import Filters, SortOrder
from digest_tui.search.protocols import FullTextSearch, ReaderStateView
from digest_tui.search.query import Query

Numbers = set[int] | None


@dataclass(frozen=True, slots=True)
class Selection:
    """The matching article numbers in display order, and why some terms were ignored."""

    numbers: list[int]
    errors: tuple[str, ...] = ()
    scores: dict[int, float] = field(default_factory=dict)
    """Fuzzy score per matching article, when the query has plain words."""


def select(
    catalog: Catalog,
    filters: Filters,
    fulltext: FullTextSearch | None,
    state: ReaderStateView | None,
) -> Selection:
    """Every article of `catalog` that passes `filters`, in the order they ask for."""
    query = filters.query
    errors = list(query.errors)
    chosen = _by_metadata(catalog, filters)
    chosen = _by_text(catalog, query, fulltext, chosen)
    chosen = _by_state(catalog, query, state, chosen, errors)
    if not filters.drafts and catalog.drafts:
        chosen = _minus(catalog, chosen, catalog.drafts)
    scores: dict[int, float] = {}
    extra: dict[int, float] = {}
    if query.words:
        scored = filters.order is SortOrder.RELEVANCE
        scores, extra = _by_words(catalog, query, fulltext, scored)
        chosen = _within(chosen, scores.keys() | extra.keys())
    numbers = _ordered(catalog, chosen, filters.order, scores, extra)
    return Selection(numbers, tuple(errors), scores)


def _within(chosen: Numbers, numbers: Collection[int]) -> set[int]:
    if chosen is None:
        return set(numbers)
    chosen.intersection_update(numbers)
    return chosen


def _minus(catalog: Catalog, chosen: Numbers, numbers: Collection[int]) -> set[int]:
    if chosen is None:
        chosen = set(range(len(catalog)))
    chosen.difference_update(numbers)
    return chosen


def _by_metadata(catalog: Catalog, filters: Filters) -> Numbers:
    """Tags, dates, sources and title words: the cheap filters first."""
    query = filters.query
    chosen: Numbers = None
    for tag in (*filters.tags, *query.tags):
        chosen = _within(chosen, catalog.tagged(tag))
    for tag in (*filters.excluded_tags, *query.excluded_tags):
        chosen = _minus(catalog, chosen, catalog.tagged(tag))
    after, before = filters.date_range
    if after is not None or before is not None:
        chosen = _within(chosen, catalog.dated(after, before))
    for source in query.sources:
        chosen = _within(chosen, catalog.sources.containing(source, chosen))
    for source in query.excluded_sources:
        chosen = _minus(catalog, chosen, catalog.sources.containing(source, chosen))
    titles = catalog.matcher.titles
    for word in query.titles:
        chosen = _within(chosen, titles.containing(word, chosen))
    for word in query.excluded_titles:
        chosen = _minus(catalog, chosen, titles.containing(word, chosen))
    return chosen


def _by_text(
    catalog: Catalog, query: Query, fulltext: FullTextSearch | None, chosen: Numbers
) -> Numbers:
    """Exact phrases (metadata or body) and excluded words."""
    matcher = catalog.matcher
    for phrase in query.phrases:
        found = matcher.containing(phrase, chosen)
        found.update(_body_matches(catalog, fulltext, f'"{phrase}"'))
        chosen = _within(chosen, found)
    for phrase in query.excluded_phrases:
        chosen = _minus(catalog, chosen, matcher.containing(phrase, chosen))
        chosen = _minus(catalog, chosen, _body_matches(catalog, fulltext, f'"{phrase}"'))
    for word in query.excluded_words:
        chosen = _minus(catalog, chosen, matcher.containing(word, chosen))
    return chosen


def _by_state(
    catalog: Catalog,
    query: Query,
    state: ReaderStateView | None,
    chosen: Numbers,
    errors: list[str],
) -> Numbers:
    """`is:` terms; checked last among the filters because each is a call per article."""
    if not (query.states or query.excluded_states):
        return chosen
    if state is None:
        errors.append("is: terms need the reader state, which is not available here")
        return chosen
    checks: dict[str, Callable[[str], bool]] = {
        "read": state.is_read,
        "unread": lambda path: not state.is_read(path),
        "starred": state.is_starred,
        "new": state.is_new,
    }
    wanted = [(checks[name], True) for name in query.states]
    wanted += [(checks[name], False) for name in query.excluded_states]
    articles = catalog.articles
    pool = range(len(catalog)) if chosen is None else chosen
    return {n for n in pool if all(check(articles[n].path) is want for check, want in wanted)}


def _by_words(
    catalog: Catalog, query: Query, fulltext: FullTextSearch | None, scored: bool
) -> tuple[dict[int, float], dict[int, float]]:
    """Fuzzy scores for the plain words (all 0 unless `scored`), and full-text ranks for
    body-only matches."""
    scores = catalog.matcher.match(query.words, scored=scored)
    body = _body_matches(catalog, fulltext, " ".join(query.words))
    extra = {number: rank for number, rank in body.items() if number not in scores}
    return scores, extra


def _body_matches(
    catalog: Catalog, fulltext: FullTextSearch | None, terms: str
) -> dict[int, float]:
    """Article number to rank for the bodies that hold `terms`."""
    if fulltext is None:
        return {}
    numbers = catalog.numbers
    found = fulltext.search(terms)
    return {numbers[path]: rank for path, rank in found.items() if path in numbers}


def _ordered(
    catalog: Catalog,
    chosen: Numbers,
    order: SortOrder,
    scores: dict[int, float],
    extra: dict[int, float],
) -> list[int]:
    if order is SortOrder.RELEVANCE and (scores or extra):
        return _by_relevance(catalog, chosen, scores, extra)
    name = SortOrder.NEWEST.value if order is SortOrder.RELEVANCE else order.value
    every, rank = catalog.ordering(name)
    if chosen is None:
        return list(every)
    if len(chosen) * 8 > len(every):
        return [number for number in every if number in chosen]
    return sorted(chosen, key=rank.__getitem__)


def _by_relevance(
    catalog: Catalog, chosen: Numbers, scores: dict[int, float], extra: dict[int, float]
) -> list[int]:
    """Fuzzy matches by score, then body-only matches by rank; ties newest first."""
    _, rank = catalog.ordering(SortOrder.NEWEST.value)
    pool = chosen if chosen is not None else scores.keys() | extra.keys()
    fuzzy = [n for n in pool if n in scores]
    fuzzy.sort(key=rank.__getitem__)
    fuzzy.sort(key=scores.__getitem__, reverse=True)
    body = [n for n in pool if n not in scores]
    body.sort(key=rank.__getitem__)
    body.sort(key=extra.__getitem__, reverse=True)
    return fuzzy + body
