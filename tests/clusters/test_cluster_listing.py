"""A list with each story cluster folded into its earliest listed article."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.clusters import story_clusters
from digest_tui.clusters.listing import fold_clusters
from digest_tui.model import Article

pytestmark = pytest.mark.usefixtures("both_set_builders")

DAY = datetime(2025, 6, 2, 9, tzinfo=UTC)


def article(path: str, title: str, hours: float, source: str = "") -> Article:
    when = DAY + timedelta(hours=hours)
    return Article(
        path, title, date=when.isoformat(), timestamp=when.timestamp(), source_name=source
    )


FIRST = article("ledger.md", "Northwind unveils Zephyr 2 drone", 0, "Daily Ledger")
SECOND = article("wire.md", "Report: Northwind launches Zephyr 2 drone", 20, "Orbital Wire")
THIRD = article("signal.md", "Northwind debuts Zephyr 2 drone - The Signal", 40, "The Signal")
OTHER = article("ferry.md", "Ferry timetable changes for the summer season", 30)
NEWEST_FIRST = [THIRD, OTHER, SECOND, FIRST]
CLUSTERS = story_clusters(NEWEST_FIRST)


def paths(rows) -> list[str]:
    return [row.path for row in rows]


def test_a_cluster_shows_as_its_earliest_article_in_that_articles_place():
    folded = fold_clusters(NEWEST_FIRST, CLUSTERS)
    assert paths(folded.rows) == ["ferry.md", "ledger.md"]
    assert folded.others == {"ledger.md": 2}


def test_an_opened_cluster_lists_its_copies_under_it_earliest_first():
    folded = fold_clusters(NEWEST_FIRST, CLUSTERS, opened={"ledger.md"})
    assert paths(folded.rows) == ["ferry.md", "ledger.md", "wire.md", "signal.md"]
    assert folded.copies == {"wire.md": "ledger.md", "signal.md": "ledger.md"}
    # The copies sit under their first row's day heading, not their own.
    assert folded.days() == ["2025-06-03", "2025-06-02", "2025-06-02", "2025-06-02"]


def test_copies_the_list_leaves_out_are_not_counted():
    folded = fold_clusters([THIRD, OTHER, SECOND], CLUSTERS)  # a filter left out the first
    assert paths(folded.rows) == ["ferry.md", "wire.md"]
    assert folded.others == {"wire.md": 1}
    alone = fold_clusters([THIRD, OTHER], CLUSTERS)
    assert paths(alone.rows) == ["signal.md", "ferry.md"] and not alone.others


def test_without_clusters_the_list_is_unchanged():
    assert fold_clusters(NEWEST_FIRST, None).rows is NEWEST_FIRST


def test_a_search_view_folds_as_its_rows_do_and_stays_a_view():
    from digest_tui.search import Library, SortOrder

    view = Library.of(NEWEST_FIRST).matching("zephyr drone").sorted_by(SortOrder.RELEVANCE)
    folded = fold_clusters(view, CLUSTERS)
    plain = fold_clusters(list(view.articles), CLUSTERS)
    assert paths(folded.rows) == paths(plain.rows) == ["ledger.md"]
    assert folded.others == plain.others == {"ledger.md": 2}
    assert folded.hidden == plain.hidden == {"wire.md", "signal.md"}
    opened = fold_clusters(view, CLUSTERS, opened={"ledger.md"})
    assert paths(opened.rows) == ["ledger.md", "wire.md", "signal.md"]


VERBS = ("unveils", "launches", "debuts", "shows off")
SOURCES = ("Daily Ledger", "Orbital Wire", "The Signal", "Metro Post")


def story_articles(copies: list[int]) -> list[Article]:
    """Story `k` told `copies[k]` times by different publishers, a day apart, and an
    unrelated article after each story."""
    made = []
    for story, count in enumerate(copies):
        for copy in range(count):
            title = f"Northwind {VERBS[copy]} Zephyr {story + 2} drone"
            made.append(
                article(f"s{story}-{copy}.md", title, 100 * story + 20 * copy, SOURCES[copy])
            )
        made.append(
            article(f"ferry{story}.md", f"Ferry timetable {story + 2} for summer", 100 * story + 90)
        )
    return made


@settings(max_examples=60, deadline=None)
@given(
    copies=st.lists(st.integers(1, 4), min_size=1, max_size=6),
    query=st.sampled_from(["", "drone", "zephyr 3", "launches", "ferry", "northwind debuts"]),
    opened_stories=st.sets(st.integers(0, 5)),
)
def test_a_search_view_of_any_stories_folds_as_its_rows_do(copies, query, opened_stories):
    from digest_tui.search import Library, SortOrder

    articles = story_articles(copies)
    clusters = story_clusters(articles)
    order = SortOrder.RELEVANCE if query else SortOrder.NEWEST
    view = Library.of(articles).matching(query).sorted_by(order)
    opened = {
        clusters.cluster_of(f"s{story}-0.md") for story in opened_stories if story < len(copies)
    } - {None}
    folded = fold_clusters(view, clusters, opened)
    plain = fold_clusters(list(view.articles), clusters, opened)
    assert paths(folded.rows) == paths(plain.rows)
    assert folded.others == plain.others
    assert folded.copies == plain.copies
    assert set(folded.hidden) == set(plain.hidden)
    assert all(path in folded.hidden for path in plain.hidden)
