"""A field answers each search as a plain scan would, whatever was searched before."""

from hypothesis import given, settings
from hypothesis import strategies as st

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
)


@settings(max_examples=200, deadline=None)
@given(values, st.lists(st.tuples(needles, st.none() | st.sets(st.integers(0, 39))), max_size=12))
def test_containing_matches_a_plain_scan(texts, searches):
    haystack = Haystack(texts)
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


def test_a_field_too_big_to_pack_finds_what_a_packed_one_finds(monkeypatch):
    texts = [f"plain filler {n % 7}" for n in range(3000)]
    for number in (5, 1200, 2999):
        texts[number] += " Solar kite"
    packed = Haystack(texts)
    packed.prepare()
    monkeypatch.setattr(haystack_module, "PACKED_UP_TO", 1000)
    unpacked = Haystack(texts)
    unpacked.prepare()
    assert unpacked._packed is None, "a million values are not held a second time"
    for needle in ("solar kite", "kit", "filler 3", "nowhere"):
        found = unpacked.containing(needle)
        assert found == packed.containing(needle)
        assert bits.members(found, 3000) == [n for n, t in enumerate(texts) if needle in t.lower()]
    assert unpacked._packed is None, "nor packed by a search"
