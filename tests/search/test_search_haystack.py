"""A field answers each search as a plain scan would, whatever was searched before."""

from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.search.engine import bits
from digest_tui.search.engine.haystack import Haystack

WORDS = ["kite", "Kitchen", "quantum", "chip", "sol", "solar", "k", "qu", "ä"]
values = st.lists(
    st.lists(st.sampled_from(WORDS), max_size=3).map(" ".join), min_size=1, max_size=40
)
needles = st.sampled_from(["k", "ki", "kit", "kite", "q", "qu", "so", "sol", "solar", " k", "ä"])


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
