"""A view can say which of some paths it lists, and give itself without some articles."""

from __future__ import annotations

from digest_tui.model import Article
from digest_tui.search import Library, SortOrder

ARTICLES = [
    Article("a.md", "Kite festival opens", date="2025-06-03", timestamp=3.0, tags=("sky",)),
    Article("b.md", "Kite record broken", date="2025-06-02", timestamp=2.0),
    Article("c.md", "Harbour ferry timetable", date="2025-06-01", timestamp=1.0, tags=("sky",)),
]


def test_listed_of_names_only_the_paths_the_view_lists():
    view = Library.of(ARTICLES).matching("kite")
    assert sorted(view.listed_of(["a.md", "c.md", "missing.md"])) == ["a.md"]
    assert sorted(Library.of(ARTICLES).listed_of(["c.md", "b.md"])) == ["b.md", "c.md"]


def test_leaving_out_drops_those_articles_and_keeps_the_rest_in_order():
    view = Library.of(ARTICLES).tagged("sky").sorted_by(SortOrder.NEWEST)
    rest = view.leaving_out(["a.md"])
    assert [article.path for article in rest.articles] == ["c.md"]
    assert [article.path for article in view.articles] == ["a.md", "c.md"]  # unchanged
    ranked = Library.of(ARTICLES).matching("kite").sorted_by(SortOrder.RELEVANCE)
    assert [a.path for a in ranked.leaving_out(["b.md"]).articles] == ["a.md"]
    assert list(rest.days) == ["2025-06-01"]


def test_one_collection_of_paths_asked_of_several_views_gives_each_its_own():
    # Folding asks every view for the same clusters' paths; the second answer must not be
    # the first view's.
    library = Library.of(ARTICLES)
    clustered = {"a.md": "a.md", "b.md": "a.md", "c.md": "c.md"}
    assert sorted(library.matching("kite").listed_of(clustered)) == ["a.md", "b.md"]
    assert sorted(library.tagged("sky").listed_of(clustered)) == ["a.md", "c.md"]
    assert sorted(library.matching("ferry").listed_of(frozenset(clustered))) == ["c.md"]
    assert sorted(library.matching("kite").listed_of(clustered)) == ["a.md", "b.md"]
