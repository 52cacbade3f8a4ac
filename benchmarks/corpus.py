"""Deterministic synthetic AstroPaper posts (1-6 KB) in year/month folders, cached on disk."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from benchmarks import words

GENERATOR_VERSION = 1
SEED = 20251122
CORPORA_DIR = Path(__file__).resolve().parent / "corpora"
MARKER = ".complete"
START_MARK = "Benchstart"
END_MARK = "Benchfinish"


def parse_size(text: str) -> int:
    """`1k` -> 1000, `100k` -> 100000, `1m` -> 1000000, `2500` -> 2500."""
    text = text.strip().lower()
    for suffix, scale in (("k", 1000), ("m", 1_000_000)):
        if text.endswith(suffix):
            return int(float(text[: -len(suffix)]) * scale)
    return int(text)


def size_label(count: int) -> str:
    """The inverse of `parse_size` for round thousands and millions."""
    if count and count % 1_000_000 == 0:
        return f"{count // 1_000_000}m"
    return f"{count // 1000}k" if count % 1000 == 0 else str(count)


def corpus_dir(count: int) -> Path:
    """Where the corpus of `count` posts lives (generated or not)."""
    return CORPORA_DIR / size_label(count)


def ensure_corpus(count: int) -> tuple[Path, bool]:
    """The folder holding `count` posts, and whether this call generated it.

    Generated once and reused while its marker matches.
    """
    folder = corpus_dir(count)
    expected = {"version": GENERATOR_VERSION, "seed": SEED, "count": count}
    marker = folder / MARKER
    if marker.is_file() and json.loads(marker.read_text()) == expected:
        return folder, False
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    _write_posts(folder, count)
    marker.write_text(json.dumps(expected))
    return folder, True


def _write_posts(folder: Path, count: int) -> None:
    rng = random.Random(SEED)
    pool = [_paragraph(rng) for _ in range(3000)]
    made: set[Path] = set()
    for number in range(count):
        year, month, text, slug = _post(rng, pool, number)
        parent = folder / str(year) / f"{month:02d}"
        if parent not in made:
            parent.mkdir(parents=True, exist_ok=True)
            made.add(parent)
        (parent / f"{slug}.md").write_text(text, encoding="utf-8")


def _sentence(rng: random.Random, low: int = 8, high: int = 20) -> str:
    chosen = rng.choices(words.PROSE, k=rng.randint(low, high))
    return " ".join(chosen).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    parts = [_sentence(rng) for _ in range(rng.randint(2, 6))]
    if rng.random() < 0.3:
        parts.insert(
            1, f"[{rng.choice(words.PROSE)} report](https://example.test/{rng.random():.6f})"
        )
    return " ".join(parts)


def title_for(rng: random.Random) -> str:
    """A headline such as "Lumen Grid unveils solar farm in Europe"."""
    return (
        f"{rng.choice(words.COMPANIES)} {rng.choice(words.VERBS)} "
        f"{rng.choice(words.OBJECTS)}{rng.choice(words.TAIL)}"
    )


def _tags(rng: random.Random) -> list[str]:
    # Weights 1/rank: a few tags are everywhere, most are rare, as in real digests.
    weights = [1 / (rank + 1) for rank in range(len(words.TAGS))]
    picked = rng.choices(words.TAGS, weights=weights, k=rng.randint(1, 4))
    return list(dict.fromkeys(picked))


def _frontmatter(rng: random.Random, title: str, stamp: str, tags: list[str]) -> str:
    lines = ["---", f'title: "{title}"', f"pubDatetime: {stamp}"]
    if rng.random() < 0.1:
        lines.append(f"modDatetime: {stamp}")
    lines.append(f'description: "{_sentence(rng, 10, 24)}"')
    if rng.random() < 0.7:
        lines.append("tags: [" + ",".join(f'"{tag}"' for tag in tags) + "]")
    else:
        lines += ["tags:", *(f"  - {tag}" for tag in tags)]
    if rng.random() < 0.05:
        lines.append("featured: true")
    if rng.random() < 0.02:
        lines.append("draft: true")
    lines.append("---")
    return "\n".join(lines)


def _extras(rng: random.Random) -> list[str]:
    blocks = []
    if rng.random() < 0.2:
        blocks.append("\n".join(f"- {_sentence(rng, 4, 9)}" for _ in range(rng.randint(2, 5))))
    if rng.random() < 0.15:
        rows = [f"| {rng.choice(words.PROSE)} | {rng.randint(1, 999)} |" for _ in range(4)]
        blocks.append("\n".join(["| item | value |", "| --- | --- |", *rows]))
    if rng.random() < 0.1:
        lang = rng.choice(words.LANGS)
        blocks.append(f"```{lang}\nresult = run({rng.randint(1, 99)})\nprint(result)\n```")
    if rng.random() < 0.005:
        blocks.append(f"The {rng.choice(words.RARE)} result surprised the team.")
    return blocks


def _post(rng: random.Random, pool: list[str], number: int) -> tuple[int, int, str, str]:
    year, month, day = rng.randint(2016, 2025), rng.randint(1, 12), rng.randint(1, 28)
    stamp = f"{year}-{month:02d}-{day:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
    title = title_for(rng)
    blocks = []
    if rng.random() < 0.5:
        blocks.append(f"![Hero](https://images.example.test/{year}/{number}.jpg)")
    blocks.append("> " + _sentence(rng, 12, 25))
    target = rng.randint(900, 5800)
    size = 0
    while size < target:
        paragraph = rng.choice(pool)
        blocks.append(paragraph)
        size += len(paragraph)
    blocks[2:2] = _extras(rng)
    blocks.append(f"**Source:** [The Ledger](https://example-news.test/{number})")
    text = _frontmatter(rng, title, stamp, _tags(rng)) + "\n" + "\n\n".join(blocks) + "\n"
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower())
    return year, month, text, f"{slug}-{number}"
