"""Moving around: tab from the tags reaches the list, `]` and `[` say when the list ends,
and `digest-tui post.md` starts with that article open and highlighted."""

from __future__ import annotations

from pathlib import Path

from app_support import NEWEST_FIRST, make_app, settle, shown_notices, write_content

from digest_tui.config import Config
from digest_tui.tui.app import DigestApp


async def test_tab_from_the_tags_goes_to_the_list(tmp_path: Path) -> None:
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        assert app.focused is app.screen.sidebar
        await pilot.press("tab")
        assert app.focused is app.screen.articles


async def test_next_on_the_last_article_says_so(tmp_path: Path) -> None:
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("G", "enter")
        await settle(pilot)
        assert app.screen.reader.article.path == NEWEST_FIRST[-1]
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert "This is the last article" in shown_notices(app)
        assert app.screen.reader.article.path == NEWEST_FIRST[-1]
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert app.screen.reader.article.path == NEWEST_FIRST[-2]


async def test_previous_on_the_first_article_says_so(tmp_path: Path) -> None:
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert "This is the first article" in shown_notices(app)


async def test_a_file_named_at_launch_opens_highlighted(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content")
    app = DigestApp.for_folder(content, Config(), open_first="2025/02/model-audit.md")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.reader.article.path == "2025/02/model-audit.md"
        assert screen.articles.highlighted.path == "2025/02/model-audit.md"
        assert app.focused is screen.reader
