"""Typed prefixes are looked up as the index's own words: the same articles as FTS5's
prefix search, kept in step as files arrive, and never trusted half-built."""

from __future__ import annotations

import pytest

from digest_tui.index import ArticleIndex, fulltext_words, schema
from digest_tui.index.fulltext import run_query, words_expression

PREFIXES = ("kit", "rob", "bru", "cre", "zeb", "und", "rep", "mar", "lig", "caf", "xyz")


@pytest.fixture
def content_with_articles(write_article, content):
    write_article("kites.md", "Solar kite record", "The kite flew higher than any kitten.")
    write_article("robots.md", "Kitchen robots", "A robot cooks. Mentions a kitbag once.")
    write_article("cables.md", "Undersea cables", "Repair ships and the quiet zebrafinch.")
    write_article("cafe.md", "Café culture", "A naïve barista serves crème brûlée.", tags=("Zebu",))
    return content


def native(index: ArticleIndex, prefix: str) -> set[str]:
    """What FTS5's own prefix search finds for `prefix`."""
    conn = schema.connect(index.db_file)
    try:
        return set(run_query(conn, words_expression(prefix), None))
    finally:
        conn.close()


def words_are_complete(index: ArticleIndex) -> bool:
    conn = schema.connect(index.db_file)
    try:
        return fulltext_words.is_complete(conn)
    finally:
        conn.close()


def test_a_prefix_finds_what_fts5_finds(content_with_articles):
    with ArticleIndex(content_with_articles, workers=1) as index:
        index.refresh()
        assert words_are_complete(index)
        for prefix in PREFIXES:
            assert set(index.fulltext(prefix)) == native(index, prefix), prefix
        assert set(index.fulltext("kit")) == {"kites.md", "robots.md"}
        assert set(index.fulltext("bru")) == {"cafe.md"}  # brûlée, folded
        assert set(index.fulltext("zeb")) == {"cables.md", "cafe.md"}  # a body and a tag


def test_a_word_of_a_file_added_later_is_found_by_its_prefix(content_with_articles, write_article):
    with ArticleIndex(content_with_articles, workers=1) as index:
        index.refresh()
        write_article("late.md", "Late arrival", "A jar of marmalade, then kitesurfing.")
        write_article("cables.md", "Undersea cables", "Now about lighthouses and kitchens.")
        index.refresh()
        assert words_are_complete(index)
        # "kit" stood for known words already: the new ones must have joined them.
        assert set(index.fulltext("kit")) == {"kites.md", "robots.md", "late.md", "cables.md"}
        assert set(index.fulltext("marm")) == {"late.md"}
        # A word no article holds any more matches nothing.
        assert index.fulltext("zebrafi") == {}


def test_a_stopped_build_leaves_prefixes_to_fts5_until_the_next(content_with_articles):
    with ArticleIndex(content_with_articles, workers=1) as index:
        index.refresh(fulltext=False)
        built = index.build_fulltext(should_stop=lambda: True)
        assert built.stopped
        assert not words_are_complete(index)
        assert set(index.fulltext("kit")) == native(index, "kit")
        index.build_fulltext()
        assert words_are_complete(index)
        assert set(index.fulltext("kit")) == {"kites.md", "robots.md"}


def test_a_large_build_copies_the_whole_vocabulary(content_with_articles, monkeypatch):
    monkeypatch.setattr(fulltext_words, "ADD_PER_BATCH_MOST", 1)
    with ArticleIndex(content_with_articles, workers=1) as index:
        index.refresh()
        assert words_are_complete(index)
        for prefix in PREFIXES:
            assert set(index.fulltext(prefix)) == native(index, prefix), prefix


def test_a_cache_from_before_the_word_table_gets_one(content_with_articles):
    with ArticleIndex(content_with_articles, workers=1) as index:
        index.refresh()
    conn = schema.connect(index.db_file)
    conn.execute("DROP TABLE fulltext_words")
    conn.execute("DELETE FROM meta WHERE key = 'fulltext_words'")
    conn.close()
    with ArticleIndex(content_with_articles, workers=1) as index:
        assert set(index.fulltext("kit")) == {"kites.md", "robots.md"}
        index.refresh()
        assert words_are_complete(index)
        assert set(index.fulltext("kit")) == {"kites.md", "robots.md"}


def test_body_words_for_typos_come_from_the_word_table(content_with_articles):
    with ArticleIndex(content_with_articles, workers=1) as index:
        index.refresh()
        assert {"kite", "kitten", "kitbag", "kitchen"} <= set(index.body_words("k"))
        assert "zebrafinch" in index.body_words("zebra")


def test_a_prefix_standing_for_many_words_is_left_to_fts5(write_article, content):
    many = " ".join(f"kit{letter}{other}" for letter in "abcdefgh" for other in "abcdefgh")
    write_article("many.md", "Many kits", many)
    with ArticleIndex(content, workers=1) as index:
        index.refresh()
        conn = schema.connect(index.db_file)
        try:
            assert fulltext_words.starting(conn, "kit") is None
            assert fulltext_words.starting(conn, "kitaa") == ["kitaa"]
            assert fulltext_words.starting(conn, "kït") is None  # folding is FTS5's own
        finally:
            conn.close()
        assert set(index.fulltext("kit")) == {"many.md"}


def test_the_word_table_never_breaks_a_query_when_it_is_damaged(content_with_articles):
    with ArticleIndex(content_with_articles, workers=1) as index:
        index.refresh()
        conn = schema.connect(index.db_file)
        conn.execute("DROP TABLE fulltext_words")
        conn.close()
        # Marked complete, but gone: prefixes go back to FTS5.
        assert set(index.fulltext("kit")) == {"kites.md", "robots.md"}
