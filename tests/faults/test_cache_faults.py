"""A cache that cannot be opened or written: the CLI works from memory and says so once.

Before, `list`, `search`, `tags` and `check` printed nothing and exited 0 here.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from digest_tui import paths
from digest_tui.cli.main import main
from digest_tui.index import ArticleIndex

from .conftest import write_posts
from .unprivileged import open_folder, run_cli, share


@pytest.fixture
def cache_below_a_file(tmp_path: Path, monkeypatch) -> Path:
    """DIGEST_TUI_CACHE_DIR pointing below a regular file, like /dev/null/x."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DIGEST_TUI_CACHE_DIR", str(blocker / "cache"))
    return blocker / "cache"


def _json_out(capsys) -> tuple[list, list[str]]:
    captured = capsys.readouterr()
    return json.loads(captured.out), captured.err.splitlines()


@pytest.mark.usefixtures("cache_below_a_file")
def test_list_below_a_regular_file_answers_from_memory(posts: Path, capsys) -> None:
    assert main(["list", str(posts), "--json"]) == 0
    records, errors = _json_out(capsys)
    assert len(records) == 12
    assert all("read" in record and "starred" in record for record in records)
    assert len(errors) == 1
    assert "working from memory" in errors[0]
    assert "Not a directory" in errors[0]


@pytest.mark.usefixtures("cache_below_a_file")
def test_search_tags_and_check_below_a_regular_file(posts: Path, capsys) -> None:
    assert main(["search", "marmalade7", str(posts), "--json"]) == 0
    found, errors = _json_out(capsys)
    assert [record["path"] for record in found] == ["000/post-00007.md"]
    assert len(errors) == 1

    assert main(["tags", str(posts), "--json"]) == 0
    counts, _ = _json_out(capsys)
    assert sum(entry["count"] for entry in counts) == 12

    assert main(["check", str(posts)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "12 articles, 0 problems, 0 warnings"


@pytest.fixture
def shared_posts() -> Iterator[tuple[Path, Path]]:
    """Posts and a scratch folder under a folder an unprivileged user may enter."""
    with open_folder() as root:
        write_posts(root / "posts", 12)
        share(root)
        scratch = root / "scratch"
        scratch.mkdir(mode=0o777)
        scratch.chmod(0o777)
        yield root, scratch


def test_a_read_only_cache_folder_without_a_cache(shared_posts) -> None:
    root, scratch = shared_posts
    cache = root / "cache"
    cache.mkdir(mode=0o555)
    env = {"DIGEST_TUI_CACHE_DIR": str(cache), "DIGEST_TUI_DATA_DIR": str(scratch / "data")}
    done = run_cli(["list", str(root / "posts"), "--json"], env, scratch)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) == 12
    errors = done.stderr.decode().splitlines()
    assert len(errors) == 1 and "working from memory" in errors[0]
    assert list(cache.iterdir()) == []


def test_a_valid_read_only_cache_is_read(shared_posts) -> None:
    root, scratch = shared_posts
    posts, cache = root / "posts", root / "cache"
    os.environ["DIGEST_TUI_CACHE_DIR"] = str(cache)  # restored by the autouse fixture
    with ArticleIndex(posts) as index:
        assert len(index.refresh().articles) == 12
    db_file = paths.index_file(posts)
    share(cache)
    cache.chmod(0o555)
    before = db_file.read_bytes()
    # Only the cache knows this post now: the unprivileged user cannot read the file.
    hidden = posts / "000" / "post-00003.md"
    hidden.chmod(0o600)
    env = {"DIGEST_TUI_CACHE_DIR": str(cache), "DIGEST_TUI_DATA_DIR": str(scratch / "data")}
    done = run_cli(["search", "marmalade3", str(posts), "--json"], env, scratch)
    assert done.returncode == 0, done.stderr
    assert [r["path"] for r in json.loads(done.stdout)] == ["000/post-00003.md"]
    assert "working from memory" in done.stderr.decode()
    assert db_file.read_bytes() == before


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 160 KB tmpfs: the index of a few hundred posts does not fit."""
    mount = tmp_path / "tiny-disk"
    mount.mkdir()
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", str(mount)],
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"cannot mount a small tmpfs here to fill a disk: {error}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_mid_write_rolls_back_and_answers_from_memory(
    tmp_path: Path, tiny_disk: Path, monkeypatch, capsys
) -> None:
    posts = tmp_path / "many"
    titles = write_posts(posts, 900, body_words=120)
    monkeypatch.setenv("DIGEST_TUI_CACHE_DIR", str(tiny_disk))
    assert main(["list", str(posts), "--json"]) == 0
    records, errors = _json_out(capsys)
    assert sorted(record["title"] for record in records) == sorted(titles)
    assert len(errors) == 1 and "disk is full" in errors[0]

    assert main(["search", "marmalade899", str(posts)]) == 0
    assert "post-00899.md" in capsys.readouterr().out
    # What reached the disk is a consistent database: the refused write was rolled back.
    db_file = paths.index_file(posts)
    conn = sqlite3.connect(db_file)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        conn.close()
