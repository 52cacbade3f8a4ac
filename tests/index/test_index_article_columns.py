"""A warm start keeps the cached articles as columns: they read, search and count exactly
as the same articles in a plain list do."""

from __future__ import annotations

from array import array
from collections import Counter
from pathlib import Path

import pytest
from stored_articles import from_table

from digest_tui import article_columns
from digest_tui.article_columns import (
    ArticleColumns,
    FloatColumn,
    PickedColumn,
    TextColumn,
    column_of,
)
from digest_tui.facets import count_facet
from digest_tui.index import ArticleIndex
from digest_tui.search import Library, SortOrder

TAGS = (("AI", "chips"), ("energy",), ("ai", "Energy"), (), ("chips",))
SOURCES = ("Orbital Wire", "", "Servo Times")

pytestmark = pytest.mark.usefixtures("both_set_builders")


def _post(number: int) -> str:
    tags = ", ".join(f'"{tag}"' for tag in TAGS[number % len(TAGS)])
    day = f"2025-{1 + number % 12:02}-{1 + number % 27:02}"
    date_line = "" if number % 9 == 4 else f"pubDatetime: {day}T0{number % 10}:00:00Z\n"
    draft = "draft: true\n" if number % 7 == 3 else ""
    source = SOURCES[number % len(SOURCES)]
    source_line = f"**Source:** [{source}](https://www.site{number % 4}.example/{number})\n"
    return (
        f'---\ntitle: "Solar kite {number} and quantum chips"\n{date_line}{draft}'
        f"tags: [{tags}]\ncategories: [{'Science' if number % 2 else 'Business'}]\n"
        f'description: "Battery note {number}"\n---\nBody words for {number}.\n\n'
        + (source_line if source else "")
    )


@pytest.fixture
def stored(tmp_path: Path) -> tuple[ArticleColumns, list]:
    """The folder's articles as a warm start reads them, and the same from the table."""
    folder = tmp_path / "content"
    for number in range(40):
        path = folder / f"{2024 + number % 2}" / f"post-{number:02}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_post(number), encoding="utf-8")
    with ArticleIndex(folder, workers=1) as index:
        index.refresh(fulltext=False)
        articles, _ = index.cached()
        plain = from_table(index)
    assert isinstance(articles, ArticleColumns), "a warm start keeps the stored columns"
    return articles, plain


def test_stored_articles_read_as_the_list_they_stand_for(stored):
    articles, plain = stored
    assert len(articles) == len(plain) == 40
    assert articles == plain and plain == articles
    assert [articles[number] for number in range(40)] == plain
    assert articles[-1] == plain[-1] and articles[5:9] == plain[5:9]
    assert list(articles) == plain
    assert list(column_of(articles, "tags")) == [article.tags for article in plain]
    assert list(column_of(articles, "draft")) == [article.draft for article in plain]
    with pytest.raises(IndexError):
        articles[40]


QUERIES = (
    "kite",
    "quantum chi",
    "chisp",
    "qntm",
    "source:orbital",
    "chips -tag:energy",
    "tag:ai",
    "k",
    "energy",  # in tags alone: the tag fields answer
    "en",
)


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("order", list(SortOrder))
def test_searching_stored_columns_finds_what_a_plain_list_finds(stored, query, order):
    articles, plain = stored
    views = [Library.of(listed).matching(query).sorted_by(order) for listed in (articles, plain)]
    listed = [a.path for a in views[1].articles]
    assert listed, f"{query!r} matches some of the articles"
    assert [a.path for a in views[0].articles] == listed


def test_stored_columns_count_tags_facets_and_days_as_a_plain_list(stored):
    articles, plain = stored
    every = [Library.of(listed).with_drafts(True) for listed in (articles, plain)]
    assert every[0].tag_counts() == every[1].tag_counts()
    for facet in ("categories", "sources", "years"):
        # count_facet reads each Article's own fields: a second way to the same counts.
        assert every[0].facet_counts(facet) == count_facet(plain, facet)
        assert every[1].facet_counts(facet) == count_facet(plain, facet)
    assert every[0].day_counts() == Counter(article.day for article in plain if article.day)
    tagged = [library.tagged("energy").dated(None, None) for library in every]
    assert list(tagged[0].articles) == list(tagged[1].articles)


@pytest.mark.parametrize("big_folder_way", [False, True])
def test_splicing_columns_keeps_every_row_and_reads_new_ones(stored, big_folder_way, monkeypatch):
    if big_folder_way:  # runs of rows moved as a million would be
        monkeypatch.setattr(article_columns, "_MOVED_IN_C_FROM", 0)
    articles, plain = stored
    # More new tag lists than a byte can number: the picked rows must widen, not wrap.
    arrivals = [
        plain[0]._replace(path=f"new/{number:03}.md", tags=(f"tag {number}",))
        for number in range(300)
    ]
    spliced = articles.spliced([range(0, 10), arrivals, range(15, 40)])
    assert len(spliced) == 10 + 300 + 25
    assert list(spliced) == plain[:10] + arrivals + plain[15:]
    assert spliced[309].tags == ("tag 299",) and spliced[310] == plain[15]
    assert list(column_of(spliced, "tags"))[:10] == [article.tags for article in plain[:10]]
    assert articles == plain, "the columns spliced from are unchanged"


ODD_TEXT = ["", "plain", "naïve café", "東京 ☀︎", "lone \udcff surrogate", "", "emoji 🛰 end"]


