"""Story clusters: rewrites of one story are found, look-alikes are kept apart."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from benchmarks.story_corpus import pair_scores, story_corpus
from digest_tui.clusters import Clusters, story_clusters
from digest_tui.clusters import clusters as clusters_module
from digest_tui.clusters.clusters import clusters_near
from digest_tui.loading import load_folder
from digest_tui.model import Article

DAY = datetime(2025, 6, 2, 9, tzinfo=UTC)
FILLER = [
    Article(f"filler-{n}.md", title, timestamp=(DAY + timedelta(hours=n)).timestamp())
    for n, title in enumerate(
        [
            "Rainfall sets a record across the northern valleys",
            "City council approves a new cycling network",
            "Museum reopens its medieval wing after repairs",
            "Local bakery wins a national sourdough prize",
            "Ferry timetable changes for the summer season",
            "University opens applications for evening courses",
        ]
    )
]


def article(path: str, title: str, hours: float = 0, **fields) -> Article:
    when = DAY + timedelta(hours=hours)
    return Article(path, title, date=when.isoformat(), timestamp=when.timestamp(), **fields)


def together(*articles: Article) -> bool:
    clusters = story_clusters([*articles, *FILLER])
    found = {clusters.cluster_of(a.path) for a in articles}
    return len(found) == 1 and None not in found


REWRITES = [
    ("Northwind unveils Zephyr 2 drone", "Report: Northwind unveils Zephyr 2 drone"),
    ("Northwind unveils Zephyr 2 drone", "Northwind launches Zephyr 2 drone, report says"),
    ("Northwind unveils Zephyr 2 drone", "Northwind debuts Zephyr 2 drone - Daily Ledger"),
    ("Northwind unveils Zephyr 2 drone", "Zephyr 2 drone unveiled by Northwind (Orbital Wire)"),
    ("Northwind unveils Zephyr 2 drone", "NORTHWIND UNVEILS ZEPHYR 2 DRONE!"),
    (
        "Northwind unveils Zephyr 2 drone",
        "Exclusive: Northwind Introduces Zephyr 2 Drone | The Signal",
    ),
    (
        "Tessaly Bank buys Cobalt payments app",
        "Tessaly Bank acquires Cobalt payments app, sources say",
    ),
    ("Kettleby recalls Aurora battery packs", "Kettleby recalled the Aurora battery pack"),
]


@pytest.mark.parametrize(("first", "second"), REWRITES)
def test_rewrites_of_a_headline_are_one_story(first, second):
    assert together(article("a.md", first), article("b.md", second, hours=20))


def test_the_publishers_own_name_in_a_title_is_not_a_difference():
    plain = article("a.md", "Kettleby recalls Aurora battery packs in Norway")
    named = article(
        "b.md",
        "Greenline: Kettleby recalls Aurora battery packs in Norway",
        5,
        source_name="Greenline",
    )
    assert together(plain, named)


LOOKALIKES = [
    ("Northwind unveils Zephyr 2 drone", "Northwind unveils Halo VR headset"),
    ("Announcing Rust 1.79.0", "Announcing Rust 1.80.0"),
    ("Northwind cuts price of Zephyr drone by 10%", "Northwind cuts price of Zephyr drone by 25%"),
    ("Northwind unveils the iPad Air", "Northwind unveils the MacBook Air"),
    ("Ada Lindqvist named chief of Northwind", "Tomas Okafor named chief of Northwind"),
    ("Northwind unveils Zephyr 2 drone", "Northwind recalls Zephyr 2 drone"),
    ("This Week in Servo 46", "This Week in Servo 47"),
    ("Weekly notes", "Weekly notes"),
]


@pytest.mark.parametrize(("first", "second"), LOOKALIKES)
def test_lookalike_headlines_are_other_stories(first, second):
    assert not together(article("a.md", first), article("b.md", second, hours=20))


PRESS = (
    "The company said on Tuesday that its new cargo drone will carry parcels between "
    "the islands from next spring, after two years of trials over open water."
)


def test_shared_text_makes_one_story_of_differently_titled_copies():
    first = article(
        "a.md", "Northwind unveils Zephyr 2 drone", description=PRESS, source_name="Daily Ledger"
    )
    second = article(
        "b.md",
        "Parcels will fly between the islands",
        30,
        description=PRESS,
        source_name="Orbital Wire",
    )
    assert together(first, second)


def test_one_blogs_tagline_does_not_make_its_posts_one_story():
    tagline = "Notes from a small team building developer tools in the open, every week."
    first = article("a.md", "Why we rewrote the parser", description=tagline)
    second = article("b.md", "Our new release process", 24, description=tagline)
    assert not together(first, second)


def test_copies_must_be_published_within_three_days():
    first = article("a.md", "Northwind unveils Zephyr 2 drone")
    assert together(first, article("b.md", "Northwind launches Zephyr 2 drone", hours=70))
    assert not together(first, article("b.md", "Northwind launches Zephyr 2 drone", hours=80))


def test_undated_articles_stand_alone():
    dated = article("a.md", "Northwind unveils Zephyr 2 drone")
    undated = Article("b.md", "Northwind unveils Zephyr 2 drone")
    clusters = story_clusters([dated, undated])
    assert clusters.cluster_of("a.md") is None and clusters.cluster_of("b.md") is None


def test_a_cluster_is_named_by_its_earliest_article_and_lists_it_first():
    later = article("z-later.md", "Northwind launches Zephyr 2 drone", 30)
    earliest = article("m-first.md", "Report: Northwind unveils Zephyr 2 drone")
    middle = article("a-middle.md", "Northwind debuts Zephyr 2 drone", 10)
    clusters = story_clusters([later, earliest, middle, *FILLER])
    assert clusters.cluster_of("a-middle.md") == "m-first.md"
    assert clusters.members("m-first.md") == ("m-first.md", "a-middle.md", "z-later.md")
    assert len(clusters) == 1 and clusters.clustered == 3


def followed(
    clusters: Clusters,
    before: list[Article],
    added: list[Article] | tuple[()] = (),
    changed: list[Article] | tuple[()] = (),
    removed: list[str] | tuple[()] = (),
) -> tuple[Clusters, list[Article]]:
    """`clusters` of the folder `before` after a change, as the reader follows it, and the
    folder's articles after it."""
    gone = {*removed, *(a.path for a in changed)}
    edits = {a.path: a for a in changed}
    after = [edits.get(a.path, a) for a in before if a.path not in removed] + list(added)
    replaced = [a for a in before if a.path in gone]
    return clusters.with_changes(after, added, changed, removed, replaced), after


