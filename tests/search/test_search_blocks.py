"""A relevance ranking reads the same however it is read: by slice, index or iteration."""

from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.search.engine import bits
from digest_tui.search.ranking import Ranked, SetBlock

SIZE = 700
blocks = st.lists(
    st.tuples(st.sets(st.integers(0, SIZE - 1), max_size=400), st.sampled_from(["set", "list"])),
    max_size=4,
)
reads = st.lists(
    st.tuples(st.integers(-800, 1600), st.integers(0, 1600), st.integers(1, 3)), max_size=8
)


def ranked_of(cases):
    made = []
    for numbers, kind in cases:
        if kind == "set":
            block = SetBlock(bits.from_numbers(numbers, SIZE), SIZE)
            made.append((block.count, block))
        else:
            made.append((len(numbers), sorted(numbers, reverse=True)))
    return Ranked(made)


def expected_of(cases):
    every = []
    for numbers, kind in cases:
        every += sorted(numbers) if kind == "set" else sorted(numbers, reverse=True)
    return every


@settings(max_examples=300, deadline=None)
@given(blocks, reads)
def test_reading_a_ranking_in_any_order_gives_the_same_numbers(cases, slices):
    ranked, expected = ranked_of(cases), expected_of(cases)
    assert len(ranked) == len(expected)
    for start, stop, step in slices:
        assert ranked[start:stop:step] == expected[start:stop:step]
        if -len(expected) <= start < len(expected):
            assert ranked[start] == expected[start]
    assert list(ranked) == expected
    assert ranked[::-1] == expected[::-1]
