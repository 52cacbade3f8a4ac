"""Apply a `Filters` value to a `Catalog`: which articles match, and in what order.

Article sets are sets of article numbers (positions in the catalog); `None` stands for
"every article", so that an unfiltered view never builds a 100,000-element set.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from digest_tui.search.engine import bits
from digest_tui.search.engine.catalog import Catalog
from digest_tui.search.engine.fuzzy import TYPO_WHEN_FEWER
from digest_tui.search.engine.matches import SHORT_WORD, Matches
from digest_tui.search.engine.typos import corrections, typo_prone
from digest_tui.search.filters import Filters, SortOrder
from digest_tui.search.protocols import FullTextSearch, ReaderStateView
from digest_tui.search.query import Query
from digest_tui.search.ranking import Ranked, SetBlock, by_relevance

Numbers = int | None
BODY_LIMIT = 500
"""Articles matched by their body alone are the full-text index's best this many."""
BODY_CORRECTIONS = 2
"""Corrections of one mistyped word looked up in the bodies (a full-text query each)."""


@dataclass(frozen=True, slots=True)
class Selection:
    """The matching article numbers in display order, and why some terms were ignored."""

    numbers: Sequence[int]
    errors: tuple[str, ...] = ()
    chosen: Numbers = None
    """The same articles as a `bits` set; None when nothing was filtered out."""
    matches: Matches | None = None
    """What the query's plain words matched, when it has plain words."""
    ascending: bool = False
    """True when `numbers` ascend (newest first), so they are exactly `chosen` in order."""
    body: Mapping[int, float] = field(default_factory=dict)
    """Full-text rank of the articles matched by their bodies (not by every word as typed)."""
    corrected: Mapping[int, float] = field(default_factory=dict)
    """Full-text rank of the articles matched by bodies with a typo corrected."""
    corrected_words: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    """The words each of `corrected` was found with (one of them corrected)."""

    def tier(self, number: int) -> int | None:
        """The relevance tier of a matching article: 0 every word as typed, 1 in the body,
        2 a typo corrected in the title or tags, 3 in the body, 4 letters spread out."""
        matches = self.matches
        if number in self.body:
            return 1
        if number in self.corrected:
            return 3
        if matches is None or not bits.contains(matches.found, number):
            return None
        if bits.contains(matches.scattered, number):
            return 4
        return 2 if bits.contains(matches.typos, number) else 0

    def score(self, number: int) -> float | None:
        """The fuzzy score of one article for the plain words, if it matched them."""
        matches = self.matches
        if matches is None or not bits.contains(matches.found, number):
            return None
        return sum(word.score(number) for word in matches.words)


DRAFT = "draft"
"""The one `is:` value read from the article itself rather than the reader state."""


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
    chosen = _by_draft(catalog, query, filters.drafts, chosen)
    matches: Matches | None = None
    extra: dict[int, float] = {}
    corrected: dict[int, float] = {}
    corrected_words: dict[int, tuple[str, ...]] = {}
    if query.words:
        scored = filters.order is SortOrder.RELEVANCE
        matches, extra = _by_words(catalog, query, fulltext, scored)
        found = matches.found | bits.from_numbers(extra, len(catalog))
        if fulltext is not None and found.bit_count() < TYPO_WHEN_FEWER:
            corrected, corrected_words = _corrected_in_bodies(catalog, query, fulltext, found)
            found |= bits.from_numbers(corrected, len(catalog))
        chosen = _within(chosen, found)
    numbers = _ordered(catalog, chosen, filters.order, matches, extra, corrected)
    ascending = filters.order is SortOrder.NEWEST or (
        filters.order is SortOrder.RELEVANCE and matches is None
    )
    return Selection(
        numbers, tuple(errors), chosen, matches, ascending, extra, corrected, corrected_words
    )


