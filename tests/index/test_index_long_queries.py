"""A pasted page in the search box: searched in part, said so, and never holding up exit."""

from __future__ import annotations

import threading

import pytest

from digest_tui.index import ArticleIndex
from digest_tui.search import Library, SortOrder
from digest_tui.search.query import MAX_PHRASE_WORDS, MAX_QUERY_LENGTH

COMMON = "the " * 2_000


@pytest.fixture
def index(write_article, content):
    for number in range(12):
        write_article(f"post-{number}.md", f"Post {number}", COMMON + f"ending {number}")
    write_article("kites.md", "Solar kite record", "The kite flew higher than any kite.")
    with ArticleIndex(content, workers=1) as opened:
        opened.refresh()
        yield opened


def test_a_pasted_100_kb_phrase_is_searched_on_its_first_words_and_says_so(index):
    articles, _problems = index.cached()
    pasted = '"' + ("the " * 25_000)[:100_000] + '"'
    view = Library.of(articles, fulltext=index).matching(pasted).sorted_by(SortOrder.RELEVANCE)
    # Every post's body holds "the" thousands of times in a row: the phrase's first words.
    assert len(view.articles) == 12
    errors = " ".join(view.query_errors)
    assert f"a query holds at most {MAX_QUERY_LENGTH:,}" in errors
    assert f"at most {MAX_PHRASE_WORDS} words" in errors
    assert len(view.parsed_query.phrases[0].split()) == MAX_PHRASE_WORDS


def test_words_after_the_cut_are_not_searched(index):
    articles, _problems = index.cached()
    text = "kite " + "x" * MAX_QUERY_LENGTH + " nonexistentword"
    view = Library.of(articles, fulltext=index).matching(text)
    assert "nonexistentword" not in view.parsed_query.words
    assert view.query_errors


def test_a_query_running_when_the_program_closes_stops_and_answers_nothing(index):
    found: list[dict[str, float]] = []
    phrase = '"' + " ".join(["the"] * MAX_PHRASE_WORDS * 50) + '"'
    worker = threading.Thread(target=lambda: found.append(index.search(phrase)))
    worker.start()
    index.stop_queries()
    worker.join(timeout=60)
    assert not worker.is_alive() and found == [{}]


def test_the_same_query_answers_when_nobody_stops_it(index):
    phrase = '"' + " ".join(["the"] * 200) + '"'
    assert len(index.search(phrase)) == 12
