"""The folder walk finds Markdown files and never hangs, loops or leaves the folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from digest_tui.loading import MAX_ARTICLE_BYTES, discover, load_article, load_folder
from digest_tui.model import FileStamp, Problem


def stamps(root: Path) -> list[str]:
    return [item.path for item in discover(root) if isinstance(item, FileStamp)]


def problems(root: Path) -> list[Problem]:
    return [item for item in discover(root) if isinstance(item, Problem)]


def touch(path: Path, text: str = "# Hi\n") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_finds_markdown_extensions_in_any_case_and_skips_the_rest(content):
    for name in ["a.md", "b.MARKDOWN", "c.mdx", "d.Md", "notes.txt", "e.md.bak"]:
        touch(content / name)
    assert stamps(content) == ["a.md", "b.MARKDOWN", "c.mdx", "d.Md"]


def test_skips_hidden_entries_and_node_modules(content):
    touch(content / "kept" / "post.md")
    touch(content / ".hidden.md")
    touch(content / ".git" / "post.md")
    touch(content / "node_modules" / "pkg" / "readme.md")
    assert stamps(content) == ["kept/post.md"]


def test_order_is_files_then_folders_sorted_with_slash_paths(content):
    for name in ["z.md", "a/2.md", "a/1.md", "b/c/d.md", "m.md"]:
        touch(content / name)
    assert stamps(content) == ["m.md", "z.md", "a/1.md", "a/2.md", "b/c/d.md"]


def test_stamp_has_size_and_mtime(content):
    touch(content / "a.md", "12345")
    (stamp,) = list(discover(content))
    assert stamp == FileStamp("a.md", 5, (content / "a.md").stat().st_mtime_ns)


def test_symlink_cycle_is_walked_once(content):
    touch(content / "a" / "post.md")
    (content / "a" / "loop").symlink_to(content)
    (content / "a" / "self").symlink_to(content / "a")
    assert stamps(content) == ["a/post.md"]


def test_symlink_inside_the_folder_is_followed(content):
    touch(content / "real" / "post.md")
    (content / "alias.md").symlink_to(content / "real" / "post.md")
    assert stamps(content) == ["alias.md", "real/post.md"]


def test_symlinks_outside_the_folder_are_not_followed(tmp_path, content):
    touch(tmp_path / "outside" / "secret.md")
    (content / "linkdir").symlink_to(tmp_path / "outside")
    (content / "secret.md").symlink_to(tmp_path / "outside" / "secret.md")
    assert stamps(content) == []
    found = problems(content)
    assert {p.path for p in found} == {"linkdir", "secret.md"}
    assert all(not p.fatal and "outside" in p.reason for p in found)
    assert isinstance(load_article(content, "secret.md"), Problem)


def test_fifo_is_reported_and_never_opened(content):
    os.mkfifo(content / "pipe.md")
    (problem,) = problems(content)
    assert problem.path == "pipe.md" and "FIFO" in problem.reason
    loaded = load_article(content, "pipe.md")  # would block forever if opened for reading
    assert isinstance(loaded, Problem) and "FIFO" in loaded.reason


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_symlink_to_dev_zero_is_not_read(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    (root / "zero.md").symlink_to("/dev/zero")
    # /dev/zero is outside the folder, so the walk never follows it.
    assert stamps(root) == []
    loaded = load_article(root, "zero.md")
    assert isinstance(loaded, Problem)


def test_device_inside_the_folder_is_a_problem_when_loaded(tmp_path):
    # A folder rooted at /dev would see zero.md-like devices as inside; load_article checks
    # the opened file type, so even a device handed to it directly is never read.
    if not os.path.exists("/dev/null"):
        pytest.skip("needs /dev/null")
    loaded = load_article(Path("/dev"), "null")
    assert isinstance(loaded, Problem) and "device" in loaded.reason


def test_file_over_the_size_limit_is_a_fatal_problem(content):
    (content / "huge.md").write_bytes(b"a" * (MAX_ARTICLE_BYTES + 1))
    (problem,) = problems(content)
    assert problem.fatal and "2 MiB" in problem.reason
    loaded = load_article(content, "huge.md")
    assert isinstance(loaded, Problem) and "2 MiB" in loaded.reason


def test_file_names_that_are_not_utf8_still_load(content):
    raw = os.fsencode(content) + b"/caf\xe9.md"
    with open(raw, "wb") as handle:
        handle.write(b"---\ntitle: Bytes\n---\nBody\n")
    (path,) = stamps(content)
    assert "\udce9" in path
    loaded = load_article(content, path)
    assert not isinstance(loaded, Problem)
    assert loaded.article.title == "Bytes"


def test_odd_file_names_load(content):
    for name in ["with space.md", "new\nline.md", "[@click=quit]markup.md"]:
        touch(content / name, "Body text.\n")
    report = load_folder(content)
    titles = sorted(article.title for article in report.articles)
    assert titles == ["[@click=quit]markup", "new line", "with space"]


def test_missing_folder_is_one_problem(tmp_path):
    (problem,) = list(discover(tmp_path / "nope"))
    assert problem.fatal


def test_load_folder_lists_articles_problems_and_warnings(content):
    touch(content / "good.md", "---\ntitle: Good\n---\nText\n")
    touch(content / "bad.md", "---\ntitle: [unclosed\n---\nText\n")
    touch(content / "odd.md", "---\n- a\n- b\n---\nText\n")
    report = load_folder(content)
    assert sorted(a.path for a in report.articles) == ["good.md", "odd.md"]
    fatal = [p for p in report.problems if p.fatal]
    warnings = [p for p in report.problems if not p.fatal]
    assert [p.path for p in fatal] == ["bad.md"]
    assert [p.path for p in warnings] == ["odd.md"]
    assert "list" in warnings[0].reason


def test_section_pages_are_left_out_but_a_bundles_index_stays(tmp_path: Path):
    root = tmp_path / "content"
    for relative in ("_index.md", "posts/_index.md", "posts/bundle/index.md", "posts/a.md"):
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text("---\ntitle: x\n---\nBody\n", encoding="utf-8")
    sections: list[str] = []
    found = [item.path for item in discover(root, sections=sections)]
    assert found == ["posts/a.md", "posts/bundle/index.md"]
    assert sections == ["_index.md", "posts/_index.md"]
