"""Date bounds as typed in queries: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`."""

from __future__ import annotations

import calendar
import re
from datetime import date

_BOUND = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


class DateBoundError(ValueError):
    """A date bound that is not a real calendar day, month or year."""


def first_day(text: str) -> date:
    """The first calendar day `text` covers: `2025-03` gives 2025-03-01."""
    year, month, day = _parts(text)
    return _make(year, month or 1, day or 1)


def last_day(text: str) -> date:
    """The last calendar day `text` covers: `2025-02` gives 2025-02-28."""
    year, month, day = _parts(text)
    month = month or 12
    if day is None and 1 <= month <= 12 and 1 <= year <= 9999:
        day = calendar.monthrange(year, month)[1]
    return _make(year, month, day or 31)


def _parts(text: str) -> tuple[int, int | None, int | None]:
    match = _BOUND.fullmatch(text.strip())
    if match is None:
        raise DateBoundError("expected a date like 2025-06-30, 2025-06 or 2025")
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def _make(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateBoundError(f"{year:04d}-{month:02d}-{day:02d} is not a calendar day") from None
