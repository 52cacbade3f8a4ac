"""A line-based reader for the flat frontmatter most posts have, five times cheaper than libyaml.

It understands only `key: value` lines whose value is a quoted string without escapes, a
plain scalar, a one-line flow list of such items, or a block list of them under a bare
`key:`. Plain scalars are typed by PyYAML's own resolver, so `true`, `null`, `42` and
timestamps mean what they mean to the full loader. Anything else (anchors, tags, nesting,
multi-line values, escapes, comments after values, odd characters) returns None and the
caller uses the full safe loader. Tests check both give the same mapping.
"""

from __future__ import annotations

import re
from typing import Any

from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

_RESOLVER = Resolver()
_PLAIN = (True, False)
_STR = "tag:yaml.org,2002:str"
_INT = re.compile(r"0|[1-9][0-9]*")
_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?")
_ITEM_LINE = re.compile(r"( *)- +(.*)")
_DOUBLE_QUOTED = re.compile(r'"([^"\\]*)"')
_SINGLE_QUOTED = re.compile(r"'([^']*)'")
# Characters the full loader rejects, treats as line breaks, or reads specially.
_NEEDS_FULL_LOADER = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_FAILED = object()


def parse_simple(block: str) -> dict[str, Any] | None:
    """The mapping in a simple frontmatter `block`, or None when it needs the full loader."""
    if _NEEDS_FULL_LOADER.search(block):
        return None
    lines = block.split("\n")
    values: dict[str, Any] = {}
    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        if not line or line[0] == "#":
            continue
        match = _KEY_LINE.fullmatch(line.rstrip(" "))
        if match is None:
            return None
        key, text = match.groups()
        if _resolved(key) is not key:  # `on:`, `null:` and such are not text keys
            return None
        if text:
            value = _block_value(text)
        else:
            value, number = _block_list(lines, number)
        if value is _FAILED:
            return None
        values[key] = value
    return values or None


def _block_list(lines: list[str], number: int) -> tuple[Any, int]:
    items: list[Any] = []
    indent = None
    while number < len(lines):
        match = _ITEM_LINE.fullmatch(lines[number].rstrip(" "))
        if match is None:
            break
        if indent is None:
            indent = match.group(1)
        if match.group(1) != indent:
            return _FAILED, number
        item = _block_value(match.group(2))
        if item is _FAILED or isinstance(item, list):
            return _FAILED, number
        items.append(item)
        number += 1
    return (items if items else None), number


def _block_value(text: str) -> Any:
    first = text[0]
    if first == "[":
        return _flow_list(text)
    if first in "\"'":
        return _quoted(text)
    if " #" in text or ": " in text or text.endswith(":") or not first.isalnum():
        return _FAILED
    return _resolved(text)


def _quoted(text: str) -> Any:
    pattern = _DOUBLE_QUOTED if text[0] == '"' else _SINGLE_QUOTED
    match = pattern.fullmatch(text)
    return _FAILED if match is None else match.group(1)


def _flow_list(text: str) -> Any:
    if not text.endswith("]"):
        return _FAILED
    inner = text[1:-1].strip(" ")
    if not inner:
        return []
    items = []
    for part in inner.split(","):
        item = part.strip(" ")
        if not item:
            return _FAILED
        if item[0] in "\"'":
            value = _quoted(item)
        elif item[0].isalnum() and not any(mark in item for mark in "[]{}#:"):
            value = _resolved(item)
        else:
            return _FAILED
        if value is _FAILED:
            return _FAILED
        items.append(value)
    return items


def _resolved(text: str) -> Any:
    """A plain scalar typed as the full loader types it (timestamps stay text)."""
    tag = _RESOLVER.resolve(ScalarNode, text, _PLAIN)
    if tag == _STR or tag.endswith(":timestamp"):
        return text
    if tag.endswith(":bool"):
        return SafeConstructor.bool_values[text.lower()]
    if tag.endswith(":null"):
        return None
    if tag.endswith(":int") and _INT.fullmatch(text):
        return int(text)
    return _FAILED
