"""Finding words in rendered lines: smart case, every occurrence, marks on the right cells."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style

from digest_tui.tui.find_in_text import LineFinder, Match, find_all, mark_spans

LINES = ["The harbour at dawn.", "No match here.", "Harbour, harbour, HARBOUR."]


def test_a_lower_case_pattern_ignores_case() -> None:
    rows = [match.row for match in find_all(LINES, ["harbour"])]
    assert rows == [0, 2, 2, 2]


def test_a_capital_makes_the_pattern_exact() -> None:
    assert find_all(LINES, ["Harbour"]) == [Match(2, 0, 7)]
    assert find_all(LINES, ["HARBOUR"]) == [Match(2, 18, 25)]


def test_several_patterns_do_not_overlap() -> None:
    assert find_all(["harbour"], ["harb", "harbour", "bour"]) == [Match(0, 0, 7)]


def test_blank_patterns_find_nothing() -> None:
    assert find_all(LINES, ["", "  "]) == []


def test_marks_split_segments_at_the_match() -> None:
    hit = Style(reverse=True)
    segments = [Segment("The har", Style(bold=True)), Segment("bour at dawn.")]
    marked = mark_spans(segments, [(4, 11, hit)])
    assert "".join(segment.text for segment in marked) == "The harbour at dawn."
    restyled = [segment.text for segment in marked if segment.style and segment.style.reverse]
    assert restyled == ["har", "bour"]
    assert marked[1].style == Style(bold=True) + hit


def test_the_finder_counts_and_wraps() -> None:
    finder = LineFinder()
    finder.search(LINES, ["harbour"])
    assert finder.counter() == "4 matches"
    assert finder.first_from(1) == Match(2, 0, 7)
    assert finder.counter() == "2/4"
    finder.step(+1, 0)
    finder.step(+1, 0)
    finder.step(+1, 0)
    assert finder.counter() == "1/4", "n after the last match wraps to the first"
    finder.step(-1, 0)
    assert finder.counter() == "4/4"
    finder.search(LINES, ["kite"])
    assert finder.counter() == "no matches"
