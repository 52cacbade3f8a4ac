"""Where the list's lines fall: articles, day headings and snippet lines, against a list of
lines written out one by one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from digest_tui.days import DayRows
from digest_tui.model import Article
from digest_tui.tui.widgets.list_lines import Line, ListLines
from digest_tui.tui.widgets.snippet_rows import SnippetRows


def written_out(days: list[str], snippets: set[int], by_day: bool) -> list[Line]:
    """Every line in order, as a person would draw the list."""
    lines: list[Line] = []
    for row, day in enumerate(days):
        if by_day and (row == 0 or days[row - 1] != day):
            lines.append(Line("day", day=day))
        lines.append(Line("article", row))
        if row in snippets:
            lines.append(Line("snippet", row))
    return lines


rows = st.lists(st.sampled_from(["2025-01-03", "2025-01-02", "2025-01-01", ""]), max_size=40)


@given(rows, st.data(), st.booleans())
def test_lines_match_the_list_written_out(days, data, by_day):
    days = sorted(days, reverse=True)
    snippets = data.draw(st.sets(st.integers(0, max(0, len(days) - 1)))) if days else set()
    articles = [
        Article(path=f"{row}.md", title=f"t{row}", date=day) for row, day in enumerate(days)
    ]
    hits = {f"{row}.md": ("word",) for row in snippets}
    lines = ListLines(
        len(articles),
        DayRows(days) if by_day else None,
        SnippetRows(articles, hits) if hits else None,
    )
    expected = written_out(days, snippets, by_day)
    assert len(lines) == len(expected)
    # Asked out of order, as scrolling and jumping to the end ask.
    for number in [*range(len(expected) - 1, -1, -2), *range(len(expected))]:
        assert lines.at(number) == expected[number]
    for number, line in enumerate(expected):
        if line.kind == "article":
            assert lines.line_of(line.row) == number
            assert lines.has_snippet(line.row) == (line.row in snippets)
    assert lines.at(len(expected)) is None


def test_rows_are_read_only_as_far_as_the_screen_needs():
    read: list[int] = []

    class CountedList(list):
        def __iter__(self):
            for index, article in enumerate(super().__iter__()):
                read.append(index)
                yield article

    articles = CountedList(Article(path=f"{n}.md", title="t") for n in range(100_000))
    lines = ListLines(len(articles), None, SnippetRows(articles, {"3.md": (), "99999.md": ()}))
    assert len(lines) == 100_002
    assert [lines.at(n) for n in range(3, 6)] == [
        Line("article", 3),
        Line("snippet", 3),
        Line("article", 4),
    ]
    assert len(read) < 1000
    assert lines.at(100_001) == Line("snippet", 99_999)  # the end is found when asked for
