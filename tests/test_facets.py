"""Facet counts: tags, categories, sources and years, most used first."""

from __future__ import annotations

from digest_tui.facets import count_facet, count_facets, source_of
from digest_tui.model import Article


def article(path: str, **fields) -> Article:
    return Article(path=path, title=path, **fields)


ARTICLES = [
    article(
        "a.md",
        date="2025-11-20",
        tags=("AI",),
        categories=("Release",),
        source_name="Orbital Wire",
        source_url="https://orbital.example/a",
    ),
    article("b.md", date="2025-01-02T10:00:00Z", tags=("ai", "chips"), categories=("release",)),
    article("c.md", date="2024-06-01", source_url="https://www.ledger.example/c"),
    article("d.md", source_url="not a url"),
]


def test_values_differing_in_case_count_together_under_their_first_spelling():
    assert [(c.value, c.count) for c in count_facet(ARTICLES, "tags")] == [
        ("AI", 2),
        ("chips", 1),
    ]
    assert [(c.value, c.count) for c in count_facet(ARTICLES, "categories")] == [("Release", 2)]


def test_sources_are_the_publisher_else_the_url_host():
    assert source_of(ARTICLES[0]) == "Orbital Wire"
    assert source_of(ARTICLES[2]) == "ledger.example"
    assert source_of(ARTICLES[3]) == ""
    assert {c.value for c in count_facet(ARTICLES, "sources")} == {
        "Orbital Wire",
        "ledger.example",
    }


def test_years_come_from_the_date_and_undated_articles_have_none():
    assert [(c.value, c.count) for c in count_facet(ARTICLES, "years")] == [
        ("2025", 2),
        ("2024", 1),
    ]


def test_every_facet_is_counted_in_order():
    assert list(count_facets(ARTICLES)) == ["tags", "categories", "sources", "years"]
