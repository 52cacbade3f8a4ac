"""Article sets as ints list the same members however they are built or listed."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.search.engine import bits

pytestmark = pytest.mark.usefixtures("both_set_builders")

sets = st.integers(min_value=1, max_value=300).flatmap(
    lambda size: st.tuples(
        st.just(size),
        st.sets(st.integers(0, size - 1)),
        st.sets(st.integers(0, size - 1)),
    )
)


@settings(max_examples=300, deadline=None)
@given(sets)
def test_listing_a_set_gives_its_numbers_ascending(case):
    size, numbers, _ = case
    expected = sorted(numbers)
    built = bits.from_numbers(numbers, size)
    remembered = bits.SetNumbers(size)
    assert bits.members(built, size) == expected
    assert list(remembered.numbers_of(built)) == expected
    # Listed again (now from memory) and built from a sorted list: the same.
    assert list(remembered.numbers_of(built)) == expected
    assert remembered.members(built) == expected
    assert remembered.members(remembered.from_ascending(expected)) == expected


@settings(max_examples=300, deadline=None)
@given(sets)
def test_an_intersection_lists_the_common_numbers(case):
    size, first, second = case
    remembered = bits.SetNumbers(size)
    a = remembered.from_ascending(sorted(first))
    b = bits.from_numbers(second, size)
    both = remembered.intersection(a, b)
    assert both == a & b
    assert list(remembered.numbers_of(both)) == sorted(first & second)
    assert remembered.members(remembered.intersection(b, a)) == sorted(first & second)


@settings(max_examples=300, deadline=None)
@given(sets, st.integers(0, 60), st.integers(0, 320))
def test_first_members_are_a_prefix_from_start(case, count, start):
    size, numbers, _ = case
    built = bits.from_numbers(numbers, size)
    expected = [n for n in sorted(numbers) if n >= start][:count]
    assert bits.first_members(built, size, count, start) == expected


def test_a_dense_and_a_sparse_set_list_alike():
    size = 1000
    for numbers in (range(0, size, 2), range(0, size, 97), range(size)):
        built = bits.from_numbers(numbers, size)
        assert bits.members(built, size) == list(numbers)


@settings(max_examples=300, deadline=None)
@given(sets)
def test_a_set_built_from_flags_or_numbers_selects_its_members(case):
    size, numbers, _ = case
    flags = [number in numbers for number in range(size)]
    built = bits.from_flags(flags)
    assert built == bits.from_numbers(numbers, size)
    assert bits.mask(built, size) == bytes(flags)
    assert built.bit_count() == len(numbers)
    assert all(bits.contains(built, number) is flag for number, flag in enumerate(flags))


@settings(max_examples=300, deadline=None)
@given(sets, st.integers(0, 320))
def test_splitting_a_set_parts_the_members_below_a_number_from_the_rest(case, number):
    size, numbers, _ = case
    below, rest = bits.split(bits.from_numbers(numbers, size), number)
    assert bits.members(below, size) == sorted(n for n in numbers if n < number)
    assert bits.members(rest, size) == sorted(n for n in numbers if n >= number)


@pytest.mark.parametrize("size", [0, 1, 7, 8, 9, 1000])
def test_every_article_is_in_the_full_set_and_none_beyond(size):
    every = bits.full(size)
    assert bits.members(every, size) == list(range(size))
    assert bits.mask(every, size) == b"\x01" * size
    assert every.bit_count() == size


@settings(max_examples=300, deadline=None)
@given(sets, st.randoms())
def test_picking_among_a_set_keeps_the_members_whose_flag_is_set(case, chance):
    size, numbers, _ = case
    ordered = sorted(numbers)
    flags = [chance.random() < 0.5 for _ in ordered]
    selector = bits.mask(bits.from_numbers(numbers, size), size)
    chosen = bits.picked(selector, bytes(flags))
    assert bits.members(chosen, size) == [n for n, flag in zip(ordered, flags, strict=True) if flag]