def leaving_out(catalog: Catalog, selection: Selection, order: SortOrder, gone: int) -> Selection:
    """`selection` without the articles of the set `gone`: what `select` gives with them
    left out, ordered again but not searched again."""
    chosen = (catalog.everything if selection.chosen is None else selection.chosen) & ~gone
    body, corrected = dict(selection.body), dict(selection.corrected)
    numbers = _ordered(catalog, chosen, order, selection.matches, body, corrected)
    return replace(selection, numbers=numbers, chosen=chosen)


def _within(chosen: Numbers, numbers: int) -> int:
    return numbers if chosen is None else chosen & numbers


def _minus(catalog: Catalog, chosen: Numbers, numbers: int) -> int:
    return (catalog.everything if chosen is None else chosen) & ~numbers


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
    for category in query.categories:
        chosen = _within(chosen, catalog.categorised(category))
    for category in query.excluded_categories:
        chosen = _minus(catalog, chosen, catalog.categorised(category))
    for year in query.years:
        chosen = _within(chosen, catalog.dated(date(year, 1, 1), date(year, 12, 31)))
    for year in query.excluded_years:
        chosen = _minus(catalog, chosen, catalog.dated(date(year, 1, 1), date(year, 12, 31)))
    if filters.left_out:
        chosen = _minus(catalog, chosen, catalog.at_paths(filters.left_out))
    if filters.left_out_set:
        chosen = _minus(catalog, chosen, filters.left_out_set)
    for source in query.sources:
        chosen = _within(chosen, catalog.sources_containing(source, chosen))
    for source in query.excluded_sources:
        chosen = _minus(catalog, chosen, catalog.sources_containing(source, chosen))
    for word in query.titles:
        chosen = _within(chosen, catalog.titles_containing(word, chosen))
    for word in query.excluded_titles:
        chosen = _minus(catalog, chosen, catalog.titles_containing(word, chosen))
    return chosen


def _by_text(
    catalog: Catalog, query: Query, fulltext: FullTextSearch | None, chosen: Numbers
) -> Numbers:
    """Exact phrases (metadata or body) and excluded words."""
    size = len(catalog)
    for phrase in query.phrases:
        found = catalog.containing(phrase, chosen)
        found |= bits.from_numbers(_body_matches(catalog, fulltext, f'"{phrase}"'), size)
        chosen = _within(chosen, found)
    for phrase in query.excluded_phrases:
        chosen = _minus(catalog, chosen, catalog.containing(phrase, chosen))
        body = _body_matches(catalog, fulltext, f'"{phrase}"')
        chosen = _minus(catalog, chosen, bits.from_numbers(body, size))
    for word in query.excluded_words:
        chosen = _minus(catalog, chosen, catalog.containing(word, chosen))
    return chosen


def _by_draft(catalog: Catalog, query: Query, drafts: bool, chosen: Numbers) -> Numbers:
    """`is:draft` lists only drafts, even where drafts are left out; `-is:draft` none."""
    if DRAFT in query.states:
        return _within(chosen, catalog.drafts)
    if (not drafts or DRAFT in query.excluded_states) and catalog.drafts:
        return _minus(catalog, chosen, catalog.drafts)
    return chosen


def _by_state(
    catalog: Catalog,
    query: Query,
    state: ReaderStateView | None,
    chosen: Numbers,
    errors: list[str],
) -> Numbers:
    """`is:` terms; checked last among the filters because each is a call per article."""
    states = [name for name in query.states if name != DRAFT]
    excluded = [name for name in query.excluded_states if name != DRAFT]
    if not (states or excluded):
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
    wanted = [(checks[name], True) for name in states]
    wanted += [(checks[name], False) for name in excluded]
    articles = catalog.articles
    pool = range(len(catalog)) if chosen is None else catalog.members(chosen)
    kept = (n for n in pool if all(check(articles[n].path) is want for check, want in wanted))
    return bits.from_numbers(kept, len(catalog))


