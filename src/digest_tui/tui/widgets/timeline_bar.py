"""The one-line timeline above the list: the listed articles per period, as bars.

`left`/`right` pick a period, `enter` (or a click on its bar) narrows the list to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from digest_tui.timeline import Period, Timeline

LABEL_WIDTH = 34
"""Cells kept right of the bars for the picked period's name and count."""


def bar_width(width: int) -> int:
    """How many bars fit in a timeline `width` cells wide."""
    return max(0, width - LABEL_WIDTH)


class TimelineBar(Widget, can_focus=True):
    """Bars of a `Timeline`; one of them picked while focused."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "move(-1)", "Earlier", show=False),
        Binding("right,l", "move(1)", "Later", show=False),
        Binding("home", "move(-100000)", "First", show=False),
        Binding("end", "move(100000)", "Last", show=False),
        Binding("enter,space", "choose", "Narrow to period", show=False),
    ]

    DEFAULT_CSS = """
    TimelineBar {
        height: 1;
        color: $accent;
        padding: 0 1;
    }
    TimelineBar:focus {
        background-tint: $foreground 5%;
    }
    """

    picked: reactive[int] = reactive(-1)
    """The picked period's index; -1 for the latest (shown as picked only while focused)."""

    @dataclass
    class Chosen(Message):
        """The user asked to narrow the list to `period`."""

        period: Period

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._timeline = Timeline((), "week")

    @property
    def timeline(self) -> Timeline:
        """What the bars show."""
        return self._timeline

    def show(self, timeline: Timeline) -> None:
        """Draw `timeline`, keeping the picked period where it still exists."""
        was = self._picked_period()
        self._timeline = timeline
        firsts = [period.first for period in timeline.periods]
        self.picked = firsts.index(was.first) if was and was.first in firsts else -1
        self.refresh()

    def _picked_period(self) -> Period | None:
        periods = self._timeline.periods
        if not periods:
            return None
        return periods[self.picked if 0 <= self.picked < len(periods) else -1]

    def action_move(self, step: int) -> None:
        count = len(self._timeline.periods)
        if count:
            start = self.picked if 0 <= self.picked < count else count - 1
            self.picked = max(0, min(count - 1, start + step))

    def action_choose(self) -> None:
        period = self._picked_period()
        if period is not None:
            self.post_message(self.Chosen(period))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and 0 <= offset.x < len(self._timeline.periods):
            self.picked = offset.x
            self.action_choose()

    def render(self) -> Content:
        periods = self._timeline.periods
        if not periods:
            return Content("")
        bars = self._timeline.bars
        period = self._picked_period()
        assert period is not None
        label = f"  {period.label}: {period.count}"
        if not self.has_focus:
            first, last = periods[0], periods[-1]
            label = f"  {_day(first.first)} – {_day(last.last)}, by {self._timeline.unit}"
        if self.has_focus:
            at = self.picked if 0 <= self.picked < len(periods) else len(periods) - 1
            return Content.assemble(
                bars[:at],
                (bars[at] if bars[at] != " " else "·", "reverse"),
                bars[at + 1 :],
                (label, "$text-muted"),
            )
        return Content.assemble(bars, (label, "$text-muted"))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"
