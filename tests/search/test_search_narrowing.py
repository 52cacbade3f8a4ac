"""Any run of queries, typed one after another, finds what each query finds alone."""

from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.model import Article
from digest_tui.search import Library, SortOrder
from digest_tui.search.engine import bits
from digest_tui.search.engine.fuzzy import FuzzyMatcher
from digest_tui.search.engine.haystack import Haystack

WORDS = [
    "kitchen kite",
    "kite",
    "kitchen",
    "quantum",
    "chip",
    "chips",
    "solar",
    "north",
    "gate",
    "sky",
]
titles = st.lists(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join),
    min_size=1,
    max_size=25,
)
# Queries typed letter by letter, one after another: words grow, repeat and change.
targets = st.lists(
    st.lists(st.sampled_from(WORDS + ["kit", "qua", "c"]), min_size=1, max_size=3).map(" ".join),
    min_size=1,
    max_size=3,
)


def typed(texts):
    return [text[:end].split() for text in texts for end in range(1, len(text) + 1)]


@settings(max_examples=300, deadline=None)
@given(titles=titles, texts=targets, modes=st.lists(st.booleans(), min_size=1, max_size=4))
def test_each_query_in_a_run_matches_as_if_searched_fresh(titles, texts, modes):
    """Scored (relevance) and unscored searches may alternate, as sort changes do."""
    tags = [tuple(title.split()[-1:]) for title in titles]
    typing = FuzzyMatcher(titles, tags, titles)
    for number, words in enumerate(typed(texts)):
        scored = modes[number % len(modes)]
        found = typing.match(words, scored=scored)
        assert found == FuzzyMatcher(titles, tags, titles).match(words, scored=scored)


def test_typing_a_second_word_letter_by_letter_keeps_the_same_results():
    articles = [
        Article(path=f"{n}.md", title=title, timestamp=float(n))
        for n, title in enumerate(
            [
                "Quantum Chip Ships",
                "Quantum Computing Chills",
                "Chip Makers",
                "Quantum Kitchen Kite",  # "chi" in order, yet no word starts with "c"
                "Quantum Sky",
            ]
        )
    ]
    typing = Library.of(articles)
    for text in ("quantum", "quantum c", "quantum ch", "quantum chi", "quantum chip"):
        typed = [a.title for a in typing.matching(text).sorted_by(SortOrder.RELEVANCE)]
        fresh = [
            a.title for a in Library.of(articles).matching(text).sorted_by(SortOrder.RELEVANCE)
        ]
        assert typed == fresh
        if text == "quantum chi":
            assert "Quantum Kitchen Kite" in typed
    assert typed == ["Quantum Chip Ships"]


@settings(max_examples=300, deadline=None)
@given(
    values=st.lists(st.text(alphabet="abck ", max_size=8), min_size=1, max_size=20),
    calls=st.lists(
        st.tuples(
            st.booleans(),
            st.text(alphabet="abck ", min_size=1, max_size=4),
            st.none() | st.sets(st.integers(0, 19)),
        ),
        min_size=1,
        max_size=10,
    ),
)
def test_a_field_answers_each_search_as_if_asked_first(values, calls):
    """A field narrows a search by its recent answers; the answer must not change."""
    field = Haystack(values)
    size = len(values)
    for in_order, needle, chosen in calls:
        among = None if chosen is None else bits.from_numbers((n for n in chosen if n < size), size)
        fresh = Haystack(values)
        if in_order:
            assert field.subsequence(needle, among) == fresh.subsequence(needle, among)
        else:
            assert field.containing(needle, among) == fresh.containing(needle, among)
