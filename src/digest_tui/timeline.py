"""A one-line timeline: how many articles fall in each week or month of their date range."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

BARS = "▁▂▃▄▅▆▇█"
EMPTY = " "
"""A period with no article: a gap, not the lowest bar."""


@dataclass(frozen=True, slots=True)
class Period:
    """One bar: the inclusive days it covers and how many articles fall in them."""

    first: date
    last: date
    count: int

    @property
    def query(self) -> str:
        """The query terms that narrow a list to this period."""
        return f"after:{self.first.isoformat()} before:{self.last.isoformat()}"

    @property
    def label(self) -> str:
        """ "week of 17 Nov 2025", "Nov 2025", "Oct–Dec 2025" or "2025"."""
        if self.first.weekday() == 0 and (self.last - self.first).days == 6:
            return f"week of {self.first.day} {self.first:%b %Y}"
        if self.first.month == self.last.month:
            return f"{self.first:%b %Y}"
        if (self.first.month, self.last.month) == (1, 12):
            return f"{self.first.year}"
        return f"{self.first:%b}–{self.last:%b %Y}"


@dataclass(frozen=True, slots=True)
class Timeline:
    """The periods from the first dated article to the last, oldest first."""

    periods: tuple[Period, ...]
    unit: str
    """"week", "month", "quarter" or "year"."""

    @property
    def bars(self) -> str:
        """One character per period, scaled to the busiest period."""
        top = max((period.count for period in self.periods), default=0)
        return "".join(_bar(period.count, top) for period in self.periods)


def _bar(count: int, top: int) -> str:
    if not count:
        return EMPTY
    return BARS[min(len(BARS) - 1, (count * len(BARS) - 1) // top)]


_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def timeline(days: Iterable[str], width: int) -> Timeline:
    """The timeline of articles on `days` (`YYYY-MM-DD`, "" for undated) in the shortest
    periods (week, month, quarter, year) of which the whole range fits in `width` characters;
    past that, by year, keeping the latest `width` years."""
    return timeline_of_days(Counter(day for day in days if day), width)


def timeline_of_days(counts: Mapping[str, int], width: int) -> Timeline:
    """`timeline` of articles counted by day (`YYYY-MM-DD` to how many fall on it)."""
    if not counts or width <= 0:
        return Timeline((), "week")
    parsed: Counter[date] = Counter()
    for day, count in counts.items():
        try:
            parsed[date.fromisoformat(day)] += count
        except ValueError:
            continue
    if not parsed:
        return Timeline((), "week")
    first, last = min(parsed), max(parsed)
    unit = _unit(first, last, width)
    periods = _periods(_start(first, unit), last, unit)[-width:]
    bucketed: Counter[date] = Counter()
    for when, count in parsed.items():
        bucketed[_start(when, unit)] += count
    return Timeline(tuple(Period(a, b, bucketed[a]) for a, b in periods), unit)


def _unit(first: date, last: date, width: int) -> str:
    """The shortest unit in which the range takes at most `width` periods."""
    if (_start(last, "week") - _start(first, "week")).days // 7 < width:
        return "week"
    for unit in ("month", "quarter"):
        low, high = _start(first, unit), _start(last, unit)
        if ((high.year - low.year) * 12 + high.month - low.month) // _MONTHS[unit] < width:
            return unit
    return "year"


def _start(day: date, unit: str) -> date:
    """The first day of the period of `unit` that holds `day` (weeks start on Monday)."""
    if unit == "week":
        return day - timedelta(days=day.weekday())
    step = _MONTHS[unit]
    return date(day.year, (day.month - 1) // step * step + 1, 1)


def _periods(start: date, last: date, unit: str) -> list[tuple[date, date]]:
    periods = []
    while start <= last:
        following = start + timedelta(days=7) if unit == "week" else _later(start, unit)
        periods.append((start, following - timedelta(days=1)))
        start = following
    return periods


def _later(first: date, unit: str) -> date:
    months = first.year * 12 + first.month - 1 + _MONTHS[unit]
    return date(months // 12, months % 12 + 1, 1)
