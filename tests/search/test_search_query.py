"""Parsing the search box's query language."""

from datetime import date

import pytest

from digest_tui.search import parse_query


def test_plain_words_are_lower_cased_and_kept_in_order():
    query = parse_query("Solar  KITE")
    assert query.words == ("solar", "kite")
    assert not query.is_empty


def test_empty_and_blank_queries_are_empty():
    assert parse_query("").is_empty
    assert parse_query("   ").is_empty


def test_quoted_phrase_and_negated_phrase():
    query = parse_query('"Open   Source" -"press release" rust')
    assert query.phrases == ("open source",)
    assert query.excluded_phrases == ("press release",)
    assert query.words == ("rust",)


def test_unterminated_quote_takes_the_rest_as_the_phrase():
    query = parse_query('kite "solar power tag:ai')
    assert query.words == ("kite",)
    assert query.phrases == ("solar power tag:ai",)
    assert query.tags == ()


def test_tags_included_excluded_and_quoted():
    query = parse_query('tag:AI -tag:crypto tag:"Open Source"')
    assert query.tags == ("ai", "open source")
    assert query.excluded_tags == ("crypto",)


@pytest.mark.parametrize(
    ("text", "after", "before"),
    [
        ("after:2025-01-01 before:2025-06-30", date(2025, 1, 1), date(2025, 6, 30)),
        ("after:2025-02 before:2025-02", date(2025, 2, 1), date(2025, 2, 28)),
        ("after:2024 before:2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("before:2024-02", None, date(2024, 2, 29)),
    ],
)
def test_date_bounds_cover_whole_days_months_and_years(text, after, before):
    query = parse_query(text)
    assert (query.after, query.before) == (after, before)
    assert query.errors == ()


def test_source_title_and_state_terms():
    query = parse_query("source:Reuters -source:blog title:Kite -title:draft is:starred -is:new")
    assert query.sources == ("reuters",)
    assert query.excluded_sources == ("blog",)
    assert query.titles == ("kite",)
    assert query.excluded_titles == ("draft",)
    assert query.states == ("starred",)
    assert query.excluded_states == ("new",)


def test_negated_read_state_means_the_opposite_state():
    assert parse_query("-is:read").states == ("unread",)
    assert parse_query("-is:unread").states == ("read",)


def test_negated_word_excludes_it():
    query = parse_query("kite -crypto")
    assert query.words == ("kite",)
    assert query.excluded_words == ("crypto",)


@pytest.mark.parametrize(
    "text",
    ["after:notadate", "before:2025-13", "after:2025-02-30", "is:unknown", "tag:", "-after:2025"],
)
def test_bad_values_become_errors_and_are_ignored(text):
    query = parse_query(text + " kite")
    assert len(query.errors) == 1
    assert text.lstrip("-").split(":")[0] in query.errors[0]
    assert query.words == ("kite",)
    assert query.after is None and query.before is None and query.states == ()


def test_unknown_prefixes_are_plain_words():
    assert parse_query("foo:bar").words == ("foo:bar",)
    assert parse_query("https://example.com").words == ("https://example.com",)


def test_lone_dash_is_no_term():
    assert parse_query("-").is_empty


def test_category_and_year_terms_are_read():
    query = parse_query('category:"Release Notes" -category:docs year:2025 -year:2019')
    assert query.categories == ("release notes",)
    assert query.excluded_categories == ("docs",)
    assert (query.years, query.excluded_years) == ((2025,), (2019,))
    assert not query.is_empty


def test_a_year_that_is_not_one_is_reported_and_ignored():
    query = parse_query("year:25 kite")
    assert query.years == () and query.words == ("kite",)
    assert query.errors == ("'year:25': year: takes a year such as 2025",)
