"""Refreshing only the paths a watcher reports: real files changed on a real folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from stored_articles import from_table

from digest_tui.article_columns import ArticleColumns, column_of
from digest_tui.index import ArticleIndex
from digest_tui.index.changes import problems_with_changes, with_changes


@pytest.fixture
def index(small_folder: Path):
    with ArticleIndex(small_folder, workers=1) as opened:
        opened.refresh()
        yield opened


def titles(index: ArticleIndex) -> set[str]:
    return {article.title for article in index.cached()[0]}


def test_an_added_file_is_listed_searchable_and_returned(index, write_article):
    write_article("2025/03/new.md", "A fresh arrival", body="The word zeppelin is here.")
    changes = index.refresh_paths(["2025/03/new.md"])
    assert changes.added == ["2025/03/new.md"] and not changes.changed and not changes.removed
    assert changes.articles["2025/03/new.md"].title == "A fresh arrival"
    assert "A fresh arrival" in titles(index)
    assert list(index.fulltext("zeppelin")) == ["2025/03/new.md"]
    assert index.cached()[0] == from_table(index)


def test_an_edited_file_replaces_its_row_and_its_searchable_words(index, write_article):
    write_article("2025/01/post-03.md", "Post number 3", body="Now about a marmot.")
    changes = index.refresh_paths(["2025/01/post-03.md"])
    assert changes.changed == ["2025/01/post-03.md"]
    assert list(index.fulltext("marmot")) == ["2025/01/post-03.md"]
    assert index.fulltext("plain") and "2025/01/post-03.md" not in index.fulltext("plain")


def test_a_deleted_file_is_forgotten_with_its_words(index, small_folder):
    os.remove(small_folder / "2025/01/post-03.md")
    changes = index.refresh_paths(["2025/01/post-03.md"])
    assert changes.removed == ["2025/01/post-03.md"]
    assert "Post number 3" not in titles(index)
    assert "2025/01/post-03.md" not in index.fulltext("plain")


def test_a_rename_is_one_removal_and_one_addition(index, small_folder):
    os.rename(small_folder / "2025/01/post-03.md", small_folder / "2025/01/renamed.md")
    changes = index.refresh_paths(["2025/01/post-03.md", "2025/01/renamed.md"])
    assert (changes.removed, changes.added) == (["2025/01/post-03.md"], ["2025/01/renamed.md"])
    assert len(index.cached()[0]) == 12


def test_an_editors_save_dance_settles_to_one_change_and_no_phantoms(index, small_folder):
    post = small_folder / "2025/01/post-03.md"
    swap = small_folder / "2025/01/.post-03.md.swp"
    probe = small_folder / "2025/01/4913"
    backup = small_folder / "2025/01/post-03.md~"
    swap.write_bytes(b"swap")
    probe.write_bytes(b"")
    probe.unlink()
    os.rename(post, backup)
    post.write_text("---\ntitle: Saved from vim\n---\nBody\n", encoding="utf-8")
    backup.unlink()
    reported = ["2025/01/.post-03.md.swp", "2025/01/4913", "2025/01/post-03.md~"]
    changes = index.refresh_paths([*reported, "2025/01/post-03.md"])
    assert (changes.added, changes.changed, changes.removed) == ([], ["2025/01/post-03.md"], [])
    assert changes.paths == ("2025/01/post-03.md",)
    assert "Saved from vim" in titles(index)
    assert len(index.cached()[0]) == 12


def test_an_unchanged_file_is_not_touched(index):
    changes = index.refresh_paths(["2025/01/post-03.md", "missing.md", "2025/01"])
    assert not changes.any and changes.paths == ()


def test_a_file_that_breaks_becomes_a_problem_and_a_fix_brings_it_back(index, small_folder):
    post = small_folder / "2025/01/post-03.md"
    post.write_text("---\ntitle: [unclosed\n---\nBody\n", encoding="utf-8")
    broken = index.refresh_paths(["2025/01/post-03.md"])
    assert broken.removed == ["2025/01/post-03.md"]
    assert [p.path for p in broken.problems if p.fatal] == ["2025/01/post-03.md"]
    post.write_text("---\ntitle: Fixed\n---\nBody\n", encoding="utf-8")
    os.utime(post, ns=(1, 1))
    fixed = index.refresh_paths(["2025/01/post-03.md"])
    assert fixed.added == ["2025/01/post-03.md"] and fixed.problems == []
    problems = problems_with_changes(index.cached()[1] + broken.problems, fixed)
    assert "2025/01/post-03.md" not in {p.path for p in problems}


def test_with_changes_gives_what_a_full_refresh_gives(index, small_folder, write_article):
    before = index.cached()[0]
    write_article("2025/03/new.md", "Brand new")
    write_article("2025/02/post-07.md", "Post seven, edited")
    os.remove(small_folder / "2025/02/post-08.md")
    changes = index.refresh_paths(["2025/03/new.md", "2025/02/post-07.md", "2025/02/post-08.md"])
    updated = with_changes(before, changes)
    assert sorted(a.path for a in updated) == sorted(a.path for a in index.cached()[0])
    assert set(updated) == set(index.refresh().articles)


def test_changes_to_a_warm_start_keep_its_columns_in_the_reader_order(
    index, small_folder, write_article
):
    before = index.cached()[0]
    assert isinstance(before, ArticleColumns)
    # Same dates throughout, so the reader's order is by path: the new one goes in between.
    write_article("2025/01/post-00a.md", "Squeezed in", tags=("fresh", "news"))
    write_article("2025/02/post-07.md", "Post seven, retagged", tags=("edited",))
    os.remove(small_folder / "2025/02/post-08.md")
    changes = index.refresh_paths(
        ["2025/01/post-00a.md", "2025/02/post-07.md", "2025/02/post-08.md"]
    )
    updated = with_changes(before, changes)
    assert isinstance(updated, ArticleColumns)
    assert list(updated) == list(index.cached()[0])
    assert list(column_of(updated, "path"))[:3] == [
        "2025/01/post-00.md",
        "2025/01/post-00a.md",
        "2025/01/post-01.md",
    ]
    assert updated[1].tags == ("fresh", "news")
    assert len(before) == 12 and before[0].path == "2025/01/post-00.md", "the old list stands"


def test_section_pages_and_hidden_folders_are_never_added(index, small_folder):
    (small_folder / "_index.md").write_text("---\ntitle: Section\n---\n", encoding="utf-8")
    (small_folder / ".git").mkdir()
    (small_folder / ".git/notes.md").write_text("---\ntitle: Hidden\n---\n", encoding="utf-8")
    changes = index.refresh_paths(["_index.md", ".git/notes.md"])
    assert not changes.any


def test_a_folder_moved_in_or_away_is_followed_from_its_own_event(index, small_folder):
    os.rename(small_folder / "2025/02", small_folder / "archive")
    changes = index.refresh_paths(["2025/02", "archive"])
    assert sorted(changes.removed) == [f"2025/02/post-{n:02}.md" for n in range(6, 12)]
    assert sorted(changes.added) == [f"archive/post-{n:02}.md" for n in range(6, 12)]
    assert index.cached()[0] == from_table(index)
    assert len(index.cached()[0]) == 12
