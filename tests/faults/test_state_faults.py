"""Reader state the CLI cannot write, or cannot read: said on stderr, never mistaken for a
corrupt file, and the JSON keys the README promises are always there."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from digest_tui import paths
from digest_tui.cli.main import main
from digest_tui.state import StateStore

from .conftest import write_posts
from .unprivileged import open_folder, run_cli, share

STARRED = "000/post-00002.md"


@pytest.fixture
def starred_in_a_read_only_folder() -> Iterator[tuple[Path, Path, dict[str, str]]]:
    """Posts with one star kept in a data folder that an unprivileged user cannot write."""
    with open_folder() as root:
        posts, data = root / "posts", root / "data"
        write_posts(posts, 6)
        os.environ["DIGEST_TUI_DATA_DIR"] = str(data)  # restored by the autouse fixture
        with StateStore.for_folder(posts) as store:
            store.mark_starred(STARRED)
        share(root)
        data.chmod(0o555)
        scratch = root / "scratch"
        scratch.mkdir()
        scratch.chmod(0o777)
        env = {"DIGEST_TUI_DATA_DIR": str(data), "DIGEST_TUI_CACHE_DIR": str(scratch / "c")}
        yield posts, scratch, env


def test_a_read_only_data_folder_is_read_not_moved_aside(starred_in_a_read_only_folder) -> None:
    posts, scratch, env = starred_in_a_read_only_folder
    data_folder = paths.state_file(posts).parent
    before = sorted(p.name for p in data_folder.iterdir())
    done = run_cli(["list", str(posts), "--json"], env, scratch)
    assert done.returncode == 0, done.stderr
    records = json.loads(done.stdout)
    assert {r["path"] for r in records if r["starred"]} == {STARRED}
    assert all(record["read"] is False for record in records)
    errors = done.stderr.decode()
    assert "read-only" in errors and "cannot be written" in errors
    assert "unreadable" not in errors and "moved" not in errors
    assert paths.state_file(posts).name in before
    assert sorted(p.name for p in data_folder.iterdir()) == before, "nothing moved or added"


def test_unreadable_state_keeps_the_keys_and_exits_1(starred_in_a_read_only_folder) -> None:
    posts, scratch, env = starred_in_a_read_only_folder
    paths.state_file(posts).chmod(0o600)  # and the unprivileged user is not its owner
    done = run_cli(["list", str(posts), "--json"], env, scratch)
    if os.geteuid() != 0 and os.access(paths.state_file(posts), os.R_OK):
        pytest.skip("this user owns the state file, so it stays readable")
    assert done.returncode == 1
    records = json.loads(done.stdout)
    assert len(records) == 6
    assert all("read" in record and "starred" in record for record in records)
    assert "reader state unavailable" in done.stderr.decode()


def test_a_corrupt_state_file_moved_aside_is_reported(posts: Path, capsys) -> None:
    state_file = paths.state_file(posts)
    state_file.parent.mkdir(parents=True)
    state_file.write_bytes(b"this is not a database")
    assert main(["list", str(posts), "--json"]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 12
    assert "was unreadable" in captured.err and ".corrupt-" in captured.err
    assert len(list(state_file.parent.glob("*.corrupt-*"))) == 1
