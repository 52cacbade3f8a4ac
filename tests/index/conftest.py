"""Folders of generated articles for the index tests."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

WriteArticle = Callable[..., Path]


def article_text(title: str, body: str, tags: tuple[str, ...] = ("news",)) -> str:
    """An AstroPaper-style article."""
    tag_lines = "".join(f"  - {tag}\n" for tag in tags)
    return (
        f"---\ntitle: {title}\npubDatetime: 2025-03-04T10:00:00Z\n"
        f"description: About {title.lower()}.\ntags:\n{tag_lines}---\n\n{body}\n"
    )


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """An empty content folder."""
    folder = tmp_path / "content"
    folder.mkdir()
    return folder


@pytest.fixture
def write_article(content: Path) -> WriteArticle:
    """Write (or rewrite) an article; a rewrite gets a later mtime so the index notices."""

    def write(relative: str, title: str, body: str = "Plain words.", **kwargs) -> Path:
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        existed = path.exists()
        old_mtime = path.stat().st_mtime_ns if existed else 0
        path.write_text(article_text(title, body, **kwargs), encoding="utf-8")
        if existed:
            bumped = old_mtime + 2_000_000_000
            os.utime(path, ns=(bumped, bumped))
        return path

    return write


@pytest.fixture
def small_folder(write_article: WriteArticle, content: Path) -> Path:
    """Twelve articles in two month folders, plus one file that cannot be loaded."""
    for number in range(12):
        month = "01" if number < 6 else "02"
        write_article(f"2025/{month}/post-{number:02}.md", f"Post number {number}")
    (content / "broken.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    return content
