"""Day headings for a list sorted by date: labels, and where they fall among the rows.

The headings are virtual rows: a list of 100,000 articles keeps one int per day that starts,
and maps a row number to a heading or an article by bisection.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, timedelta

UNDATED = "Undated"


def day_label(day: str, today: date) -> str:
    """ "Today", "Yesterday" or "Thu 20 Nov 2025" for a `YYYY-MM-DD` day; "Undated" for ""."""
    if not day:
        return UNDATED
    try:
        value = date.fromisoformat(day)
    except ValueError:
        return day
    if value == today:
        return "Today"
    if value == today - timedelta(days=1):
        return "Yesterday"
    return f"{value:%a} {value.day} {value:%b %Y}"


class DayRows:
    """The rows of a list grouped by day: a heading before the first article of each day.

    `days` are the articles' `YYYY-MM-DD` days ("" when undated) in list order.
    """

    __slots__ = ("_days", "_heads", "articles")

    def __init__(self, days: Iterable[str]) -> None:
        heads: list[int] = []
        firsts: list[str] = []
        previous = None
        count = 0
        for count, day in enumerate(days, 1):  # noqa: B007 - the last count is the length
            if day != previous:
                heads.append(count - 1 + len(heads))
                firsts.append(day)
                previous = day
        self.articles = count
        self._heads = heads
        """The row number of each heading."""
        self._days = firsts

    def __len__(self) -> int:
        return self.articles + len(self._heads)

    def is_heading(self, row: int) -> bool:
        """Whether `row` is a heading."""
        number = bisect_right(self._heads, row) - 1
        return number >= 0 and self._heads[number] == row

    def day_at(self, row: int) -> str:
        """The day of the heading or article at `row`."""
        return self._days[max(0, bisect_right(self._heads, row) - 1)]

    def article_at(self, row: int) -> int | None:
        """The article number at `row`, or None for a heading."""
        headings = bisect_right(self._heads, row)
        if headings and self._heads[headings - 1] == row:
            return None
        return row - headings

    def row_of(self, article: int) -> int:
        """The row of article number `article`."""
        # Article n sits after the headings at rows <= n + their count: count them by search.
        low, high = 0, len(self._heads)
        while low < high:
            middle = (low + high) // 2
            if self._heads[middle] - middle <= article:
                low = middle + 1
            else:
                high = middle
        return article + low
