"""The facet sidebar at the sizes big folders reach, in the reader's own stylesheet: every
count readable in its column, wide characters, and a width that follows the names."""

from __future__ import annotations

import re
from pathlib import Path

from rich.cells import cell_len
from textual.app import App, ComposeResult

import digest_tui.tui
from digest_tui.facets import FacetCount
from digest_tui.tui.widgets.count_cells import short_count
from digest_tui.tui.widgets.facet_sidebar import FacetSidebar

READER_CSS = Path(digest_tui.tui.__file__).parent / "app.tcss"


class SidebarApp(App):
    CSS_PATH = READER_CSS  # the reader's own sidebar width, border and scrollbar

    def __init__(self, tags: list[FacetCount], total: int, unread: int) -> None:
        super().__init__()
        self.tags, self.total, self.unread = tags, total, unread

    def compose(self) -> ComposeResult:
        yield FacetSidebar(id="sidebar")

    def on_mount(self) -> None:
        self.query_one(FacetSidebar).show_facets({"tags": self.tags}, self.total, self.unread)


def shown_rows(sidebar: FacetSidebar) -> list[str]:
    return [sidebar.render_line(y).text for y in range(sidebar.size.height)]


async def test_five_digit_counts_and_unread_counts_both_fit() -> None:
    tags = [
        FacetCount("artificial-intelligence", 97_993, 95_120),
        FacetCount("chips", 4354, 4354),
        FacetCount("quantum", 944, 12),
        *(FacetCount(f"tag{number}", 10, 1) for number in range(20)),  # more rows than fit
    ]
    app = SidebarApp(tags, 100_000, 97_000)
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        sidebar = app.query_one(FacetSidebar)
        rows = [row.rstrip() for row in shown_rows(sidebar)]
        assert sidebar.scrollbar_size_vertical == 1
        assert all(cell_len(row) <= sidebar.content_size.width for row in rows)
        assert re.search(r"All\s+100k\s+97k$", rows[0]), rows[0]
        assert re.search(r"artificial-…\s+97k\s+95k$", rows[2]), rows[2]
        assert re.search(r"chips\s+4354\s+4354$", rows[3]), rows[3]
        assert re.search(r"quantum\s+944\s+12$", rows[4]), rows[4]


async def test_wide_character_names_keep_the_counts_in_their_column() -> None:
    tags = [FacetCount("人工知能と機械学習の最前線", 12, 3), FacetCount("🚀rockets", 7, 0)]
    app = SidebarApp(tags, 19, 3)
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        sidebar = app.query_one(FacetSidebar)
        rows = shown_rows(sidebar)[:4]
        width = sidebar.content_size.width
        assert all(cell_len(row) == width for row in rows), rows
        assert rows[2].startswith("  人工知能") and "…" in rows[2]
        assert re.search(r"\s12\s+3$", rows[2]), rows[2]
        assert re.search(r"🚀rockets\s+7\s*$", rows[3]), rows[3]


async def test_the_sidebar_widens_for_long_names_up_to_a_fifth_of_the_screen() -> None:
    tags = [FacetCount("distributed-systems-engineering", 5, 1), FacetCount("ai", 2, 0)]
    for size, whole in (((220, 10), True), ((100, 10), False)):
        app = SidebarApp(tags, 5, 1)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            sidebar = app.query_one(FacetSidebar)
            row = shown_rows(sidebar)[2]
            assert ("distributed-systems-engineering " in row) is whole, (size, row)
            assert sidebar.outer_size.width <= max(29, size[0] * 20 // 100 + 4)


def test_counts_take_at_most_four_cells() -> None:
    assert [short_count(n) for n in (0, 9999, 10_000, 97_993, 999_999, 5_400_000)] == [
        "0",
        "9999",
        "10k",
        "97k",
        "999k",
        "5M",
    ]
    assert short_count(10**12) == "999M"
