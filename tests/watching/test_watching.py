"""The folder watcher on a real folder: real writes, renames and deletes, real events."""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from digest_tui.watching import FolderChanges, FolderWatcher
from digest_tui.watching.mounts import network_filesystem
from digest_tui.watching.watcher import relevant_paths

WAIT = 10.0
"""Seconds to wait for a batch before failing (events arrive in well under two)."""


class Following:
    """A watcher running in a thread, its batches in a queue."""

    def __init__(self, watcher: FolderWatcher) -> None:
        self.watcher = watcher
        self.stop = threading.Event()
        self.batches: queue.Queue[FolderChanges] = queue.Queue()
        self.started = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        for batch in self.watcher.changes(self.stop):
            self.batches.put(batch)

    def paths_until(self, wanted: str) -> set[str]:
        """Every path reported until `wanted` is among them."""
        seen: set[str] = set()
        while wanted not in seen:
            seen |= self.batches.get(timeout=WAIT).paths
        return seen


@pytest.fixture
def follow(tmp_path: Path) -> Iterator[Following]:
    root = tmp_path / "content"
    (root / "posts").mkdir(parents=True)
    following = Following(FolderWatcher(root))
    assert _wait_until_watching(following, root), "no event arrived for a new file"
    yield following
    following.stop.set()
    following.thread.join(timeout=WAIT)
    assert not following.thread.is_alive()


def _wait_until_watching(following: Following, root: Path) -> bool:
    """Write probe files until one is reported: the watcher is then set up."""
    for attempt in range(50):
        probe = root / f"probe-{attempt}.md"
        probe.write_text("x", encoding="utf-8")
        try:
            batch = following.batches.get(timeout=0.2)
        except queue.Empty:
            continue
        if batch.paths:
            while not following.batches.empty():
                following.batches.get()
            return True
    return False


def test_a_new_file_is_reported_by_its_relative_path(follow: Following):
    root = follow.watcher.root
    (root / "posts/new.md").write_text("---\ntitle: New\n---\n", encoding="utf-8")
    assert "posts/new.md" in follow.paths_until("posts/new.md")
    assert follow.watcher.fallback is None


def test_an_editors_swap_file_is_never_reported(follow: Following):
    root = follow.watcher.root
    (root / "posts/.new.md.swp").write_bytes(b"swap")
    (root / "posts/new.md").write_text("x", encoding="utf-8")
    seen = follow.paths_until("posts/new.md")
    assert not any(".swp" in path for path in seen)


def test_a_rename_reports_both_names_and_a_folder_reports_itself(follow: Following):
    root = follow.watcher.root
    (root / "posts/a.md").write_text("x", encoding="utf-8")
    follow.paths_until("posts/a.md")
    os.rename(root / "posts/a.md", root / "posts/b.md")
    seen = follow.paths_until("posts/b.md")
    assert "posts/a.md" in seen or "posts/a.md" in follow.paths_until("posts/a.md")
    os.rename(root / "posts", root / "archive")
    assert "archive" in follow.paths_until("archive")


def test_without_events_the_folder_is_rescanned_and_the_watcher_says_why(tmp_path: Path):
    following = Following(FolderWatcher(tmp_path, events=False, rescan_seconds=0.05))
    try:
        assert following.batches.get(timeout=WAIT).rescan
        assert following.batches.get(timeout=WAIT).rescan
        assert following.watcher.fallback == "change events not used"
    finally:
        following.stop.set()
        following.thread.join(timeout=WAIT)


def test_relevant_paths_keep_files_and_folders_but_not_hidden_entries():
    root = os.sep + os.path.join("srv", "blog")
    changed = [
        os.path.join(root, "posts", "a.md"),
        os.path.join(root, "posts", ".a.md.swp"),
        os.path.join(root, ".git", "index"),
        os.path.join(root, "node_modules", "x.md"),
        os.path.join(root, "archive"),
        os.path.join(os.sep, "elsewhere", "b.md"),
    ]
    assert relevant_paths(root, changed) == {"posts/a.md", "archive"}


def test_a_folder_on_a_network_file_system_is_known_as_one(tmp_path: Path):
    table = tmp_path / "mounts"
    share = tmp_path / "share"
    (share / "blog").mkdir(parents=True)
    table.write_text(
        f"/dev/sda1 / ext4 rw 0 0\nserver:/export {share} nfs4 rw 0 0\n", encoding="utf-8"
    )
    assert network_filesystem(share / "blog", table) == "nfs4"
    assert network_filesystem(tmp_path, table) is None
