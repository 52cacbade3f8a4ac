"""A quick first read of an article: the fields the list shows, long before the full parse.

On a first run the list should appear after about one read of every file. The preview reads
the common file (UTF-8, a `---` block of flat `key: value` lines) without building the body's
plain text, links or word count, and computes the fields the list shows and fuzzy search
reads (`PREVIEW_FIELDS`) with the very functions the full loader uses, so for every file it
accepts those fields equal `load_article`'s. Any other file, or one whose shown fields would
need a warning, is loaded in full instead. The other fields keep their defaults (no words, no
links, no warnings) until the full pass replaces the preview.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from digest_tui.loading.article_file import load_article, parse_article, read_file_bytes
from digest_tui.loading.decode import plain_utf8
from digest_tui.loading.fences import split_simple
from digest_tui.loading.fields import Notes, text_field
from digest_tui.loading.limits import MAX_FIELD_CHARS
from digest_tui.loading.normalise import (
    DATE_KEYS,
    DESCRIPTION_KEYS,
    SOURCE_KEYS,
    TITLE_KEYS,
    categories_of,
    date_from_names,
    description_of,
    is_draft,
    parse_first_date,
    source_of,
    tags_of,
    title_of,
)
from digest_tui.loading.simple_yaml import (
    FAILED,
    block_list,
    block_value,
    is_text_key,
    needs_full_loader,
)
from digest_tui.model import Article, LoadedArticle, Problem

PREVIEW_FIELDS = (
    "path",
    "title",
    "date",
    "timestamp",
    "tags",
    "description",
    "draft",
    "source_name",
    "source_url",
    "categories",
)
"""The Article fields a preview shares with the full loader's article."""

ArticleValues = tuple
"""An Article's field values in declaration order: `Article(*values)` builds it."""

# Keys whose values decide a shown field; other keys are only checked to be simple YAML.
_SHOWN_KEYS = frozenset(
    (*TITLE_KEYS, *DATE_KEYS, *DESCRIPTION_KEYS, "tags", "categories", "category", "draft", "path")
    + SOURCE_KEYS
)
_LOCALIZED_TAGS = re.compile(r"[A-Za-z]{2}tags")
_KEY_KINDS: dict[str, bool] = {}
_KEY_KINDS_KEPT = 4096


def preview_file(root: Path, path: str) -> Article | Problem:
    """The preview of the file at `path` (relative to `root`), or the full loader's answer.

    Never raises; a file the full loader would reject gives the same Problem.
    """
    found = preview_file_values(root, path)
    return found if isinstance(found, Problem) else Article(*found)


def preview_file_values(root: Path, path: str) -> ArticleValues | Problem:
    """`preview_file` as the article's field values in declaration order (they pickle fast)."""
    try:
        data = read_file_bytes(root, path)
    except Exception:
        return _values_of(load_article(root, path))  # the loader words the problem
    try:
        values = preview_values(path, data)
    except Exception:  # a preview is never worth a crash: the full loader decides
        values = None
    return values if values is not None else _values_of(parse_article(path, data))


def _values_of(loaded: LoadedArticle | Problem) -> ArticleValues | Problem:
    if isinstance(loaded, Problem):
        return loaded
    a = loaded.article
    return (
        a.path,
        a.title,
        a.date,
        a.timestamp,
        a.modified,
        a.tags,
        a.description,
        a.draft,
        a.featured,
        a.author,
        a.image,
        a.source_name,
        a.source_url,
        a.first_link,
        a.words,
        a.warnings,
        a.categories,
    )


def preview_article(path: str, data: bytes) -> Article | None:
    """The preview of a file's bytes, or None when only the full loader can tell."""
    values = preview_values(path, data)
    return None if values is None else Article(*values)


def preview_values(path: str, data: bytes) -> ArticleValues | None:
    """`preview_article` as the article's field values in declaration order."""
    if not data.startswith(b"---\n"):
        return None
    text = plain_utf8(data)
    if text is None:
        return None
    parts = split_simple(text)
    if parts is None:
        return None
    meta = scan_block(parts[0])
    if meta is None:
        return None
    return _shown_fields(path, meta, parts[1])


def scan_block(block: str) -> dict[str, Any] | None:
    """The keys of `block` that decide shown fields, with their values as YAML types them.

    None unless every line is one that `simple_yaml` reads exactly like the full loader
    (keys that decide nothing shown are checked for that, not typed).
    """
    if needs_full_loader(block):
        return None
    lines = block.split("\n")
    shown: dict[str, Any] = {}
    any_key = False
    number = 0
    count = len(lines)
    while number < count:
        line = lines[number]
        number += 1
        if not line or line[0] == "#":
            continue
        key, colon, rest = line.partition(":")
        if not colon or (rest and rest[0] != " "):
            return None
        matters = _KEY_KINDS.get(key)
        if matters is None and (matters := _key_kind(key)) is None:
            return None
        text = rest.strip(" ")
        if text:
            value = block_value(text, typed=matters)
        else:
            value, number = block_list(lines, number)
        if value is FAILED:
            return None
        any_key = True
        if matters:
            shown[key] = value
    return shown if any_key else None


def _key_kind(key: str) -> bool | None:
    """None for a key `simple_yaml` does not read as text, else whether it decides a shown
    field; remembered for the keys seen first."""
    if not is_text_key(key):
        return None
    matters = key in _SHOWN_KEYS or (len(key) == 6 and _LOCALIZED_TAGS.fullmatch(key) is not None)
    if len(_KEY_KINDS) < _KEY_KINDS_KEPT:
        _KEY_KINDS[key] = matters
    return matters


def _shown_fields(path: str, meta: dict[str, Any], body: str) -> ArticleValues | None:
    notes = Notes()
    name = path.rsplit("/", 1)[-1]
    published = parse_first_date(meta, DATE_KEYS, notes) or date_from_names(meta, name)
    title = title_of(meta, body, name, notes)
    tags = tags_of(meta, notes)
    categories = categories_of(meta, notes)
    description = description_of(meta, body, notes)
    draft = is_draft(meta, notes)
    source_name, source_url = source_of(meta, body)
    source_name = text_field(source_name, "source name", MAX_FIELD_CHARS, notes)
    source_url = text_field(source_url, "source URL", MAX_FIELD_CHARS * 4, notes)
    if notes.items:
        return None  # the full loader will warn about a shown field: let it decide
    # Modified, featured, author, image, first link, words and warnings keep their defaults.
    return (
        path,
        title,
        published.iso,
        published.timestamp,
        None,
        tags,
        description,
        draft,
        False,
        "",
        "",
        source_name,
        source_url,
        "",
        0,
        (),
        categories,
    )
