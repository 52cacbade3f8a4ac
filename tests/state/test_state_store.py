"""Read marks, stars and UI values: each change sticks, in memory and across a reopen."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from digest_tui import paths
from digest_tui.state import StateError, StateSnapshot, StateStore


def test_a_fresh_store_knows_nothing(store: StateStore) -> None:
    assert not store.is_read("a.md")
    assert not store.is_starred("a.md")
    assert not store.is_new("a.md")
    assert store.read_paths() == set()
    assert store.starred_paths() == set()
    assert store.last_opened() is None


def test_opening_creates_the_missing_data_folder(db_file: Path) -> None:
    assert not db_file.parent.exists()
    with StateStore.open(db_file):
        pass
    assert db_file.is_file()


def test_database_is_in_wal_mode_with_full_sync(store: StateStore, db_file: Path) -> None:
    conn = sqlite3.connect(db_file)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_mark_read_and_unread(store: StateStore) -> None:
    store.mark_read("posts/a.md")
    assert store.is_read("posts/a.md")
    assert store.read_paths() == {"posts/a.md"}
    store.mark_read("posts/a.md", read=False)
    assert not store.is_read("posts/a.md")


def test_marking_read_twice_keeps_the_first_read_time(store: StateStore, db_file: Path) -> None:
    store.mark_read("a.md")
    first = _column(db_file, "read_at", "a.md")
    store.mark_read("a.md")
    assert _column(db_file, "read_at", "a.md") == first
    store.mark_read("a.md", read=False)
    assert _column(db_file, "read_at", "a.md") is None


def test_toggles_return_the_new_value(store: StateStore) -> None:
    assert store.toggle_read("a.md") is True
    assert store.toggle_read("a.md") is False
    assert store.toggle_star("a.md") is True
    assert store.is_starred("a.md")
    assert store.toggle_star("a.md") is False
    assert store.starred_paths() == set()


def test_star_and_read_are_independent(store: StateStore) -> None:
    store.mark_starred("a.md")
    store.mark_read("b.md")
    assert store.is_starred("a.md") and not store.is_read("a.md")
    assert store.is_read("b.md") and not store.is_starred("b.md")


def test_changes_survive_a_reopen(db_file: Path) -> None:
    with StateStore.open(db_file) as first:
        first.mark_read("a.md")
        first.toggle_star("b.md")
        first.set_last_opened("b.md")
        first.set_ui_value("list", {"index": 12, "order": "newest"})
    with StateStore.open(db_file) as again:
        assert again.read_paths() == {"a.md"}
        assert again.starred_paths() == {"b.md"}
        assert again.last_opened() == "b.md"
        assert again.ui_value("list") == {"index": 12, "order": "newest"}


def test_changes_are_committed_before_the_call_returns(store: StateStore, db_file: Path) -> None:
    store.mark_starred("a.md")
    other = sqlite3.connect(db_file)
    assert other.execute("SELECT starred FROM articles").fetchall() == [(1,)]
    other.close()


def test_paths_with_undecodable_bytes_round_trip(db_file: Path) -> None:
    odd = "caf\udce9 [b]\n.md"  # a Latin-1 byte in the file name, markup and a newline
    with StateStore.open(db_file) as first:
        first.mark_read(odd)
    with StateStore.open(db_file) as again:
        assert again.read_paths() == {odd}


def test_ui_values_hold_json_and_fall_back_to_the_default(store: StateStore) -> None:
    assert store.ui_value("theme", "dark") == "dark"
    store.set_ui_value("theme", "light")
    store.set_ui_value("position", 3)
    assert store.ui_value("theme") == "light"
    assert store.ui_value("position") == 3
    store.set_ui_value("theme", None)
    assert store.ui_value("theme", "dark") is None


def test_a_value_that_is_not_json_is_refused_without_touching_the_old_one(
    store: StateStore,
) -> None:
    store.set_ui_value("position", 1)
    with pytest.raises(TypeError):
        store.set_ui_value("position", object())
    assert store.ui_value("position") == 1


def test_snapshot_is_frozen_at_the_moment_it_was_taken(store: StateStore) -> None:
    store.mark_read("a.md")
    snapshot = store.snapshot()
    store.mark_read("b.md")
    assert isinstance(snapshot, StateSnapshot)
    assert snapshot.is_read("a.md") and not snapshot.is_read("b.md")
    assert not snapshot.is_starred("a.md")


def test_reload_picks_up_another_instances_changes(db_file: Path) -> None:
    with StateStore.open(db_file) as first, StateStore.open(db_file) as second:
        second.mark_read("a.md")
        assert not first.is_read("a.md")
        first.reload()
        assert first.is_read("a.md")


def test_toggle_works_from_the_database_not_a_stale_memory(db_file: Path) -> None:
    with StateStore.open(db_file) as first, StateStore.open(db_file) as second:
        first.toggle_star("a.md")
        # `second` has not reloaded: it still thinks a.md is unstarred.
        assert second.toggle_star("a.md") is False
        first.reload()
        assert not first.is_starred("a.md")


def test_for_folder_keeps_state_in_the_data_dir_not_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "data"))
    monkeypatch.setenv(paths.CACHE_DIR_ENV, str(tmp_path / "cache"))
    content = tmp_path / "content"
    content.mkdir()
    with StateStore.for_folder(content) as store:
        store.mark_read("a.md")
        assert store.db_file == paths.state_file(content)
    assert not (tmp_path / "cache").exists()
    with StateStore.for_folder(content) as again:
        assert again.is_read("a.md")


def test_ephemeral_store_works_without_a_file() -> None:
    with StateStore.ephemeral() as store:
        store.toggle_star("a.md")
        assert store.is_starred("a.md")
        assert store.db_file is None


def test_using_a_closed_store_raises_a_state_error(db_file: Path) -> None:
    store = StateStore.open(db_file)
    store.close()
    with pytest.raises(StateError):
        store.mark_read("a.md")


def test_store_answers_the_reader_state_view_protocol(store: StateStore) -> None:
    from digest_tui.search import ReaderStateView as view

    members = [name for name in dir(view) if not name.startswith("_")]
    assert {"is_read", "is_starred", "is_new"} <= set(members)
    for name in members:
        assert callable(getattr(store, name)), name
        assert callable(getattr(store.snapshot(), name)), name


def _column(db_file: Path, column: str, path: str) -> object:
    conn = sqlite3.connect(db_file)
    try:
        row = conn.execute(
            f"SELECT {column} FROM articles WHERE path = ?", (path.encode(),)
        ).fetchone()
    finally:
        conn.close()
    return row[0]


def test_threads_sharing_one_store_lose_no_change(store: StateStore) -> None:
    def star_some(prefix: str) -> None:
        for number in range(40):
            store.toggle_star(f"{prefix}/{number}.md")

    threads = [threading.Thread(target=star_some, args=(name,)) for name in "abcd"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    expected = {f"{prefix}/{number}.md" for prefix in "abcd" for number in range(40)}
    assert store.starred_paths() == expected
    store.reload()
    assert store.starred_paths() == expected
