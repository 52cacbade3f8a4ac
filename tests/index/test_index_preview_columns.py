"""A first run's preview is gathered as columns: it lists, reads and orders exactly as the
same articles in a plain list would, whatever values a batch holds."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from digest_tui.article_columns import (
    TEXT_FIELDS,
    ArticleColumns,
    FloatColumn,
    PickedColumn,
    TextColumn,
    TextColumnBuilder,
    column_of,
    newest_first_order,
)
from digest_tui.column_building import ColumnsBuilder
from digest_tui.index import ArticleIndex
from digest_tui.model import Article
from digest_tui.search import Library, SortOrder

ODD_TEXT = ("plain", "", "ünïcödé · 記事", "emoji 📰", "lone \udc80 surrogate", "tab\there")


def _article(number: int, **fields: object) -> Article:
    values: dict = {
        "path": f"{2020 + number % 3}/post-{number:03}.md",
        "title": f"Title {number} {ODD_TEXT[number % len(ODD_TEXT)]}",
        "date": f"2025-01-{1 + number % 5:02}",
        "timestamp": 1_700_000_000.0 + (number % 5) * 86_400,
        "tags": (("AI", "chips"), (), ("energy",))[number % 3],
        "description": ODD_TEXT[(number + 1) % len(ODD_TEXT)],
        "draft": number % 4 == 0,
        "source_name": ("Wire", "")[number % 2],
        "source_url": f"https://example.org/{number}",
        "categories": ("Science",) if number % 2 else (),
    }
    values.update(fields)
    return Article(**values)


def _gathered(batches: list[list[Article]], newest_first: bool = False):
    builder = ColumnsBuilder(TEXT_FIELDS)
    for batch in batches:
        builder.add(tuple(zip(*batch, strict=True)) if batch else ())
    return builder.built(newest_first=newest_first)


def _listing_order(articles: list[Article]) -> list[Article]:
    """What the index lists: newest first, undated last, ties in path order."""
    by_path = sorted(articles, key=lambda a: a.path)
    dated = sorted((a for a in by_path if a.timestamp is not None), key=lambda a: -a.timestamp)
    return dated + [a for a in by_path if a.timestamp is None]


def test_gathered_batches_read_as_the_articles_they_hold():
    articles = [_article(number) for number in range(23)]
    gathered = _gathered([articles[:10], [], articles[10:]])
    assert isinstance(gathered, ArticleColumns)
    assert list(gathered) == articles and gathered[7] == articles[7]
    assert isinstance(column_of(gathered, "title"), TextColumn)
    assert isinstance(column_of(gathered, "tags"), PickedColumn)
    assert isinstance(column_of(gathered, "path"), TextColumn)
    assert isinstance(column_of(gathered, "timestamp"), FloatColumn)


def test_values_no_text_column_can_hold_keep_the_column_plain_and_exact():
    articles = [_article(number) for number in range(12)]
    articles[3] = articles[3]._replace(date=None, timestamp=None)  # an undated post
    articles[9] = articles[9]._replace(title="a NUL \x00 inside")
    gathered = _gathered([articles[:6], articles[6:]])
    assert list(gathered) == articles
    assert not isinstance(column_of(gathered, "title"), TextColumn)


def test_an_unhashable_value_keeps_a_repeating_column_plain_and_exact():
    articles = [_article(number) for number in range(8)]
    articles[5] = articles[5]._replace(tags=["not", "a", "tuple"])  # type: ignore[arg-type]
    gathered = _gathered([articles[:4], articles[4:]])
    assert list(column_of(gathered, "tags")) == [a.tags for a in articles]


def test_gathered_newest_first_is_the_order_the_index_lists():
    articles = [_article(number) for number in range(30)]
    articles[4] = articles[4]._replace(date=None, timestamp=None)
    articles[17] = articles[17]._replace(date=None, timestamp=None)
    gathered = _gathered([articles[::2], articles[1::2]], newest_first=True)
    assert list(gathered) == _listing_order(articles[::2] + articles[1::2])


def test_a_builder_starts_empty_again_once_it_hands_its_articles_over():
    builder = ColumnsBuilder(TEXT_FIELDS)
    builder.add(tuple(zip(*[_article(1), _article(2)], strict=True)))
    assert len(builder.built()) == 2
    assert len(builder.built()) == 0


def test_reordering_columns_moves_every_kind_of_column_alike():
    articles = [_article(number) for number in range(40)]
    gathered = _gathered([articles])
    order = [39, 0, 17, 17, 5, *range(6, 12)]
    assert list(gathered.reordered(order)) == [articles[number] for number in order]
    assert gathered.reordered([]) == []


def test_text_built_in_batches_reads_back_as_written_and_refuses_a_nul():
    column = TextColumnBuilder()
    assert column.add(list(ODD_TEXT[:3]))
    assert column.add([])
    assert column.add(list(ODD_TEXT[3:]))
    assert not column.add(["fine", "not\x00fine"])
    assert not column.add(["fine", None])  # type: ignore[list-item]
    assert list(column.built()) == list(ODD_TEXT)


def test_newest_first_order_puts_undated_last_and_breaks_ties_by_path():
    paths = ["b.md", "a.md", "c.md", "d.md", "e.md"]
    stamps = [5.0, 5.0, None, 9.0, None]
    assert newest_first_order(paths, stamps) == [3, 1, 0, 2, 4]


STAMPS = st.none() | st.sampled_from([0.0, -0.0, 1.5, 86_400.0, -3e9]) | st.floats(-1e12, 1e12)


@given(
    st.lists(
        st.tuples(st.text(st.characters(exclude_characters="\x00"), max_size=4), STAMPS),
        max_size=60,
    )
)
def test_newest_first_order_is_one_sort_by_stamp_then_path(rows):
    """Any stamps (ties, none, zeros of both signs) and paths (repeated ones too): the order
    of one sort, newest first, undated last, then by path, then as listed."""
    paths = [path for path, _ in rows]
    stamps = [stamp for _, stamp in rows]

    def key(row: int) -> tuple:
        stamp = stamps[row]
        return (stamp is None, -stamp if stamp is not None else 0.0, paths[row], row)

    expected = sorted(range(len(rows)), key=key)
    assert newest_first_order(paths, stamps) == expected
    assert newest_first_order(TextColumn.of(paths), FloatColumn.of(stamps)) == expected


def test_a_first_runs_preview_comes_in_the_order_the_index_will_list(content: Path, tmp_path: Path):
    for number in range(30):
        day = f"2025-0{1 + number % 3}-1{number % 7}"  # several posts share a day
        path = content / f"{number % 4}" / f"post-{number:02}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"---\ntitle: Post {number}\ndate: {day}\n---\nBody.\n", "utf-8")
    (content / "undated.md").write_text("# No date here\n", encoding="utf-8")
    shown: list = []
    with ArticleIndex(content, tmp_path / "i.db", workers=2, pool_threshold=5) as index:
        index.refresh(on_preview=shown.append)
        listed = [article.path for article in index.cached()[0]]
    assert [article.path for article in shown[0]] == listed
    library = Library.of(shown[0])
    assert [a.path for a in library.sorted_by(SortOrder.NEWEST).articles] == listed
