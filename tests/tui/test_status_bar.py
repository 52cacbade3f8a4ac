"""The status line: counts, every active filter, sort, problems and indexing."""

from __future__ import annotations

from datetime import date

from digest_tui.tui.widgets.status_bar import StatusFacts, status_content


def test_status_names_every_active_filter():
    facts = StatusFacts(
        shown=3,
        total=45,
        tags=("ai", "[red]x[/]"),
        query="chip after:2025-01-01",
        after=date(2025, 1, 1),
        sort="relevance",
        problems=2,
        indexing="indexing 10/45",
    )
    text = status_content(facts).plain
    assert text.startswith(" 3 / 45 articles")
    assert "tags: ai + [red]x[/]" in text
    assert "query: chip after:2025-01-01" in text
    assert "dates: 2025-01-01 → …" in text
    assert "sort: relevance" in text
    assert "2 problems (press !)" in text
    assert "indexing 10/45" in text


def test_idle_status_is_short():
    text = status_content(StatusFacts(shown=45, total=45)).plain
    assert text == " 45 / 45 articles · sort: newest"
