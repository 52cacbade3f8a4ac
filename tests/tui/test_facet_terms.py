"""The query terms the sidebar's facets and the timeline add and take out."""

from __future__ import annotations

from datetime import date

from digest_tui.tui.facet_terms import facet_terms, toggled_term, with_dates, without_facet_terms


def test_a_chosen_value_is_added_as_a_term_and_a_second_choice_takes_it_out():
    query = toggled_term("kite", "sources", "Orbital Wire")
    assert query == 'kite source:"Orbital Wire"'
    assert facet_terms(query) == {"sources": ("Orbital Wire",)}
    query = toggled_term(query, "years", "2025")
    assert query == 'kite source:"Orbital Wire" year:2025'
    assert toggled_term(query, "sources", "orbital wire") == "kite year:2025"


def test_all_takes_every_facet_term_out_and_keeps_the_rest():
    query = 'kite category:Release tag:ai source:"A B" year:2024'
    assert without_facet_terms(query) == "kite tag:ai"


def test_a_period_replaces_the_date_bounds():
    query = "kite after:2024 before:2024-06"
    assert with_dates(query, date(2025, 1, 1), date(2025, 1, 31)) == (
        "kite after:2025-01-01 before:2025-01-31"
    )
