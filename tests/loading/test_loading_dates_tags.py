"""Dates keep what was written; tags are cleaned and de-duplicated."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.loading.dates import parse_date
from digest_tui.loading.fields import Notes, tag_list


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2021-04-09T16:00:00Z", "2021-04-09T16:00:00+00:00"),
        ("2017-07-08 16:52:23-07:00", "2017-07-08T16:52:23-07:00"),
        ("2013-05-06 02:12:52 +0200", "2013-05-06T02:12:52+02:00"),
        ("2020-04-27T20:30:00", "2020-04-27T20:30:00"),
        ("2020-07-28", "2020-07-28"),
        ("2014-10-1 12:00:00", "2014-10-01T12:00:00"),
        ("2025-12-31T23:30:00+14:00", "2025-12-31T23:30:00+14:00"),
    ],
)
def test_date_keeps_day_and_offset(written, iso):
    assert parse_date(written).iso == iso


def test_date_only_sorts_as_midnight_utc():
    assert parse_date("1970-01-02").timestamp == 86400


def test_offset_is_used_for_sorting_but_not_shown_converted():
    parsed = parse_date("2020-01-01T01:00:00+02:00")
    assert parsed.iso.startswith("2020-01-01T01:00")
    assert parsed.timestamp == parse_date("2019-12-31T23:00:00Z").timestamp


def test_epoch_integers_seconds_and_milliseconds():
    assert parse_date(1700000000).iso == "2023-11-14T22:13:20+00:00"
    assert parse_date(1700000000000).timestamp == 1700000000


def test_years_1_and_9999_do_not_overflow():
    first, last = parse_date("0001-01-01T00:00:00+05:00"), parse_date("9999-12-31T23:59:59-05:00")
    assert first.iso and last.iso
    assert first.timestamp < 0 < last.timestamp


def test_toml_native_dates():
    assert parse_date(dt.date(2023, 1, 31)).iso == "2023-01-31"
    aware = dt.datetime(2020, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=-3)))
    assert parse_date(aware).iso == "2020-01-01T00:00:00-03:00"


@pytest.mark.parametrize(
    "bad",
    [
        "0000-01-01",
        "2024-13-01",
        "2020-01-01T00:00:00+25:00",
        "2023-02-30T10:00:00Z",
        "0000-01-01T00:00:00Z",
        "2024-01-01T24:00:00Z",
        "soon",
        True,
        {"a": 1},
    ],
)
def test_invalid_dates_give_a_warning_and_no_date(bad):
    parsed = parse_date(bad)
    assert parsed.iso is None and parsed.timestamp is None and parsed.warning


def test_date_with_trailing_junk_keeps_the_day():
    parsed = parse_date("2023-01-29 18:30:22 2023 -0800")
    assert parsed.iso == "2023-01-29" and parsed.warning


def test_invalid_date_in_a_file_is_a_warning(load_ok):
    article = load_ok("---\ntitle: T\ndate: 2024-02-30\n---\nB\n").article
    assert article.date is None
    assert any("not a valid date" in warning for warning in article.warnings)


def tags(value):
    return tag_list(value, Notes())


def test_tags_from_list_and_comma_string():
    assert tags(["AI", "ml"]) == ("AI", "ml")
    assert tags("ai, ml,  robots ") == ("ai", "ml", "robots")


def test_tag_string_without_commas_splits_on_spaces():
    assert tags("ruby jekyll") == ("ruby", "jekyll")
    assert tags("blog") == ("blog",)


def test_list_items_with_commas_are_split_but_spaces_kept():
    assert tags(["Major Versions, Announcements", "vitess  cluster"]) == (
        "Major Versions",
        "Announcements",
        "vitess cluster",
    )


def test_tags_deduplicated_case_insensitively_keeping_first_spelling():
    assert tags(["AI", "ai", "Ai", "ML"]) == ("AI", "ML")


def test_tags_of_other_types():
    assert tags([1, 2.5, None, True]) == ("1", "2.5", "true")
    assert tags(None) == ()
    notes = Notes()
    assert tag_list({"a": 1}, notes) == () and notes.items


@settings(max_examples=400)
@given(
    st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)),
    st.sampled_from(["", "Z", "+00:00", "+05:30", "-03:00", " UTC"]),
    st.booleans(),
)
def test_written_datetimes_keep_their_text_and_instant(moment, zone, with_micro):
    if not with_micro:
        moment = moment.replace(microsecond=0)
    text = moment.isoformat() + zone
    offset = dt.timedelta(hours=5, minutes=30) if zone == "+05:30" else dt.timedelta(0)
    if zone == "-03:00":
        offset = -dt.timedelta(hours=3)
    aware = moment.replace(tzinfo=dt.timezone(offset))
    parsed = parse_date(text)
    expected = moment.isoformat() if not zone else aware.isoformat()
    assert parsed.iso == expected and parsed.warning is None
    assert parsed.timestamp == (aware - dt.datetime(1970, 1, 1, tzinfo=dt.UTC)).total_seconds()
