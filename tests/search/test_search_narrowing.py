"""Any run of queries, typed one after another, finds what each query finds alone."""

from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.model import Article
from digest_tui.search import FuzzyMatcher, Library, SortOrder

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
    typing = Library(articles)
    for text in ("quantum", "quantum c", "quantum ch", "quantum chi", "quantum chip"):
        typed = [a.title for a in typing.matching(text).sorted_by(SortOrder.RELEVANCE)]
        fresh = [a.title for a in Library(articles).matching(text).sorted_by(SortOrder.RELEVANCE)]
        assert typed == fresh
        if text == "quantum chi":
            assert "Quantum Kitchen Kite" in typed
    assert typed == ["Quantum Chip Ships"]
