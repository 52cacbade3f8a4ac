"""A warm refresh compares files as it walks them; given the cached list it reports the same."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from digest_tui.index import ArticleIndex

WriteArticle = Callable[..., Path]


def test_a_refresh_given_the_cached_list_finds_every_kind_of_change(
    small_folder: Path, write_article: WriteArticle
) -> None:
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh()
        articles, _ = index.cached()
        write_article("2025/01/post-03.md", "A rewritten headline")
        write_article("2025/03/fresh.md", "Fresh arrival")
        write_article("0-first.md", "Walked first")
        for gone in ("2025/02/post-07.md", "2025/01/post-00.md", "broken.md"):
            (small_folder / gone).unlink()
        result = index.refresh(known=articles)
        titles = {article.path: article.title for article in index.cached()[0]}
    assert result.added == ["0-first.md", "2025/03/fresh.md"]  # in walk order
    assert result.changed == ["2025/01/post-03.md"]
    assert result.removed == ["2025/01/post-00.md", "2025/02/post-07.md", "broken.md"]
    assert result.parsed == 3
    assert titles["2025/01/post-03.md"] == "A rewritten headline"
    assert "2025/02/post-07.md" not in titles and len(titles) == 12
    assert result.problems == []


def test_a_path_the_index_no_longer_holds_is_not_reported_as_removed(
    small_folder: Path,
) -> None:
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh()
        stale, _ = index.cached()
        (small_folder / "2025/01/post-02.md").unlink()
        assert index.refresh().removed == ["2025/01/post-02.md"]
        again = index.refresh(known=stale)  # the caller's list still holds the file
    assert not again.added and not again.changed and not again.removed


def test_a_warm_refresh_stopped_during_the_walk_leaves_the_index_as_it_was(
    small_folder: Path, write_article: WriteArticle
) -> None:
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh()
        before, _ = index.cached()
        write_article("2025/01/post-04.md", "Changed while stopping")
        (small_folder / "2025/02/post-09.md").unlink()
        stopped = index.refresh(should_stop=lambda: True, known=before)
        kept = {article.path: article.title for article in index.cached()[0]}
        finished = index.refresh(known=before)
    assert stopped.stopped
    assert not stopped.added and not stopped.changed and not stopped.removed
    assert kept["2025/01/post-04.md"] == "Post number 4"
    assert "2025/02/post-09.md" in kept
    assert finished.changed == ["2025/01/post-04.md"]
    assert finished.removed == ["2025/02/post-09.md"]


def test_an_undecodable_name_given_in_the_cached_list_is_neither_new_nor_gone(
    tmp_path: Path,
) -> None:
    content = tmp_path / "content"
    content.mkdir()
    for raw_name in (b"caf\xe9.md", b"na\xefve.md"):
        with open(os.fsencode(content) + b"/" + raw_name, "wb") as file:
            file.write(b"---\ntitle: Bytes Name\n---\nA zeppelin story.\n")
    with ArticleIndex(content, tmp_path / "index.sqlite3", workers=1) as index:
        index.refresh()
        articles, _ = index.cached()
        os.unlink(os.fsencode(content) + b"/na\xefve.md")
        result = index.refresh(known=articles)
    assert result.parsed == 0 and not result.added and not result.changed
    assert result.removed == [os.fsdecode(b"na\xefve.md")]
    assert [article.path for article in result.articles] == [os.fsdecode(b"caf\xe9.md")]


def test_vanished_files_are_listed_by_name_whenever_they_were_indexed(
    small_folder: Path, write_article: WriteArticle
) -> None:
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh()
        write_article("0-late.md", "Indexed after the others")
        index.refresh()
        articles, _ = index.cached()
        (small_folder / "0-late.md").unlink()
        (small_folder / "2025/01/post-00.md").unlink()
        result = index.refresh(known=articles)
    assert result.removed == ["0-late.md", "2025/01/post-00.md"]
