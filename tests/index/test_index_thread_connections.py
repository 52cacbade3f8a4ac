"""Searches run from many short-lived threads (the reader filters on a thread per
keystroke) never pile up open files."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from digest_tui.index import ArticleIndex

OPEN_FILES = Path("/proc/self/fd")


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or not OPEN_FILES.is_dir(),
    reason="counts open files through /proc/self/fd (Linux)",
)
def test_threads_that_ended_give_back_their_files(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    for number in range(5):
        (content / f"{number}.md").write_text(
            f"---\ntitle: Post {number}\ndate: 2024-01-0{number + 1}\n---\n\nEngines {number}.\n",
            encoding="utf-8",
        )
    with ArticleIndex(content, db_file=tmp_path / "index.db", workers=1) as index:
        index.refresh()
        index.build_fulltext()
        found: list[int] = []

        def search() -> None:
            found.append(len(index.search("engine", 10)))

        def search_on_a_new_thread() -> None:
            thread = threading.Thread(target=search)
            thread.start()
            thread.join()

        search_on_a_new_thread()
        files_after_one = len(os.listdir(OPEN_FILES))
        for _ in range(40):
            search_on_a_new_thread()
        assert found == [5] * 41
        # The index and its write-ahead log take a few files per connection: forty
        # threads' connections left open would add dozens.
        assert len(os.listdir(OPEN_FILES)) <= files_after_one + 4
