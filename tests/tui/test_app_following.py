"""The reader follows its folder while it runs: real files changed on a real folder."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from app_support import listed_paths, make_app, settle, shown_notices, visible_text, write_content

from digest_tui.config import Config

WAIT = 20.0
"""Seconds to wait for a change to show (it shows within two)."""


def post(title: str, day: str = "2025-04-01", body: str = "Plain words.") -> str:
    return f"---\ntitle: {title}\npubDatetime: {day}T08:00:00Z\ntags: [ai]\n---\n{body}\n"


async def until(pilot, check: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if check():
            return True
        await pilot.pause(0.05)
    return check()


async def started(pilot) -> None:
    """Wait until the folder is loaded and its watcher is following it."""
    await settle(pilot)
    screen = pilot.app.screen
    assert await until(pilot, lambda: screen.follower.live is not None)
    await asyncio.sleep(0.3)  # the watcher sets itself up on its own thread


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write_content(tmp_path / "content")


async def test_an_arrival_is_listed_and_announced_while_the_cursor_query_and_tags_stay(content):
    app = make_app(content)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await started(pilot)
        screen = app.screen
        screen.tags = ("ai",)
        await settle(pilot)
        screen.articles.move_to("2025/02/model-audit.md")
        (content / "2025/04").mkdir()
        (content / "2025/04/arrival.md").write_text(post("Fresh Arrival"), encoding="utf-8")
        assert await until(pilot, lambda: "2025/04/arrival.md" in listed_paths(app))
        assert screen.tags == ("ai",)
        assert screen.articles.highlighted.path == "2025/02/model-audit.md"
        assert await until(pilot, lambda: "1 new article" in shown_notices(app))
        assert app.session.state.is_new("2025/04/arrival.md")


async def test_the_open_article_re_renders_in_place_and_says_when_it_is_deleted(content):
    path = content / "2025/01/kitchen-robots.md"
    path.write_text(post("Kitchen Robots Kick Off", body="\n\n".join(["Line."] * 80)))
    app = make_app(content)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await started(pilot)
        screen = app.screen
        screen.open_path("2025/01/kitchen-robots.md")
        await settle(pilot)
        screen.reader.scroll_to(y=20, animate=False, immediate=True)
        path.write_text(post("Kitchen Robots, Revised", body="\n\n".join(["Line."] * 80)))
        assert await until(pilot, lambda: screen.reader.article.title == "Kitchen Robots, Revised")
        await settle(pilot)
        assert screen.reader.scroll_y == 20
        path.unlink()
        assert await until(pilot, lambda: screen.reader.article is None)
        await pilot.pause()
        assert "was deleted from the folder" in visible_text(screen.reader)
        assert "2025/01/kitchen-robots.md" not in listed_paths(app)
        assert await until(pilot, lambda: "The open article was deleted" in shown_notices(app))


async def test_a_rename_follows_the_file_without_announcing_it(content):
    app = make_app(content)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await started(pilot)
        app.session.state.mark_read("2025/01/solar-kite.md")
        os.rename(content / "2025/01/solar-kite.md", content / "2025/01/kite-record.md")
        assert await until(pilot, lambda: "2025/01/kite-record.md" in listed_paths(app))
        assert "2025/01/solar-kite.md" not in listed_paths(app)
        assert app.session.state.is_read("2025/01/kite-record.md")
        await pilot.pause(0.3)
        assert "new article" not in shown_notices(app)


async def test_an_editors_save_shows_one_change_and_no_phantom(content):
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        folder = content / "2025/02"
        target = folder / "model-audit.md"
        (folder / ".model-audit.md.swp").write_bytes(b"swap")
        (folder / "4913").write_bytes(b"")
        (folder / "4913").unlink()
        os.rename(target, folder / "model-audit.md~")
        target.write_text(post("Model Audit Rules, Saved", "2025-02-14"), encoding="utf-8")
        (folder / "model-audit.md~").unlink()
        (folder / ".model-audit.md.swp").unlink()
        titles = lambda: [a.title for a in app.screen.articles.articles]  # noqa: E731
        assert await until(pilot, lambda: "Model Audit Rules, Saved" in titles())
        assert len(listed_paths(app)) == 6
        assert all("~" not in path and "4913" not in path for path in listed_paths(app))


async def test_a_burst_of_thousands_of_files_arrives_whole(content):
    app = make_app(content)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await started(pilot)
        burst = content / "burst"
        burst.mkdir()
        for number in range(2500):
            (burst / f"item-{number:04}.md").write_text(post(f"Burst item {number}"))
        assert await until(pilot, lambda: len(listed_paths(app)) == 2506)
        await pilot.press("slash", "i", "t", "e", "m", " ", "2", "4", "9", "9")
        assert await until(pilot, lambda: listed_paths(app)[:1] == ["burst/item-2499.md"])


async def test_an_edit_from_the_reader_reaches_the_list_and_the_body_search(content):
    # A headless test cannot suspend the app to run $EDITOR: the file is changed as an
    # editor would, then the reader is told the editor returned, as `e` does.
    app = make_app(content, Config(watch=False))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        target = content / "2025/03/grid-batteries.md"
        target.write_text(target.read_text() + "\nThe word quetzalcoatl was added.\n")
        app.screen.reading.edited("2025/03/grid-batteries.md")
        await settle(pilot)
        await pilot.press("slash", *"quetzalcoatl")
        await settle(pilot)
        assert listed_paths(app) == ["2025/03/grid-batteries.md"]


async def test_reload_folder_finds_changes_when_watching_is_off(content):
    app = make_app(content, Config(watch=False))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        (content / "late.md").write_text(post("Late Arrival"), encoding="utf-8")
        await pilot.pause(0.5)
        assert "late.md" not in listed_paths(app)
        await pilot.press("ctrl+r")
        assert await until(pilot, lambda: "late.md" in listed_paths(app))
        await pilot.press("ctrl+r")
        assert await until(pilot, lambda: "The folder has not changed" in shown_notices(app))
