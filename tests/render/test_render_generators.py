"""Whole posts in the styles of many site generators show no markup meant for a browser.

The posts in `generator_posts/` were written for these tests in the manner of WordPress,
Ghost, Gatsby/MDX, Docusaurus, Hexo, Zola, Obsidian and Pelican; the real posts in
`../shared/corpus/real` are checked too when that folder is present.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from digest_tui.loading import load_article
from digest_tui.model import Problem
from digest_tui.render import article_header, parse_markdown, plain_lines, render_blocks

HERE = Path(__file__).parent
REAL_POSTS = HERE.parents[1].parent / "shared" / "corpus" / "real"
LEFTOVERS = {
    "HTML tag": re.compile(
        r"</?(img|figure|figcaption|div|span|a|br|iframe|video|audio|details|summary|sup|sub|"
        r"p|center|table|tr|td|th|ul|ol|li|em|strong|b|i|kbd|pre|picture|source|hr|h[1-6]|"
        r"template|script|style|cite|blockquote|section)\b[^>\n]*>",
        re.IGNORECASE,
    ),
    "component": re.compile(r"</?([a-z]+-[a-z-]+|[A-Z][a-z]+[A-Z][A-Za-z]*)\b[^>\n]*>"),
    "template tag": re.compile(r"\{\{[<%]|[%>]\}\}|\{%-? *[a-z]"),
    "footnote marker": re.compile(r"\[\^[^\]\s]+\]"),
    "admonition marker": re.compile(
        r"^\s*(!!!|\?\?\?\+?) *[a-z]+|\[!(NOTE|TIP|WARNING|IMPORTANT|CAUTION)\]|^:::",
        re.MULTILINE | re.IGNORECASE,
    ),
}
_commonmark = MarkdownIt("commonmark")


def _code_in(source: str) -> str:
    parts = []
    for token in _commonmark.parse(source):
        if token.type in ("fence", "code_block"):
            parts.append(token.content)
        parts.extend(c.content for c in token.children or [] if c.type == "code_inline")
    return "\n".join(parts)


def _leftovers(root: Path, path: Path) -> list[str]:
    loaded = load_article(root, path.relative_to(root).as_posix())
    assert not isinstance(loaded, Problem), loaded
    blocks = article_header(loaded.article) + parse_markdown(loaded.body).blocks
    shown = "\n".join(plain_lines(render_blocks(blocks, 100)))
    source = path.read_text(encoding="utf-8", errors="replace")
    in_code = _code_in(source)
    found = []
    for kind, pattern in LEFTOVERS.items():
        for match in pattern.finditer(shown):
            # Code is shown as written, and so is text the author escaped (`&lt;b&gt;`).
            if match.group(0) not in in_code and match.group(0) in source:
                found.append(f"{kind}: {match.group(0)}")
    return found


@pytest.mark.parametrize("name", sorted(p.name for p in (HERE / "generator_posts").iterdir()))
def test_generator_style_post_shows_no_browser_markup(name: str) -> None:
    assert _leftovers(HERE / "generator_posts", HERE / "generator_posts" / name) == []


def test_real_posts_show_no_browser_markup() -> None:
    if not REAL_POSTS.is_dir():
        pytest.skip(f"the shared corpus is not at {REAL_POSTS}")
    posts = sorted(
        path
        for path in REAL_POSTS.rglob("*")
        if path.suffix in (".md", ".markdown", ".mdx")
        and not any(part.startswith(".") for part in path.relative_to(REAL_POSTS).parts)
    )
    found = {str(path.relative_to(REAL_POSTS)): _leftovers(REAL_POSTS, path) for path in posts}
    assert {path: hits for path, hits in found.items() if hits} == {}
