"""The reading pane's header: readable dates, and every field shown as plain text."""

from __future__ import annotations

from digest_tui.model import Article
from digest_tui.render import article_header, render_blocks
from digest_tui.render.header import human_date
from digest_tui.render.lines import plain_lines


def header_text(article: Article, width: int = 100) -> str:
    return "\n".join(plain_lines(render_blocks(article_header(article), width)))


def test_dates_read_as_minutes_with_offset():
    assert human_date("2025-12-10T14:30:00+00:00") == "2025-12-10 14:30 +00:00"
    assert human_date("2025-12-10T14:30:59.123456-05:30") == "2025-12-10 14:30 -05:30"
    assert human_date("2025-12-10T14:30:00") == "2025-12-10 14:30"
    assert human_date("2025-12-10") == "2025-12-10"
    assert human_date("0001-01-01T00:00:00+00:00") == "0001-01-01 00:00 +00:00"


def test_unparseable_dates_are_shown_as_written_without_controls():
    assert human_date("someday\x1b[2J soon") == "someday soon"


def test_header_holds_dates_author_source_tags_and_reading_time():
    article = Article(
        path="a.md",
        title="[b]Title[/]",
        date="2025-12-10T14:30:00+00:00",
        modified="2025-12-11T09:05:00+00:00",
        author="Ann [i]Writer[/]",
        source_name="Weekly",
        tags=("ai", "[red]x[/]"),
        words=660,
    )
    text = header_text(article)
    assert "[b]Title[/]" in text
    assert "2025-12-10 14:30 +00:00 · updated 2025-12-11 09:05 +00:00" in text
    assert "Ann [i]Writer[/] · Weekly · 3 min read" in text
    assert "#ai #[red]x[/]" in text
