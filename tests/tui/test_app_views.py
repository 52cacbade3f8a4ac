"""Saved views in the reader: shown from the command palette, and saved from it."""

from __future__ import annotations

from pathlib import Path

from app_support import listed_paths, make_app, settle, write_content

from digest_tui.config import Config, load_config
from digest_tui.tui.widgets.search_box import SearchBox


async def test_a_saved_view_is_shown_from_the_palette(tmp_path: Path) -> None:
    config = Config(views={"energy": "tag:energy"})
    app = make_app(write_content(tmp_path / "content"), config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"View: energy")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one(SearchBox).value == "tag:energy"
        assert sorted(listed_paths(app)) == ["2025/01/solar-kite.md", "2025/03/grid-batteries.md"]


async def test_the_current_search_and_tags_are_saved_as_a_view(tmp_path: Path) -> None:
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.tags = ("ai",)
        await pilot.press("slash", *"chip")
        await settle(pilot)
        await pilot.press("ctrl+p", *"save view chips")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    assert dict(load_config()[0].views) == {"chips": 'chip tag:"ai"'}


async def test_saved_views_are_listed_at_the_top_of_the_sidebar(tmp_path: Path) -> None:
    config = Config(views={"energy": "tag:energy", "chips": "chip"})
    app = make_app(write_content(tmp_path / "content"), config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sidebar = app.screen.sidebar
        names = [row.value for row in sidebar.rows]
        assert names[:4] == ["All", "Views", "chips", "energy"]
        assert "ai" in names[4:]
        sidebar.focus()
        await pilot.press("down", "down", "down", "enter")
        await settle(pilot)
        assert app.screen.query_one(SearchBox).value == "tag:energy"
        assert sorted(listed_paths(app)) == ["2025/01/solar-kite.md", "2025/03/grid-batteries.md"]
