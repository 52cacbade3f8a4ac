"""Markdown source to a flat list of Rich renderables, one per block, plus its links.

The token stream is walked once (`builder`), keeping a stack of open containers (list
items, block quotes, callouts). Each leaf block becomes one renderable with its containers
folded into a prefix, so the output is flat however deep the nesting, and blocks can be
rendered to lines one at a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from rich.console import RenderableType

from digest_tui.render.builder import BlockBuilder
from digest_tui.render.nesting import nesting_overflowed, skipped_lines
from digest_tui.render.parser import markdown_parser
from digest_tui.render.sections import SECTION_CHARS, reference_lines, split_sections
from digest_tui.render.table_caps import cap_table_rows
from digest_tui.render.template_tags import protect_raw, resolve_link_tags

_FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:", re.MULTILINE)


@dataclass
class Document:
    """A parsed article body: its blocks in order and the targets of its links."""

    blocks: list[RenderableType] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


def parse_markdown(markdown: str, dark: bool = True) -> Document:
    """Parse Markdown into renderable blocks. Article text is only ever inserted as plain text.

    `dark` picks the colours of highlighted code for a dark or a light background.
    """
    document = Document()
    for _ in parse_in_sections(markdown, document, dark=dark):
        pass
    return document


def parse_in_sections(
    markdown: str, document: Document, section_chars: int = SECTION_CHARS, dark: bool = True
) -> Iterator[list[RenderableType]]:
    """Parse a section at a time, appending to `document`; yield each section's new blocks.

    Link references and footnote labels are collected from the whole body first, so a
    reference defined at the end still resolves in the first section; footnotes are
    drawn after the last section.
    """
    parser = markdown_parser()
    footnotes: dict = {"refs": {f":{label}": -1 for label in _footnote_labels(markdown)}}
    footnotes["list"] = {}
    env: dict = {"footnotes": footnotes}
    if references := reference_lines(markdown):
        parser.parse(resolve_link_tags(protect_raw(references)), env)
    builder = BlockBuilder(document.blocks, document.links, dark=dark)
    for section in split_sections(markdown, section_chars):
        done = len(document.blocks)
        section, builder.hidden_rows = cap_table_rows(resolve_link_tags(protect_raw(section)))
        tokens = parser.parse(section, dict(env))
        if nesting_overflowed(tokens):
            lines = section.splitlines()
            builder.recover(lines, skipped_lines(lines, tokens))
        builder.feed(tokens)
        builder.flush_skipped(None)
        yield document.blocks[done:]
    done = len(document.blocks)
    builder.html.finish()
    builder.footnotes(footnotes["list"])
    yield document.blocks[done:]


def _footnote_labels(markdown: str) -> list[str]:
    return _FOOTNOTE_DEFINITION.findall(markdown) if "[^" in markdown else []
