"""A live folder follows real changes end to end: events, index, full text and list."""

from __future__ import annotations

import os
import queue
import sqlite3
import threading
from pathlib import Path

import pytest

from digest_tui.index import ArticleIndex, snapshot
from digest_tui.watching import FolderChanges, FolderWatcher
from digest_tui.watching.live import LiveFolder

WAIT = 20.0


def post(title: str, body: str = "Plain words.") -> str:
    return f"---\ntitle: {title}\ndate: 2025-11-20\ntags: [news]\n---\n{body}\n"


@pytest.fixture
def live(tmp_path: Path):
    root = tmp_path / "content"
    root.mkdir()
    for number in range(5):
        (root / f"p{number}.md").write_text(post(f"Post {number}"), encoding="utf-8")
    with ArticleIndex(root, workers=1) as index:
        result = index.refresh()
        yield LiveFolder(index, result.articles, result.problems)


def follow(live: LiveFolder, until, events: bool = True) -> None:
    """Apply the watcher's batches to `live` until `until(live)` holds."""
    stop = threading.Event()
    failures: queue.Queue[BaseException] = queue.Queue()

    def run() -> None:
        try:
            for batch in FolderWatcher(live.index.content_dir, events=events).changes(stop):
                live.apply(batch)
                if until(live):
                    stop.set()
        except BaseException as error:  # surfaced below
            failures.put(error)
            stop.set()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(WAIT)
    stop.set()
    thread.join(WAIT)
    assert failures.empty(), failures.get()
    assert until(live)


def start_writing_after_watching(root: Path, write) -> threading.Thread:
    """Write once the watcher is surely set up (it reports nothing written before it)."""
    thread = threading.Timer(0.5, write)
    thread.start()
    return thread


def test_an_edit_reaches_the_list_and_the_full_text_index(live: LiveFolder):
    root = live.index.content_dir
    writer = start_writing_after_watching(
        root, lambda: (root / "p1.md").write_text(post("Edited", "zeppelin"), encoding="utf-8")
    )
    follow(live, lambda current: any(a.title == "Edited" for a in current.articles))
    writer.join()
    assert len(live.articles) == 5
    assert list(live.index.fulltext("zeppelin")) == ["p1.md"]


def test_a_burst_of_thousands_of_files_is_followed_to_the_last(live: LiveFolder):
    root = live.index.content_dir

    def burst() -> None:
        for number in range(3000):
            (root / f"burst-{number:04}.md").write_text(post(f"Burst {number}"), encoding="utf-8")
        os.remove(root / "p0.md")

    writer = start_writing_after_watching(root, burst)
    follow(live, lambda current: len(current.articles) == 3004)
    writer.join()
    assert {a.path for a in live.articles} == {a.path for a in live.index.cached()[0]}


def test_without_events_a_rescan_finds_the_change(live: LiveFolder):
    root = live.index.content_dir
    (root / "late.md").write_text(post("Late"), encoding="utf-8")
    os.remove(root / "p2.md")
    follow(live, lambda current: "late.md" in {a.path for a in current.articles}, events=False)
    assert "p2.md" not in {a.path for a in live.articles}


def test_an_update_names_what_changed(live: LiveFolder):
    root = live.index.content_dir
    os.rename(root / "p3.md", root / "moved.md")
    update = live.apply(FolderChanges(frozenset({"p3.md", "moved.md"})))
    assert update is not None
    assert (update.added, update.removed, update.changed) == (("moved.md",), ("p3.md",), ())
    assert live.apply(FolderChanges(frozenset({"moved.md"}))) is None


def test_an_update_hands_over_the_versions_it_replaced(live: LiveFolder):
    # The story clusters stop counting a replaced headline's words from these.
    root = live.index.content_dir
    (root / "p1.md").write_text(post("Post one, rewritten"), encoding="utf-8")
    (root / "p2.md").unlink()
    update = live.apply(FolderChanges(frozenset({"p1.md", "p2.md"})))
    assert update is not None
    assert {(a.path, a.title) for a in update.replaced} == {
        ("p1.md", "Post 1"),
        ("p2.md", "Post 2"),
    }
    (root / "p4.md").write_text(post("Post four, rewritten"), encoding="utf-8")
    update = live.rescan()
    assert update is not None
    assert [(a.path, a.title) for a in update.replaced] == [("p4.md", "Post 4")]


def test_the_warm_start_copy_is_written_once_the_folder_is_quiet(live: LiveFolder):
    root = live.index.content_dir

    def copy_present() -> bool:
        with sqlite3.connect(live.index.db_file) as conn:
            return snapshot.is_present(conn)

    (root / "p1.md").write_text(post("Edited"), encoding="utf-8")
    live.apply(FolderChanges(frozenset({"p1.md"})))
    assert not copy_present()
    live.apply(FolderChanges())
    assert copy_present()
    assert [a.title for a in live.index.cached()[0]].count("Edited") == 1
