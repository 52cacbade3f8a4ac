"""The tag sidebar at the sizes big folders reach: every count readable in its column."""

from __future__ import annotations

import re
from pathlib import Path

from rich.cells import cell_len
from textual.app import App, ComposeResult

import digest_tui.tui
from digest_tui.search import TagCount
from digest_tui.tui.widgets.tag_sidebar import TagSidebar

READER_CSS = Path(digest_tui.tui.__file__).parent / "app.tcss"


class SidebarApp(App):
    CSS_PATH = READER_CSS  # the reader's own sidebar width, border and scrollbar

    def compose(self) -> ComposeResult:
        yield TagSidebar(id="sidebar")


def shown_rows(sidebar: TagSidebar) -> list[str]:
    return [sidebar.render_line(y).text for y in range(sidebar.size.height)]


async def test_five_digit_counts_and_unread_counts_both_fit() -> None:
    counts = [
        TagCount("artificial-intelligence", 97_993, 95_120),
        TagCount("chips", 4354, 4354),
        TagCount("quantum", 944, 12),
        *(TagCount(f"tag{number}", 10, 1) for number in range(20)),  # more rows than fit
    ]
    app = SidebarApp()
    async with app.run_test(size=(40, 10)) as pilot:
        sidebar = app.query_one(TagSidebar)
        sidebar.show_tags(counts, selected=(), total=100_000)
        await pilot.pause()
        rows = shown_rows(sidebar)
        assert sidebar.scrollbar_size_vertical == 1
        assert all(len(row) <= sidebar.content_size.width for row in rows)
        assert re.search(r"artificial-…\s+97k\s+95k$", rows[1].rstrip()), rows[1]
        assert re.search(r"chips\s+4354\s+4354$", rows[2].rstrip()), rows[2]
        assert re.search(r"quantum\s+944\s+12$", rows[3].rstrip()), rows[3]


async def test_wide_character_tags_keep_the_counts_in_their_column() -> None:
    counts = [TagCount("人工知能と機械学習の最前線", 12, 3), TagCount("🚀rockets", 7, 0)]
    app = SidebarApp()
    async with app.run_test(size=(40, 10)) as pilot:
        sidebar = app.query_one(TagSidebar)
        sidebar.show_tags(counts, selected=(), total=19)
        await pilot.pause()
        rows = shown_rows(sidebar)[:3]
        width = sidebar.content_size.width
        assert all(cell_len(row) == width for row in rows), rows
        assert rows[1].startswith("  人工知能") and "…" in rows[1]
        assert re.search(r"\s12\s+3$", rows[1]), rows[1]
        assert re.search(r"🚀rockets\s+7\s*$", rows[2]), rows[2]


async def test_a_wider_sidebar_shows_longer_tag_names_whole() -> None:
    counts = [TagCount("distributed-systems-engineering", 5, 1)]
    app = SidebarApp()
    async with app.run_test(size=(80, 10)) as pilot:
        sidebar = app.query_one(TagSidebar)
        sidebar.show_tags(counts, selected=(), total=5)
        await pilot.pause()
        assert "…" in shown_rows(sidebar)[1]
        sidebar.styles.width = 48
        await pilot.pause()
        assert "distributed-systems-engineering " in shown_rows(sidebar)[1]
