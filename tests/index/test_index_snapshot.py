"""The warm-start copy of the library gives the same articles, in the same order, as the table."""

from __future__ import annotations

import os
import sqlite3

import pytest
from stored_articles import from_table

from digest_tui.index import ArticleIndex, snapshot
from digest_tui.index.rows import CACHED_ARTICLE_COLUMNS, join_list


def snapshot_rows(index: ArticleIndex) -> int:
    with sqlite3.connect(index.db_file) as conn:
        return conn.execute("SELECT count(*) FROM snapshot").fetchone()[0]


def test_cached_reads_the_copy_and_it_equals_the_table(small_folder):
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh(fulltext=False)
        assert snapshot_rows(index) > 0
        articles, _ = index.cached()
        assert len(articles) == 12
        assert articles == from_table(index)


def test_the_copy_follows_added_changed_and_removed_files(small_folder, write_article):
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh(fulltext=False)
        write_article("2025/03/new.md", "A new post", tags=("fresh", "news"))
        write_article("2025/01/post-00.md", "Renamed title")
        os.remove(small_folder / "2025/02/post-11.md")
        result = index.refresh(fulltext=False)
        articles, _ = index.cached()
    titles = {article.title for article in articles}
    assert "A new post" in titles and "Renamed title" in titles
    assert "Post number 11" not in titles and "Post number 0" not in titles
    assert articles == result.articles == from_table(index)


def test_an_interrupted_refresh_leaves_no_stale_copy(content, write_article, monkeypatch):
    from digest_tui.index import refresh as refresh_module

    monkeypatch.setattr(refresh_module, "BATCH_SIZE", 10)
    for number in range(20):
        write_article(f"p{number:03}.md", f"Item {number}")
    with ArticleIndex(content, workers=1) as index:
        index.refresh(fulltext=False)
        for number in range(20, 250):
            write_article(f"p{number:03}.md", f"Item {number}")
        stored = []
        real = refresh_module.store_parsed
        monkeypatch.setattr(
            refresh_module, "store_parsed", lambda *args: stored.append(real(*args))
        )
        result = index.refresh(fulltext=False, should_stop=lambda: len(stored) >= 2)
        assert result.stopped
        articles, _ = index.cached()
        assert 20 < len(articles) < 250
        assert articles == from_table(index)


def test_values_holding_the_separators_survive_the_copy(small_folder):
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh(fulltext=False)
        with sqlite3.connect(index.db_file) as conn:
            conn.execute(
                "UPDATE articles SET title = ?, tags = ?, warnings = ?, "
                "date = NULL, timestamp = NULL, draft = 1 WHERE path = '2025/01/post-03.md'",
                (
                    "nul\x00inside",
                    join_list(("a\x1fb", "\x1estart")),
                    join_list(("w\x00one", "two")),
                ),
            )
            snapshot.write(conn)
        articles, problems = index.cached()
        odd = next(article for article in articles if article.path == "2025/01/post-03.md")
        assert odd.title == "nul\x00inside" and odd.draft and odd.date is None
        assert odd.tags == ("a\x1fb", "\x1estart")
        assert odd.warnings == ("w\x00one", "two")
        assert articles == from_table(index)
        assert [p.reason for p in problems if p.path == odd.path] == ["w\x00one", "two"]


def test_an_empty_folder_gives_an_empty_copy(content):
    with ArticleIndex(content, workers=1) as index:
        index.refresh(fulltext=False)
        assert index.cached() == ([], [])
        with sqlite3.connect(index.db_file) as conn:
            assert snapshot.read(conn) == []


def test_a_damaged_copy_falls_back_to_the_table(small_folder):
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh(fulltext=False)
        with sqlite3.connect(index.db_file) as conn:
            conn.execute("DELETE FROM snapshot WHERE position = 3")
        articles, _ = index.cached()
        assert articles == from_table(index)
        assert len(articles) == 12


def test_categories_survive_the_table_and_the_copy(content):
    (content / "a.md").write_text(
        "---\ntitle: A\ncategories: release community\n---\nBody\n", encoding="utf-8"
    )
    (content / "b.md").write_text("---\ntitle: B\ncategory: Docs\n---\nBody\n", encoding="utf-8")
    with ArticleIndex(content, workers=1) as index:
        index.refresh(fulltext=False)
        articles, _ = index.cached()
        assert {a.path: a.categories for a in articles} == {
            "a.md": ("release", "community"),
            "b.md": ("Docs",),
        }
        assert articles == from_table(index)


@pytest.mark.parametrize("damage", ["separator", "utf8", "length"])
@pytest.mark.parametrize("field", ["title", "path"])  # kept as bytes / decoded at once
def test_a_copy_with_damaged_text_falls_back_to_the_table(small_folder, damage, field):
    position = CACHED_ARTICLE_COLUMNS.index(field)
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh(fulltext=False)
        with sqlite3.connect(index.db_file) as conn:
            (data,) = conn.execute(
                "SELECT data FROM snapshot WHERE position = ? AND kind = 'text'", (position,)
            ).fetchone()
            data = bytearray(data)
            if damage == "separator":
                data[data.rindex(0, 0, len(data) - 1)] = ord("x")  # a value runs into the next
            elif damage == "utf8":
                data[data.index(b"ost")] = 0xFF  # in "Post number" and "post-00.md"
            else:
                data = data[:-1]
            conn.execute("UPDATE snapshot SET data = ? WHERE position = ?", (bytes(data), position))
        articles, _ = index.cached()
        table = from_table(index)
        assert articles == table
        assert [article[position] for article in articles] == [a[position] for a in table]
