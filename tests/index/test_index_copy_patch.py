"""After a few changes, the warm-start copy is brought up to date from its own columns
rather than written anew, and it then reads exactly as the table does."""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import pytest
from stored_articles import from_table, read_copy

from digest_tui.index import ArticleIndex, snapshot
from digest_tui.index.folder_check import signatures_of_rows
from digest_tui.index.rows import path_from_db

FOLDER_SIZE = 40


def write_post(
    folder: Path,
    relative: str,
    title: str,
    day: int | None,
    tags: tuple[str, ...] = ("news",),
    draft: bool = False,
) -> None:
    """A post dated `day` days into 2025 (undated when None); a rewrite gets a later mtime."""
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists()
    before = path.stat().st_mtime_ns if existed else 0
    date = "" if day is None else f"pubDatetime: 2025-01-{1 + day % 28:02}T00:00:00Z\n"
    tag_lines = "".join(f"  - {tag}\n" for tag in tags)
    path.write_text(
        f"---\ntitle: {title}\n{date}tags:\n{tag_lines}draft: {str(draft).lower()}\n---\n\n"
        f"Words about {title}.\n",
        encoding="utf-8",
    )
    if existed:
        later = before + 2_000_000_000
        os.utime(path, ns=(later, later))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    for number in range(FOLDER_SIZE):
        day = None if number % 13 == 0 else number % 20  # shared days: ties by path
        write_post(content, f"m{number % 3}/post-{number:02}.md", f"Post {number}", day)
    return content


def stored_signatures_match_the_table(index: ArticleIndex) -> bool:
    with sqlite3.connect(index.db_file) as conn:
        stored = snapshot.folder_signatures(conn)
        rows = [
            (path_from_db(path), size, mtime)
            for path, size, mtime in conn.execute(snapshot._STAMPS_QUERY)
        ]
    return stored == signatures_of_rows(rows)


@pytest.fixture
def patches(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each outdated copy was patched (True) or had to be written anew."""
    outcomes: list[bool] = []
    patch = snapshot._patched

    def noted(conn: sqlite3.Connection) -> bool:
        outcomes.append(patch(conn))
        return outcomes[-1]

    monkeypatch.setattr(snapshot, "_patched", noted)
    return outcomes


def test_a_few_changes_patch_the_copy_which_reads_as_the_table(
    folder: Path, tmp_path: Path, patches: list[bool]
) -> None:
    with ArticleIndex(folder, tmp_path / "i.db", workers=1) as index:
        index.refresh(fulltext=False)
        write_post(folder, "m0/post-03.md", "Post 3, moved to the newest day", 27)
        write_post(folder, "m1/post-04.md", "Post 4, tagged again", 4, tags=("ai", "chips"))
        (folder / "m2/post-05.md").unlink()
        write_post(folder, "m3/new.md", "A new undated post", None, draft=True)
        result = index.refresh(fulltext=False)
        assert sorted(result.changed + result.added + result.removed) == [
            "m0/post-03.md",
            "m1/post-04.md",
            "m2/post-05.md",
            "m3/new.md",
        ]
        assert patches == [True]
        assert read_copy(index) == from_table(index)
        assert list(result.articles) == from_table(index)
        assert stored_signatures_match_the_table(index)
        assert index.refresh(fulltext=False).parsed == 0  # the patched signatures hold


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_any_run_of_small_changes_keeps_the_copy_equal_to_the_table(
    folder: Path, tmp_path: Path, seed: int, patches: list[bool]
) -> None:
    rng = random.Random(seed)
    names = [f"m{n % 3}/post-{n:02}.md" for n in range(FOLDER_SIZE)]
    with ArticleIndex(folder, tmp_path / "i.db", workers=1) as index:
        index.refresh(fulltext=False)
        for round_number in range(8):
            for _ in range(rng.randint(1, 3)):
                name = rng.choice(names)
                if rng.random() < 0.2 and (folder / name).exists():
                    (folder / name).unlink()
                    continue
                day = None if rng.random() < 0.2 else rng.randint(0, 30)
                tags = tuple(rng.sample(["news", "ai", "chips", "space", "Space"], 2))
                title = f"Round {round_number}: {name}"
                write_post(folder, name, title, day, tags, draft=rng.random() < 0.3)
            index.refresh(fulltext=False)
            assert read_copy(index) == from_table(index), round_number
            assert stored_signatures_match_the_table(index)
    assert patches and all(patches)


def test_many_changes_write_the_copy_anew(
    folder: Path, tmp_path: Path, patches: list[bool]
) -> None:
    with ArticleIndex(folder, tmp_path / "i.db", workers=1) as index:
        index.refresh(fulltext=False)
        for number in range(FOLDER_SIZE // 2):  # more than a quarter of the rows
            write_post(folder, f"m{number % 3}/post-{number:02}.md", f"Renamed {number}", 5)
        index.refresh(fulltext=False)
        assert patches == []  # the copy was dropped on the way, not kept to patch
        assert read_copy(index) == from_table(index)


def test_an_outdated_copy_never_answers_and_is_patched_when_saved(
    folder: Path, tmp_path: Path, patches: list[bool]
) -> None:
    """Changes stored without saving the copy (a run killed before the end, or a watcher
    batch that leaves it for later): the table answers meanwhile."""
    with ArticleIndex(folder, tmp_path / "i.db", workers=1) as index:
        index.refresh(fulltext=False)
        write_post(folder, "m1/post-07.md", "Post 7, edited", 9)
        index.refresh_paths(["m1/post-07.md"], fulltext=False, snapshot=False)
        assert read_copy(index) is None
        assert index.cached()[0] == from_table(index)
        assert "Post 7, edited" in {article.title for article in index.cached()[0]}
        index.save_snapshot()
        assert patches == [True]
        assert read_copy(index) == from_table(index)


def test_changes_up_to_a_quarter_of_the_rows_are_patched(
    folder: Path, tmp_path: Path, patches: list[bool]
) -> None:
    """Each changed file counts once, however many writes its change takes."""
    with ArticleIndex(folder, tmp_path / "i.db", workers=1) as index:
        index.refresh(fulltext=False)
        for number in range(FOLDER_SIZE // snapshot.PATCH_SHARE):
            write_post(folder, f"m{number % 3}/post-{number:02}.md", f"Edited {number}", 6)
        assert len(index.refresh(fulltext=False).changed) == FOLDER_SIZE // snapshot.PATCH_SHARE
        assert patches == [True]
        assert read_copy(index) == from_table(index)