def test_changes_follow_arrivals_edits_and_removals():
    first = article("a.md", "Northwind unveils Zephyr 2 drone")
    folder = [first, *FILLER]
    clusters = story_clusters(folder)
    assert clusters.cluster_of("a.md") is None
    copy = article("b.md", "Northwind launches Zephyr 2 drone", 5)
    clusters, folder = followed(clusters, folder, added=[copy])
    assert clusters.cluster_of("b.md") == "a.md"
    edited = article("b.md", "Northwind opens a new office in Oslo", 5)
    assert followed(clusters, folder, changed=[edited])[0].cluster_of("a.md") is None
    assert followed(clusters, folder, removed=["a.md"])[0].cluster_of("b.md") is None


def test_removing_one_copy_keeps_the_rest_together():
    copies = [
        article(f"{n}.md", title, n)
        for n, title in enumerate(
            [
                "Northwind unveils Zephyr 2 drone",
                "Northwind launches Zephyr 2 drone",
                "Northwind debuts Zephyr 2 drone",
                "Report: Northwind introduces Zephyr 2 drone",
            ]
        )
    ]
    folder = [*copies, *FILLER]
    clusters, _ = followed(story_clusters(folder), folder, removed=["0.md"])
    assert clusters.members("1.md") == ("1.md", "2.md", "3.md")


