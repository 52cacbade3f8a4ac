"""The facet sidebar, driven through a tiny app."""

from __future__ import annotations

from textual.app import App, ComposeResult

from digest_tui.facets import FacetCount
from digest_tui.tui.widgets.facet_sidebar import FacetSidebar

FACETS = {
    "tags": [FacetCount("AI", 3, 1), FacetCount("chips", 1, 0)],
    "categories": [FacetCount("Release", 2, 2)],
    "sources": [FacetCount("\x1b[2JWire", 1)],
    "years": [FacetCount("2025", 3), FacetCount("2024", 1)],
}


class SidebarApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list = []

    def compose(self) -> ComposeResult:
        yield FacetSidebar()

    def on_mount(self) -> None:
        sidebar = self.query_one(FacetSidebar)
        sidebar.selected = ("ai",)
        sidebar.show_facets(FACETS, 4, 3)

    def on_facet_sidebar_toggled(self, message: FacetSidebar.Toggled) -> None:
        self.messages.append((message.facet, message.value))

    def on_facet_sidebar_cleared(self, message: FacetSidebar.Cleared) -> None:
        self.messages.append("cleared")


def lines(app: SidebarApp) -> list[str]:
    sidebar = app.query_one(FacetSidebar)
    return [sidebar.render_line(y).text.rstrip() for y in range(len(sidebar.rows))]


async def test_sections_list_their_values_with_counts_and_selection():
    app = SidebarApp()
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        shown = lines(app)
        assert shown[0].startswith("  All") and shown[0].endswith("4    3")
        sidebar = app.query_one(FacetSidebar)
        sidebar.chosen = {"years": ("2023",)}
        await pilot.pause()
        assert "✓ 2023" in "".join(lines(app))  # chosen, though nothing matches it now
        assert shown[1] == "▾ Tags (2)"
        assert shown[2].startswith("✓ AI") and shown[2].endswith("3    1")
        assert "▾ Categories (1)" in shown and "▾ Years (2)" in shown
        assert not any("\x1b" in line for line in shown)
        assert any(line.startswith("  Wire") for line in shown)


async def test_keys_toggle_values_and_fold_sections():
    app = SidebarApp()
    async with app.run_test(size=(40, 20)) as pilot:
        sidebar = app.query_one(FacetSidebar)
        sidebar.focus()
        await pilot.press("down", "down", "down", "enter")
        assert app.messages == [("tags", "chips")]
        await pilot.press("left")
        assert lines(app)[1] == "▸ Tags (2)"
        assert "  AI" not in "".join(lines(app))
        assert sidebar.rows[sidebar.highlighted].kind == "section"
        await pilot.press("enter")
        assert lines(app)[2].startswith("✓ AI")
        await pilot.press("home", "enter")
        assert app.messages[-1] == "cleared"


LONG_NAME = "distributed-systems-engineering"


class WideApp(App):
    CSS = "FacetSidebar { width: auto; min-width: 29; height: 1fr; }"

    def compose(self) -> ComposeResult:
        yield FacetSidebar()

    def on_mount(self) -> None:
        facets = {"tags": [FacetCount(LONG_NAME, 2, 1), FacetCount("AI", 1, 0)]}
        self.query_one(FacetSidebar).show_facets(facets, 3, 1)


async def test_long_names_show_whole_where_the_screen_has_room() -> None:
    app = WideApp()
    async with app.run_test(size=(220, 20)) as pilot:
        await pilot.pause()
        sidebar = app.query_one(FacetSidebar)
        lines = [sidebar.render_line(y).text for y in range(4)]
        assert any(LONG_NAME in line for line in lines), lines
    app = WideApp()
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        sidebar = app.query_one(FacetSidebar)
        lines = [sidebar.render_line(y).text for y in range(4)]
        assert not any(LONG_NAME in line for line in lines)  # a fifth of 100 columns is 20
        assert any("distributed" in line and "…" in line for line in lines), lines
