"""An unreadable state file is moved aside, bytes intact, and a fresh one started."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from digest_tui.state import StateBusyError, StateStore
from digest_tui.state.integrity import needs_check


def _aside_files(db_file: Path) -> list[Path]:
    return sorted(db_file.parent.glob(f"{db_file.name}.corrupt-*"))


def _assert_recovered(db_file: Path, original: bytes) -> StateStore:
    store = StateStore.open(db_file)
    assert store.recovered_from is not None
    assert store.recovery_reason
    assert _aside_files(db_file) == [store.recovered_from]
    assert store.recovered_from.read_bytes() == original
    store.mark_read("a.md")  # the fresh store works
    assert store.is_read("a.md")
    return store


def test_a_healthy_file_is_not_moved(db_file: Path) -> None:
    with StateStore.open(db_file) as store:
        store.mark_read("a.md")
    with StateStore.open(db_file) as store:
        assert store.recovered_from is None
        assert _aside_files(db_file) == []


def test_a_file_that_is_not_sqlite_is_moved_aside(db_file: Path) -> None:
    db_file.parent.mkdir(parents=True)
    original = b"these are my notes, not a database\n" * 20
    db_file.write_bytes(original)
    with _assert_recovered(db_file, original) as store:
        assert "not an SQLite database" in (store.recovery_reason or "")


def test_a_damaged_database_is_moved_aside(db_file: Path) -> None:
    StateStore.open(db_file).close()
    conn = sqlite3.connect(db_file)
    with conn:
        conn.executemany(
            "INSERT INTO articles (path, read) VALUES (?, 1)",
            ((f"posts/{number:04}-{'x' * 60}.md".encode(),) for number in range(400)),
        )
    conn.close()
    data = bytearray(db_file.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    assert len(data) > 4 * page_size
    data[2 * page_size : 2 * page_size + 200] = b"\xa5" * 200  # scramble a b-tree page
    original = bytes(data)
    db_file.write_bytes(original)
    _assert_recovered(db_file, original).close()


def test_a_schema_from_a_newer_version_is_moved_aside(db_file: Path) -> None:
    with StateStore.open(db_file) as store:
        store.mark_starred("a.md")
    conn = sqlite3.connect(db_file)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    original = db_file.read_bytes()
    with _assert_recovered(db_file, original) as store:
        assert "newer" in (store.recovery_reason or "")
        assert not store.is_starred("a.md")


def test_some_other_sqlite_database_is_moved_aside(db_file: Path) -> None:
    db_file.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_file)
    conn.execute("CREATE TABLE articles (id INTEGER)")
    conn.execute("INSERT INTO articles VALUES (1)")
    conn.commit()
    conn.close()
    _assert_recovered(db_file, db_file.read_bytes()).close()


def test_the_old_wal_moves_with_the_file_it_belongs_to(db_file: Path) -> None:
    db_file.parent.mkdir(parents=True)
    db_file.write_bytes(b"not a database")
    Path(f"{db_file}-wal").write_bytes(b"a journal that belongs to the old file")
    with StateStore.open(db_file) as store:
        aside = store.recovered_from
        assert aside is not None
        assert Path(f"{aside}-wal").read_bytes() == b"a journal that belongs to the old file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files regardless of permissions")
def test_an_unreadable_file_is_moved_aside(db_file: Path) -> None:
    with StateStore.open(db_file) as store:
        store.mark_read("a.md")
    db_file.chmod(0)
    try:
        with StateStore.open(db_file) as store:
            assert store.recovered_from is not None
            assert not store.is_read("a.md")
    finally:
        for path in _aside_files(db_file):
            path.chmod(0o600)


def test_a_folder_in_the_state_files_place_is_moved_aside(db_file: Path) -> None:
    (db_file / "stray").mkdir(parents=True)
    with StateStore.open(db_file) as store:
        assert store.recovered_from is not None
        assert (store.recovered_from / "stray").is_dir()
        store.mark_read("a.md")
    assert db_file.is_file()


def test_recovering_twice_keeps_both_old_files(db_file: Path) -> None:
    db_file.parent.mkdir(parents=True)
    db_file.write_bytes(b"first bad file")
    StateStore.open(db_file).close()
    db_file.write_bytes(b"second bad file")
    StateStore.open(db_file).close()
    contents = {path.read_bytes() for path in _aside_files(db_file)}
    assert contents == {b"first bad file", b"second bad file"}


def test_a_lock_held_too_long_raises_busy_and_changes_nothing(db_file: Path) -> None:
    with StateStore.open(db_file, busy_timeout=0.1) as store:
        blocker = sqlite3.connect(db_file, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StateBusyError):
                store.toggle_star("a.md")
            assert not store.is_starred("a.md")
            # Opening a second store still works while the writer holds its lock.
            with StateStore.open(db_file, busy_timeout=0.1) as reader:
                assert reader.recovered_from is None
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert store.toggle_star("a.md") is True


def test_only_a_file_unchanged_since_a_clean_close_skips_the_full_check(db_file: Path) -> None:
    assert needs_check(db_file), "never closed here"
    with StateStore.open(db_file) as store:
        store.mark_read("a.md")
    assert not needs_check(db_file), "closed cleanly, untouched since"

    other = sqlite3.connect(db_file)  # another program writes, and keeps its log open
    other.execute("INSERT INTO articles (path, read) VALUES (?, 1)", (b"b.md",))
    other.commit()
    assert needs_check(db_file), "a write-ahead log is left over"
    other.close()
    assert needs_check(db_file), "written since the close"

    with StateStore.open(db_file) as store:
        assert store.recovered_from is None and store.is_read("b.md")
    assert not needs_check(db_file)
    db_file.with_name(db_file.name + ".checked").write_text("garbage", encoding="ascii")
    assert needs_check(db_file)
