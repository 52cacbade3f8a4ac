"""Find the frontmatter block at the top of a file: YAML `---`, TOML `+++` or JSON `{`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

YAML_FENCE = re.compile(r"^-{3,}[ \t]*$", re.MULTILINE)
TOML_FENCE = re.compile(r"^\+{3,}[ \t]*$", re.MULTILINE)
_LEADING_BLANK_LINES = re.compile(r"(?:[ \t]*\n)*")
# Lines that can belong to a YAML block: keys, list items, comments, indented continuations,
# flow collection brackets and quoted keys. Anything else suggests Markdown body text.
_YAML_LINE = re.compile(
    r"""[ \t]|#|-(?:[ \t]|$)|\.\.\.|[\[\]{}]|$|["']|[^\s#].*?:(?:[ \t]|$)|\?(?:[ \t]|$)"""
)


@dataclass(frozen=True, slots=True)
class Split:
    """A file split into its frontmatter and body.

    `kind` is "yaml", "toml", "json" or None (no frontmatter). `first_line` is the 1-based
    file line where the frontmatter text starts, used to place parser errors.
    """

    kind: str | None
    frontmatter: str
    body: str
    first_line: int = 1
    warning: str | None = None


def _blank_lead(text: str, start: int = 0) -> int:
    """Where the text after the blank lines from `start` starts (the pattern matches any
    text)."""
    match = _LEADING_BLANK_LINES.match(text, start)
    return match.end() if match is not None else start


def strip_leading_blank_lines(text: str) -> str:
    """Remove blank (or whitespace-only) lines at the start of `text`."""
    return text[_blank_lead(text) :]


def split_frontmatter(text: str) -> Split:
    """Split `text` (LF line ends, no BOM) into frontmatter and body.

    A block without a closing fence is not frontmatter: the whole file is body, with a
    warning. (A block that fails to parse and holds Markdown prose is handled the same way
    by the metadata reader: see `looks_like_yaml`.)
    """
    if text.startswith("---\n"):
        simple = split_simple(text)
        if simple is not None:
            return Split("yaml", simple[0], simple[1], first_line=2)
    start = _blank_lead(text)
    lead_lines = text.count("\n", 0, start)
    rest = text[start:]
    if rest.startswith("---"):
        return _split_fenced(text, rest, YAML_FENCE, "yaml", lead_lines)
    if rest.startswith("+++"):
        return _split_fenced(text, rest, TOML_FENCE, "toml", lead_lines)
    if rest.startswith("{"):
        return _split_json(text, rest, lead_lines)
    return Split(None, "", text)


def split_simple(text: str) -> tuple[str, str] | None:
    """(frontmatter, body) as `_split_fenced` splits a file that opens with
    exactly `---` and closes with exactly `---`; None for any other shape."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 3)
    if end < 0:
        return None
    after = end + 4
    if after < len(text) and text[after] != "\n":
        return None  # `----`, `--- ` or `---x`: left to the full splitter
    return text[4 : end + 1], text[_blank_lead(text, after) :]


def _split_fenced(text: str, rest: str, fence: re.Pattern[str], kind: str, lead: int) -> Split:
    opening = fence.match(rest)
    if opening is None:
        return Split(None, "", text)
    closing = fence.search(rest, opening.end())
    if closing is None:
        return Split(None, "", text, warning=f"{kind.upper()} frontmatter has no closing fence")
    block = rest[opening.end() + 1 : closing.start()]
    body = strip_leading_blank_lines(rest[closing.end() :])
    return Split(kind, block, body, first_line=lead + 2)


def looks_like_yaml(block: str) -> bool:
    """False when some line of `block` cannot start a YAML line (so it is Markdown).

    Used only after the block failed to parse: it tells "the closing fence is missing and a
    later `---` rule closed the block" apart from plain bad YAML.
    """
    return all(_YAML_LINE.match(line) for line in block.split("\n"))


def _split_json(text: str, rest: str, lead: int) -> Split:
    try:
        _, end = json.JSONDecoder().raw_decode(rest)
    except ValueError:
        return Split(None, "", text)
    block = rest[:end]
    return Split("json", block, strip_leading_blank_lines(rest[end:]), first_line=lead + 1)
