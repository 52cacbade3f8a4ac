"""Typo tolerance, short words, and relevance rankings read a slice at a time."""

from digest_tui.model import Article
from digest_tui.search import Library, SortOrder
from digest_tui.search.engine.fuzzy import FuzzyMatcher


def library(titles, fulltext=None):
    articles = [Article(path=f"{n}.md", title=t, timestamp=float(-n)) for n, t in enumerate(titles)]
    return Library.of(articles, fulltext=fulltext)


def titles_of(view):
    return [article.title for article in view]


def test_a_one_letter_typo_still_finds_the_article():
    view = library(["Quantum Chip Ships", "Market Rally"]).matching("quantim")
    assert titles_of(view) == ["Quantum Chip Ships"]
    assert titles_of(library(["Battery Breakthrough"]).matching("bsttery")) == [
        "Battery Breakthrough"
    ]


def test_typo_matches_rank_below_exact_ones_and_two_typos_are_too_many():
    titles = ["Quantum Chip Ships", "Quantim Labs Opens", "Quintam Notes"]
    view = library(titles).matching("quantim").sorted_by(SortOrder.RELEVANCE)
    assert titles_of(view) == ["Quantim Labs Opens", "Quantum Chip Ships"]


def test_typos_are_not_looked_for_when_the_exact_matches_are_plenty():
    titles = [f"Quantim Report {n}" for n in range(30)] + ["Quantum Chip Ships"]
    assert "Quantum Chip Ships" not in titles_of(library(titles).matching("quantim"))


def test_a_typo_in_one_word_of_several_still_finds_the_article():
    view = library(["Quantum Chip Ships", "Chip Makers Rally"]).matching("chip quantim")
    assert titles_of(view) == ["Quantum Chip Ships"]


def test_one_or_two_letters_match_only_where_a_word_starts():
    titles = ["Said The Robot", "AI Rules", "Rain Again"]
    assert titles_of(library(titles).matching("ai")) == ["AI Rules"]
    assert titles_of(library(titles).matching("r")) == ["Said The Robot", "AI Rules", "Rain Again"]
    scores = FuzzyMatcher(titles, [(), (), ("airlines",)], ["", "", ""]).match(["ai"])
    assert sorted(scores) == [1, 2]  # a tag starting with the letters counts too


def test_scattered_letters_rank_by_how_close_they_are():
    titles = ["Kind Islands Try Energy", "Kite Festival", "Kits Enter Markets", "Ki T E"]
    view = library(titles).matching("kte").sorted_by(SortOrder.RELEVANCE)
    # Tightest first; equally tight ones newest first; letters spread widest last.
    assert titles_of(view) == [
        "Kite Festival",
        "Kits Enter Markets",
        "Ki T E",
        "Kind Islands Try Energy",
    ]


def test_a_relevance_ranking_reads_the_same_by_slice_index_and_iteration():
    titles = [f"{word} Report" for word in ("Kite", "Kitchen", "Kestrel Tern", "Kit")] * 20
    view = library(titles).matching("kit").sorted_by(SortOrder.RELEVANCE)
    articles = view.articles
    every = list(articles)
    assert len(articles) == len(every) == len(view) == 60
    assert list(articles[:10]) == every[:10]
    assert list(articles[35:70]) == every[35:]
    assert [articles[i] for i in range(-3, 0)] == every[-3:]
    assert list(articles[::-1]) == every[::-1]
    fresh = library(titles).matching("kit").sorted_by(SortOrder.RELEVANCE)
    assert titles_of(fresh) == titles_of(every)


class CountingFullText:
    def __init__(self):
        self.asked = []

    def search(self, terms, limit=None):
        self.asked.append((terms, limit))
        return {"1.md": 1.0}

    def query_of(self, terms):
        return terms


def test_body_search_is_limited_and_asked_once_per_query_while_typing():
    fulltext = CountingFullText()
    typing = library(["Solar Kite", "Ports Reopen"], fulltext)
    for text in ("kit", "kite", "kit", "kite"):
        assert "Ports Reopen" in titles_of(typing.matching(text))
    assert [terms for terms, _ in fulltext.asked] == ["kit", "kite"]
    assert all(limit is not None for _, limit in fulltext.asked)
    fresh = library(["Solar Kite", "Ports Reopen"], fulltext)
    assert "Ports Reopen" in titles_of(fresh.matching("kite"))
    assert len(fulltext.asked) == 3  # a new article list asks afresh
