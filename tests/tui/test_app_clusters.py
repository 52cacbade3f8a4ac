"""In the reader, copies of one story show as one row with a +N badge, which opens to
show every copy under it with its source."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from app_support import listed_paths, make_app, settle, visible_text

from digest_tui.loading.limits import MAX_ARTICLE_BYTES
from digest_tui.tui.widgets.article_list import ArticleList

COPIES = {
    "ledger/drone.md": ("Northwind unveils Zephyr 2 cargo drone", "02T08", "Daily Ledger"),
    "wire/drone.md": ("Report: Northwind launches Zephyr 2 cargo drone", "03T10", "Orbital Wire"),
    "signal/drone.md": (
        "Northwind debuts Zephyr 2 cargo drone - The Signal",
        "04T07",
        "The Signal",
    ),
    "ledger/headset.md": ("Northwind unveils Halo VR headset", "03T09", "Daily Ledger"),
    "wire/ferry.md": ("Ferry timetable changes for the summer", "05T12", "Orbital Wire"),
}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "digest"
    for path, (title, when, source) in COPIES.items():
        file = folder / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(
            f'---\ntitle: "{title}"\npubDatetime: 2025-06-{when}:00:00Z\n---\n\nText.\n\n'
            f"**Source:** [{source}](https://example.test/{path})\n",
            "utf-8",
        )
    return folder


async def clustered(pilot) -> None:
    """Wait for the folder, its clusters and the list folded with them."""
    await settle(pilot)
    await settle(pilot)


async def test_a_story_shows_once_with_a_badge_and_opens_to_its_copies(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 30)) as pilot:
        await clustered(pilot)
        # Newest first: the ferry, then the story's earliest copy standing for all three.
        assert listed_paths(app) == ["wire/ferry.md", "ledger/headset.md", "ledger/drone.md"]
        assert app.screen.query_one("#matches").render().plain.startswith("5 articles · 3 stories")
        text = visible_text(app.screen.query_one(ArticleList))
        assert "▸+2 Northwind unveils Zephyr 2 cargo drone" in text
        await pilot.press("down", "down", "right")
        assert listed_paths(app) == [
            "wire/ferry.md",
            "ledger/headset.md",
            "ledger/drone.md",
            "wire/drone.md",
            "signal/drone.md",
        ]
        text = visible_text(app.screen.query_one(ArticleList))
        assert "▾+2 Northwind unveils Zephyr 2 cargo drone" in text
        assert "└ Orbital Wire · Report: Northwind launches Zephyr" in text
        assert "└ The Signal · Northwind debuts Zephyr 2" in text
        await pilot.press("down", "enter")  # a copy opens like any row
        await settle(pilot)
        assert app.screen.article is not None and app.screen.article.article.path == "wire/drone.md"
        await pilot.press("escape", "left")  # folded again from a copy: back to its first row
        assert listed_paths(app)[2:] == ["ledger/drone.md"]
        assert app.screen.articles.highlighted.path == "ledger/drone.md"


async def test_a_click_on_the_badge_opens_and_folds_the_story(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 30)) as pilot:
        await clustered(pilot)
        articles = app.screen.query_one(ArticleList)
        line = articles._lines.line_of(2)
        await pilot.click(ArticleList, offset=(1 + 16, 1 + line))  # inside its border
        assert len(listed_paths(app)) == 5
        await pilot.click(ArticleList, offset=(1 + 16, 1 + line))  # inside its border
        assert len(listed_paths(app)) == 3
        assert app.screen.article is None  # the badge opens the story, not the article


def test_snapshot_of_an_opened_story(snap_compare, content: Path) -> None:
    async def open_the_story(pilot) -> None:
        await clustered(pilot)
        await pilot.press("down", "down", "right")
        await settle(pilot)

    assert snap_compare(make_app(content), terminal_size=(120, 30), run_before=open_the_story)


async def test_a_copy_arriving_while_the_reader_runs_joins_its_story(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 30)) as pilot:
        await clustered(pilot)
        screen = app.screen
        assert await until(pilot, lambda: screen.follower.live is not None)
        await asyncio.sleep(0.3)  # the watcher sets itself up on its own thread
        (content / "ledger" / "headset-copy.md").write_text(
            '---\ntitle: "Report: Northwind launches Halo VR headset, sources say"\n'
            "pubDatetime: 2025-06-04T09:00:00Z\n---\n\nText.\n",
            "utf-8",
        )
        assert await until(pilot, lambda: "▸+1 Northwind unveils Halo VR" in _list_text(app))
        assert "ledger/headset-copy.md" not in listed_paths(app)
        (content / "wire" / "drone.md").unlink()
        assert await until(pilot, lambda: "▸+1 Northwind unveils Zephyr" in _list_text(app))


async def test_a_renamed_copy_stays_in_its_story_and_a_spoiled_one_leaves_it(
    content: Path,
) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 30)) as pilot:
        await clustered(pilot)
        screen = app.screen
        assert await until(pilot, lambda: "▸+2 Northwind unveils Zephyr" in _list_text(app))
        assert await until(pilot, lambda: screen.follower.live is not None)
        await asyncio.sleep(0.3)  # the watcher sets itself up on its own thread
        (content / "wire" / "drone.md").rename(content / "wire" / "drone-renamed.md")
        assert await until(pilot, lambda: "wire/drone-renamed.md" in _member_paths(app))
        assert "▸+2 Northwind unveils Zephyr" in _list_text(app)
        (content / "signal" / "drone.md").write_text("x" * (MAX_ARTICLE_BYTES + 1), "utf-8")
        assert await until(pilot, lambda: "▸+1 Northwind unveils Zephyr" in _list_text(app))
        assert "signal/drone.md" not in _member_paths(app)


def _member_paths(app) -> set[str]:
    """The paths of every clustered article the list folds."""
    clusters = app.screen.listing.folding.clusters
    return set() if clusters is None else set(clusters.by_path)


def _list_text(app) -> str:
    return visible_text(app.screen.query_one(ArticleList))


async def until(pilot, check, wait: float = 20.0) -> bool:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if check():
            return True
        await pilot.pause(0.05)
    return check()
