"""A field answers each search as a plain scan would, whatever was searched before."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.article_columns import as_picked
from digest_tui.search.engine import bits
from digest_tui.search.engine import haystack as haystack_module
from digest_tui.search.engine.haystack import Haystack

WORDS = ["kite", "Kitchen", "quantum", "chip", "sol", "solar", "k", "qu", "ä", "12", "x123", "v1.2"]
values = st.lists(
    st.lists(st.sampled_from(WORDS), max_size=3).map(" ".join), min_size=1, max_size=40
)
# Digits too: each packed value ends in its article's number, which must never match.
needles = st.sampled_from(
    ["k", "ki", "kit", "kite", "q", "qu", "so", "sol", "solar", " k", "ä", "12", "123", "1.2"]
    + ["e k", "kite q", "chip sol", "n solar", " ", "quantum chip", "12 x1"]  # whitespace
)


@pytest.mark.usefixtures("both_set_builders")
@settings(max_examples=200, deadline=None)
@given(
    values,
    st.lists(st.tuples(needles, st.none() | st.sets(st.integers(0, 39))), max_size=12),
    st.booleans(),
    st.booleans(),
)
def test_containing_matches_a_plain_scan(texts, searches, tokens_indexed, shared):
    """`shared`: the values given once per distinct value, each tested once."""
    haystack = Haystack(as_picked(texts) if shared else texts)
    if tokens_indexed:
        haystack.index_tokens()
    size = len(texts)
    for needle, among in searches:
        chosen = None if among is None else {n for n in among if n < size}
        among_bits = None if chosen is None else bits.from_numbers(chosen, size)
        expected = {n for n, text in enumerate(texts) if needle in text.lower()}
        if chosen is not None:
            expected &= chosen
        found = haystack.containing(needle, among_bits)
        assert bits.members(found, size) == sorted(expected)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 2999), st.sampled_from(WORDS)), max_size=25),
    st.sampled_from(["kit", "kite", "sol", "solar", "123", "1.2", "x12"]),
)
def test_a_rare_needle_among_thousands_is_found_as_a_plain_scan_finds_it(planted, needle):
    texts = ["plain filler"] * 3000  # numbers 0-2999 hold "12", "123"... after each value
    for number, word in planted:
        texts[number] = f"{texts[number]} {word}"
    expected = [n for n, text in enumerate(texts) if needle in text.lower()]
    found = Haystack(texts).containing(needle)
    assert bits.members(found, len(texts)) == expected


def test_a_big_field_holds_one_copy_and_finds_what_a_small_one_finds(monkeypatch):
    texts = [f"Plain FILLER {n % 7}" for n in range(3000)]
    for number in (5, 1200, 2999):
        texts[number] += " Solar Kite İstanbul"
    small = Haystack(texts)
    small.prepare()
    monkeypatch.setattr(haystack_module, "PACKED_UP_TO", 1000)
    big = Haystack(texts)
    big.prepare()
    assert big._packed is None, "a million values are not packed a second time"
    assert not isinstance(big.values, list), "nor kept lower-cased beside the given ones"
    few = bits.from_numbers(range(0, 3000, 500), 3000)
    for indexed in (False, True):
        if indexed:
            big.index_tokens()
            small.index_tokens()
        for needle in ("solar kite", "kit", "filler 3", "istanbul", "i̇stanbul", "nowhere"):
            expected = [n for n, text in enumerate(texts) if needle in text.lower()]
            found = big.containing(needle)
            assert found == small.containing(needle)
            assert bits.members(found, 3000) == expected
            within = big.containing(needle, few)
            assert bits.members(within, 3000) == [n for n in expected if n % 500 == 0]
    assert big._packed is None, "nor packed by a search"


@pytest.mark.usefixtures("both_set_builders")
@settings(max_examples=100, deadline=None)
@given(
    values, st.sampled_from(["k", "ki", "sol", "12", "x1"]), st.none() | st.sets(st.integers(0, 39))
)
def test_a_field_shared_by_many_articles_answers_a_pattern_as_each_value_would(
    texts, needle, among
):
    shared = Haystack(as_picked(texts * 3))  # each distinct value held by several articles
    size = len(texts) * 3
    chosen = None if among is None else {n for n in among if n < size}
    among_bits = None if chosen is None else bits.from_numbers(chosen, size)
    pattern = rf"(?<!\w){needle}"
    expected = {n for n, text in enumerate(texts * 3) if re.search(pattern, text.lower())}
    if chosen is not None:
        expected &= chosen
    assert bits.members(shared.scan(pattern, among_bits), size) == sorted(expected)


def _holds_in_order(text, needle):
    rest = iter(text)
    return all(char in rest for char in needle)


@pytest.mark.usefixtures("both_set_builders")
@settings(max_examples=100, deadline=None)
@given(
    values,
    st.sampled_from(["kt", "ktn", "qch", "sr", "äk", "12", "v.2", "kitchen", "zz"]),
    st.none() | st.sets(st.integers(0, 39)),
    st.booleans(),
)
def test_scattered_letters_are_found_as_a_letter_by_letter_check_finds_them(
    texts, needle, among, letters_indexed
):
    haystack = Haystack(texts)
    if letters_indexed:
        haystack.index_letters()
    size = len(texts)
    chosen = None if among is None else {n for n in among if n < size}
    among_bits = None if chosen is None else bits.from_numbers(chosen, size)
    expected = {n for n, text in enumerate(texts) if _holds_in_order(text.lower(), needle)}
    if chosen is not None:
        expected &= chosen
    assert bits.members(haystack.subsequence(needle, among_bits), size) == sorted(expected)