def test_text_columns_read_every_row_slice_and_run_as_written():
    column = TextColumn.of(ODD_TEXT * 1000)  # more rows than one decoded run
    expected = ODD_TEXT * 1000
    assert len(column) == len(expected)
    assert list(column) == expected
    assert [column[i] for i in (0, 3, 4, 6999, -1, -7000)] == [
        expected[i] for i in (0, 3, 4, 6999, -1, -7000)
    ]
    for window in (
        slice(2, 5),
        slice(None, None, 3),
        slice(9, 1, -2),
        slice(5, 5),
        slice(-3, None),
    ):
        assert column[window] == expected[window]
    with pytest.raises(IndexError):
        column[7000]
    with pytest.raises(IndexError):
        column[-7001]


def test_a_text_column_finds_the_row_of_a_value_by_its_bytes():
    values = [
        "a/b.md",
        "",
        "b.md",
        "a/b.md.bak",
        "x/a/b.md",
        "東京/記事.md",
        "lone \udcff.md",
        "b.md",
    ]
    column = TextColumn.of(values)
    for value in set(values):
        assert column.row_of(value) == values.index(value), value
    for stranger in ("a/b", "b", "md", "/b.md", "a/b.md\x00", "記事.md", "zz"):
        assert column.row_of(stranger) is None, stranger
    assert TextColumn.of([]).row_of("") is None


def test_a_list_finds_where_an_article_is_listed_as_reading_every_path_would(stored):
    articles, plain = stored
    views = [
        Library.of(listed).with_drafts(True).sorted_by(SortOrder.TITLE).articles
        for listed in (articles, plain)
    ]
    for listed in (articles, plain, *views):
        paths = [article.path for article in listed]
        for place in (0, 7, len(paths) - 1):
            assert article_columns.index_of_path(listed, paths[place]) == place
        with pytest.raises(ValueError):
            article_columns.index_of_path(listed, "2024/no-such-post.md")


STAMPS = [1.7e9, None, 0.0, -86400.5, None, 1.7e9]


def test_float_columns_read_missing_values_as_none_everywhere():
    column = FloatColumn.of(STAMPS * 1000)  # more rows than one converted run
    expected = STAMPS * 1000
    assert len(column) == len(expected)
    assert list(column) == expected
    assert [column[i] for i in (0, 1, 4, 5999, -1, -5)] == [
        expected[i] for i in (0, 1, 4, 5999, -1, -5)
    ]
    assert column[2:7] == expected[2:7] and column[::-997] == expected[::-997]
    assert int(column.as_numpy().size) == 6000
    with pytest.raises(IndexError):
        column[6000]


def test_stored_dates_splice_and_reorder_with_undated_articles(stored):
    articles, plain = stored
    assert None in [article.timestamp for article in plain], "some posts have no date"
    arrivals = [
        plain[0]._replace(path="new/undated.md", timestamp=None),
        plain[0]._replace(path="new/dated.md", timestamp=1.75e9),
    ]
    spliced = articles.spliced([range(0, 3), arrivals, range(3, 40)])
    expected = plain[:3] + arrivals + plain[3:]
    assert list(column_of(spliced, "timestamp")) == [a.timestamp for a in expected]
    assert list(spliced) == expected
    backwards = spliced.reordered(range(len(expected) - 1, -1, -1))
    assert [a.timestamp for a in backwards] == [a.timestamp for a in reversed(expected)]


def test_splicing_a_text_column_keeps_odd_new_values(stored):
    articles, plain = stored
    arrivals = [
        plain[0]._replace(path="new/a.md", title="Ünïcode \udcff title"),
        plain[0]._replace(path="new/b.md", title="a NUL\x00inside"),
    ]
    spliced = articles.spliced([range(0, 5), arrivals, range(5, 40)])
    assert list(column_of(spliced, "title")) == [
        article.title for article in plain[:5] + arrivals + plain[5:]
    ]
    spliced_again = spliced.spliced([range(0, 5), range(7, 42)])
    assert list(spliced_again) == plain


def test_a_text_column_whose_ends_cut_a_character_reads_without_failing():
    column = TextColumn.of(["café", "naïve"])
    cut = TextColumn(column.data, array("B", [4, len(column.data)]))  # inside "é"
    assert len(list(cut)) == 2 and len(cut[0:2]) == 2
    assert cut[0] == "caf"
    assert cut[1].startswith("\ufffd") and cut[1].endswith("naïve")


REPEATED_TITLES = (
    "Solar kite sets a record",
    "Quantum chips ship early",
    "Kite makers meet in Oslo",
    "Battery plant opens",
)


@pytest.mark.parametrize("query", ["kite", "k", "ki", "quantum chi", "qntm", "title:plant"])
def test_searching_titles_stored_once_per_distinct_value_finds_what_a_list_finds(
    tmp_path: Path, query: str
):
    folder = tmp_path / "content"
    folder.mkdir()
    for number in range(48):
        title = REPEATED_TITLES[number % len(REPEATED_TITLES)]
        (folder / f"post-{number:02}.md").write_text(
            f'---\ntitle: "{title}"\npubDatetime: 2025-01-{1 + number % 27:02}T00:00:00Z\n---\n'
            f"Body {number}.\n",
            encoding="utf-8",
        )
    with ArticleIndex(folder, workers=1) as index:
        index.refresh(fulltext=False)
        articles, _ = index.cached()
        plain = from_table(index)
    assert isinstance(column_of(articles, "title"), PickedColumn), "titles repeat, stored once"
    views = [Library.of(listed).matching(query) for listed in (articles, plain)]
    listed = [a.path for a in views[1].articles]
    assert listed, f"{query!r} matches some of the articles"
    assert [a.path for a in views[0].articles] == listed
