"""Scattered letters are looked for only when the exact matches are few."""

from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.model import Article
from digest_tui.search import Library, SortOrder
from digest_tui.search.engine.fuzzy import LETTERS_WHEN_FEWER, FuzzyMatcher


def library(titles):
    articles = [
        Article(path=f"{n:04}.md", title=title, timestamp=float(-n))
        for n, title in enumerate(titles)
    ]
    return Library.of(articles)


def titles_of(view):
    return [article.title for article in view.sorted_by(SortOrder.RELEVANCE)]


def kite_reports(count):
    return [f"Kite Report {n}" for n in range(count)]


def test_scattered_letters_are_listed_when_exact_matches_are_few():
    titles = titles_of(
        library([*kite_reports(LETTERS_WHEN_FEWER - 1), "Kitchen Expo"]).matching("kite")
    )
    assert len(titles) == LETTERS_WHEN_FEWER
    assert titles[-1] == "Kitchen Expo"


def test_scattered_letters_are_not_listed_below_plenty_of_exact_matches():
    view = library([*kite_reports(LETTERS_WHEN_FEWER), "Kitchen Expo"]).matching("kite")
    assert "Kitchen Expo" not in titles_of(view)
    assert len(view) == LETTERS_WHEN_FEWER


def test_an_abbreviation_still_finds_its_word_among_many_articles():
    titles = [*kite_reports(LETTERS_WHEN_FEWER * 2), "Quantum Leap"]
    assert titles_of(library(titles).matching("qntm")) == ["Quantum Leap"]


class FewLetters(FuzzyMatcher):
    letters_when_fewer = 3


WORDS = ["kitchen", "kite", "kind", "tea", "quantum", "chip", "chips", "sky"]


@settings(max_examples=300, deadline=None)
@given(
    titles=st.lists(
        st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join),
        min_size=1,
        max_size=12,
    ),
    texts=st.lists(
        st.lists(st.sampled_from([*WORDS, "kit", "qua"]), min_size=1, max_size=2).map(" ".join),
        min_size=1,
        max_size=3,
    ),
    scored=st.booleans(),
)
def test_typing_crosses_the_threshold_without_changing_any_answer(titles, texts, scored):
    """Keystrokes whose exact matches fall below the threshold look for scattered
    letters again, though the keystroke before them did not."""
    tags = [tuple(title.split()[-1:]) for title in titles]
    typing = FewLetters(titles, tags, titles)
    for text in texts:
        for end in range(1, len(text) + 1):
            words = text[:end].split()
            fresh = FewLetters(titles, tags, titles).match(words, scored=scored)
            assert typing.match(words, scored=scored) == fresh


def test_beyond_the_scattered_window_the_newest_are_ordered_and_the_rest_follow(monkeypatch):
    from digest_tui.search import ranking

    # "xqz" is spread over each title by a run of `gap` letters; titles are newest first.
    gaps = [12, 3, 20, 1, 8, 5, 15, 2]
    articles = library([f"Ox {'a' * gap} Qi Zu report" for gap in gaps])

    def gaps_listed():
        view = articles.matching("xqz").sorted_by(SortOrder.RELEVANCE)
        return [article.title.count("a") for article in view]

    assert gaps_listed() == sorted(gaps)  # the tightest letters first
    monkeypatch.setattr(ranking, "SCATTERED_WINDOW", 3)
    articles = library([f"Ox {'a' * gap} Qi Zu report" for gap in gaps])
    # The three newest by tightness, then the others newest first; none lost.
    assert gaps_listed() == [3, 12, 20, 1, 8, 5, 15, 2]
