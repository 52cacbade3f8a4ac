"""Full-text search over bodies: ranked, kept in step with edits, safe for any input."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest_tui.index import ArticleIndex
from digest_tui.index.fulltext import phrase_expression, words_expression


@pytest.fixture
def index(write_article, content):
    write_article("kites.md", "Solar kite record", "The kite flew higher than any kite before.")
    write_article("robots.md", "Kitchen robots", "A robot cooks. Mentions a kite once.")
    write_article("cables.md", "Undersea cables", "Repair ships and the quiet zebrafinch.")
    write_article("cafe.md", "Café culture", "A naïve barista serves crème brûlée.")
    with ArticleIndex(content, workers=1) as opened:
        opened.refresh()
        yield opened


def test_a_word_only_in_a_body_is_found(index):
    assert list(index.fulltext("zebrafinch")) == ["cables.md"]


def test_more_occurrences_rank_higher(index):
    found = index.fulltext("kite")
    assert set(found) == {"kites.md", "robots.md"}
    assert found["kites.md"] > found["robots.md"]


def test_every_word_must_match_and_the_last_may_be_a_prefix(index):
    assert set(index.fulltext("robot cook")) == {"robots.md"}
    assert set(index.fulltext("zebra")) == {"cables.md"}
    assert index.fulltext("kite zebrafinch") == {}


def test_accents_do_not_matter(index):
    assert set(index.fulltext("naive creme")) == {"cafe.md"}
    assert set(index.fulltext("CAFÉ")) == {"cafe.md"}


def test_limit_keeps_the_best_matches(index):
    assert list(index.fulltext("kite", limit=1)) == ["kites.md"]
    assert index.search("kite", limit=0) == {}
    assert index.search("kite") == index.fulltext("kite")


def test_phrase_search_needs_the_words_in_order(index):
    assert set(index.search_phrase("quiet zebrafinch")) == {"cables.md"}
    assert index.search_phrase("zebrafinch quiet") == {}


def test_search_treats_one_quoted_string_as_a_phrase(index):
    assert set(index.search('"the quiet zebrafinch"')) == {"cables.md"}
    assert index.search('"zebrafinch the quiet"') == {}
    assert set(index.search("zebrafinch the quiet")) == {"cables.md"}


def test_an_edited_body_is_searched_by_its_new_words_only(index, write_article):
    write_article("cables.md", "Undersea cables", "Now about lighthouses instead.")
    index.refresh()
    assert index.fulltext("zebrafinch") == {}
    assert list(index.fulltext("lighthouses")) == ["cables.md"]


def test_a_deleted_file_is_no_longer_found(index, content):
    (content / "cables.md").unlink()
    index.refresh()
    assert index.fulltext("zebrafinch") == {}


def test_fulltext_can_be_built_later_in_the_background(write_article, content):
    write_article("late.md", "Late", "A word called marmalade.")
    with ArticleIndex(content, workers=1) as index:
        result = index.refresh(fulltext=False)
        assert len(result.articles) == 1
        assert index.fulltext("marmalade") == {}
        built = index.build_fulltext()
        assert built.indexed == 1
        assert list(index.fulltext("marmalade")) == ["late.md"]
        assert index.build_fulltext().indexed == 0


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "*",
        "kite*",
        "NEAR(kite robot)",
        "-kite",
        "kite OR",
        "AND",
        "title:kite",
        "^kite",
        "(",
        ")",
        "kite\x00",
        "'; DROP TABLE articles; --",
        "   ",
        "",
        "😀",
        "ﷺ",
    ],
)
def test_hostile_queries_never_raise(index, query):
    assert isinstance(index.fulltext(query), dict)
    assert isinstance(index.search_phrase(query), dict)


def test_operators_typed_by_a_user_are_plain_words(index):
    assert set(index.fulltext("-kite")) == {"kites.md", "robots.md"}
    assert index.fulltext("NEAR") == {}


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text())
def test_any_text_is_a_valid_query(index, text):
    assert isinstance(index.fulltext(text), dict)
    assert isinstance(index.search_phrase(text, limit=5), dict)


@given(text=st.text())
def test_any_text_becomes_valid_fts5_syntax(text):
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2')"
    )
    conn.execute("INSERT INTO t VALUES ('some words here')")
    for expression in (words_expression(text), phrase_expression(text)):
        if expression is not None:
            conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()
    conn.close()


def test_the_last_word_is_a_prefix_once_it_has_three_letters(index):
    assert set(index.fulltext("zeb")) == {"cables.md"}
    assert index.fulltext("ze") == {}


def test_a_very_common_word_is_ranked_among_the_newest_matches(write_article, content, monkeypatch):
    from digest_tui.index import fulltext

    write_article("a-old.md", "Kite kite kite", "kite kite kite kite")
    for number in range(5):
        write_article(f"b-new-{number}.md", f"News {number}", "one kite mention")
    with ArticleIndex(content, workers=1) as index:
        index.refresh()
        assert next(iter(index.fulltext("kite", limit=3))) == "a-old.md"
        monkeypatch.setattr(fulltext, "RANK_WINDOW", 4)
        bounded = index.fulltext("kite", limit=3)
        assert len(bounded) == 3 and "a-old.md" not in bounded
        assert len(index.fulltext("kite", limit=6)) == 6
        assert len(index.fulltext("kite")) == 6


def _library_paths(index, text):
    from digest_tui.search import Library

    articles, _problems = index.cached()
    return {article.path for article in Library.of(articles, fulltext=index).matching(text)}


def test_a_two_letter_word_only_in_a_body_matches_nothing(write_article, content):
    write_article("ox.md", "Farm news", "An ox pulled the plough.")
    with ArticleIndex(content, workers=1) as index:
        index.refresh()
        index.build_fulltext()
        assert _library_paths(index, "ox") == set()
        assert _library_paths(index, "plough") == {"ox.md"}
        assert _library_paths(index, "plo") == {"ox.md"}


def test_a_short_word_still_matches_a_title_word_start(write_article, content):
    write_article("ox.md", "Oxen at work", "They pulled the plough.")
    write_article("other.md", "Farm news", "Another plough story.")
    with ArticleIndex(content, workers=1) as index:
        index.refresh()
        index.build_fulltext()
        assert _library_paths(index, "ox") == {"ox.md"}
        assert _library_paths(index, "ox plough") == {"ox.md"}
