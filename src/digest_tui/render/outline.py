"""The outline of an article: its headings, in order, as plain text."""

from __future__ import annotations

from dataclasses import dataclass

from digest_tui.text_safety import clean_line

MAX_HEADING_CHARS = 120


@dataclass(frozen=True, slots=True)
class Heading:
    """One heading: its level (1 for `#`) and its text without markup."""

    level: int
    text: str


def headings(markdown: str) -> list[Heading]:
    """The Markdown headings of `markdown` (ATX and setext), in document order."""
    from digest_tui.render.parser import markdown_parser

    tokens = markdown_parser().parse(markdown)
    found: list[Heading] = []
    for opening, inline in zip(tokens, tokens[1:], strict=False):
        if opening.type != "heading_open" or inline.type != "inline":
            continue
        parts = [
            child.content
            for child in inline.children or ()
            if child.type in {"text", "code_inline", "softbreak"}
        ]
        text = clean_line(" ".join(" ".join(parts).split()), MAX_HEADING_CHARS)
        if text:
            found.append(Heading(int(opening.tag[1:] or 1), text))
    return found
