"""Incremental refresh: only new and changed files are parsed; vanished ones are forgotten."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from digest_tui import loading, paths
from digest_tui.index import ArticleIndex, parsing


@pytest.fixture
def parse_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records the path of every file the loader is asked to parse."""
    calls: list[str] = []
    real = loading.load_article

    def counting(root: Path, path: str, **kwargs):
        calls.append(path)
        return real(root, path, **kwargs)

    monkeypatch.setattr(loading, "load_article", counting)
    return calls


def titles(index: ArticleIndex) -> dict[str, str]:
    articles, _ = index.cached()
    return {article.path: article.title for article in articles}


def by_path(articles):
    return sorted(articles, key=lambda article: article.path)


def test_first_refresh_parses_every_file_and_matches_the_loader(small_folder, parse_calls):
    with ArticleIndex(small_folder, workers=1) as index:
        result = index.refresh()
    assert len(parse_calls) == 13
    report = loading.load_folder(small_folder)
    assert result.parsed == 13
    assert by_path(result.articles) == by_path(report.articles)
    assert [p.path for p in result.problems] == ["broken.md"]
    assert result.problems[0].line == report.problems[0].line
    assert len(result.added) == 13 and not result.changed and not result.removed


def test_second_refresh_over_an_unchanged_folder_parses_nothing(small_folder, parse_calls):
    with ArticleIndex(small_folder, workers=1) as index:
        first = index.refresh()
        parse_calls.clear()
        second = index.refresh()
    assert parse_calls == []
    assert second.parsed == 0
    assert not second.added and not second.changed and not second.removed
    assert by_path(second.articles) == by_path(first.articles)
    assert second.problems == first.problems


def test_a_changed_file_is_parsed_again_and_its_new_title_shows(
    small_folder, write_article, parse_calls
):
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh()
        parse_calls.clear()
        write_article("2025/01/post-03.md", "A rewritten headline")
        result = index.refresh()
        assert titles(index)["2025/01/post-03.md"] == "A rewritten headline"
    assert parse_calls == ["2025/01/post-03.md"]
    assert result.parsed == 1
    assert result.changed == ["2025/01/post-03.md"]


def test_added_and_deleted_files_are_picked_up(small_folder, write_article):
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh()
        write_article("2025/03/fresh.md", "Fresh arrival")
        (small_folder / "2025/01/post-00.md").unlink()
        (small_folder / "broken.md").unlink()
        result = index.refresh()
        cached_articles, cached_problems = index.cached()
    assert result.added == ["2025/03/fresh.md"]
    assert result.removed == ["2025/01/post-00.md", "broken.md"]
    paths_now = {article.path for article in cached_articles}
    assert "2025/03/fresh.md" in paths_now and "2025/01/post-00.md" not in paths_now
    assert cached_problems == []


def test_problems_are_remembered_and_not_parsed_again(small_folder, parse_calls):
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh()
        parse_calls.clear()
        result = index.refresh()
    assert "broken.md" not in parse_calls
    assert [problem.path for problem in result.problems] == ["broken.md"]


def test_a_fixed_file_turns_from_a_problem_into_an_article(small_folder, write_article):
    with ArticleIndex(small_folder, workers=1) as index:
        index.refresh()
        write_article("broken.md", "Mended")
        result = index.refresh()
    assert result.problems == []
    assert "Mended" in {article.title for article in result.articles}


def test_warnings_come_back_as_non_fatal_problems_like_the_loader(content):
    (content / "untitled.md").write_text("Just a body, no frontmatter at all.\n", "utf-8")
    with ArticleIndex(content, workers=1) as index:
        index.refresh()
        _, problems = index.cached()
    expected = loading.load_folder(content).problems
    assert problems == expected


def test_deleting_the_database_loses_nothing(small_folder):
    index = ArticleIndex(small_folder, workers=1)
    before = index.refresh()
    index.close()
    for leftover in index.db_file.parent.glob(index.db_file.name + "*"):
        leftover.unlink()
    with ArticleIndex(small_folder, workers=1) as rebuilt:
        assert rebuilt.cached() == ([], [])
        after = rebuilt.refresh()
    assert after.parsed == 13
    assert by_path(after.articles) == by_path(before.articles)
    assert after.problems == before.problems


