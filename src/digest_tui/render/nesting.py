"""Recover text that the parser drops when containers nest deeper than its limit.

markdown-it stops descending at `maxNesting` and silently skips the rest of the deepest
container. A higher limit risks a RecursionError, so the limit stays moderate and the
skipped lines are found here and shown as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

MAX_NESTING = 40
LEAF_OPENERS = frozenset(
    {"paragraph_open", "heading_open", "fence", "code_block", "html_block", "hr", "table_open"}
)
# Lines holding only container syntax (quote bars, list markers) or a link reference.
_NO_CONTENT = re.compile(r"^[\s>*+\-]*(?:\d{1,9}[.)])?[\s>*+\-]*$")
_REFERENCE = re.compile(r"^[\s>]*\[[^\]]+\]:\s")


def nesting_overflowed(tokens: Sequence[Token]) -> bool:
    """True when some container reached the parser's nesting limit."""
    return any(token.level >= MAX_NESTING - 1 for token in tokens)


def skipped_lines(source_lines: Sequence[str], tokens: Sequence[Token]) -> list[int]:
    """Numbers of the lines with content that no leaf block covers, in order."""
    covered = bytearray(len(source_lines))
    for token in tokens:
        if token.type in LEAF_OPENERS and token.map:
            start, end = token.map
            covered[start:end] = b"\x01" * (min(end, len(source_lines)) - start)
    return [
        number
        for number, line in enumerate(source_lines)
        if not covered[number] and not _NO_CONTENT.match(line) and not _REFERENCE.match(line)
    ]
