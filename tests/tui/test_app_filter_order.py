"""A query of filters alone has nothing to rank: it is listed newest first under day
headings; words in it bring relevance back; an order the user picked always wins."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import NEWEST_FIRST, listed_paths, make_app, settle, visible_text, write_content

from digest_tui.tui.widgets.article_list import ArticleList

AI_NEWEST_FIRST = [
    "2025/03/trap.md",
    "2025/02/model-audit.md",
    "2025/02/inference-chip.md",
    "2025/01/kitchen-robots.md",
]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write_content(tmp_path / "content")


def headings(app) -> list[str]:
    lines = visible_text(app.screen.query_one(ArticleList)).splitlines()
    return [line.strip("─ ") for line in lines if line.startswith("──")]


def status(app) -> str:
    return visible_text(app.screen.query_one("#status"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tag:ai", AI_NEWEST_FIRST),
        ("tag:ai is:unread", AI_NEWEST_FIRST),
        ("year:2025 -tag:ai", ["2025/03/grid-batteries.md", "2025/01/solar-kite.md"]),
        ("after:2025-02-01", NEWEST_FIRST[:4]),
        ("source:skyline", ["2025/01/solar-kite.md"]),
    ],
)
async def test_a_query_of_filters_is_listed_newest_first_under_day_headings(
    content: Path, query: str, expected: list[str]
) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *query)
        await settle(pilot)
        assert listed_paths(app) == expected
        assert "sort: newest" in status(app)
        assert len(headings(app)) == len(expected)  # one day each


async def test_words_in_the_query_bring_relevance_back(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"tag:ai chip")
        await settle(pilot)
        assert listed_paths(app)[0] == "2025/02/inference-chip.md"
        assert "sort: relevance" in status(app)
        assert headings(app) == []


async def test_an_order_the_user_picked_wins_over_filters(content: Path) -> None:
    app = make_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S", "S")  # title order
        await settle(pilot)
        await pilot.press("slash", *"tag:ai")
        await settle(pilot)
        titles = [article.title for article in app.screen.articles.articles]
        assert titles == sorted(titles, key=str.casefold)
        assert "sort: title" in status(app)
        assert headings(app) == []
