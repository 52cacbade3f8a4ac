"""When the main screen filters inline: a quick query being narrowed, or a recent repeat."""

from __future__ import annotations

from digest_tui.model import Article
from digest_tui.search import Library, SortOrder
from digest_tui.tui.filtering import FilterRequest
from digest_tui.tui.screens.filter_clock import RECENT_REQUESTS, FilterClock

LIBRARY = Library.of([Article(path="a.md", title="Kite", date="2025-01-01", tags=("ai",))])


def request(
    query: str,
    tags: tuple[str, ...] = (),
    library: Library = LIBRARY,
    sort: SortOrder = SortOrder.RELEVANCE,
) -> FilterRequest:
    return FilterRequest(library, tags, query, sort)


def test_nothing_runs_inline_before_a_filter_was_timed() -> None:
    assert not FilterClock().may_run_inline(request("k"))


def test_a_narrowing_keystroke_after_a_quick_filter_runs_inline() -> None:
    clock = FilterClock(budget=0.008)
    clock.record(request("kit"), 0.002)
    assert clock.may_run_inline(request("kite"))
    assert clock.may_run_inline(request("kite chip"))
    clock.record(request("k"), 0.002)
    assert clock.may_run_inline(request("ki"))


def test_the_third_letter_of_a_word_goes_to_the_worker() -> None:
    # Words of up to two letters match word starts only: a third letter is a new scan.
    clock = FilterClock(budget=0.008)
    clock.record(request("ki"), 0.002)
    assert not clock.may_run_inline(request("kit"))
    clock.record(request("kite ch"), 0.002)
    assert not clock.may_run_inline(request("kite chi"))


def test_a_slow_filter_sends_the_next_one_to_the_worker() -> None:
    clock = FilterClock(budget=0.008)
    clock.record(request("ki"), 0.050)
    assert not clock.may_run_inline(request("kit"))


def test_widening_other_tags_or_another_library_go_to_the_worker() -> None:
    clock = FilterClock(budget=0.008)
    clock.record(request("kit"), 0.001)
    assert not clock.may_run_inline(request("ki"))
    assert not clock.may_run_inline(request("kite", tags=("ai",)))
    assert not clock.may_run_inline(request("kite", library=Library.of([])))


def test_the_first_letter_of_a_query_goes_to_the_worker() -> None:
    clock = FilterClock(budget=0.008)
    clock.record(request(""), 0.001)
    assert not clock.may_run_inline(request("k"))


def test_a_backspace_to_a_recent_query_runs_inline_even_if_it_was_slow_at_first() -> None:
    clock = FilterClock(budget=0.008)
    clock.record(request("kit"), 0.040)
    clock.record(request("kite"), 0.040)
    assert clock.may_run_inline(request("kit"))


def test_a_repeat_that_was_still_slow_sends_the_next_repeat_to_the_worker() -> None:
    clock = FilterClock(budget=0.008)
    clock.record(request("kit"), 0.040)
    clock.record(request("kit"), 0.030)
    assert not clock.may_run_inline(request("kit"))
    clock.record(request("kit"), 0.001)
    assert clock.may_run_inline(request("kit"))


def test_a_repeat_in_another_order_or_library_goes_to_the_worker() -> None:
    clock = FilterClock(budget=0.008)
    clock.record(request("kit"), 0.040)
    clock.record(request("kite"), 0.040)
    assert not clock.may_run_inline(request("kit", sort=SortOrder.NEWEST))
    other = Library.of([])
    clock.record(request("kite", library=other), 0.040)
    assert not clock.may_run_inline(request("kit", library=other))
    assert not clock.may_run_inline(request("kit"))


def test_a_query_from_many_requests_ago_goes_to_the_worker() -> None:
    clock = FilterClock(budget=0.008)
    clock.record(request("kit"), 0.040)
    for number in range(RECENT_REQUESTS):
        clock.record(request(f"solar {number}"), 0.040)
    assert not clock.may_run_inline(request("kit"))
