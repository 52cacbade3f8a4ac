"""The warm-start copy's stored layout: older, damaged or odd copies never give wrong articles."""

from __future__ import annotations

import json
import sqlite3
import struct

import pytest
from stored_articles import from_table, read_copy

from digest_tui.index import ArticleIndex, snapshot
from digest_tui.index.rows import CACHED_ARTICLE_COLUMNS


def write_first_layout(conn: sqlite3.Connection) -> None:
    """The copy as the first layout stored it: NUL-joined text, or JSON, with no header."""
    conn.execute("DELETE FROM snapshot")
    for position, name in enumerate(CACHED_ARTICLE_COLUMNS):
        column = [value for (value,) in conn.execute(f"SELECT {name} FROM articles ORDER BY id")]
        if all(type(value) is str for value in column):
            kind, data = "text", "\x00".join(column).encode("utf-8")
        else:
            kind, data = "json", json.dumps(column).encode("ascii")
        conn.execute(
            "INSERT INTO snapshot (position, kind, count, data) VALUES (?, ?, ?, ?)",
            (position, kind, len(column), data),
        )


def test_a_copy_in_the_first_layout_is_not_read_and_is_written_again(small_folder):
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh(fulltext=False)
        with sqlite3.connect(index.db_file) as conn:
            write_first_layout(conn)
            assert not snapshot.is_present(conn)
            assert snapshot.read(conn) is None
        assert index.cached()[0] == from_table(index)
        index.refresh(fulltext=False)  # nothing changed in the folder
        with sqlite3.connect(index.db_file) as conn:
            assert snapshot.is_present(conn)
            assert snapshot.read(conn) == from_table(index)


def numbers(*values: int) -> bytes:
    """Small numbers as the layouts pack them: count, width, then one byte each."""
    return struct.pack("<IB", len(values), 1) + bytes(values)


@pytest.mark.parametrize(
    ("position", "data"),
    [
        (0, b"\xff\xfe not utf-8"),  # paths: text
        (0, b"one\x00two"),  # text with the wrong number of values
        (3, b"\x00" * 13),  # timestamps: not a whole number of floats
        (11, numbers(*[0] * 12) + b'["The Ledger"'),  # source names: JSON cut short
        (11, numbers(*[7] * 12) + b'["The Ledger"]'),  # a row past the distinct values
        (11, numbers(*[0] * 12)[:-3]),  # numbers cut short
        (11, numbers(*[0] * 12) + b'{"a": 1}'),  # not a list of values
        (5, numbers(*[0] * 12) + numbers(1) + numbers(0) + b"[5]"),  # tags that are not text
        (5, numbers(*[0] * 12) + numbers(2) + numbers(0) + b'["a"]'),  # lengths past the items
    ],
)
def test_a_damaged_column_falls_back_to_the_table(small_folder, position, data):
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh(fulltext=False)
        with sqlite3.connect(index.db_file) as conn:
            conn.execute("UPDATE snapshot SET data = ? WHERE position = ?", (data, position))
            assert snapshot.read(conn) is None
        articles, _ = index.cached()
        assert len(articles) == 12
        assert articles == from_table(index)


def test_a_foreign_layout_name_falls_back_to_the_table(small_folder):
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh(fulltext=False)
        with sqlite3.connect(index.db_file) as conn:
            conn.execute("UPDATE snapshot SET kind = 'pickle' WHERE position = 1")
            assert snapshot.read(conn) is None
        assert index.cached()[0] == from_table(index)


def test_missing_dates_big_numbers_and_flags_survive_the_copy(small_folder):
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh(fulltext=False)
        with sqlite3.connect(index.db_file) as conn:
            conn.execute(
                "UPDATE articles SET date = NULL, timestamp = NULL, modified = NULL, "
                "words = ?, featured = 1, source_name = 'Ünïcode' "
                "WHERE path LIKE '2025/02/%'",
                (2**62,),
            )
            conn.execute("UPDATE articles SET timestamp = 0.1 WHERE path = '2025/01/post-00.md'")
            conn.execute(  # a file name that is not UTF-8 is stored as bytes
                "UPDATE articles SET path = ? WHERE path = '2025/01/post-01.md'",
                (b"2025/01/caf\xe9.md",),
            )
            snapshot.write(conn)
            assert snapshot.is_present(conn)
        articles = read_copy(index)
        assert articles == from_table(index)
        undated = [article for article in articles if article.path.startswith("2025/02/")]
        assert len(undated) == 6
        assert all(a.date is None and a.timestamp is None and a.words == 2**62 for a in undated)
        assert all(a.featured is True and a.source_name == "Ünïcode" for a in undated)
        first = next(a for a in articles if a.path == "2025/01/post-00.md")
        assert first.timestamp == 0.1
        assert "2025/01/caf\udce9.md" in {article.path for article in articles}


def test_a_column_no_layout_holds_leaves_no_copy(small_folder):
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh(fulltext=False)
        with sqlite3.connect(index.db_file) as conn:
            conn.execute("UPDATE articles SET words = 1.5 WHERE path = '2025/01/post-00.md'")
            snapshot.write(conn)
            assert not snapshot.is_present(conn)
        assert index.cached()[0] == from_table(index)


def test_repeated_values_are_shared_not_copied(small_folder):
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh(fulltext=False)
        with sqlite3.connect(index.db_file) as conn:
            conn.execute("UPDATE articles SET author = 'Author ' || (id % 2)")
            snapshot.write(conn)
        articles = read_copy(index)
    assert {article.author for article in articles} == {"Author 0", "Author 1"}
    assert len({id(article.author) for article in articles}) == 2


def test_text_read_a_slice_at_a_time_gives_the_same_articles(small_folder, monkeypatch):
    from digest_tui.index import column_layouts

    monkeypatch.setattr(column_layouts, "_TEXT_SLICE", 3)
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh(fulltext=False)
        with sqlite3.connect(index.db_file) as conn:
            conn.execute("UPDATE articles SET title = 'Çà et là ✓' WHERE id % 3 = 0")
            conn.execute("UPDATE articles SET description = '' WHERE id % 2 = 0")
            snapshot.write(conn)
        articles = read_copy(index)
        assert articles == from_table(index)
        assert "Çà et là ✓" in {article.title for article in articles}
