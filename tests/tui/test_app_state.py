"""Read marks, stars, sort and the last opened article are kept in the state store."""

from __future__ import annotations

from pathlib import Path

from app_support import NEWEST_FIRST, make_app, settle, write_content

from digest_tui.state import StateStore


async def test_u_and_star_toggle_and_persist(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content")
    app = make_app(content)
    first = NEWEST_FIRST[0]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("u", "asterisk")
        assert app.session.state.is_read(first)
        assert app.session.state.is_starred(first)
        await pilot.press("u")
        assert not app.session.state.is_read(first)
    app.session.state.close()
    with StateStore.for_folder(content) as reopened:
        assert reopened.is_starred(first)
        assert not reopened.is_read(first)


async def test_is_starred_query_lists_starred_articles(tmp_path: Path) -> None:
    app = make_app(write_content(tmp_path / "content"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "asterisk", "slash", *"is:starred")
        await settle(pilot)
        assert [article.path for article in app.screen.articles.articles] == [NEWEST_FIRST[1]]


async def test_last_opened_article_and_sort_come_back(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content")
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S")  # oldest first
        await settle(pilot)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        opened = app.screen.reader.article.path
    app.session.state.close()

    again = make_app(content)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.screen.effective_sort.value == "oldest"
        assert again.screen.articles.highlighted.path == opened
        assert again.screen.reader.article.path == opened
