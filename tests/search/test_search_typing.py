"""Searching while typing: remembered searches, fresh article lists, early preparation."""

import re
import threading

from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.model import Article
from digest_tui.search import Library, SortOrder
from digest_tui.search.engine.fuzzy import FuzzyMatcher

TITLES = [
    "Solar Kite Sets Altitude Record",
    "Kitchen Robots Kick Off Trade Show Season",
    "AI-powered Kites, Tested",
    "Kites and Drones Share the Sky",
]


def library(titles):
    return Library.of(
        [Article(path=f"{n}.md", title=t, timestamp=float(n)) for n, t in enumerate(titles)]
    )


def titles_of(view):
    return [article.title for article in view]


def test_backspacing_gives_the_same_results_as_typing_fresh():
    typing = library(TITLES)
    for text in ("k", "ki", "kit", "kite", "kit", "ki", "k", "kitc", "kit"):
        view = typing.matching(text).sorted_by(SortOrder.RELEVANCE)
        assert titles_of(view) == titles_of(
            library(TITLES).matching(text).sorted_by(SortOrder.RELEVANCE)
        )


def test_a_new_article_list_is_searched_afresh():
    first = library(TITLES)
    assert titles_of(first.matching("kite"))
    other = library(["Markets Rally", "Kite Festival Opens"])
    assert titles_of(other.matching("kite")) == ["Kite Festival Opens"]
    assert "Kite Festival Opens" not in titles_of(first.matching("kite"))


def test_preparing_in_a_background_thread_changes_no_result():
    titles = TITLES * 50
    expected = titles_of(library(titles).matching("kite record").sorted_by(SortOrder.RELEVANCE))
    prepared = library(titles)
    worker = threading.Thread(target=prepared.prepare)
    worker.start()
    found = titles_of(prepared.matching("kite record").sorted_by(SortOrder.RELEVANCE))
    worker.join()
    prepared.prepare()
    assert found == expected
    assert titles_of(prepared.matching("kite record").sorted_by(SortOrder.RELEVANCE)) == expected


def test_a_word_after_punctuation_counts_as_a_whole_word():
    scores = FuzzyMatcher(TITLES, [()] * 4, [""] * 4).match(["ai"])
    assert scores[2] == 100.0
    assert max(scores, key=scores.__getitem__) == 2
    scores = FuzzyMatcher(TITLES, [()] * 4, [""] * 4).match(["kites,"])
    assert scores[2] == 100.0


@settings(max_examples=200, deadline=None)
@given(
    title=st.text(alphabet="abk -,.é_1", max_size=20),
    needle=st.text(alphabet="abké_1", min_size=1, max_size=3),
)
def test_whole_words_word_starts_and_short_words_are_scored_as_their_definition_says(title, needle):
    score = FuzzyMatcher([title], [()], [""]).match([needle]).get(0)
    lowered = title.lower()
    if len(needle) > 1 and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", lowered):
        assert score == 100.0
    elif re.search(rf"(?<!\w){re.escape(needle)}", lowered):
        assert score == 90.0
    elif needle in lowered and len(needle) > 2:
        assert score == 75.0
    elif len(needle) <= 2:
        # One or two letters inside a word are too common to mean anything.
        assert score is None
    else:
        assert score is None or score <= 50.0
