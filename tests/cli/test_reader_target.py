"""`digest-tui post.md` opens the file's folder with that article first."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest_tui.cli.content import resolve_reader_target
from digest_tui.cli.errors import UsageError
from digest_tui.cli.main import main
from digest_tui.config import Config


def test_a_file_opens_its_own_folder(tmp_path: Path):
    post = tmp_path / "notes" / "post.md"
    post.parent.mkdir()
    post.write_text("---\ntitle: Post\n---\nBody\n")
    assert resolve_reader_target(str(post), Config()) == (post.parent.resolve(), "post.md")


def test_a_file_inside_the_content_folder_opens_that_folder(tmp_path: Path, monkeypatch):
    post = tmp_path / "blog" / "2025" / "05" / "post.md"
    post.parent.mkdir(parents=True)
    post.write_text("---\ntitle: Post\n---\nBody\n")
    monkeypatch.setenv("DIGEST_TUI_CONTENT", str(tmp_path / "blog"))
    folder, article = resolve_reader_target(str(post), Config())
    assert (folder, article) == ((tmp_path / "blog").resolve(), "2025/05/post.md")
    monkeypatch.delenv("DIGEST_TUI_CONTENT")
    config = Config(content_dir=tmp_path / "blog")
    assert resolve_reader_target(str(post), config)[1] == "2025/05/post.md"


def test_a_folder_still_opens_as_a_folder(tmp_path: Path):
    assert resolve_reader_target(str(tmp_path), Config()) == (tmp_path, None)


def test_a_file_that_is_not_markdown_is_refused(tmp_path: Path, capsys):
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    with pytest.raises(UsageError, match="is not a folder or a Markdown file"):
        resolve_reader_target(str(other), Config())
    assert main([str(other)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
