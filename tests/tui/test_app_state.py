"""Read marks, stars, sort and the last opened article are kept in the state store."""

from __future__ import annotations

from pathlib import Path

from app_support import NEWEST_FIRST, listed_paths, make_app, settle, shown_notices, write_content

from digest_tui import paths
from digest_tui.index import ArticleIndex
from digest_tui.state import StateStore
from digest_tui.tui.app import DigestApp
from digest_tui.tui.session import open_state


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


async def test_corrupt_state_file_gives_a_notice_and_the_app_works(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content")
    state_file = paths.state_file(content)
    state_file.parent.mkdir(parents=True, exist_ok=True)
    state_file.write_bytes(b"this is not a database [@click=app.quit]x[/]" * 100)
    state, notices = open_state(content)
    app = DigestApp(source=ArticleIndex(content), state=state, notices=notices)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        assert "reader state file was unreadable" in shown_notices(app)
        assert listed_paths(app) == NEWEST_FIRST
        await pilot.press("asterisk")
        assert state.is_starred(NEWEST_FIRST[0])
    state.close()
    moved = list(state_file.parent.iterdir())
    assert any(file != state_file and file.name.startswith(state_file.name) for file in moved)


async def test_corrupt_state_file_gives_a_notice_on_the_launch_path(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content")
    state_file = paths.state_file(content)
    state_file.parent.mkdir(parents=True, exist_ok=True)
    state_file.write_bytes(b"not a database" * 100)
    app = make_app(content)  # the state store opens in the index worker
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        assert "reader state file was unreadable" in shown_notices(app)
        assert listed_paths(app) == NEWEST_FIRST
        await pilot.press("asterisk")
        assert app.session.state.is_starred(NEWEST_FIRST[0])
    app.session.close()
