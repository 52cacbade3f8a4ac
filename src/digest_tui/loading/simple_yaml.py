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
from functools import cache
from typing import Any

from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

_RESOLVER = Resolver()
_PLAIN = (True, False)
_STR = "tag:yaml.org,2002:str"
_INT = re.compile(r"0|[1-9][0-9]*")
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?")
_ITEM_LINE = re.compile(r"( *)- +(.*)")
# Characters the full loader rejects, treats as line breaks, or reads specially.
_NEEDS_FULL_LOADER = (
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
FAILED = object()
"""What the readers below return for a value they do not handle."""
_TEXT_KEYS: dict[str, bool] = {}
_TEXT_KEYS_KEPT = 4096
_RESOLVED: dict[str, Any] = {}
_RESOLVED_KEPT = 4096
_UNKNOWN = object()


def parse_simple(block: str) -> dict[str, Any] | None:
    """The mapping in a simple frontmatter `block`, or None when it needs the full loader."""
    if needs_full_loader(block):
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
        if not is_text_key(key):
            return None
        if text:
            value = block_value(text)
        else:
            value, number = block_list(lines, number)
        if value is FAILED:
            return None
        values[key] = value
    return values or None


def needs_full_loader(block: str) -> bool:
    """True when `block` holds a character the full loader rejects or reads specially."""
    if block.isascii() and block.replace("\n", "").isprintable():
        return False  # printable ASCII and newlines: the common case, without a regex
    return _unusual_characters().search(block) is not None


@cache
def _unusual_characters() -> re.Pattern[str]:
    # Compiled on first use: this class costs about 10 ms to compile, and most folders
    # never need it.
    return re.compile(_NEEDS_FULL_LOADER)


def is_text_key(key: str) -> bool:
    """True for a simple key (`[A-Za-z_][A-Za-z0-9_-]*`) that YAML reads as text.

    `on`, `null` and such are not text keys.
    """
    known = _TEXT_KEYS.get(key)
    if known is None:
        known = _KEY.fullmatch(key) is not None and _resolve(key) is key
        if len(_TEXT_KEYS) < _TEXT_KEYS_KEPT:
            _TEXT_KEYS[key] = known
    return known


def block_list(lines: list[str], number: int) -> tuple[Any, int]:
    """The block list starting at `lines[number]` (None when empty) and the next line number.

    The value is `FAILED` when an item is not a simple scalar or the indent changes.
    """
    items: list[Any] = []
    indent = None
    while number < len(lines):
        match = _ITEM_LINE.fullmatch(lines[number].rstrip(" "))
        if match is None:
            break
        if indent is None:
            indent = match.group(1)
        if match.group(1) != indent:
            return FAILED, number
        item = block_value(match.group(2))
        if item is FAILED or isinstance(item, list):
            return FAILED, number
        items.append(item)
        number += 1
    return (items if items else None), number


def block_value(text: str, typed: bool = True) -> Any:
    """The value of a one-line `text` after `key: `, or `FAILED`.

    With `typed=False` a plain scalar is only checked, not typed, and gives None: for
    keys whose value does not matter to the caller, only that the block stays valid.
    """
    first = text[0]
    if first == "[":
        return _flow_list(text)
    if first in "\"'":
        return _quoted(text)
    if " #" in text or ": " in text or text.endswith(":") or not first.isalnum():
        return FAILED
    return _resolved(text) if typed else None


def _quoted(text: str) -> Any:
    quote = text[0]
    inner = text[1:-1]
    # `"text"` without `"` or `\` inside, or `'text'` without `'` inside.
    if len(text) < 2 or text[-1] != quote or quote in inner or (quote == '"' and "\\" in inner):
        return FAILED
    return inner


def _flow_list(text: str) -> Any:
    if not text.endswith("]"):
        return FAILED
    inner = text[1:-1].strip(" ")
    if not inner:
        return []
    items = []
    for part in inner.split(","):
        item = part.strip(" ")
        if not item:
            return FAILED
        if item[0] in "\"'":
            value = _quoted(item)
        elif item[0].isalnum() and not any(mark in item for mark in "[]{}#:"):
            value = _resolved(item)
        else:
            return FAILED
        if value is FAILED:
            return FAILED
        items.append(value)
    return items


def _resolved(text: str) -> Any:
    """A plain scalar typed as the full loader types it (timestamps stay text)."""
    if text[4:5] == "-" and text[:4].isdigit():
        # `2024-...`: YAML numbers hold `-` only first or after a `.`, so text or timestamp.
        return text
    known = _RESOLVED.get(text, _UNKNOWN)
    if known is _UNKNOWN:
        # The same few words (`true`, `false`, `null`, small numbers) come back in every file.
        known = _resolve(text)
        if len(_RESOLVED) < _RESOLVED_KEPT:
            _RESOLVED[text] = known
    return known


def _resolve(text: str) -> Any:
    tag = _RESOLVER.resolve(ScalarNode, text, _PLAIN)
    if tag == _STR or tag.endswith(":timestamp"):
        return text
    if tag.endswith(":bool"):
        return SafeConstructor.bool_values[text.lower()]
    if tag.endswith(":null"):
        return None
    if tag.endswith(":int") and _INT.fullmatch(text):
        return int(text)
    return FAILED
