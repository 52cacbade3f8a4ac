"""A first refresh lets the parse stat each file instead of the walk: same results."""

from __future__ import annotations

import os
from pathlib import Path

from digest_tui import loading
from digest_tui.index import ArticleIndex
from digest_tui.loading.discover import NOT_STATTED, discover
from digest_tui.model import Problem


def test_a_first_refresh_reports_what_the_loader_reports_for_oversized_files(small_folder):
    big = small_folder / "2025" / "huge.md"
    with big.open("wb") as handle:
        handle.truncate(loading.MAX_ARTICLE_BYTES + 1)  # sparse: no disk space used
    with ArticleIndex(small_folder, small_folder.parent / "i.db") as index:
        first = index.refresh()
        assert "2025/huge.md" not in first.added
        assert first.parsed == 13  # twelve articles and the broken file; huge.md not opened
        again = index.refresh()
    report = loading.load_folder(small_folder)
    for result in (first, again):
        assert sorted(map(str, result.problems)) == sorted(map(str, report.problems))
        assert result.articles == report.articles
    assert (again.added, again.changed, again.removed, again.parsed) == ([], [], [], 0)


def test_a_file_rewritten_between_the_walk_and_the_parse_ends_up_current(
    write_article, content: Path
):
    for number in range(8):
        write_article(f"post-{number}.md", f"Old title {number}")

    def rewrite(_articles) -> None:
        write_article("post-3.md", "New title")

    with ArticleIndex(content, content.parent / "i.db", workers=1, pool_threshold=5) as index:
        index.refresh(on_preview=rewrite)
        after = index.refresh()
        assert "New title" in [a.title for a in after.articles]
        write_article("post-3.md", "Newer title")
        latest = index.refresh()
    assert latest.changed == ["post-3.md"]
    assert "Newer title" in [a.title for a in latest.articles]


def test_a_walk_without_stats_finds_the_same_files_and_problems(small_folder: Path):
    (small_folder / "link.md").symlink_to(small_folder / "broken.md")
    os.mkfifo(small_folder / "pipe.md")
    (small_folder / "folder.md").mkdir()  # a Markdown name on a folder is walked into
    (small_folder / "folder.md" / "inner.md").write_text("---\ntitle: Inner\n---\nBody\n")
    (small_folder / "NOTES.MD").write_text("# Notes\n")
    (small_folder / "_index.md").write_text("# Section\n")
    stated = list(discover(small_folder))
    unstated = list(discover(small_folder, stat_files=False))
    assert [f.path for f in unstated] == [f.path for f in stated]
    assert [f for f in unstated if isinstance(f, Problem)] == [
        f for f in stated if isinstance(f, Problem)
    ]
    plain = [f for f in unstated if getattr(f, "size", None) == NOT_STATTED]
    assert "link.md" not in [f.path for f in plain]  # a symlink is still stat'ed by the walk
    assert {"folder.md/inner.md", "NOTES.MD"} <= {f.path for f in plain}
    assert "_index.md" not in [f.path for f in unstated]
    assert len(plain) == 15
