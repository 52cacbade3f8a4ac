"""The timeline bar, driven through a tiny app."""

from __future__ import annotations

from textual.app import App, ComposeResult

from digest_tui.timeline import timeline
from digest_tui.tui.widgets.timeline_bar import TimelineBar

DAYS = ["2025-11-20", "2025-11-21", "2025-11-03"]


class BarApp(App):
    AUTO_FOCUS = None

    def __init__(self) -> None:
        super().__init__()
        self.chosen: list = []

    def compose(self) -> ComposeResult:
        yield TimelineBar()

    def on_mount(self) -> None:
        self.query_one(TimelineBar).show(timeline(DAYS, 10))

    def on_timeline_bar_chosen(self, message: TimelineBar.Chosen) -> None:
        self.chosen.append(message.period)


def line(app: BarApp) -> str:
    return app.query_one(TimelineBar).render_line(0).text


async def test_bars_and_the_range_show_then_a_picked_week_narrows():
    app = BarApp()
    async with app.run_test(size=(60, 3)) as pilot:
        await pilot.pause()
        assert line(app).strip().startswith("▄ █  3 Nov 2025 – 23 Nov 2025, by week")
        app.query_one(TimelineBar).focus()
        await pilot.press("left", "left", "enter")
        assert [p.query for p in app.chosen] == ["after:2025-11-03 before:2025-11-09"]
        assert "week of 3 Nov 2025: 1" in line(app)


async def test_clicking_a_bar_chooses_its_period():
    app = BarApp()
    async with app.run_test(size=(60, 3)) as pilot:
        await pilot.click(TimelineBar, offset=(3, 0))
        assert [p.count for p in app.chosen] == [2]
