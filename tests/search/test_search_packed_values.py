"""Packed field values read back exactly as the values they were made from."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.search.engine import bits
from digest_tui.search.engine.haystack import Haystack, word_start_pattern
from digest_tui.search.engine.packed_values import CHUNK, PackedValues

# Wide characters too: each chunk is as wide as its widest character.
letters = st.sampled_from(["a", "b", "k", " ", "é", "😀", "\x01"])


def spread(pieces: list[str], size: int, step: int) -> list[str]:
    """`size` values drawn from `pieces` in a scattered order, across several chunks."""
    return [pieces[(number * step) % len(pieces)] for number in range(size)]


pieces = st.lists(st.lists(letters, max_size=6).map("".join), min_size=1, max_size=20)
values = st.builds(spread, pieces, st.integers(0, 3 * CHUNK + 5), st.integers(1, 7))


@settings(max_examples=40, deadline=None)
@given(values, st.data())
def test_every_value_reads_back_by_number_by_run_and_in_order(texts, data):
    packed = PackedValues(texts)
    assert len(packed) == len(texts)
    assert list(packed) == texts
    assert [value for _first, part in packed.parts() for value in part] == texts
    assert [packed[number] for number in range(len(texts))] == texts
    if texts:
        number = data.draw(st.integers(-len(texts), -1))
        assert packed[number] == texts[number]
        start = data.draw(st.integers(0, len(texts)))
        assert packed[start : start + 40] == texts[start : start + 40]
    chosen = sorted(data.draw(st.sets(st.integers(0, max(len(texts) - 1, 0)))) if texts else [])
    assert packed.at(chosen) == [texts[number] for number in chosen]
    every_third = range(0, len(texts), 3)
    assert packed.at(every_third) == texts[::3]


@settings(max_examples=40, deadline=None)
@given(values, st.sampled_from(["a", "ab", "k ", "é", "😀", "\x01b", " "]))
def test_values_containing_a_needle_are_those_a_plain_scan_finds(texts, needle):
    packed = PackedValues(texts)
    assert packed.containing(needle) == [n for n, text in enumerate(texts) if needle in text]
    pattern = re.compile(word_start_pattern(needle.strip() or "a", whole=True))
    found = [n for n, text in enumerate(texts) if pattern.search(text)]
    assert packed.matching(pattern) == found


def test_made_values_are_packed_a_chunk_at_a_time():
    made_parts = []

    def upper(part):
        made_parts.append(len(part))
        return [value.upper() for value in part]

    texts = [f"title {number}" for number in range(2 * CHUNK + 3)]
    packed = PackedValues(texts, upper)
    assert list(packed) == [text.upper() for text in texts]
    assert made_parts == [CHUNK, CHUNK, 3]


def test_a_value_holding_a_line_break_is_refused():
    with pytest.raises(ValueError, match="line break"):
        PackedValues(["one", "two\nthree"])
    with pytest.raises(IndexError):
        PackedValues(["one"])[1]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 3 * CHUNK), st.sampled_from(["kite", "kiln", "sky"]))),
    st.sampled_from(["ki", "kit", "kite", "ke", "sky", "skt"]),
    st.none() | st.sets(st.integers(0, 3 * CHUNK), max_size=300),
)
def test_a_field_of_several_chunks_answers_as_a_plain_scan(planted, needle, chosen):
    texts = ["plain filler words"] * (3 * CHUNK + 1)
    for number, word in planted:
        texts[number] = f"{texts[number]} {word}"
    size = len(texts)
    among = None if chosen is None else bits.from_numbers(sorted(chosen), size)
    allowed = set(range(size)) if chosen is None else chosen
    field = Haystack(texts)
    contained = [n for n, text in enumerate(texts) if needle in text and n in allowed]
    assert bits.members(field.containing(needle, among), size) == contained
    pattern = re.compile(word_start_pattern(needle))
    started = [n for n, text in enumerate(texts) if pattern.search(text) and n in allowed]
    assert bits.members(field.scan(word_start_pattern(needle), among), size) == started
    in_order = re.compile(".*".join(map(re.escape, needle)))
    ordered = [n for n, text in enumerate(texts) if in_order.search(text) and n in allowed]
    assert bits.members(field.subsequence(needle, among), size) == ordered
