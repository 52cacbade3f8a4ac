"""In the reader, a word found only in an article's body shows a line of that body under its
row; the bodies come from the index, off the event loop."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import listed_paths, make_app, settle, visible_text, write_content

from digest_tui.tui.widgets.article_list import ArticleList


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write_content(tmp_path / "content")


async def test_a_body_only_word_shows_a_snippet_line_under_its_row(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"climbed")  # only in the solar kite's body
        await settle(pilot)
        assert listed_paths(app) == ["2025/01/solar-kite.md"]
        await settle(pilot)
        lines = visible_text(app.screen.query_one(ArticleList)).splitlines()
        assert "Solar Kite Sets Altitude Record" in lines[0]
        assert "The kite climbed for six hours." in lines[1]
        await pilot.press("enter", "down")
        assert app.screen.articles.cursor == 0  # one article: nothing below the snippet


async def test_a_title_hit_has_no_snippet_line_and_a_new_query_reads_new_snippets(
    content: Path,
) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kitchen")
        await settle(pilot)
        lines = visible_text(app.screen.query_one(ArticleList)).splitlines()
        assert "Kitchen Robots Kick Off" in lines[0]
        assert lines[1].strip() == ""
        await pilot.press(*["backspace"] * 7, *"hours")  # in the solar kite's body
        await settle(pilot)
        await settle(pilot)
        lines = visible_text(app.screen.query_one(ArticleList)).splitlines()
        assert "Solar Kite Sets Altitude Record" in lines[0]
        assert "climbed for six hours." in lines[1]


async def test_copies_folded_under_a_story_have_no_snippet_lines(tmp_path: Path) -> None:
    folder = tmp_path / "digest"
    copies = {
        "ledger/drone.md": ("Northwind unveils Zephyr 2 cargo drone", "02T08"),
        "wire/drone.md": ("Report: Northwind launches Zephyr 2 cargo drone", "03T10"),
        "signal/drone.md": ("Northwind debuts Zephyr 2 cargo drone - The Signal", "04T07"),
    }
    for path, (title, when) in copies.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(
            f'---\ntitle: "{title}"\npubDatetime: 2025-06-{when}:00:00Z\n'
            "description: A drone.\n---\n\nIts payload bay holds forty kilos.\n",
            "utf-8",
        )
    app = make_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await settle(pilot)
        await pilot.press("slash", *"payload")
        await settle(pilot)
        await settle(pilot)
        widget = app.screen.query_one(ArticleList)
        assert listed_paths(app) == ["ledger/drone.md"]  # the story, folded
        lines = visible_text(widget).splitlines()
        assert "Northwind unveils Zephyr 2 cargo drone" in lines[0]
        assert "Its payload bay holds forty kilos." in lines[1]
        assert widget.virtual_size.height == 2  # no lines for the folded copies
        assert lines[2].strip() == ""
        await pilot.press("enter", "right")  # open the story: each copy with its snippet
        await settle(pilot)
        await settle(pilot)
        assert len(listed_paths(app)) == 3
        assert widget.virtual_size.height == 6
        lines = visible_text(widget).splitlines()
        assert all("payload bay" in line for line in lines[1:6:2])
