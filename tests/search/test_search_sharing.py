"""Articles that share a source, tags or a day are found exactly like articles that don't.

The search data holds one value per distinct source, tag list and day; these tests make
sure that sharing never mixes up which article a value belongs to.
"""

from datetime import date

from digest_tui.model import Article
from digest_tui.search import Library, SortOrder

SHARED_TAGS = ("Space", "Energy")


def article(number, tags, source_name, source_url, day="2025-03-10T08:00:00Z"):
    stamp = float(date.fromisoformat(day[:10]).toordinal() * 100 + number)
    return Article(
        path=f"a{number}.md",
        title=f"Report {number}",
        date=day,
        timestamp=stamp,
        tags=tags,
        source_name=source_name,
        source_url=source_url,
    )


ARTICLES = [
    # One tags tuple shared by two articles, an equal but separate tuple, another spelling.
    article(1, SHARED_TAGS, "Wire", "https://wire.example/one"),
    article(2, SHARED_TAGS, "Wire", "https://wire.example/two"),
    article(3, ("Space", "Energy"), "Wire", "https://other.example/x", "2025-03-11"),
    article(4, ("space", "Markets"), "Daily", "https://daily.example/y", "2025-03-11"),
    article(5, (), "Daily", "", "2025-03-09T23:59:00Z"),
]


def paths(library):
    return sorted(a.path for a in library)


def test_equal_tags_are_found_on_every_article_carrying_them():
    library = Library.of(ARTICLES)
    assert paths(library.tagged("space")) == ["a1.md", "a2.md", "a3.md", "a4.md"]
    assert paths(library.matching("tag:energy")) == ["a1.md", "a2.md", "a3.md"]
    assert paths(library.matching("-tag:markets")) == ["a1.md", "a2.md", "a3.md", "a5.md"]


def test_tag_counts_count_each_article_once():
    counts = {c.tag.casefold(): c.count for c in Library.of(ARTICLES).tag_counts()}
    assert counts == {"space": 4, "energy": 3, "markets": 1}


def test_fuzzy_tag_words_match_every_article_sharing_them():
    ranked = Library.of(ARTICLES).sorted_by(SortOrder.RELEVANCE).matching("ener")
    assert sorted(a.path for a in ranked.articles) == ["a1.md", "a2.md", "a3.md"]


def test_a_source_shared_by_articles_with_different_urls_finds_each_by_its_own_host():
    library = Library.of(ARTICLES)
    assert paths(library.matching("source:wire")) == ["a1.md", "a2.md", "a3.md"]
    assert paths(library.matching("source:other.example")) == ["a3.md"]
    assert paths(library.matching("source:daily")) == ["a4.md", "a5.md"]


def test_a_shared_day_bounds_each_article_by_its_own_date():
    library = Library.of(ARTICLES)
    assert paths(library.dated(after=date(2025, 3, 11))) == ["a3.md", "a4.md"]
    assert paths(library.dated(before=date(2025, 3, 10))) == ["a1.md", "a2.md", "a5.md"]
    assert paths(library.dated(date(2025, 3, 10), date(2025, 3, 10))) == ["a1.md", "a2.md"]
