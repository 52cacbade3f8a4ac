"""The line-based frontmatter reader gives what the full safe YAML loader gives, or declines."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml_strategies import frontmatter_lines

from digest_tui.loading import discover
from digest_tui.loading.decode import decode_bytes
from digest_tui.loading.fences import split_frontmatter
from digest_tui.loading.simple_yaml import parse_simple
from digest_tui.loading.yaml_safe import load_yaml
from digest_tui.model import FileStamp

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_content"
CORPUS = REPO.parent / "shared" / "corpus" / "real"
"""The shared real-world corpus, beside the repository; these tests skip without it."""

HANDLED = [
    'title: "Sable Networks raises funding"\npubDatetime: 2020-01-27T05:47:00Z\n'
    'description: "Short."\ntags: ["AI","weather"]\n',
    "title: Plain title\ndraft: false\nfeatured: yes\nauthor: null\nviews: 42\n",
    "tags:\n  - one\n  - two words\n  - 'quoted'\ndate: 2024-02-03\n",
    "tags:\n- flush\n- left\nempty:\n",
    "# a comment line\ntitle: 'single quoted'\n\nlastmod: 2024-02-03 10:00:00 +01:00\n",
    "tags: []\nkeywords: [a, b c, 'd']\n",
    "title: Ünïcödé and emoji 🚀\nurl: https://example.test/a?b=c#d\n",
    "title: x\ntitle: y\n",
]
DECLINED = [
    "",
    "title: Plain title: not valid YAML\n",
    "keywords: ['a, b']\n",
    "# only a comment\n",
    "title: a # comment\n",
    'title: "escaped \\" quote"\n',
    "title: >\n  folded\n",
    "title: |\n  literal\n",
    "base: &a x\nother: *a\n",
    "title: !!str 5\n",
    "nested:\n  key: value\n",
    "title: first\n  continued\n",
    "ratio: 1.5\noctal: 012\n",
    "on: 1\n",
    "- a\n- b\n",
    "title:\tTab\n",
    "title: line\u2028break\n",
    "tags: [a, [b]]\n",
    "tags:\n  - a\n   - b\n",
    "key:value\n",
    "title: 'it''s'\n",
]


def agrees(block: str) -> bool:
    """True when the reader handled `block`; fails the test if it handled it differently."""
    simple = parse_simple(block)
    if simple is None:
        return False
    full, warnings = load_yaml(block)
    assert simple == full and not warnings, block
    assert [type(v) for v in simple.values()] == [type(v) for v in full.values()], block
    return True


@pytest.mark.parametrize("block", HANDLED)
def test_simple_frontmatter_is_read_like_the_full_loader(block):
    assert agrees(block)


@pytest.mark.parametrize("block", DECLINED)
def test_anything_else_is_left_to_the_full_loader(block):
    assert parse_simple(block) is None


KEYS = st.sampled_from(["title", "date", "tags", "draft", "on", "null_", "x-y", "_k"])
PLAIN = st.sampled_from(
    ["yes", "No", "TRUE", "null", "~", "42", "0", "012", "1_0", "1.5", "2024-01-02",
     "2024-01-02T03:04:05Z", "2024-1-2 3:04:05 +01:00", "a: b", "a #b", "a#b", "x:", "é",
     "plain words", "https://a.test/x", "-x", "a, b", "[a]", "a]", "'q'", '"q"', "''", ""]
)  # fmt: skip
LINES = frontmatter_lines(KEYS, PLAIN, single_quoted=True)


@settings(max_examples=1500)
@given(st.lists(LINES | st.sampled_from(["\n", "# note\n", "  - stray\n"]), max_size=6))
def test_generated_frontmatter_is_read_like_the_full_loader(lines):
    block = "".join(lines)
    try:
        agrees(block)
    except Exception as error:  # the full loader rejects it: the reader must have declined
        if isinstance(error, AssertionError):
            raise
        assert parse_simple(block) is None


def blocks_agree(folder: Path) -> tuple[int, int]:
    handled = total = 0
    for found in discover(folder):
        if not isinstance(found, FileStamp):
            continue
        text = decode_bytes(folder.joinpath(*found.path.split("/")).read_bytes()).text
        split = split_frontmatter(text or "")
        if split.kind != "yaml":
            continue
        total += 1
        try:
            handled += agrees(split.frontmatter)
        except AssertionError:
            raise
        except Exception:  # not valid YAML: the reader must decline it
            assert parse_simple(split.frontmatter) is None
    return handled, total


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="no sample content in this checkout")
def test_sample_content_frontmatter_agrees():
    handled, total = blocks_agree(SAMPLES)
    assert handled > 0 and total > 0


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared/corpus/real beside the repository")
def test_real_corpus_frontmatter_agrees():
    handled, total = blocks_agree(CORPUS)
    assert handled > 10 and total > 50
