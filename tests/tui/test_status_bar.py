"""The status line: counts, every active filter, sort, problems and indexing."""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len

from digest_tui.tui.widgets.status_bar import QUERY_CELLS, TAG_CELLS, StatusFacts, status_content


def test_status_names_every_active_filter():
    facts = StatusFacts(
        shown=3,
        total=45,
        tags=("ai", "[red]x[/]"),
        query="chip after:2025-01-01",
        after=date(2025, 1, 1),
        sort="relevance",
        skipped=2,
        warnings=1,
        drafts_hidden=7,
        indexing="indexing 10/45",
    )
    text = status_content(facts).plain
    assert text.startswith(" 3 / 45 articles")
    assert "tags: ai + [red]x[/]" in text
    assert "query: chip after:2025-01-01" in text
    assert "dates: 2025-01-01 → …" in text
    assert "sort: relevance" in text
    assert "2 files skipped, 1 warning (press !)" in text
    assert "7 drafts hidden" in text
    assert "indexing 10/45" in text


def test_idle_status_is_short():
    text = status_content(StatusFacts(shown=45, total=45)).plain
    assert text == " 45 / 45 articles · sort: newest"


def test_long_wide_character_tags_and_queries_are_cut_by_cells():
    tag = "人工知能" * 10  # 40 characters, 80 cells
    text = status_content(StatusFacts(shown=1, total=2, tags=(tag,), query="東京" * 30)).plain
    shown_tag = text.split("tags: ")[1].split(" · ")[0]
    shown_query = text.split("query: ")[1].split(" · ")[0]
    assert shown_tag.endswith("…") and cell_len(shown_tag) <= TAG_CELLS
    assert shown_query.endswith("…") and cell_len(shown_query) <= QUERY_CELLS
    assert cell_len(shown_tag) >= TAG_CELLS - 2  # cut at the width, not at half of it
