"""The fast frontmatter path and the python-frontmatter path give identical results."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest_tui.loading import discover, parse_article
from digest_tui.model import FileStamp

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_content"
CORPUS = REPO.parent / "shared" / "corpus" / "real"
"""The shared real-world corpus, beside the repository; these tests skip without it."""

FIXTURES = [
    "---\ntitle: A\ntags: [x, y]\npubDatetime: 2025-01-02T03:04:05Z\n---\n\nBody\n",
    "---\n\n\ntitle: Blank lines first\n---\n\n\n   \nBody after blanks\n",
    "----\ntitle: Four dashes\n----\nBody\n",
    "---   \ntitle: Trailing spaces on fence\n---  \nBody\n",
    "\n\n---\ntitle: Leading blank lines\n---\nBody\n",
    "---\ntitle: Rule later\n---\nBody\n\n---\n\nMore\n",
    "---\n---\nEmpty frontmatter\n",
    "---\n- a\n---\nList\n",
    "---\ntitle: [bad\n---\nBody\n",
    "---\ntitle: Open\nprose line\n\n---\nMore\n",
    '+++\ntitle = "T"\ndate = 2023-01-31\n[taxonomies]\ntags = ["a"]\n+++\n\nBody\n',
    "+++\ntitle = = 1\n+++\nBody\n",
    "\ufeff---\ntitle: BOM\n---\nBody\n",
    "---\r\ntitle: CRLF\r\n---\r\nBody\r\n",
    "---\na: &a [x]\nb: *a\n---\nBody\n",
    "---\ntitle: !!python/object/apply:os.system ['true']\n---\nBody\n",
    "No frontmatter at all\n",
]


def both_paths(path: str, data: bytes) -> None:
    assert parse_article(path, data, fast=True) == parse_article(path, data, fast=False)


@pytest.mark.parametrize("text", FIXTURES)
def test_paths_agree_on_fixtures(text):
    both_paths("post.md", text.encode("utf-8"))


def test_paths_agree_on_generated_corpus():
    for number in range(50):
        tags = ", ".join(f"t{number % 7}{i}" for i in range(number % 5))
        text = f"---\ntitle: Post {number}\ntags: [{tags}]\ndraft: {number % 2 == 0}\n---\n"
        both_paths(f"p{number}.md", (text + "Body\n" * number).encode())


def agree_on_folder(folder: Path) -> int:
    count = 0
    for found in discover(folder):
        if isinstance(found, FileStamp):
            parts = found.path.split("/")
            both_paths(found.path, folder.joinpath(*parts).read_bytes())
            count += 1
    return count


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="no sample content in this checkout")
def test_paths_agree_on_sample_content():
    assert agree_on_folder(SAMPLES) > 0


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared/corpus/real beside the repository")
def test_paths_agree_on_real_corpus():
    assert agree_on_folder(CORPUS) > 100
