"""A refresh without the caller's list reads the stored copy while it checks the folder,
and answers with that copy only when it is still the stored one."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from digest_tui.index import ArticleIndex

WriteArticle = Callable[..., Path]


def titles(articles) -> set[str]:
    return {article.title for article in articles}


def test_an_unchanged_folder_is_answered_with_the_copy_read_early(small_folder: Path) -> None:
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh(fulltext=False)
        stored, problems = index.cached()
        again = index.refresh(fulltext=False)
    assert list(again.articles) == list(stored)
    assert again.problems == problems
    assert (again.added, again.changed, again.removed) == ([], [], [])


def test_a_copy_rewritten_by_another_process_meanwhile_is_not_the_answer(
    small_folder: Path, write_article: WriteArticle
) -> None:
    """Another process brings the index up to date with an edit after this refresh read the
    copy early and before it checks the folder: the folder then matches the index, yet
    the early copy still has the old title."""
    with ArticleIndex(small_folder, workers=1) as first:
        first.refresh(fulltext=False)
    early_read_done = threading.Event()
    with ArticleIndex(small_folder, workers=1) as index:
        read_copy = index._stored_copy

        def read_then_let_another_process_write():
            found = read_copy()
            write_article("2025/01/post-03.md", "Post number 3, corrected")
            with ArticleIndex(small_folder, workers=1) as other:
                other.refresh(fulltext=False)
            early_read_done.set()
            return found

        check_folder = index._reconcile

        def check_after_the_other_write(*args, **kwargs):
            early_read_done.wait(timeout=30)
            return check_folder(*args, **kwargs)

        index._stored_copy = read_then_let_another_process_write  # type: ignore[method-assign]
        index._reconcile = check_after_the_other_write  # type: ignore[method-assign]
        result = index.refresh(fulltext=False)
    assert (result.added, result.changed, result.removed) == ([], [], [])
    assert "Post number 3, corrected" in titles(result.articles)
    assert "Post number 3" not in titles(result.articles)


def test_a_refresh_that_finds_changes_answers_with_the_new_copy(
    small_folder: Path, write_article: WriteArticle
) -> None:
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh(fulltext=False)
        write_article("2025/02/post-08.md", "Post number 8, retitled")
        again = index.refresh(fulltext=False)
    assert again.changed == ["2025/02/post-08.md"]
    assert "Post number 8, retitled" in titles(again.articles)


def test_a_copy_without_an_id_is_read_again_rather_than_trusted(small_folder: Path) -> None:
    """Copies written before they had ids all have an empty one, so two of them cannot be
    told apart: such a copy read early is never the answer, yet the answer is the same."""
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh(fulltext=False)
        stored, _ = index.cached()
        answers_read = count_calls(index, "cached")
        index.refresh(fulltext=False)
        assert answers_read == []  # an id: the copy read early was the answer
        with sqlite3.connect(index.db_file) as conn:
            conn.execute("UPDATE snapshot SET data = x'' WHERE position = -1")
        again = index.refresh(fulltext=False)
    assert answers_read == [True]  # read again for the answer
    assert list(again.articles) == list(stored)


def test_without_a_copy_the_table_is_read_once_not_early_too(small_folder: Path) -> None:
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh(fulltext=False)
        with sqlite3.connect(index.db_file) as conn:
            conn.execute("DELETE FROM snapshot")  # as an older version leaves it
        stored, _ = index.cached()
        early_reads = []
        stored_copy = index._stored_copy

        def noted():
            found = stored_copy()
            early_reads.append(found)
            return found

        index._stored_copy = noted  # type: ignore[method-assign]
        again = index.refresh(fulltext=False)
    assert early_reads == [None]  # no copy: nothing was read early
    assert list(again.articles) == list(stored)


def count_calls(index: ArticleIndex, name: str) -> list[bool]:
    calls: list[bool] = []
    method = getattr(index, name)

    def counted(*args, **kwargs):
        calls.append(True)
        return method(*args, **kwargs)

    setattr(index, name, counted)
    return calls
