"""Map the frontmatter of any supported dialect onto one Article.

Dialects: AstroPaper (v1 to v5), Hugo (YAML and TOML), Jekyll, Zola, MkDocs blog, Obsidian
and Eleventy. Keys are looked up in a fixed order so that each dialect's own key wins.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from digest_tui.loading import markdown_text
from digest_tui.loading.dates import NO_DATE, ParsedDate, day_from_filename, parse_date
from digest_tui.loading.fields import Notes, flag, tag_list, text_field
from digest_tui.loading.limits import MAX_DESCRIPTION_CHARS, MAX_FIELD_CHARS, MAX_TITLE_CHARS
from digest_tui.model import Article

TITLE_KEYS = ("title", "newstitle")
DATE_KEYS = ("pubDatetime", "datetime", "date", "published")
MODIFIED_KEYS = ("modDatetime", "lastmod", "updated", "modified")
DESCRIPTION_KEYS = ("description", "summary", "excerpt")
IMAGE_KEYS = ("heroImage", "ogImage", "image", "cover")
AUTHOR_KEYS = ("author", "authors")
SOURCE_KEYS = ("source", "link", "url")
"""Frontmatter keys naming the article's source URL when the body has no `**Source:**` line."""
_WEB_SCHEMES = ("http://", "https://")
_FLAGS = frozenset({"true", "false", "yes", "no"})
_LOCALIZED_TAGS = re.compile(r"[A-Za-z]{2}tags")
_WIKI_LINK = re.compile(r"\[\[([^\[\]|#]{1,500})(?:#[^\[\]|]{0,500})?(?:\|([^\[\]]{1,500}))?\]\]")
_ZOLA_PATH_DAY = re.compile(r"(?:^|/)(\d{4})/(\d{2})/(\d{2})(?:/|$)")


def build_article(
    path: str, meta: Mapping[str, Any], body: str, notes: Notes, plain_text: str | None = None
) -> Article:
    """The Article for a file at `path` (relative, `/`-separated) with this metadata and body.

    `plain_text` is the body as `markdown_text.to_plain_text` gives it, when the caller
    already has it (for word counts).
    """
    name = path.rsplit("/", 1)[-1]
    published = parse_first_date(meta, DATE_KEYS, notes) or date_from_names(meta, name)
    modified = parse_first_date(meta, MODIFIED_KEYS, notes, created=False)
    source_name, source_url = source_of(meta, body)
    if plain_text is None:
        plain_text = markdown_text.to_plain_text(body)
    return Article(
        path=path,
        title=title_of(meta, body, name, notes),
        date=published.iso,
        timestamp=published.timestamp,
        modified=modified.iso if modified else None,
        tags=tags_of(meta, notes),
        categories=categories_of(meta, notes),
        description=description_of(meta, body, notes),
        draft=is_draft(meta, notes),
        # Hugo themes use `featured` for an image name, so only a clear "true" counts.
        featured=bool(flag(meta.get("featured"), "featured", Notes())),
        author=wiki_link_text(_first_text(meta, AUTHOR_KEYS, MAX_FIELD_CHARS, notes)),
        image=_image(meta, notes),
        source_name=text_field(source_name, "source name", MAX_FIELD_CHARS, notes),
        source_url=text_field(source_url, "source URL", MAX_FIELD_CHARS * 4, notes),
        first_link=text_field(
            markdown_text.first_http_link(body), "link", MAX_FIELD_CHARS * 4, notes
        ),
        words=markdown_text.word_count(plain_text),
        warnings=tuple(notes.items),
    )


def _unnested(value: object) -> object:
    """YAML reads an unquoted `[[Name]]` as a list in a list: the name inside."""
    for _ in range(3):
        if isinstance(value, list) and len(value) == 1:
            value = value[0]
    return value


def wiki_link_text(text: str) -> str:
    """Obsidian's `[[Note]]` and `[[Note|Shown]]` in a value, as the text they show."""
    if "[[" not in text:
        return text
    return _WIKI_LINK.sub(lambda match: (match.group(2) or match.group(1)).strip(), text)


def source_of(meta: Mapping[str, Any], body: str) -> tuple[str, str]:
    """The source's name and URL: the body's `**Source:**` line, else the first of
    `SOURCE_KEYS` that holds an http(s) URL (a site-relative `url: /archives/` is no source)."""
    name, url = markdown_text.source_link(body)
    if name or url:
        return name, url
    for key in SOURCE_KEYS:
        value = meta.get(key)
        if isinstance(value, str) and value.strip().lower().startswith(_WEB_SCHEMES):
            return "", value.strip()
    return "", ""


def title_of(meta: Mapping[str, Any], body: str, name: str, notes: Notes) -> str:
    """The title: a title key, else the body's single `# ` heading, else the file name."""
    title = _first_text(meta, TITLE_KEYS, MAX_TITLE_CHARS, notes)
    if not title:
        heading = markdown_text.title_heading(body)
        title = text_field(heading, "heading", MAX_TITLE_CHARS, notes)
    if not title:
        stem = name.rsplit(".", 1)[0]
        title = text_field(stem, "file name", MAX_TITLE_CHARS, notes) or name
    return title


