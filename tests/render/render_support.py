"""Helpers for the renderer tests: Markdown in, plain lines, segments and links out."""

from __future__ import annotations

from rich.segment import Segment

from digest_tui.render import parse_markdown, plain_lines, render_blocks


def lines_of(markdown: str, width: int = 70) -> list[str]:
    """The body as a reader sees it, one string per line, trailing spaces dropped."""
    rendered = render_blocks(parse_markdown(markdown).blocks, width)
    return [line.rstrip() for line in plain_lines(rendered)]


def text_of(markdown: str, width: int = 70) -> str:
    return "\n".join(lines_of(markdown, width))


def segments_of(markdown: str, width: int = 70) -> list[Segment]:
    rendered = render_blocks(parse_markdown(markdown).blocks, width)
    return [segment for line in rendered for segment in line]


def style_of(markdown: str, word: str):
    """The style of the first segment holding `word`."""
    return next(s.style for s in segments_of(markdown) if word in s.text)


def links_of(markdown: str) -> list[str]:
    return parse_markdown(markdown).links
