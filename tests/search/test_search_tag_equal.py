"""A tag equal to a query word ranks above a tag that only contains it."""

import pytest

from digest_tui.model import Article
from digest_tui.search import Library, SortOrder


def library(tagged, words_indexed):
    articles = [
        Article(path=f"{n:04}.md", title=f"Report {n}", tags=tags, timestamp=float(-n))
        for n, tags in enumerate(tagged)
    ]
    view = Library.of(articles)
    if words_indexed:
        view.index_words()
    return view


def paths(view, text):
    return [a.path for a in view.matching(text).sorted_by(SortOrder.RELEVANCE)]


@pytest.mark.parametrize("words_indexed", [False, True])
def test_a_whole_tag_outranks_a_longer_one_however_the_words_are_found(words_indexed):
    # The newest article's tag only contains the word; newest first would list it first.
    view = library(
        [("Spacecraft",), ("news", "Space"), ("spaces",), ("Machine Learning",)], words_indexed
    )
    assert paths(view, "space") == ["0001.md", "0000.md", "0002.md"]
    short = library([("Airline",), ("news", "AI"), ("aid",)], words_indexed)
    assert paths(short, "ai") == ["0001.md", "0000.md", "0002.md"]
