"""Helpers for loader tests: write article files into a temporary content folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from digest_tui.loading import load_article
from digest_tui.model import LoadedArticle, Problem


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """An empty content folder."""
    folder = tmp_path / "content"
    folder.mkdir()
    return folder


@pytest.fixture
def load_text(content: Path) -> Callable[..., LoadedArticle | Problem]:
    """Write text (or bytes) to a file in the content folder and load it."""

    def write_and_load(data: str | bytes, name: str = "post.md") -> LoadedArticle | Problem:
        target = content / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8")
        else:
            target.write_bytes(data)
        return load_article(content, name)

    return write_and_load


@pytest.fixture
def load_ok(load_text: Callable[..., LoadedArticle | Problem]) -> Callable[..., LoadedArticle]:
    """Like `load_text`, but the file must load."""

    def checked(data: str | bytes, name: str = "post.md") -> LoadedArticle:
        loaded = load_text(data, name)
        assert isinstance(loaded, LoadedArticle), loaded
        return loaded

    return checked
