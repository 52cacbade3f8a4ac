"""A big folder's column counts (`Tally`) agree with counting the chosen values one by one."""

from collections import Counter
from itertools import chain, compress

from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.search.engine.tallies import Tally

# Shared objects, as the columns hold them, and equal values kept as separate objects.
TUPLES = [(), ("ai",), ("ai", "chips"), tuple(["ai"]), ("solar",), ()]
WORDS = ["", "wire", "ledger", "".join(["wi", "re"])]


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_tally_counts_what_a_counter_over_the_chosen_values_counts(data):
    many = data.draw(st.booleans())
    column = data.draw(st.lists(st.sampled_from(TUPLES if many else WORDS), max_size=40))
    chosen = data.draw(st.lists(st.booleans(), min_size=len(column), max_size=len(column)))
    selector = bytes(chosen)
    picked = list(compress(column, selector))
    expected = Counter(chain.from_iterable(picked) if many else picked)
    tally = Tally(column, many)
    assert tally.counts(selector) == expected
    assert tally.counts(None) == Counter(chain.from_iterable(column) if many else column)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TUPLES), max_size=40))
def test_a_tallys_holders_are_the_articles_holding_each_value(column):
    expected: dict[str, list[int]] = {}
    for number, values in enumerate(column):
        for value in values:
            expected.setdefault(value, []).append(number)
    found = {value: numbers.tolist() for value, numbers in Tally(column, True).holders().items()}
    assert found == expected
