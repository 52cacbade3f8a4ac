"""Files that cannot be articles become problems with a reason (and a line when known)."""

from __future__ import annotations

import os
import time

import pytest

from digest_tui.loading import load_article
from digest_tui.model import LoadedArticle, Problem


def test_bad_yaml_gives_the_file_line(load_text):
    problem = load_text("---\ntitle: ok\ntags: [a, b\nauthor: x\n---\nBody\n")
    assert isinstance(problem, Problem) and problem.fatal
    assert "YAML" in problem.reason
    assert problem.line == 4


def test_bad_yaml_line_counts_leading_blank_lines(load_text):
    problem = load_text('\n\n---\ntitle: ok\nbad: "unclosed\n---\nBody\n')
    assert isinstance(problem, Problem)
    assert problem.line == 5


def test_tab_indentation_is_a_problem_not_a_crash(load_text):
    problem = load_text("---\ntags:\n\t- a\n---\nBody\n")
    assert isinstance(problem, Problem) and problem.line == 3


def test_bad_toml_gives_the_file_line(load_text):
    problem = load_text('+++\ntitle = "ok"\ndate = = 3\n+++\nBody\n')
    assert isinstance(problem, Problem)
    assert problem.reason == "invalid TOML frontmatter: Invalid value"
    assert problem.line == 3


def test_nul_bytes_mean_binary(load_text):
    problem = load_text(b"---\ntitle: x\n---\nbody\x00\x00more")
    assert isinstance(problem, Problem) and "binary" in problem.reason


def test_binary_data_named_md(load_text):
    problem = load_text(bytes(range(1, 32)) * 200)
    assert isinstance(problem, Problem) and "binary" in problem.reason


def test_unreadable_file_is_a_problem(content, load_text):
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    load_text("Body\n")
    (content / "post.md").chmod(0)
    problem = load_article(content, "post.md")
    assert isinstance(problem, Problem) and "permission" in problem.reason


def test_vanished_file_is_a_problem(content):
    problem = load_article(content, "gone.md")
    assert isinstance(problem, Problem) and "vanished" in problem.reason


def test_path_escaping_the_folder_is_refused(tmp_path, content):
    (tmp_path / "outside.md").write_text("secret", encoding="utf-8")
    problem = load_article(content, "../outside.md")
    assert isinstance(problem, Problem) and "outside" in problem.reason


def test_directory_named_md_is_a_problem(content):
    (content / "folder.md").mkdir()
    assert isinstance(load_article(content, "folder.md"), Problem)


def billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels + 1):
        refs = ",".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "---\n" + "\n".join(lines) + "\n---\nBody\n"


def test_alias_bomb_is_refused_quickly(load_text):
    started = time.monotonic()
    problem = load_text(billion_laughs())
    assert isinstance(problem, Problem)
    assert "aliases" in problem.reason
    # Loose bound: a naive reader takes minutes; this guards against a hang, not speed.
    assert time.monotonic() - started < 10


def test_self_referencing_alias_is_refused(load_text):
    problem = load_text("---\na: &a [*a]\n---\nBody\n")
    assert isinstance(problem, Problem) and "aliases" in problem.reason


def test_a_few_aliases_are_fine(load_text):
    loaded = load_text("---\nbase: &b [x, y]\ntags: *b\n---\nBody\n")
    assert isinstance(loaded, LoadedArticle)
    assert loaded.article.tags == ("x", "y")
