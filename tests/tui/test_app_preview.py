"""A first index of a big folder: the quick preview is listed and searchable before the
full parse finishes, and the full result then takes its place."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from app_support import listed_paths

from digest_tui.config import Config
from digest_tui.index import ArticleIndex
from digest_tui.index import refresh as refresh_module
from digest_tui.tui.app import DigestApp
from digest_tui.tui.session import ReaderSession

ARTICLE_COUNT = 40


def write_folder(folder: Path) -> Path:
    for number in range(ARTICLE_COUNT):
        topic = "Kite" if number % 10 == 0 else "Battery"
        body = " ".join(["word"] * (300 + number))
        (folder / f"post-{number:02}.md").parent.mkdir(parents=True, exist_ok=True)
        (folder / f"post-{number:02}.md").write_text(
            f"---\ntitle: {topic} report {number}\n"
            f"pubDatetime: 2025-03-{1 + number % 28:02}T08:00:00Z\n"
            f"tags: [energy]\n---\n{body}\n",
            encoding="utf-8",
        )
    return folder


@pytest.fixture
def held_parse(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the full parse of a refresh until the test sets the returned event."""
    release = threading.Event()
    original = refresh_module._parse_and_store

    def parse_when_released(*args, **kwargs):
        release.wait(timeout=30)
        return original(*args, **kwargs)

    monkeypatch.setattr(refresh_module, "_parse_and_store", parse_when_released)
    return release


async def wait_for(condition, pilot, seconds: float = 10.0) -> bool:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return True
        await asyncio.sleep(0.05)
        await pilot.pause()
    return condition()


async def test_a_first_index_lists_and_searches_the_preview_before_the_full_parse(
    tmp_path: Path, held_parse: threading.Event
) -> None:
    folder = write_folder(tmp_path / "content")
    index = ArticleIndex(folder, workers=1, pool_threshold=10)
    session = ReaderSession(folder, index, None, Config())
    app = DigestApp(session=session)
    async with app.run_test(size=(120, 40)) as pilot:
        assert await wait_for(lambda: len(listed_paths(app)) == ARTICLE_COUNT, pilot)
        assert index.cached() == ([], [])  # nothing stored yet: this is the preview

        await pilot.press("slash", *"kite")
        assert await wait_for(lambda: len(listed_paths(app)) == ARTICLE_COUNT // 10, pilot)
        assert all("Kite" in article.title for article in app.screen.articles.articles)

        held_parse.set()
        stored = lambda: len(index.cached()[0]) == ARTICLE_COUNT  # noqa: E731
        assert await wait_for(stored, pilot)
        # The full result replaces the preview: word counts are known now.
        full = lambda: all(a.words >= 300 for a in app.screen.articles.articles)  # noqa: E731
        assert await wait_for(full, pilot)
        assert len(listed_paths(app)) == ARTICLE_COUNT // 10