def _first_text(meta: Mapping[str, Any], keys: tuple[str, ...], limit: int, notes: Notes) -> str:
    for key in keys:
        value = meta.get(key)
        if type(value) is not str and isinstance(value, Mapping) and "name" in value:
            value = value["name"]
        if isinstance(value, list) and key in AUTHOR_KEYS:
            value = [_unnested(item) for item in value]
        text = text_field(value, key, limit, notes, lists_expected=key in AUTHOR_KEYS)
        if text:
            return text
    return ""


def parse_first_date(
    meta: Mapping[str, Any], keys: tuple[str, ...], notes: Notes, created: bool = True
) -> ParsedDate | None:
    """The first of `keys` that holds a valid date (MkDocs `date: {created, updated}` too)."""
    for key in keys:
        value = meta.get(key)
        if type(value) is not str and isinstance(value, Mapping):
            value = value.get("created" if created else "updated")
        if value is None or isinstance(value, bool) or _is_flag_word(key, value):
            continue
        parsed = parse_date(value, key)
        if parsed.warning:
            notes.add(parsed.warning)
        if parsed.iso is not None:
            return parsed
    if not created:
        date = meta.get("date")
        if isinstance(date, Mapping) and date.get("updated") is not None:
            return parse_date(date.get("updated"), "date.updated")
    return None


def _is_flag_word(key: str, value: object) -> bool:
    # Jekyll's `published: "false"` is a flag, not a date (Obsidian's `published` is a date).
    return key == "published" and isinstance(value, str) and value.strip().lower() in _FLAGS


def date_from_names(meta: Mapping[str, Any], name: str) -> ParsedDate:
    """A day from Zola's `path` key or a Jekyll-style `YYYY-MM-DD-` file name."""
    zola_path = meta.get("path")
    if isinstance(zola_path, str):
        match = _ZOLA_PATH_DAY.search(zola_path)
        if match:
            parsed = parse_date("-".join(match.groups()), "path")
            if parsed.iso:
                return parsed
    day = day_from_filename(name)
    return parse_date(day, "file name") if day else NO_DATE


def tags_of(meta: Mapping[str, Any], notes: Notes) -> tuple[str, ...]:
    """Tags from `tags`, Zola's `taxonomies.tags` or a localized key such as `frtags`."""
    if "tags" in meta:
        return tag_list(meta["tags"], notes)
    taxonomies = meta.get("taxonomies")
    if isinstance(taxonomies, Mapping) and "tags" in taxonomies:
        return tag_list(taxonomies["tags"], notes)
    for key in meta:
        if _LOCALIZED_TAGS.fullmatch(key):
            return tag_list(meta[key], notes)
    return ()


def categories_of(meta: Mapping[str, Any], notes: Notes) -> tuple[str, ...]:
    """Categories from `categories` (Jekyll, Hugo), Zola's `taxonomies.categories` and
    Jekyll's singular `category`, which names one category even with spaces in it."""
    if "categories" not in meta and "category" not in meta and "taxonomies" not in meta:
        return ()  # most posts: what the steps below give for no values
    found: list[str] = []
    if "categories" in meta:
        found += tag_list(meta["categories"], notes, "category")
    taxonomies = meta.get("taxonomies")
    if isinstance(taxonomies, Mapping) and "categories" in taxonomies:
        found += tag_list(taxonomies["categories"], notes, "category")
    if "category" in meta:
        found += tag_list(meta["category"], notes, "category", split_words=False)
    found = [_wikilink_text(item) for item in found]
    return tag_list(found, Notes(), "category")  # one of each, case-insensitively


def _wikilink_text(item: str) -> str:
    """`Clippings` for Obsidian's `[[Clippings]]` (the alias of `[[target|alias]]`)."""
    if item.startswith("[[") and item.endswith("]]"):
        return item[2:-2].rpartition("|")[2].strip()
    return item


def is_draft(meta: Mapping[str, Any], notes: Notes) -> bool:
    """True for `draft: true`, or for Jekyll's `published: false`."""
    if flag(meta.get("draft"), "draft", notes):
        return True
    published = meta.get("published")
    return isinstance(published, bool | str) and flag(published, "published", Notes()) is False


def description_of(meta: Mapping[str, Any], body: str, notes: Notes) -> str:
    """A description key, else the body's first paragraph."""
    text = _first_text(meta, DESCRIPTION_KEYS, MAX_DESCRIPTION_CHARS, notes)
    if text:
        return text
    return text_field(
        markdown_text.first_paragraph(body), "first paragraph", MAX_DESCRIPTION_CHARS, Notes()
    )


def _image(meta: Mapping[str, Any], notes: Notes) -> str:
    for key in IMAGE_KEYS:
        value = meta.get(key)
        if isinstance(value, Mapping):
            value = value.get("image") or value.get("src")
        if isinstance(value, str) and value.strip():
            return text_field(value, key, MAX_FIELD_CHARS * 4, notes)
    return ""
