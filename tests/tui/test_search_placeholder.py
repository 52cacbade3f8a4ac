"""The search box's hint is shortened by whole examples, never cut inside a word."""

from __future__ import annotations

from pathlib import Path

from app_support import make_app, settle, write_content

from digest_tui.tui.widgets.search_box import PLACEHOLDER, SearchBox, fitted_placeholder


def test_examples_are_dropped_whole() -> None:
    assert fitted_placeholder(PLACEHOLDER, 200) == PLACEHOLDER
    assert fitted_placeholder(PLACEHOLDER, 70) == (
        'Search: words, "a phrase", tag:ai, -tag:crypto, after:2025-01-01'
    )
    assert fitted_placeholder(PLACEHOLDER, 12) == "Search:"
    assert fitted_placeholder(PLACEHOLDER, 3) == ""


async def test_the_hint_fits_the_box_at_80_columns(tmp_path: Path) -> None:
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        box = app.screen.query_one(SearchBox)
        assert len(box.placeholder) < box.content_size.width
        assert PLACEHOLDER.startswith(box.placeholder)
        assert PLACEHOLDER[len(box.placeholder)] == ","
        await pilot.resize_terminal(200, 40)
        await settle(pilot)
        assert box.placeholder == PLACEHOLDER