def test_following_changes_ends_close_to_clustering_afresh():
    # Pairs decided as articles arrive weigh words by the folder as it was then, so a
    # few borderline pairs may differ from a fresh start; the clusters barely do.
    articles, truth = story_corpus(seed=11)
    ordered = sorted(articles, key=lambda a: a.path)
    start, rest = ordered[: len(ordered) // 2], ordered[len(ordered) // 2 :]
    clusters, folder = story_clusters(start), start
    for number in range(0, len(rest), 8):  # arrivals in small batches, as a watcher sends
        clusters, folder = followed(clusters, folder, added=rest[number : number + 8])
    kept, fresh = _pairs(clusters), _pairs(story_clusters(articles))
    assert len(kept & fresh) >= 0.95 * len(kept | fresh)
    precision, recall = pair_scores(truth, clusters.cluster_of)
    assert precision >= 0.9 and recall >= 0.9


@pytest.mark.parametrize("seed", [3, 7])
def test_a_few_removals_and_edits_end_where_clustering_afresh_does(seed):
    # Few enough that the clusters are followed, not built again: the rest of each cluster
    # that lost an article is linked anew among the articles near it, and the replaced
    # headlines' words stop counting.
    articles, _truth = story_corpus(seed)
    first = story_clusters(articles)
    bridged = [group for group in first if len(group) >= 3][:4]
    removed = [group[len(group) // 2] for group in bridged]
    by_path = {a.path: a for a in articles}
    edited_from = by_path[bridged[-1][0]]
    edited = edited_from._replace(
        title="Harbour authority repaints the lighthouse", description="Red and white again."
    )
    clusters, after = followed(first, articles, changed=[edited], removed=removed)
    assert len(removed) + 1 < len(articles) // clusters_module.REBUILD_SHARE  # not rebuilt
    assert _pairs(clusters) == _pairs(story_clusters(after))
    assert clusters.cluster_of(edited.path) is None


def _pairs(clusters: Clusters) -> set[tuple[str, str]]:
    return {(a, b) for group in clusters for a in group for b in group if a < b}


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_precision_and_recall_on_planted_rewrites_and_lookalikes(seed):
    articles, truth = story_corpus(seed)
    precision, recall = pair_scores(truth, story_clusters(articles).cluster_of)
    assert precision >= 0.9, precision
    assert recall >= 0.9, recall


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("big_folder_way", [False, True])
def test_clustering_only_the_articles_near_a_few_gives_them_their_whole_clusters(
    seed, big_folder_way, monkeypatch
):
    if big_folder_way:  # the times compared all at once, as for a folder of a million
        monkeypatch.setattr(clusters_module, "_VECTOR_FROM", 0)
    articles, _truth = story_corpus(seed)
    whole = story_clusters(articles)
    rng = random.Random(seed)
    chosen = rng.sample(articles, 6)  # spread over the corpus's months
    near = clusters_near(articles, chosen)
    assert [near.cluster_of(a.path) for a in chosen] == [whole.cluster_of(a.path) for a in chosen]
    assert any(whole.cluster_of(a.path) for a in chosen)  # the check saw some copies
    assert len(list(near)) < len(list(whole))  # and left far-off stories out


CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared/corpus/real beside the repository")
def test_real_blogs_cluster_only_their_one_copied_post():
    # 21 blogs' posts: release notes, series and translations that look alike are other
    # stories; one post is kept twice in one theme's repository.
    report = load_folder(CORPUS)
    groups = [
        sorted(report_titles(report.articles, group)) for group in story_clusters(report.articles)
    ]
    assert groups == [["How to connect AstroPaper blog with Forestry CMS"] * 2]


def report_titles(articles: list[Article], paths: tuple[str, ...]) -> list[str]:
    titles = {article.path: article.title for article in articles}
    return [titles[path] for path in paths]


def test_a_pasted_page_as_a_title_or_description_is_compared_in_part():
    page = "Northwind unveils Zephyr 2 drone " + "and more words " * 20_000
    long = article("a.md", page, description=page)
    copy = article("b.md", "Northwind launches Zephyr 2 drone", 5, description=page)
    assert together(long, copy)


@pytest.mark.parametrize("big_folder_way", [False, True])
def test_an_undated_article_is_near_none_of_the_chosen(big_folder_way, monkeypatch):
    if big_folder_way:
        monkeypatch.setattr(clusters_module, "_VECTOR_FROM", 0)
    articles, _truth = story_corpus(1)
    undated = articles[0]._replace(path="undated/copy.md", date=None, timestamp=None)
    near = clusters_near([*articles, undated], articles[:3])
    assert near.cluster_of("undated/copy.md") is None
    assert all("undated/copy.md" not in group for group in near)


def test_edits_followed_one_by_one_weigh_words_as_a_fresh_start_does():
    # An article far from a story, edited back and forth between that story's headline
    # and its own, must count that headline's words once, not once per edit: a copy of
    # the story arriving afterwards is then judged as a fresh start judges it.
    story = [article(f"s{n}.md", "Northwind unveils Zephyr 2 drone", n) for n in range(2)]
    far = [
        article(f"f{n}.md", f"Harbour notice number {n} for the week", 24 * 30 + n)
        for n in range(60)
    ]
    folder = [*story, *FILLER, *far]
    clusters = story_clusters(folder)
    own = far[0]
    borrowed = own._replace(title=story[0].title)
    for _ in range(40):
        clusters, folder = followed(clusters, folder, changed=[borrowed])
        clusters, folder = followed(clusters, folder, changed=[own])
    copy = article("copy.md", "Northwind launches Zephyr 2 drone for Oslo harbour patrols", 3)
    clusters, folder = followed(clusters, folder, added=[copy])
    assert _pairs(clusters) == _pairs(story_clusters(folder))
    assert clusters.cluster_of("copy.md") == "s0.md"


@pytest.mark.parametrize("seed", [1, 4])
@pytest.mark.parametrize("segment", [1, 7, 50])
@pytest.mark.parametrize("most_ahead", [400, 3])
def test_linking_a_segment_at_a_time_finds_what_linking_all_at_once_finds(
    seed, segment, most_ahead, monkeypatch
):
    # A million stories are linked a segment at a time, so that they never coexist; the
    # pairs near a segment's edges reach into the stories before and after it.
    from digest_tui.clusters import blocking

    articles, _truth = story_corpus(seed)
    same_hour = [a._replace(timestamp=(a.timestamp or 0) // 3600 * 3600) for a in articles]
    monkeypatch.setattr(blocking, "MOST_AHEAD", most_ahead)
    monkeypatch.setattr(clusters_module, "MOST_AHEAD", most_ahead)
    for folder in (articles, same_hour):
        whole = _pairs(story_clusters(folder))
        monkeypatch.setattr(clusters_module, "SEGMENT", segment)
        assert _pairs(story_clusters(folder)) == whole
        monkeypatch.setattr(clusters_module, "SEGMENT", 10**6)
