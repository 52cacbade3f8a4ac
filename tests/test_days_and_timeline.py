"""Day headings and the timeline: pure values the article list shows."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from digest_tui.days import DayRows, day_label
from digest_tui.timeline import timeline

TODAY = date(2025, 11, 21)


def test_day_labels_say_today_yesterday_then_the_date():
    assert day_label("2025-11-21", TODAY) == "Today"
    assert day_label("2025-11-20", TODAY) == "Yesterday"
    assert day_label("2025-11-19", TODAY) == "Wed 19 Nov 2025"
    assert day_label("", TODAY) == "Undated"


def test_a_heading_comes_before_each_new_day_and_maps_back_to_articles():
    rows = DayRows(["2025-11-21", "2025-11-21", "2025-11-19", "", ""])
    kinds = ["H" if rows.is_heading(r) else rows.article_at(r) for r in range(len(rows))]
    assert kinds == ["H", 0, 1, "H", 2, "H", 3, 4]
    assert [rows.row_of(n) for n in range(5)] == [1, 2, 4, 6, 7]
    assert [rows.day_at(r) for r in (0, 3, 4, 5)] == ["2025-11-21", "2025-11-19", "2025-11-19", ""]


def test_an_empty_list_has_no_rows():
    assert len(DayRows([])) == 0


@given(st.lists(st.sampled_from(["2025-11-21", "2025-11-20", ""]), max_size=30))
def test_each_run_of_one_day_gets_one_heading_above_it(days):
    rows = DayRows(iter(days))  # any iterable, read once
    expected = []
    for number, day in enumerate(days):
        if number == 0 or day != days[number - 1]:
            expected.append(("heading", day))
        expected.append((number, day))
    shown = [
        ("heading", rows.day_at(r)) if rows.is_heading(r) else (rows.article_at(r), rows.day_at(r))
        for r in range(len(rows))
    ]
    assert shown == expected
    assert [rows.article_at(rows.row_of(n)) for n in range(len(days))] == list(range(len(days)))


def test_a_few_weeks_are_shown_week_by_week_with_gaps_for_empty_weeks():
    found = timeline(["2025-11-20", "2025-11-21", "2025-11-03", ""], 40)
    assert found.unit == "week"
    assert found.bars == "▄ █"
    assert [p.count for p in found.periods] == [1, 0, 2]
    assert found.periods[-1].query == "after:2025-11-17 before:2025-11-23"
    assert found.periods[-1].label == "week of 17 Nov 2025"


def test_a_long_range_takes_longer_periods_to_fit_the_width():
    days = ["2015-11-20", "2020-05-05", "2025-11-03"]
    assert timeline(days, 41).unit == "quarter"
    by_year = timeline(days, 11)
    assert by_year.unit == "year" and len(by_year.periods) == 11
    assert by_year.periods[0].query == "after:2015-01-01 before:2015-12-31"
    assert by_year.bars == "█    █    █"


def test_months_are_labelled_by_name():
    found = timeline(["2025-01-20", "2025-06-03"], 12)
    assert found.unit == "month"
    assert [p.label for p in found.periods][:2] == ["Jan 2025", "Feb 2025"]
    assert found.periods[0].query == "after:2025-01-01 before:2025-01-31"


def test_no_dated_article_gives_no_timeline():
    assert timeline(["", ""], 40).periods == ()
