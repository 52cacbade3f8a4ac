"""The index is only a cache: stale, broken or locked databases never stop the reader."""

from __future__ import annotations

import sqlite3

import pytest

from digest_tui.index import SCHEMA_VERSION, ArticleIndex, schema, writes


def test_a_database_from_another_schema_version_is_rebuilt(small_folder):
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh()
        db_file = index.db_file
    with sqlite3.connect(db_file) as conn:
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", (SCHEMA_VERSION + 1,)
        )
        conn.execute("UPDATE articles SET title = 'stale'")
    with ArticleIndex(small_folder, workers=1) as index:
        assert index.cached() == ([], [])
        result = index.refresh()
    assert result.parsed == 13
    assert "stale" not in {article.title for article in result.articles}


def test_a_garbage_database_file_is_replaced(small_folder):
    index = ArticleIndex(small_folder, workers=1)
    index.db_file.parent.mkdir(parents=True)
    index.db_file.write_bytes(b"this is not a database, just bytes\x00" * 200)
    assert index.cached() == ([], [])
    assert index.fulltext("post") == {}
    result = index.refresh()
    index.close()
    assert result.error is None
    assert len(result.articles) == 12


def test_a_database_of_someone_elses_tables_is_replaced(small_folder):
    index = ArticleIndex(small_folder, workers=1)
    index.db_file.parent.mkdir(parents=True)
    with sqlite3.connect(index.db_file) as conn:
        conn.execute("CREATE TABLE articles (x)")
    result = index.refresh()
    index.close()
    assert len(result.articles) == 12


def test_a_locked_index_stops_the_refresh_instead_of_raising(small_folder, monkeypatch):
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 20)
    monkeypatch.setattr(writes, "WRITE_ATTEMPTS", 2)
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh()
        (small_folder / "2025/01/post-00.md").unlink()
        holder = sqlite3.connect(index.db_file, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            result = index.refresh()
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert result.stopped
        assert "another digest-tui" in (result.error or "")
        assert len(result.articles) == 12  # the cached library is still returned
        assert len(index.refresh().articles) == 11


def test_without_fts5_the_index_works_and_fulltext_answers_nothing(small_folder, monkeypatch):
    monkeypatch.setattr(schema, "fts5_available", lambda conn: False)
    with ArticleIndex(small_folder, workers=1) as index:
        result = index.refresh()
        assert len(result.articles) == 12
        assert not index.fulltext_available
        assert index.fulltext("post") == {}
        assert not index.build_fulltext().available


@pytest.mark.parametrize("content_name", ["plain", "with space", "ünïcode"])
def test_stats_count_what_the_index_holds(tmp_path, content_name):
    folder = tmp_path / content_name
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: A\n---\nbody\n", "utf-8")
    with ArticleIndex(folder, workers=1) as index:
        assert index.stats().articles == 0
        index.refresh(fulltext=False)
        before = index.stats()
        index.build_fulltext()
        after = index.stats()
    assert (before.articles, before.problems, before.fulltext_pending) == (1, 0, 1)
    assert after.fulltext_pending == 0 and after.fulltext_available
    assert after.db_bytes > 0
