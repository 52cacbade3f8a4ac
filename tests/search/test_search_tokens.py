"""Searching a field through its tokens finds exactly what reading every value finds."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.model import Article
from digest_tui.search import Library, SortOrder
from digest_tui.search.engine import bits
from digest_tui.search.engine.haystack import Haystack
from digest_tui.search.engine.packing import spaced_words
from digest_tui.search.engine.tokens import TokenIndex

pytestmark = pytest.mark.usefixtures("both_set_builders")

# Spaces of several kinds (a tab, a no-break space, a line separator, an information
# separator that str.split also splits at), punctuation, digits, accents and CJK.
PIECES = ["kite", "Kitchen", "sol", "solar", "k", "ä", "12", "x123", "v1.2", "gpt-4o", "東京"]
GAPS = [" ", "  ", "\t", "\xa0", "\u2028", "\x1c", "-", ""]
texts = st.lists(
    st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GAPS)), max_size=4).map(
        lambda parts: "".join(piece + gap for piece, gap in parts)
    ),
    min_size=1,
    max_size=30,
)
needles = st.sampled_from(
    ["k", "ki", "kit", "kite", "ol", "sol", "12", "123", "1.2", "-4", "4o", "ä", "東", "京",
     "e s", "e\xa0s", "kite\t", " k", " kite ", "\x1c", "", "zzz"]
)  # fmt: skip


def members(found, size):
    return bits.members(found, size)


@settings(max_examples=200, deadline=None)
@given(texts, st.lists(st.tuples(needles, st.none() | st.sets(st.integers(0, 29))), max_size=8))
def test_a_field_with_its_tokens_indexed_answers_as_a_scan_does(values, searches):
    indexed = Haystack(values)
    indexed.index_tokens()
    size = len(values)
    for needle, among in searches:
        chosen = None if among is None else {n for n in among if n < size}
        among_bits = None if chosen is None else bits.from_numbers(chosen, size)
        expected = {n for n, value in enumerate(values) if needle.lower() in value.lower()}
        if chosen is not None:
            expected &= chosen
        assert members(indexed.containing(needle, among_bits), size) == sorted(expected)


@settings(max_examples=200, deadline=None)
@given(texts, st.sampled_from(["k", "ki", "kit", "kite", "sol", "12", "x1", "4o", "東"]))
def test_word_starts_and_whole_words_through_tokens_match_a_scan(values, word):
    spaced = spaced_words(values, lower_first=True)
    indexed = Haystack(spaced, normalised=True, spaced=True)
    indexed.index_tokens()
    size = len(values)
    for needle in (f" {word}", f" {word} "):
        expected = [n for n, value in enumerate(spaced) if needle in value]
        assert members(indexed.containing(needle), size) == expected


def test_a_token_index_says_when_only_a_scan_can_answer():
    index = TokenIndex(["solar kite", "kitchen"])
    assert index.containing("two words") is None
    assert index.containing("") is None
    assert members(index.containing("kit"), 2) == [0, 1]
    assert members(index.starting("kit"), 2) == [0, 1]
    assert members(index.starting("ite"), 2) == []
    assert members(index.equal("kite"), 2) == [0]
    assert index.equal("kit") == 0
    assert len(index) == 3


def test_indexing_words_changes_no_search_result():
    titles = [
        "Solar Kite Sets Altitude Record",
        "Kitchen Robots Kick Off Trade Show Season",
        "AI-powered Kites, Tested",
        "Kites and Drones Share the Sky",
        "Ständige Küche: Köln kocht",
    ] * 20
    articles = [
        Article(
            path=f"{n}.md",
            title=title,
            timestamp=float(n),
            tags=("energy", "kite flying") if n % 3 else ("robots",),
            description=f"Story {n} about solar kites and kitchens",
        )
        for n, title in enumerate(titles)
    ]
    plain = Library.of(articles)
    indexed = Library.of(articles)
    indexed.prepare()
    indexed.index_words()
    for query in QUERIES:
        assert listed(indexed, query) == listed(plain, query), query


QUERIES = ("k", "ki", "kit", "kite", "kites", "ai-p", "sol", "story 4", "kitchns", "kte")
QUERIES += ("küche", "flying", "robots", '"solar kite"', "tag:energy kit")


def listed(library, text):
    view = library.matching(text).sorted_by(SortOrder.RELEVANCE)
    return [article.path for article in view.articles]
