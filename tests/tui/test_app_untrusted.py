"""Article text with markup or escapes shows literally everywhere and runs nothing."""

from __future__ import annotations

from pathlib import Path

from app_support import TRAP_TAG, TRAP_TITLE, make_app, settle, visible_text, write_content
from textual.command import CommandPalette


async def test_markup_title_and_tag_show_literally(tmp_path: Path) -> None:
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert "[@click=app.quit]Trap[/]" in visible_text(screen.articles)
        assert TRAP_TAG in visible_text(screen.sidebar)
        await pilot.press("enter")  # the trap article is the newest
        await settle(pilot)
        assert TRAP_TITLE in visible_text(screen.reader)


async def test_clicking_a_markup_title_runs_no_action(tmp_path: Path) -> None:
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        list_region = app.screen.articles.content_region
        for x in range(list_region.x, list_region.right, 2):
            await pilot.click(offset=(x, list_region.y))
        tags = app.screen.sidebar.content_region
        await pilot.click(offset=(tags.x + 4, tags.y + 2))
        await settle(pilot)
        assert app.is_running
        assert app.return_code is None


async def test_palette_lists_markup_titles_literally(tmp_path: Path) -> None:
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"trap")
        await settle(pilot)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        options = palette.query_one("CommandList")
        assert "[@click=app.quit]Trap[/] [bold]x[/]" in visible_text(options)
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running
        assert app.screen.reader.article.title == TRAP_TITLE


async def test_escape_sequences_never_reach_the_screen(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content")
    (content / "escapes.md").write_text(
        '---\ntitle: "Clear\\e[2J screen \\e]52;c;aGk=\\a copy"\n'
        'pubDatetime: 2026-01-01\ntags: ["\\e[31mred"]\n---\nbody\n',
        encoding="utf-8",
    )
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        for widget in (app.screen.articles, app.screen.sidebar, app.screen.reader):
            assert "\x1b" not in visible_text(widget)
        assert "Clear screen  copy" in visible_text(app.screen.reader)
