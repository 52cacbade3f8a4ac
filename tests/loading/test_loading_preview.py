"""The quick preview shows exactly what the full loader shows, or leaves the file to it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yaml_strategies import frontmatter_lines

from digest_tui.loading import discover, load_article, parse_article
from digest_tui.loading.limits import MAX_ARTICLE_BYTES
from digest_tui.loading.preview import PREVIEW_FIELDS, preview_article, preview_file
from digest_tui.model import Article, FileStamp, LoadedArticle, Problem

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_content"
CORPUS = REPO.parent / "shared" / "corpus" / "real"
"""The shared real-world corpus, beside the repository; these tests skip without it."""

ACCEPTED = [
    '---\ntitle: "Sable raises funding"\npubDatetime: 2020-01-27T05:47:00Z\n'
    'modDatetime: 2020-01-28T05:47:00Z\ndescription: "Short."\ntags: ["AI","weather"]\n---\n\n'
    "Body words.\n\n**Source:** [The Ledger](https://news.test/1)\n",
    "---\ntitle: Plain title\ndate: 2024-02-03\ndraft: true\ntags:\n  - one\n  - two words\n"
    "weight: 1.5\n---\nBody\n",
    "---\ntitle: Ünïcödé 🚀\ndate: 2024-02-03 10:00:00 +01:00\nfrtags: [a, b]\n---\nB\n",
    "---\ntitle: No description\ndate: 2024-02-03\n---\n\n# Heading\n\nFirst paragraph here.\n",
    "---\ndescription: no title\n---\n\nOnly a body with **Source:** [X](https://x.test)\n",
    "---\ntitle: Jekyll\npublished: false\ntags: one two\n---\nB\n",
    "---\ntitle: Epoch\ndate: 1700000000\ntags: [2024, yes]\n---\nB\n",
]
DECLINED = [
    "No frontmatter at all\n",
    "\n---\ntitle: Leading blank line\n---\nB\n",
    "----\ntitle: Four dashes\n----\nB\n",
    "---\r\ntitle: CRLF\r\n---\r\nB\r\n",
    "\ufeff---\ntitle: BOM\n---\nB\n",
    '---\ntitle: "escaped \\" quote"\n---\nB\n',
    "---\ntitle: a # comment\n---\nB\n",
    "---\ntitle: >\n  folded\n---\nB\n",
    "---\ntaxonomies:\n  tags: [a]\n---\nB\n",
    "---\ntitle: [unclosed\n---\nB\n",
    "---\ntitle: " + "x" * 400 + "\n---\nB\n",
    "---\ntitle: T\ndate: 2024-13-45\n---\nB\n",
    "---\ntitle: T\ntags: ['a, b']\n---\nB\n",
    "---\ntitle: Open fence\nB\n",
]


def shown(article: Article) -> tuple:
    return tuple(getattr(article, name) for name in PREVIEW_FIELDS)


def check_agrees(path: str, data: bytes) -> bool:
    """True when the preview accepted the file; fails if it differs from the full loader."""
    preview = preview_article(path, data)
    if preview is None:
        return False
    full = parse_article(path, data)
    assert isinstance(full, LoadedArticle), (data, full)
    assert shown(preview) == shown(full.article), data
    return True


@pytest.mark.parametrize("text", ACCEPTED)
def test_common_files_are_previewed_as_the_loader_reads_them(text):
    assert check_agrees("2024/post.md", text.encode("utf-8"))


@pytest.mark.parametrize("text", DECLINED)
def test_unusual_files_are_left_to_the_full_loader(text):
    assert preview_article("post.md", text.encode("utf-8")) is None


def test_a_declined_file_still_gets_the_full_loaders_article(tmp_path: Path):
    (tmp_path / "odd.md").write_text("+++\ntitle = 'TOML post'\n+++\nBody\n", encoding="utf-8")
    found = preview_file(tmp_path, "odd.md")
    assert isinstance(found, Article) and found.title == "TOML post"
    assert found == load_article(tmp_path, "odd.md").article


def agree_on_folder(folder: Path) -> tuple[int, int]:
    accepted = total = 0
    for found in discover(folder):
        if isinstance(found, FileStamp):
            data = folder.joinpath(*found.path.split("/")).read_bytes()
            accepted += check_agrees(found.path, data)
            total += 1
            assert _same_outcome(folder, found.path)
    return accepted, total


def _same_outcome(folder: Path, path: str) -> bool:
    full = load_article(folder, path)
    found = preview_file(folder, path)
    if isinstance(full, Problem):
        return found == full
    return isinstance(found, Article) and shown(found) == shown(full.article)


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="no sample content in this checkout")
def test_sample_content_previews_agree_with_the_loader():
    accepted, total = agree_on_folder(SAMPLES)
    assert accepted > total // 2


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared/corpus/real beside the repository")
def test_real_corpus_previews_agree_with_the_loader():
    accepted, total = agree_on_folder(CORPUS)
    assert accepted > 10 and total > 50


KEYS = st.sampled_from(
    ["title", "newstitle", "date", "pubDatetime", "published", "description", "summary",
     "tags", "frtags", "draft", "path", "author", "on", "x-y", "modDatetime"]
)  # fmt: skip
PLAIN = st.sampled_from(
    ["yes", "No", "TRUE", "null", "~", "42", "0", "1.5", "2024-01-02", "2024-02-30",
     "2024-01-02T03:04:05Z", "2024-1-2 3:04:05 +01:00", "2024-01-02T03:04:05+25:00", "a: b",
     "a #b", "x:", "é", "plain words", "https://a.test/x", "-x", "a, b", "a  b", "[a]", "'q'",
     '"q"', "''", "", "2020/01/02/slug", "false"]
)  # fmt: skip
LINES = frontmatter_lines(KEYS, PLAIN)
BODIES = st.sampled_from(
    ["Body.\n", "\n\n# Only heading\n\nText\n", "**Source:** [A](https://a.test)\n",
     "> **source**: [B b](<https://b.test> \"t\")\n", "x **Source:** [no](https://c.test)\n",
     "```\n**Source:** [code](https://d.test)\n```\n", "\u017f **\u017fource:** [s](https://e.t)\n",
     "**Source:** [" + "n" * 400 + "](https://f.test)\n", ""]
)  # fmt: skip


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES | st.sampled_from(["\n", "# note\n"]), max_size=6), BODIES, BODIES)
def test_generated_files_are_previewed_exactly_or_declined(lines, body, more):
    text = "---\n" + "".join(lines) + "---\n" + body + more
    check_agrees("2021-05-06-post.md", text.encode("utf-8", "surrogatepass"))


HOSTILE = [
    b"---\ntitle: T\n---\n\x00binary",
    b"---\ntitle: T\n---\n" + bytes(range(1, 9)) * 200,
    b"---\ntitle: caf\xe9\n---\nlatin-1\n",
    b"\xff\xfe-\x00-\x00-\x00",
    b"---\ntitle: " + b"[" * 5000 + b"\n---\n",
    b"---\na: &a [x]\nb: *a\n---\nB\n",
]


@pytest.mark.parametrize("data", HOSTILE)
def test_hostile_bytes_give_what_the_loader_gives(tmp_path: Path, data: bytes):
    (tmp_path / "bad.md").write_bytes(data)
    assert _same_outcome(tmp_path, "bad.md")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_random_bytes_after_a_fence_never_raise(data):
    found = preview_article("x.md", b"---\n" + data)
    assert found is None or check_agrees("x.md", b"---\n" + data)


def test_unreadable_files_become_the_loaders_problems(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.md")
    with open(tmp_path / "huge.md", "wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES + 1)
    (tmp_path / "outside.md").symlink_to("/etc/hostname")
    for name in ("pipe.md", "huge.md", "outside.md", "missing.md"):
        found = preview_file(tmp_path, name)
        assert isinstance(found, Problem), name
        assert found == load_article(tmp_path, name), name
