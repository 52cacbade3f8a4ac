"""Coerce untrusted frontmatter values (any type) into clean, bounded text and flags."""

from __future__ import annotations

import datetime as dt
import re

from digest_tui.loading.limits import MAX_TAG_CHARS, MAX_TAGS
from digest_tui.text_safety import clean_line

_SPACES = re.compile(r"\s+")
_TRUE_WORDS = frozenset({"true", "yes", "on", "1", "y"})
_FALSE_WORDS = frozenset({"false", "no", "off", "0", "n", ""})


class Notes:
    """Collects the warnings produced while normalising one article."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, message: str) -> None:
        """Record a warning once."""
        if message not in self.items:
            self.items.append(message)


def scalar_text(value: object) -> str | None:
    """Text for a string, number, boolean or date; None for null, lists and mappings."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | dt.date | dt.time):
        return str(value)
    return None


def is_clean_line(text: str) -> bool:
    """True when `clean_line(text)` is `text` itself, checked without regular expressions.

    Every character `clean_line` removes or folds (controls, escapes, bidi overrides,
    surrogates, line breaks and every whitespace but the space) is unprintable to Python,
    and `strip()` then has only spaces to strip.
    """
    return text.isprintable() and text[:1] != " " and text[-1:] != " "


def text_field(
    value: object, name: str, limit: int, notes: Notes, *, lists_expected: bool = False
) -> str:
    """A single-line, control-free text of at most `limit` characters from any value.

    Lists are joined with commas; mappings and nulls give empty text (with a warning for
    mappings); numbers and booleans become their text.
    """
    if type(value) is str and len(value) <= limit and is_clean_line(value):
        return value  # the common case: what the steps below give, without them
    if value is None:
        return ""
    text = scalar_text(value)
    if text is None and isinstance(value, list):
        parts = [scalar_text(item) for item in value]
        text = ", ".join(part for part in parts if part)
        if not lists_expected:
            notes.add(f"{name} is a list; joined with commas")
    if text is None:
        notes.add(f"{name} is a {type(value).__name__}, not text; ignored")
        return ""
    if not isinstance(value, str) and not isinstance(value, list):
        notes.add(f"{name} is a {type(value).__name__}; read as text")
    cleaned = text if is_clean_line(text) else clean_line(text)
    if len(cleaned) > limit:
        notes.add(f"{name} is longer than {limit} characters; shortened")
        cleaned = clean_line(cleaned, limit)
    return cleaned


def flag(value: object, name: str, notes: Notes) -> bool | None:
    """A boolean from a YAML/TOML value; the strings "true"/"false" count. None if unknown."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    text = scalar_text(value)
    if text is not None:
        word = text.strip().lower()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
    notes.add(f"{name} is not true or false: {str(value)[:40]}")
    return None


_PLURALS = {"tag": "tags", "category": "categories"}


def tag_list(
    value: object, notes: Notes, kind: str = "tag", *, split_words: bool = True
) -> tuple[str, ...]:
    """Tags (or another `kind` of label) from a list or a string, cleaned, de-duplicated
    case-insensitively, bounded.

    A string holding commas is split on them; otherwise it is split on whitespace (Jekyll),
    unless `split_words` is false (Jekyll's singular `category` names one category).
    List items are split on commas only, so `vitess cluster` stays one tag.
    """
    if value is None:
        return ()
    if type(value) is list and all(type(item) is str and "," not in item for item in value):
        return _unique_tags(value, notes, kind)  # each item would split into itself
    if isinstance(value, str):
        words = value.split() if split_words else [value]
        raw = value.split(",") if "," in value else words
    elif isinstance(value, list | tuple):
        raw = []
        for item in value:
            text = scalar_text(item)
            if text is None:
                if item is not None:
                    notes.add(f"a {kind} is a list or mapping; ignored")
                continue
            raw.extend(text.split(","))
    else:
        text = scalar_text(value)
        if text is None:
            notes.add(f"{_PLURALS[kind]} is a {type(value).__name__}; ignored")
            return ()
        raw = [text]
    return _unique_tags(raw, notes, kind)


def _unique_tags(raw: list[str], notes: Notes, kind: str) -> tuple[str, ...]:
    tags: list[str] = []
    seen: set[str] = set()
    for item in raw:
        if is_clean_line(item) and "  " not in item:
            tag = item  # what the line below gives, without two regular expressions
        else:
            tag = _SPACES.sub(" ", clean_line(item)).strip()
        if not tag:
            continue
        if len(tag) > MAX_TAG_CHARS:
            notes.add(f"a {kind} is longer than {MAX_TAG_CHARS} characters; shortened")
            tag = clean_line(tag, MAX_TAG_CHARS)
        key = tag.casefold()
        if key in seen:
            continue
        if len(tags) == MAX_TAGS:
            notes.add(f"more than {MAX_TAGS} {_PLURALS[kind]}; the rest are ignored")
            break
        seen.add(key)
        tags.append(tag)
    return tuple(tags)
