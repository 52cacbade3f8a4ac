"""Narrow terminals show one pane at a time, and keys move between the panes."""

from __future__ import annotations

from pathlib import Path

from app_support import make_app, settle, write_content


def _shown(app) -> set[str]:
    screen = app.screen
    panes = {"tags": screen.sidebar, "list": screen.articles, "reader": screen.reader}
    return {name for name, widget in panes.items() if widget.display and widget.size.width > 0}


async def test_wide_layout_shows_all_panes(tmp_path: Path) -> None:
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert _shown(app) == {"tags", "list", "reader"}


async def test_narrow_layout_shows_one_pane_and_keys_switch(tmp_path: Path) -> None:
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        assert _shown(app) == {"list"}
        await pilot.press("enter")
        await settle(pilot)
        assert _shown(app) == {"reader"}
        assert app.screen.reader.article.path == app.screen.articles.highlighted.path
        await pilot.press("escape")
        await pilot.pause()
        assert _shown(app) == {"list"}
        await pilot.press("t")
        await pilot.pause()
        assert _shown(app) == {"tags"}
        assert app.focused is app.screen.sidebar
        await pilot.press("escape")
        await pilot.pause()
        assert _shown(app) == {"list"}
        await pilot.press("slash")
        await pilot.pause()
        assert _shown(app) == {"list"}


async def test_resizing_switches_layouts(tmp_path: Path) -> None:
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.resize_terminal(80, 30)
        await pilot.pause()
        assert _shown(app) == {"list"}
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert _shown(app) == {"tags", "list", "reader"}
