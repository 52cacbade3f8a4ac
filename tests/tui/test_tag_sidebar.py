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


async def test_the_sidebar_widens_for_long_tag_names_where_the_screen_has_room() -> None:
    counts = [TagCount("distributed-systems-engineering", 5, 1), TagCount("ai", 2, 0)]
    for size, whole in (((220, 10), True), ((100, 10), False)):
        app = SidebarApp()
        async with app.run_test(size=size) as pilot:
            sidebar = app.query_one(TagSidebar)
            sidebar.show_tags(counts, total=5, selected=())
            await pilot.pause()
            row = shown_rows(sidebar)[1]
            assert ("distributed-systems-engineering " in row) is whole, (size, row)
            assert sidebar.outer_size.width <= max(29, size[0] * 20 // 100 + 4)
