"""Article-list row layout: fixed columns, fitted titles, cleaned text."""

from __future__ import annotations

from rich.cells import cell_len

from digest_tui.model import Article
from digest_tui.tui.widgets.article_rows import RowMarks, fit, row_cells, row_layout

ARTICLE = Article(
    path="a.md",
    title="A title",
    date="2024-02-03T10:00:00+01:00",
    tags=("ai", "ml"),
    source_name="Some Source",
)


NO_MARKS = RowMarks()


def row(article: Article, width: int, marks: RowMarks = NO_MARKS) -> str:
    return "".join(text for _, text in row_cells(article, marks, width))


def test_row_is_exactly_the_width_for_any_width():
    for width in (0, 1, 5, 20, 49, 50, 69, 70, 120, 300):
        assert cell_len(row(ARTICLE, width)) == width


def test_row_holds_date_title_tags_and_source():
    text = row(ARTICLE, 140)
    assert text.startswith(" 2024-02-03 ")
    assert "A title" in text and "#ai #ml" in text
    assert text.rstrip().endswith("Some Source")


def test_narrow_rows_drop_tags_then_source():
    assert "#ai" not in row(ARTICLE, 90) and "Some Sour" in row(ARTICLE, 90)
    assert "Some" not in row(ARTICLE, 60) and "A title" in row(ARTICLE, 60)


def test_title_gets_most_of_the_width():
    layout = row_layout(88)
    assert layout.title >= 56
    assert layout.tags == 0 and 0 < layout.source <= 16
    wide = row_layout(140)
    assert 0 < wide.tags <= 18 and wide.title >= 60


def test_empty_columns_take_no_room():
    assert row_layout(88, sources=False).title == row_layout(88).title + row_layout(88).source + 1
    assert row_layout(200, tags=False).tags == 0


def test_long_and_wide_titles_are_cut_with_an_ellipsis():
    long_title = Article(path="b.md", title="漢字" * 5_000)
    text = row(long_title, 80)
    assert cell_len(text) == 80
    assert "…" in text


def test_marks_columns():
    assert row(ARTICLE, 120, RowMarks(unread=True, starred=True))[12:15] == "★● "
    assert row(ARTICLE, 120, RowMarks(unread=True, new=True))[12:15] == " + "
    assert row(ARTICLE, 120)[12:16] == "   A"


def test_control_characters_and_newlines_are_removed():
    article = Article(path="c.md", title="one\ntwo\x1b[31m three\u202e", tags=("t\x07ag",))
    text = row(article, 120)
    assert "one two three" in text and "#tag" in text
    assert not any(ord(ch) < 32 for ch in text)


def test_fit_pads_and_cuts():
    assert fit("abc", 5) == "abc  "
    assert fit("abcdef", 4) == "abc…"
    assert fit("x", 0) == ""


def test_columns_take_what_their_text_needs_up_to_a_share_of_the_row():
    wide = row_layout(220, tags=24, sources=10)
    assert (wide.tags, wide.source) == (24, 10)
    assert wide.title == 220 - 15 - 24 - 1 - 10 - 1
    many_tags = row_layout(220, tags=150)
    assert 18 < many_tags.tags < 100 and many_tags.title >= 60
    short = row_layout(100, tags=7, sources=0)
    assert short.tags == 7 and short.title == 100 - 15 - 7 - 1


def test_match_spans_find_words_anywhere_and_short_ones_at_word_starts():
    from digest_tui.tui.widgets.article_rows import match_spans

    assert match_spans("Solar Kite Sets Altitude Record", ["kite", "al"]) == [(6, 10), (16, 18)]
    assert match_spans("Microchip and chips", ["chip"]) == [(5, 9), (14, 18)]
    assert match_spans("The solar  kite", ["solar kite"]) == [(4, 15)]
    assert match_spans("Kite", []) == []
