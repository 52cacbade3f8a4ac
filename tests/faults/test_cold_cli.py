"""A first `list` answers from the quick preview; the full index is finished afterwards.

Before, `list --limit 1 --json` on an empty cache parsed every file and built the full-text
index first (28-40x the raw-read floor at 100,000 posts).
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from digest_tui import paths
from digest_tui.cli.main import main
from digest_tui.index import ArticleIndex

from .conftest import write_posts

POSTS = 2500
"""More than the pool threshold: a first run of this many files gets a preview."""


def _wait_for_background_index(posts: Path) -> None:
    """Wait for the lock the background process inherits from the command that started it."""
    with open(f"{paths.index_file(posts)}.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)


def _background_index_process(posts: Path) -> int:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for entry in Path("/proc").iterdir():
            try:
                argv = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"digest_tui.cli.completion" in argv and os.fsencode(posts) in argv:
                return int(entry.name)
        time.sleep(0.01)
    pytest.fail("no background index process started")


def _stored_articles(posts: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{paths.index_file(posts)}?mode=ro", uri=True)
    except sqlite3.Error:
        return 0
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def test_a_cold_list_answers_before_the_full_index_and_does_not_build_full_text(
    tmp_path: Path, capsys
) -> None:
    posts = tmp_path / "posts"
    write_posts(posts, POSTS)
    assert main(["list", str(posts), "--limit", "3", "--json"]) == 0
    cold = capsys.readouterr()
    assert cold.err == ""
    _wait_for_background_index(posts)
    with ArticleIndex(posts) as index:
        stats = index.stats()
    assert stats.articles == POSTS
    assert stats.fulltext_pending == POSTS  # left for the first search
    assert main(["list", str(posts), "--limit", "3", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(cold.out)  # every field alike
    assert main(["tags", str(posts), "--json"]) == 0
    assert sum(entry["count"] for entry in json.loads(capsys.readouterr().out)) == POSTS


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds the process in /proc")
def test_a_killed_cold_run_leaves_a_cache_the_next_run_finishes(tmp_path: Path, capsys) -> None:
    posts = tmp_path / "posts"
    write_posts(posts, 4000)
    assert main(["list", str(posts), "--limit", "1"]) == 0
    builder = _background_index_process(posts)
    deadline = time.monotonic() + 60
    while _stored_articles(posts) == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(builder, signal.SIGKILL)
    assert 0 < _stored_articles(posts) < 4000, "killed before or after it wrote"
    capsys.readouterr()
    assert main(["check", str(posts)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "4000 articles, 0 problems, 0 warnings"
    assert main(["search", "marmalade3999", str(posts), "--json"]) == 0
    assert [r["path"] for r in json.loads(capsys.readouterr().out)] == ["039/post-03999.md"]


def test_a_first_search_says_it_builds_the_full_text_once(tmp_path: Path, capsys) -> None:
    posts = tmp_path / "posts"
    write_posts(posts, 1200)
    assert main(["search", "marmalade77", str(posts)]) == 0
    first = capsys.readouterr()
    assert "post-00077.md" in first.out
    assert first.err.splitlines() == [
        "digest-tui: building the full-text index of this folder first "
        "(once: later searches use it)"
    ]  # piped: no progress bar
    assert main(["search", "marmalade78", str(posts)]) == 0
    assert capsys.readouterr().err == ""


def test_a_first_search_on_a_terminal_shows_a_progress_bar(tmp_path: Path) -> None:
    posts = tmp_path / "posts"
    write_posts(posts, 1200)
    controller, terminal = pty.openpty()
    command = [sys.executable, "-m", "digest_tui", "search", "marmalade77", str(posts)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=terminal)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    assert process.wait(timeout=60) == 0
    assert b"post-00077.md" in process.stdout.read()
    assert b"building the full-text index of this folder first" in shown
    assert "━".encode() in shown  # the bar
    assert b"1200/1200" in shown or b"/1200" in shown
