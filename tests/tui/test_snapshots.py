"""Snapshots of the reader at 120x40 over the small fixed fixture folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import make_app, settle, write_content

SIZE = (120, 40)


@pytest.fixture
def app(tmp_path: Path):
    return make_app(write_content(tmp_path / "content"))


def test_main_screen(snap_compare, app) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_article_open(snap_compare, app) -> None:
    async def open_the_oldest(pilot) -> None:
        await settle(pilot)
        await pilot.press("G", "enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_the_oldest)


def test_help_screen(snap_compare, app) -> None:
    async def open_help(pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_help)
