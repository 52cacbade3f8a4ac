"""Content folders for the fault tests: small, real Markdown posts."""

from __future__ import annotations

from pathlib import Path

import pytest

WORDS = [
    *("kite", "turbine", "relay", "harbour", "lantern", "meadow", "quarry", "ribbon"),
    *("saddle", "tunnel", "velvet", "walrus", "anchor", "beacon", "cobalt", "dynamo"),
]


def write_posts(folder: Path, count: int, body_words: int = 40) -> list[str]:
    """`count` posts with distinct titles and a body each; returns their titles."""
    titles = []
    for number in range(count):
        title = f"Post {number:05d} about {WORDS[number % len(WORDS)]}"
        words = (WORDS[(number * 7 + i) % len(WORDS)] + str(i % 13) for i in range(body_words))
        body = " ".join(words)
        file = folder / f"{number // 100:03d}" / f"post-{number:05d}.md"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(
            f'---\ntitle: "{title}"\npubDatetime: 2025-03-{number % 28 + 1:02d}\n'
            f'tags: ["t{number % 5}"]\n---\n{body}\n\nmarmalade{number}\n',
            encoding="utf-8",
        )
        titles.append(title)
    return titles


@pytest.fixture
def posts(tmp_path: Path) -> Path:
    """Twelve posts; post N's body alone holds the word `marmaladeN`."""
    folder = tmp_path / "posts"
    write_posts(folder, 12)
    return folder
