"""Single articles for the reading-pane rows: a 3 KB post, a 200 KB list-heavy post, a 100 KB
post made mostly of nested HTML, and a 1.9 MB post that is one 8-column table."""

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


def _html_section(rng: random.Random, number: int) -> str:
    items = "".join(
        f"<li><p>{_sentence(rng, 6)} <b>{rng.choice(words.PROSE)}</b></p>"
        f"<ul><li><em>{_sentence(rng, 5)}</em></li></ul></li>"
        for _ in range(4)
    )
    cells = "".join(
        f"<tr><td>{rng.choice(words.PROSE)}</td><td>{rng.randint(1, 999)}</td></tr>"
        for _ in range(4)
    )
    return (
        f'<section class="part"><div class="wrap"><div class="inner"><h2>Part {number}</h2>\n'
        f"<p>{_sentence(rng, 14)} <a href='https://example.org/{number}'>link</a> "
        f"<code>x_{number}</code><br>{_sentence(rng, 10)}</p>\n"
        f'<figure><img src="/img/{number}.png" alt="{_sentence(rng, 4)}">'
        f"<figcaption>{_sentence(rng, 6)}</figcaption></figure>\n"
        f"<ul>{items}</ul>\n<table><tr><th>name</th><th>value</th></tr>{cells}</table>\n"
        f"<details><summary>{_sentence(rng, 3)}</summary><div><p>{_sentence(rng, 12)}</p>"
        f"</div></details>\n<blockquote><p>{_sentence(rng, 10)}</p></blockquote>\n"
        "</div></div></section>"
    )


def html_body(target_bytes: int) -> str:
    """About `target_bytes` of nested HTML sections between marker paragraphs."""
    rng = random.Random(SEED + 7)
    parts = [f"<div><p>{START_MARK} {_sentence(rng, 12)}</p></div>"]
    size, number = 0, 1
    while size < target_bytes:
        parts.append(_html_section(rng, number))
        size += len(parts[-1]) + 2
        number += 1
    parts.append(f"<p>{END_MARK} {_sentence(rng, 6)}</p>")
    return "\n\n".join(parts) + "\n"


def table_body(target_bytes: int) -> str:
    """One 8-column Markdown table of about `target_bytes`, then a closing marker line."""
    rng = random.Random(SEED + 8)
    lines = ["| " + " | ".join([START_MARK] + [f"column {c}" for c in range(1, 8)]) + " |"]
    lines.append("|" + " --- |" * 8)
    size = 0
    while size < target_bytes:
        cells = [_sentence(rng, 2) for _ in range(7)]
        lines.append(f"| {rng.randint(1, 99999)} | " + " | ".join(cells) + " |")
        size += len(lines[-1]) + 1
    return "\n".join(lines) + f"\n\n{END_MARK} {_sentence(rng, 6)}\n"


def ensure_special_article(kind: str, kilobytes: int) -> Path:
    """The file of the `html` or `table` article of about `kilobytes` KB, written once."""
    path = ARTICLES_DIR / f"post-{kind}-{kilobytes}k.md"
    if not path.is_file():
        ARTICLES_DIR.mkdir(parents=True, exist_ok=True)
        make = html_body if kind == "html" else table_body
        title = f"A {kilobytes} KB {kind} benchmark post"
        path.write_text(FRONTMATTER.format(title=title) + make(kilobytes * 1000))
    return path
