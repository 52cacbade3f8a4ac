"""The warm changed-file check compares only the folders whose files' signature changed,
and still notices every edit, addition and removal."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from digest_tui import loading
from digest_tui.index import ArticleIndex, folder_check, snapshot
from digest_tui.index.folder_check import check_folders, signatures_of_rows
from digest_tui.model import FileStamp

WriteArticle = Callable[..., Path]


def article_text(title: str) -> str:
    return f"---\ntitle: {title}\npubDatetime: 2025-03-04T10:00:00Z\n---\n\nBody.\n"


def _never() -> bool:
    return False


def signatures_as_walked(folder: Path) -> dict[str, int]:
    """The signatures of the rows an index would hold after reading `folder` as it is now."""
    stamps = [f for f in loading.discover(folder) if isinstance(f, FileStamp)]
    return signatures_of_rows((s.path, s.size, s.mtime_ns) for s in stamps)


def rewrite_in_place(path: Path, old: str, new: str) -> None:
    """Change the text without changing the size or the folder's listing, as an editor
    writing into the same file does; the time moves on by a second."""
    text = path.read_text(encoding="utf-8")
    assert len(old) == len(new)
    before = path.stat().st_mtime_ns
    with path.open("r+", encoding="utf-8") as handle:
        handle.write(text.replace(old, new))
    os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


def test_a_file_edited_in_place_is_read_again(small_folder: Path, tmp_path: Path) -> None:
    with ArticleIndex(small_folder, tmp_path / "i.db", workers=1) as index:
        index.refresh()
        assert index.refresh().parsed == 0  # signatures stored: nothing to read
        rewrite_in_place(small_folder / "2025/02/post-07.md", "Post number 7", "Post numero 7")
        again = index.refresh()
        articles, _ = index.cached()
    assert (again.added, again.changed, again.removed) == ([], ["2025/02/post-07.md"], [])
    assert "Post numero 7" in {article.title for article in articles}


def test_only_folders_holding_a_change_are_compared(
    small_folder: Path, write_article: WriteArticle
) -> None:
    stored = signatures_as_walked(small_folder)
    rewrite_in_place(small_folder / "2025/01/post-02.md", "Post number 2", "Post numero 2")
    write_article("2026/03/new.md", "A new month")
    check = check_folders(small_folder, stored, _never)
    assert check.suspects == {"2025/01", "2026/03"}
    assert sorted(stamp.path for stamp in check.stamps) == [
        *(f"2025/01/post-{n:02}.md" for n in range(6)),
        "2026/03/new.md",
    ]
    assert check.files == 14  # every file is counted, compared or not


def test_a_vanished_folder_is_suspect_and_lists_nothing(small_folder: Path) -> None:
    stored = signatures_as_walked(small_folder)
    for post in (small_folder / "2025/02").iterdir():
        post.unlink()
    (small_folder / "2025/02").rmdir()
    check = check_folders(small_folder, stored, _never)
    assert check.suspects == {"2025/02"}
    assert check.stamps == []


def test_without_stored_signatures_every_folder_is_compared(small_folder: Path) -> None:
    check = check_folders(small_folder, None, _never)
    assert check.suspects == {"", "2025", "2025/01", "2025/02"}
    assert len(check.stamps) == 13


def test_worker_processes_find_what_one_process_finds(
    content: Path, write_article: WriteArticle, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(60):
        write_article(f"{number % 4}/{number % 3}/post-{number:02}.md", f"Post {number}")
    write_article("root.md", "At the root")
    (content / "1" / "2" / "post-05.md").write_text("changed", encoding="utf-8")
    monkeypatch.setattr(folder_check, "BATCH_FILES", 7)  # batches span folders, and split them
    stored = {"0/0": 1, "1/1": 2}
    here = check_folders(content, stored, _never, workers=1)
    pooled = check_folders(content, stored, _never, workers=2)
    assert pooled.stamps == here.stamps
    assert (pooled.suspects, pooled.files) == (here.suspects, here.files) == (here.suspects, 61)
    assert here.stamps == [f for f in loading.discover(content) if isinstance(f, FileStamp)]


def test_a_file_over_the_size_limit_is_a_problem_not_a_file(small_folder: Path) -> None:
    stored = signatures_as_walked(small_folder)
    with (small_folder / "2025/01/huge.md").open("wb") as handle:
        handle.truncate(loading.MAX_ARTICLE_BYTES + 1)  # sparse: no disk space used
    check = check_folders(small_folder, stored, _never)
    assert check.suspects == set()  # as the walk sees it, the folder's files did not change
    assert [p.path for p in check.problems] == ["2025/01/huge.md"]
    assert check.files == 13


def indexed_then_signatures_altered(folder: Path, tmp_path: Path, change: str) -> Path:
    """An index of `folder` whose stored folder signatures were then changed by `change`
    (an SQL assignment); its database path."""
    db = tmp_path / "i.db"
    with ArticleIndex(folder, db, workers=1) as index:
        index.refresh()
    with sqlite3.connect(db) as conn:
        conn.execute(f"UPDATE snapshot SET {change} WHERE position = -2")
    return db


def test_a_damaged_signature_copy_falls_back_to_comparing_every_file(
    small_folder: Path, tmp_path: Path
) -> None:
    db = indexed_then_signatures_altered(small_folder, tmp_path, "data = x'7b7b'")
    rewrite_in_place(small_folder / "2025/01/post-03.md", "Post number 3", "Post numero 3")
    with ArticleIndex(small_folder, db, workers=1) as index:
        again = index.refresh()
    assert again.changed == ["2025/01/post-03.md"]


def test_signatures_of_an_older_kind_are_renewed_and_edits_still_found(
    small_folder: Path, tmp_path: Path
) -> None:
    # The kind an older version stored them as.
    db = indexed_then_signatures_altered(small_folder, tmp_path, "kind = 'folders'")
    with ArticleIndex(small_folder, db, workers=1) as index:
        assert index.refresh().changed == []
    with sqlite3.connect(db) as conn:
        assert snapshot.folder_signatures(conn) == signatures_as_walked(small_folder)
    rewrite_in_place(small_folder / "2025/01/post-03.md", "Post number 3", "Post numero 3")
    with ArticleIndex(small_folder, db, workers=1) as index:
        assert index.refresh().changed == ["2025/01/post-03.md"]


def test_edits_are_found_in_the_root_and_in_undecodable_folders(
    content: Path, tmp_path: Path
) -> None:
    odd = os.fsencode(content) + b"/caf\xe9"
    os.mkdir(odd)
    with open(odd + b"/story.md", "wb") as handle:
        handle.write(article_text("Odd folder").encode("utf-8"))
    (content / "top.md").write_text(article_text("Top"), encoding="utf-8")
    with ArticleIndex(content, tmp_path / "i.db", workers=1) as index:
        index.refresh()
        odd_story = Path(os.fsdecode(odd + b"/story.md"))
        rewrite_in_place(odd_story, "Odd folder", "Odd fold3r")
        rewrite_in_place(content / "top.md", "Top", "Toq")
        again = index.refresh()
        (content / "top.md").unlink()
        gone = index.refresh()
    assert sorted(again.changed) == sorted([os.fsdecode(b"caf\xe9/story.md"), "top.md"])
    assert gone.removed == ["top.md"]
