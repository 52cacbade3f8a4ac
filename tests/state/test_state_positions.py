"""Reading positions: kept per article, across restarts, renames and an older state file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from digest_tui.model import Article
from digest_tui.state import ReadingPosition, StateStore
from digest_tui.state.schema import MIGRATIONS


def test_a_position_is_kept_across_a_restart(db_file: Path) -> None:
    with StateStore.open(db_file) as store:
        store.set_position("a.md", ReadingPosition(0.4, 1200))
        assert store.position("b.md") is None
    with StateStore.open(db_file) as store:
        assert store.position("a.md") == ReadingPosition(0.4, 1200)


def test_a_position_follows_a_renamed_file(db_file: Path) -> None:
    old = Article(path="old.md", title="Racks", date="2024-05-01")
    with StateStore.open(db_file) as store:
        store.reconcile([old])
        store.set_position("old.md", ReadingPosition(0.5, 900))
    with StateStore.open(db_file) as store:
        store.begin_session()
        store.reconcile([Article(path="posts/new.md", title="Racks", date="2024-05-01")])
        assert store.position("posts/new.md") == ReadingPosition(0.5, 900)


def test_a_position_fits_only_a_body_of_about_the_same_length() -> None:
    position = ReadingPosition(0.5, 1000)
    assert position.still_fits(1000) and position.still_fits(1150) and position.still_fits(850)
    assert not position.still_fits(500) and not position.still_fits(2000)


def test_a_file_from_before_positions_keeps_its_marks_and_gains_positions(db_file: Path) -> None:
    db_file.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_file)
    for statement in MIGRATIONS[1].split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("INSERT INTO articles (path, read) VALUES (?, 1)", (b"a.md",))
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with StateStore.open(db_file) as store:
        assert store.is_read("a.md")
        assert store.position("a.md") is None
        store.set_position("a.md", ReadingPosition(0.25, 10))
        assert store.position("a.md") == ReadingPosition(0.25, 10)
