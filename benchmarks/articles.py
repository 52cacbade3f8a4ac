"""Single articles for the reading-pane rows: a 3 KB post and a 200 KB list-heavy post."""

from __future__ import annotations

import random
from pathlib import Path

from benchmarks import words
from benchmarks.corpus import CORPORA_DIR, END_MARK, SEED, START_MARK

ARTICLES_DIR = CORPORA_DIR / "articles"
FRONTMATTER = '---\ntitle: "{title}"\npubDatetime: 2025-11-22T04:00:00Z\ntags: ["bench"]\n---\n'


def _sentence(rng: random.Random, count: int) -> str:
    return " ".join(rng.choices(words.PROSE, k=count)).capitalize() + "."


def _section(rng: random.Random, number: int) -> str:
    nested = "\n".join(
        f"- {_sentence(rng, 8)}\n  - {_sentence(rng, 6)}\n    - {_sentence(rng, 5)}"
        for _ in range(6)
    )
    table = "\n".join(
        ["| name | value | note |", "| --- | ---: | --- |"]
        + [
            f"| {rng.choice(words.PROSE)} | {rng.randint(1, 9999)} | {_sentence(rng, 4)} |"
            for _ in range(5)
        ]
    )
    code = f"```python\ndef step_{number}(x):\n    return x * {number} + 1\n```"
    ordered = "\n".join(f"{i}. {_sentence(rng, 7)}" for i in range(1, 6))
    paragraph = " ".join(_sentence(rng, 14) for _ in range(3))
    quote = "> " + _sentence(rng, 12)
    return "\n\n".join([f"## Part {number}", paragraph, nested, table, ordered, code, quote])


def body(target_bytes: int, seed_offset: int) -> str:
    """A Markdown body of about `target_bytes`, opening and closing with marker words."""
    rng = random.Random(SEED + seed_offset)
    parts = [f"{START_MARK} {_sentence(rng, 12)}"]
    size, number = 0, 1
    while size < target_bytes:
        block = (
            _section(rng, number)
            if target_bytes > 8000
            else " ".join(_sentence(rng, 14) for _ in range(4))
        )
        parts.append(block)
        size += len(block) + 2
        number += 1
    parts.append(f"{END_MARK} {_sentence(rng, 6)}")
    return "\n\n".join(parts) + "\n"


def ensure_article(kilobytes: int) -> Path:
    """The file of a synthetic article of about `kilobytes` KB, written once."""
    path = ARTICLES_DIR / f"post-{kilobytes}k.md"
    if not path.is_file():
        ARTICLES_DIR.mkdir(parents=True, exist_ok=True)
        title = f"A {kilobytes} KB benchmark post"
        path.write_text(FRONTMATTER.format(title=title) + body(kilobytes * 1000, kilobytes))
    return path
