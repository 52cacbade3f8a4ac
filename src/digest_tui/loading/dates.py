"""Read a frontmatter date without converting it: the day and offset stay as written."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_NAIVE_EPOCH = dt.datetime(1970, 1, 1)
_DATE_TIME = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"[ \t]*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?"
)
# The most common shape (`2024-05-01T09:30:00Z`), which `fromisoformat` reads as written.
_PLAIN_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", re.ASCII)
_ONE_DAY = dt.timedelta(days=1)
# Offsets seen so far (a folder uses a handful); invalid ones raise and are not kept.
_ZONES: dict[str, dt.timezone] = {}
_ZONES_KEPT = 256
_LEADING_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
# Epoch numbers beyond this are taken as milliseconds (year 5138 in seconds).
_MILLISECONDS_FROM = 1e11


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """An ISO 8601 text as written (offset kept; date-only stays date-only) and UTC seconds."""

    iso: str | None
    timestamp: float | None
    warning: str | None = None


NO_DATE = ParsedDate(None, None)


def parse_date(value: object, key: str = "date") -> ParsedDate:
    """Interpret a frontmatter date value: text, a date or datetime, or epoch seconds.

    Invalid values (year 0, month 13, a bad offset, a mapping) give no date and a warning.
    A `Z` or `UTC` suffix is written as `+00:00`; a time without an offset stays without one
    and counts as UTC for sorting.
    """
    try:
        if type(value) is str and value:
            return _from_text(value.strip(), key)  # the usual case first
        if value is None or value == "":
            return NO_DATE
        if isinstance(value, dt.datetime):
            return _from_datetime(value)
        if isinstance(value, dt.date):
            return _from_day(value)
        if isinstance(value, bool):
            return _invalid(key, value)
        if isinstance(value, int | float):
            return _from_epoch(float(value), key)
        if isinstance(value, str):
            return _from_text(value.strip(), key)
    except (ValueError, OverflowError):
        pass
    return _invalid(key, value)


def _invalid(key: str, value: object) -> ParsedDate:
    shown = repr(value) if not isinstance(value, str) else value
    return ParsedDate(None, None, f"{key} is not a valid date: {shown[:60]}")


def _from_day(day: dt.date) -> ParsedDate:
    midnight = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    return ParsedDate(day.isoformat(), (midnight - _EPOCH).total_seconds())


def _from_datetime(moment: dt.datetime) -> ParsedDate:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
    offset = aware.utcoffset()
    if offset is not None and abs(offset) >= _ONE_DAY:
        raise ValueError("offset out of range")
    # Subtracting aware datetimes never goes through local time, so years 1 and 9999 work.
    return ParsedDate(moment.isoformat(), (aware - _EPOCH).total_seconds())


def _from_epoch(seconds: float, key: str) -> ParsedDate:
    if not math.isfinite(seconds):
        return _invalid(key, seconds)
    if abs(seconds) >= _MILLISECONDS_FROM:
        seconds /= 1000
    moment = _EPOCH + dt.timedelta(seconds=seconds)
    return ParsedDate(moment.isoformat(), seconds)


def _from_text(text: str, key: str) -> ParsedDate:
    if _PLAIN_UTC.fullmatch(text) is not None:
        # What the general path below gives for this shape (a bad day raises the same way).
        moment = dt.datetime.fromisoformat(text[:19])
        return ParsedDate(text[:19] + "+00:00", (moment - _NAIVE_EPOCH).total_seconds())
    match = _DATE_TIME.fullmatch(text)
    if match is None:
        return _from_leading_day(text, key)
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    if hour is None:
        if zone:
            return _invalid(key, text)
        return _from_day(dt.date(int(year), int(month), int(day)))
    micro = int(fraction[:6].ljust(6, "0")) if fraction else 0
    offset = _zone(zone) if zone else None
    moment = dt.datetime(
        int(year), int(month), int(day), int(hour), int(minute), int(second or 0), micro
    )
    if offset is None or offset is dt.UTC:
        # What `_from_datetime` gives, with cheaper naive arithmetic and formatting.
        iso = moment.isoformat() if offset is None else moment.isoformat() + "+00:00"
        return ParsedDate(iso, (moment - _NAIVE_EPOCH).total_seconds())
    return _from_datetime(moment.replace(tzinfo=offset))


def _from_leading_day(text: str, key: str) -> ParsedDate:
    match = _LEADING_DAY.match(text)
    if match is None:
        return _invalid(key, text)
    parsed = _from_day(dt.date(*(int(part) for part in match.groups())))
    return ParsedDate(parsed.iso, parsed.timestamp, f"{key} has extra text; kept the day only")


def _zone(text: str) -> dt.timezone:
    known = _ZONES.get(text)
    if known is None:
        known = _parse_zone(text)
        if len(_ZONES) < _ZONES_KEPT:
            _ZONES[text] = known
    return known


def _parse_zone(text: str) -> dt.timezone:
    if text.upper() in ("Z", "UTC", "GMT"):
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 23 or minutes > 59:
        raise ValueError("bad offset")
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def day_from_filename(name: str) -> str | None:
    """The `YYYY-MM-DD` prefix of a Jekyll-style file name, when it is a real date."""
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})-", name)
    if match is None:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None
