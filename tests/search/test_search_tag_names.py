"""The tags field answers through its tag names exactly as a test of every tag list does."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.article_columns import as_picked
from digest_tui.search.engine import bits
from digest_tui.search.engine.haystack import fenced_tag
from digest_tui.search.engine.tag_names import PackedTags, TagNames, packed_tags

# Case, spaces, non-ASCII, an empty tag and, from hostile files, the fence itself.
TAGS = ["AI", "ai", "Chips", "quantum chip", "Äpfel", "", "x\x01y", "solar", "sol"]
tag_lists = st.lists(
    st.lists(st.sampled_from(TAGS), max_size=3).map(tuple), min_size=1, max_size=40
)
needles = st.sampled_from(
    ["ai", "a", "chip", "quantum chip", "äp", "sol", "x", "y", "i\x01\x01c", "\x01"]
    + [fenced_tag(tag.lower()) for tag in TAGS]
)


@pytest.mark.usefixtures("both_set_builders")
@settings(max_examples=150, deadline=None)
@given(tag_lists, st.lists(st.tuples(needles, st.none() | st.sets(st.integers(0, 39)))))
def test_found_through_names_as_by_a_test_of_every_list(lists, searches):
    indexed = PackedTags(as_picked(lists))
    indexed.index_names()
    size = len(lists)
    for needle, among in searches:
        chosen = None if among is None else {n for n in among if n < size}
        among_bits = None if chosen is None else bits.from_numbers(chosen, size)
        expected = {n for n, packed in enumerate(packed_tags(lists)) if needle in packed}
        if chosen is not None:
            expected &= chosen
        assert bits.members(indexed.containing(needle, among_bits), size) == sorted(expected)


def test_a_needle_spanning_two_tags_is_left_to_the_scan():
    names = TagNames([("ai", "chips")], ["\x01ai\x01\x01chips\x01"], [0])
    assert names.containing("i\x01\x01c") is None
    assert names.containing(fenced_tag("chips")) == 1


def test_each_article_gets_its_lists_answer():
    lists = [("AI",), ("Chips", "AI"), ("Solar",)] * 3
    names = TagNames(*_distinct(lists))
    assert bits.members(names.containing("ai"), 9) == [0, 1, 3, 4, 6, 7]
    assert bits.members(names.containing(fenced_tag("chips")), 9) == [1, 4, 7]
    assert names.containing("zz") == 0


def _distinct(lists):
    column = as_picked(lists)
    return column.distinct, packed_tags(list(column.distinct)), column.base