def _by_words(
    catalog: Catalog, query: Query, fulltext: FullTextSearch | None, scored: bool
) -> tuple[Matches, dict[int, float]]:
    """What the plain words matched fuzzily (unscored unless `scored`), and full-text
    ranks for body-only matches."""
    # Short words match only at title and tag word starts, never in bodies: a one- or
    # two-letter body search matches most articles and costs over a second at 100,000.
    long_words = [word for word in query.words if len(word) > SHORT_WORD]
    body_soon = None
    if long_words and fulltext is not None:
        # The body query runs on another core while the words are matched here.
        terms = " ".join(long_words)
        body_soon = catalog.bodies_soon(fulltext, terms, BODY_LIMIT)
    matches = catalog.words(query.words, scored=scored)
    if body_soon is None:
        return matches, {}
    body = body_soon()
    if body:
        short_words = [word for word in query.words if len(word) <= SHORT_WORD]
        size = len(catalog)
        # A word found in the body ranks above a typo or scattered letters in the title.
        selector = bits.mask(matches.exact, size)
        body = {number: rank for number, rank in body.items() if not selector[number]}
        if body and short_words:
            # A body-only match still needs every short word at a title or tag word
            # start; only those few articles are searched, and the memory of the typed
            # words (for narrowing the next keystroke) is left alone.
            needed = catalog.words_among(short_words, bits.from_numbers(body, size))
            body = {number: rank for number, rank in body.items() if bits.contains(needed, number)}
    return matches, body


def _corrected_in_bodies(
    catalog: Catalog, query: Query, fulltext: FullTextSearch, found: int
) -> tuple[dict[int, float], dict[int, tuple[str, ...]]]:
    """Article number to rank for bodies holding the query's words with one word's typo
    corrected from the bodies' own words (few matches otherwise; a word the bodies hold as
    typed is not corrected), and to the words found; `found` left out."""
    body_words = getattr(fulltext, "body_words", None)  # small test fakes lack it
    long_words = [word for word in query.words if len(word) > SHORT_WORD]
    corrected: dict[int, float] = {}
    words_found: dict[int, tuple[str, ...]] = {}
    if body_words is None:
        return corrected, words_found
    for place, word in enumerate(long_words):
        if not typo_prone(word):
            continue
        known = body_words(word[0])
        if word in known:
            continue  # a word the bodies hold is no typo
        for correction in corrections(word, known)[:BODY_CORRECTIONS]:
            words = (*long_words[:place], correction, *long_words[place + 1 :])
            for number, rank in catalog.bodies(fulltext, " ".join(words), BODY_LIMIT).items():
                if not bits.contains(found, number) and number not in corrected:
                    corrected[number] = rank
                    words_found[number] = words
    return corrected, words_found


def _body_matches(
    catalog: Catalog, fulltext: FullTextSearch | None, terms: str, limit: int | None = None
) -> dict[int, float]:
    """Article number to rank for the bodies that hold `terms` (the best `limit`)."""
    if fulltext is None:
        return {}
    return catalog.bodies(fulltext, terms, limit)


def _ordered(
    catalog: Catalog,
    chosen: Numbers,
    order: SortOrder,
    matches: Matches | None,
    extra: dict[int, float],
    corrected: dict[int, float],
) -> Sequence[int]:
    if order is SortOrder.RELEVANCE and matches is not None:
        every = catalog.everything if chosen is None else chosen
        return by_relevance(len(catalog), every, matches, extra, corrected)
    name = SortOrder.NEWEST.value if order is SortOrder.RELEVANCE else order.value
    if chosen is None:
        return catalog.ordering(name)
    if name == SortOrder.NEWEST.value:
        # Listed only as far as they are read: the count and the first screenful cost a
        # few C calls, where listing half a million numbers costs tens of milliseconds.
        block = SetBlock(chosen, len(catalog))
        return Ranked(((block.count, block),))
    return catalog.ordered(name, chosen)
