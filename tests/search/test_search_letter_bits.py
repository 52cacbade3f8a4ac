"""The letters a title holds rule out only titles that cannot hold a needle in order."""

from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.search.engine import bits
from digest_tui.search.engine.letters import LetterBits
from digest_tui.search.engine.packing import normalise_all

# Empty titles, non-ASCII letters, digits and punctuation beside plain letters.
texts = st.lists(st.text(alphabet="abkqzäéß1 .-\u2014", max_size=12), max_size=60)
needles = st.text(alphabet="abkqzäé1 .", min_size=1, max_size=5)


def _holds_in_order(text, needle):
    rest = iter(text)
    return all(char in rest for char in needle)


@settings(max_examples=200, deadline=None)
@given(texts, needles, st.none() | st.sets(st.integers(0, 59)))
def test_the_titles_passing_are_those_holding_each_plain_letter(titles, needle, among):
    values = normalise_all(titles)
    size = len(values)
    chosen = None if among is None else {n for n in among if n < size}
    passing = LetterBits(values).passing(
        needle, None if chosen is None else bits.from_numbers(chosen, size)
    )
    letters = {char for char in needle if "a" <= char <= "z"}
    expected = [
        number
        for number, value in enumerate(values)
        if letters <= set(value) and (chosen is None or number in chosen)
    ]
    assert passing.tolist() == expected
    # No title that holds the needle in order is ever ruled out.
    held = {
        number
        for number, value in enumerate(values)
        if _holds_in_order(value, needle) and (chosen is None or number in chosen)
    }
    assert held <= set(passing.tolist())


def test_titles_longer_than_a_block_keep_their_own_letters():
    titles = ["kite"] * 20_000 + ["quiz"] + ["kite"] * 20_000
    passing = LetterBits(titles).passing("qz")
    assert passing.tolist() == [20_000]