def test_the_worker_pool_gives_the_same_library_as_one_process(small_folder, tmp_path):
    with ArticleIndex(small_folder, tmp_path / "serial.db", workers=1) as serial:
        one = serial.refresh()
    pooled = ArticleIndex(small_folder, tmp_path / "pool.db", workers=2, pool_threshold=3)
    with pooled:
        two = pooled.refresh()
        found = pooled.fulltext("number")
    assert two.parsed == one.parsed == 13
    assert by_path(two.articles) == by_path(one.articles)
    assert two.problems == one.problems
    assert len(found) == 12


def test_a_stopped_refresh_keeps_its_work_and_the_next_one_finishes(
    write_article, content, parse_calls, monkeypatch
):
    from digest_tui.index import refresh as refresh_module

    monkeypatch.setattr(refresh_module, "BATCH_SIZE", 10)
    for number in range(250):
        write_article(f"p{number:03}.md", f"Item {number}")
    with ArticleIndex(content, workers=1) as index:
        stopped = index.refresh(should_stop=lambda: len(parse_calls) >= 100)
        assert stopped.stopped
        assert 0 < len(stopped.articles) < 250
        parse_calls.clear()
        finished = index.refresh()
    assert not finished.stopped
    assert len(finished.articles) == 250
    assert len(parse_calls) == 250 - len(stopped.articles)


def test_progress_reports_reach_the_total(write_article, content):
    for number in range(30):
        write_article(f"p{number:02}.md", f"Item {number}")
    reports: list[tuple[int, int]] = []
    with ArticleIndex(content, workers=1) as index:
        index.refresh(progress=lambda done, total: reports.append((done, total)), fulltext=False)
    assert reports[0] == (0, 30)
    assert reports[-1] == (30, 30)


def test_the_cache_directory_setting_is_honoured_and_created_only_on_write(
    small_folder, tmp_path, monkeypatch
):
    cache = tmp_path / "elsewhere" / "cache"
    monkeypatch.setenv(paths.CACHE_DIR_ENV, str(cache))
    index = ArticleIndex(small_folder)
    assert index.db_file.parent == cache
    assert index.cached() == ([], [])
    assert index.fulltext("post") == {}
    assert not cache.exists()
    index.refresh()
    index.close()
    assert index.db_file.is_file()


def test_a_crashed_worker_process_loses_no_files(write_article, content, monkeypatch):
    for number in range(40):
        write_article(f"p{number:02}.md", f"Item {number}")
    parent = os.getpid()
    real = loading.load_article

    def dies_in_a_worker(root: Path, path: str, **kwargs):
        if os.getpid() != parent and path == "p07.md":
            os._exit(1)
        return real(root, path, **kwargs)

    monkeypatch.setattr(loading, "load_article", dies_in_a_worker)
    monkeypatch.setattr(parsing, "CHUNK_SIZE", 5)
    with ArticleIndex(content, workers=2, pool_threshold=10) as index:
        result = index.refresh()
    assert len(result.articles) == 40
    assert not result.stopped


def test_an_unusable_cache_location_works_from_memory_and_says_why(small_folder, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", "utf-8")
    with ArticleIndex(small_folder, blocker / "index.sqlite3") as index:
        result = index.refresh()
        assert not result.stopped
        assert len(result.articles) == 12  # and broken.md is a problem, as with a cache
        assert [p.path for p in result.problems if p.fatal] == ["broken.md"]
        assert index.fallback is not None and "working from memory" in index.fallback
        assert index.search("post")  # the full text is in memory too
    assert blocker.is_file()


def test_an_unchanged_refresh_hands_back_the_list_it_was_given(tmp_path) -> None:
    import os

    from digest_tui.index import ArticleIndex

    content = tmp_path / "posts"
    content.mkdir()
    (content / "one.md").write_text("---\ntitle: One\ndate: 2025-01-01\n---\nBody\n")
    with ArticleIndex(content, tmp_path / "db.sqlite3") as index:
        index.refresh()
        articles, _ = index.cached()
        assert index.refresh(known=articles).articles is articles

        (content / "two.md").write_text("---\ntitle: Two\n---\nBody\n")
        os.utime(content / "two.md", ns=(1, 1))
        after = index.refresh(known=articles)
        assert after.articles is not articles
        assert sorted(a.title for a in after.articles) == ["One", "Two"]
