"""Cut a long Markdown body into sections that parse the same apart as together.

A long body is parsed a section at a time so its first screenful can be shown before
the rest is parsed. A cut is made only before a line that must start a new top-level
block: after a blank line, not indented, not a list marker (which could continue a
loose list), and outside fenced code and multi-line HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

SECTION_CHARS = 8_000
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST_MARKER = re.compile(r"^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")
_HTML_OPEN = re.compile(r"<!--|<(?:script|pre|style|textarea)\b", re.IGNORECASE)
_HTML_CLOSE = re.compile(r"-->|</(?:script|pre|style|textarea)>", re.IGNORECASE)
REFERENCE_LINE = re.compile(r"^ {0,3}\[[^\]]+\]:")


TABLE_CELL_COST = 20
"""A table cell costs the renderer about as much as this many characters of prose."""


def render_cost(markdown: str) -> int:
    """A rough measure of the work of rendering `markdown`, in characters of prose."""
    return len(markdown) + TABLE_CELL_COST * markdown.count("|")


def split_sections(markdown: str, section_chars: int = SECTION_CHARS) -> Iterator[str]:
    """Yield consecutive pieces of `markdown`, each about `section_chars` or more long."""
    lines = markdown.splitlines(keepends=True)
    start, size = 0, 0
    fence: str | None = None
    in_html = False
    for number, line in enumerate(lines):
        if (
            size >= section_chars
            and fence is None
            and not in_html
            and _can_start_section(lines[number - 1], line)
        ):
            yield "".join(lines[start:number])
            start, size = number, 0
        size += len(line)
        fence, in_html = _track(line, fence, in_html)
    if start < len(lines):
        yield "".join(lines[start:])


def _can_start_section(previous: str, line: str) -> bool:
    return (
        not previous.strip()
        and bool(line.strip())
        and line[0] not in " \t"
        and not _LIST_MARKER.match(line)
    )


def track_fence(line: str, fence: str | None) -> str | None:
    """The code fence open after `line` (its backticks or tildes), or None outside code."""
    match = _FENCE.match(line)
    if fence is not None:
        if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
            return None
        return fence
    return match.group(1) if match else None


def _track(line: str, fence: str | None, in_html: bool) -> tuple[str | None, bool]:
    """Update whether we are inside a code fence or a multi-line HTML block."""
    if fence is not None or _FENCE.match(line):
        return track_fence(line, fence), in_html
    if in_html:
        return None, not _HTML_CLOSE.search(line)
    opened = _HTML_OPEN.search(line)
    return None, opened is not None and not _HTML_CLOSE.search(line, opened.end())


def reference_lines(markdown: str) -> str:
    """The lines that look like link reference definitions, so every section can use them."""
    if "]:" not in markdown:
        return ""
    return "".join(
        line for line in markdown.splitlines(keepends=True) if REFERENCE_LINE.match(line)
    )
