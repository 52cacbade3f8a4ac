"""A first refresh shows a quick list of the whole folder before the full parse finishes."""

from __future__ import annotations

from pathlib import Path

from digest_tui.column_building import ColumnsBuilder
from digest_tui.index import ArticleIndex
from digest_tui.index.preview import preview_chunk
from digest_tui.loading.preview import PREVIEW_FIELDS
from digest_tui.model import Article


def shown(articles: list[Article]) -> list[tuple]:
    """What a preview shows of each article, in path order (the reader sorts the list)."""
    values = [tuple(getattr(a, name) for name in PREVIEW_FIELDS) for a in articles]
    return sorted(values, key=lambda value: value[0])


def articles_of(columns: tuple) -> list[Article]:
    """The articles a batch of preview columns holds, as the preview stream gathers them."""
    gathered = ColumnsBuilder(text_fields={"title", "path"})
    gathered.add(columns)
    return list(gathered.built())


def many_articles(write_article, content: Path, count: int = 30) -> Path:
    for number in range(count):
        write_article(f"{2000 + number % 3}/post-{number:02}.md", f"Post {number}", tags=("a", "b"))
    (content / "broken.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    (content / "toml.md").write_text("+++\ntitle = 'Toml'\n+++\nBody\n", encoding="utf-8")
    return content


def refresh_recording(index: ArticleIndex) -> tuple[list[list[Article]], object]:
    previews: list[list[Article]] = []
    result = index.refresh(on_preview=previews.append)
    return previews, result


def test_a_first_refresh_previews_every_article_it_will_list(write_article, content, tmp_path):
    many_articles(write_article, content)
    with ArticleIndex(content, tmp_path / "i.db", workers=2, pool_threshold=5) as index:
        previews, result = refresh_recording(index)
        assert len(previews) == 1
        assert shown(previews[0]) == shown(index.cached()[0])
        assert len(previews[0]) == 31  # the file with a problem is not listed
    assert not result.stopped


def test_the_stored_index_is_the_same_with_or_without_a_preview(write_article, content, tmp_path):
    many_articles(write_article, content)
    with ArticleIndex(content, tmp_path / "a.db", workers=2, pool_threshold=5) as index:
        refresh_recording(index)
        with_preview = index.cached()
    with ArticleIndex(content, tmp_path / "b.db", workers=2, pool_threshold=5) as index:
        index.refresh()
        without = index.cached()
    assert with_preview == without
    assert any(a.words for a in with_preview[0])  # the full parse filled what previews lack


def test_one_process_previews_the_same_list(write_article, content, tmp_path):
    many_articles(write_article, content)
    with ArticleIndex(content, tmp_path / "a.db", workers=1, pool_threshold=5) as index:
        previews, _ = refresh_recording(index)
        assert shown(previews[0]) == shown(index.cached()[0])


def test_an_unchanged_folder_or_a_small_change_shows_no_preview(write_article, content, tmp_path):
    many_articles(write_article, content)
    with ArticleIndex(content, tmp_path / "i.db", workers=2, pool_threshold=5) as index:
        index.refresh()
        assert refresh_recording(index)[0] == []
        for number in range(6):  # more than the threshold, but far from half the folder
            write_article(f"2001/new-{number}.md", f"New {number}")
        previews, result = refresh_recording(index)
        assert previews == [] and len(result.added) == 6


def test_few_files_to_parse_show_no_preview(write_article, content, tmp_path):
    many_articles(write_article, content, count=3)  # five files to parse
    with ArticleIndex(content, tmp_path / "i.db", pool_threshold=5) as index:
        previews, result = refresh_recording(index)
    assert previews == [] and len(result.articles) == 4


def test_a_mostly_changed_folder_previews_kept_articles_first(write_article, content, tmp_path):
    many_articles(write_article, content)
    with ArticleIndex(content, tmp_path / "i.db", workers=2, pool_threshold=5) as index:
        index.refresh()
        for number in range(20):
            write_article(f"{2000 + number % 3}/post-{number:02}.md", f"Changed {number}")
        (content / "2000" / "post-21.md").unlink()
        previews, result = refresh_recording(index)
        assert len(previews) == 1
        assert shown(previews[0]) == shown(index.cached()[0])
        titles = [a.title for a in previews[0]]
        changed_from = titles.index("Changed 0")
        assert all(not t.startswith("Changed") for t in titles[:changed_from])  # kept first
        assert all(t.startswith("Changed") for t in titles[changed_from:])
        assert "2000/post-21.md" not in {a.path for a in previews[0]}
    assert len(result.changed) == 20


def test_asking_to_stop_during_the_preview_shows_nothing(write_article, content, tmp_path):
    many_articles(write_article, content)
    calls: list[int] = []

    def stop_after_the_walk() -> bool:
        calls.append(1)
        return len(calls) > 1  # the walk asks once; the preview asks next

    with ArticleIndex(content, tmp_path / "i.db", workers=1, pool_threshold=5) as index:
        previews: list[list[Article]] = []
        result = index.refresh(should_stop=stop_after_the_walk, on_preview=previews.append)
    assert previews == [] and result.stopped


def test_new_files_walked_first_in_a_mostly_known_folder_show_no_preview(
    write_article, content, tmp_path
):
    for number in range(30):
        write_article(f"b/known-{number:02}.md", f"Known {number}")
    with ArticleIndex(content, tmp_path / "i.db", workers=2, pool_threshold=5) as index:
        index.refresh()
        for number in range(10):  # walked before the known files: previews may start early
            write_article(f"a/new-{number:02}.md", f"New {number}")
        previews, result = refresh_recording(index)
        assert previews == [] and len(result.added) == 10
        assert len(index.cached()[0]) == 40


def test_a_chunk_previews_its_readable_files_in_order_and_leaves_problems_out(tmp_path: Path):
    (tmp_path / "a.md").write_text("---\ntitle: First\ntags: [x]\n---\nBody\n", encoding="utf-8")
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Second\n\nNo frontmatter.\n", encoding="utf-8")
    found = articles_of(preview_chunk(tmp_path, ["a.md", "bad.md", "b.md", "gone.md"]))
    assert [(a.path, a.title, a.tags) for a in found] == [
        ("a.md", "First", ("x",)),
        ("b.md", "Second", ()),
    ]
    assert articles_of(preview_chunk(tmp_path, ["bad.md"])) == []
