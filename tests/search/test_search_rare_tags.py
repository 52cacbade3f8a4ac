"""A folder of many rare tags and categories: each still filters and counts exactly (a rare
one keeps its articles' numbers rather than a set as large as the folder)."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from digest_tui.model import Article
from digest_tui.search import Library

pytestmark = pytest.mark.usefixtures("both_set_builders")


def posts(count: int, rare_tags: int) -> list[Article]:
    rng = random.Random(5)
    names = ["AI", "Energy"] + [f"Company {n}" for n in range(rare_tags)]
    weights = [60, 30] + [1] * rare_tags  # two common tags, the others on a few posts each
    return [
        Article(
            path=f"{n:04}.md",
            title=f"Report {n}",
            timestamp=float(n),
            tags=tuple(dict.fromkeys(rng.choices(names, weights, k=3))),
            categories=tuple(dict.fromkeys(rng.choices(names, weights, k=2))),
        )
        for n in range(count)
    ]


@pytest.fixture(scope="module", params=["many rare tags", "a few rare tags"])
def folder(request) -> list[Article]:
    # With many tags a view's tags are counted post by post; with few, tag by tag.
    return posts(600, 300) if request.param == "many rare tags" else posts(2000, 8)


def carrying(articles: list[Article], tag: str) -> set[str]:
    return {a.path for a in articles if tag.casefold() in (t.casefold() for t in a.tags)}


@pytest.mark.parametrize("tag", ["AI", "energy", "Company 7", "company 5", "Nobody"])
def test_filtering_on_a_common_or_a_rare_tag_lists_exactly_its_articles(folder, tag):
    listed = Library.of(folder).tagged(tag).articles
    assert {a.path for a in listed} == carrying(folder, tag)


@pytest.mark.parametrize("within", [None, "AI", "Company 7"])
def test_tag_counts_within_a_view_count_every_rare_tag(folder, within):
    view = Library.of(folder)
    if within is not None:
        view = view.tagged(within)
    listed = list(view.articles)
    expected = Counter(t.casefold() for a in listed for t in dict.fromkeys(a.tags))
    assert {c.tag.casefold(): c.count for c in view.tag_counts()} == expected
    assert any(t.startswith("company") for t in expected)  # rare tags were counted too


@pytest.mark.parametrize("category", ["AI", "Company 7", "company 5", "Nobody"])
def test_a_category_term_keeps_exactly_its_articles_common_or_rare(folder, category):
    wanted = {a.path for a in folder if category.casefold() in map(str.casefold, a.categories)}
    listed = Library.of(folder).matching(f'category:"{category}"').articles
    assert {a.path for a in listed} == wanted
    left = Library.of(folder).matching(f'-category:"{category}"').articles
    assert {a.path for a in left} == {a.path for a in folder} - wanted
