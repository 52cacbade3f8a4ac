"""Find the article a person means by its file name or its title (for `digest-tui show`).

A name matches exactly first, then ignoring case; the first of those rules that finds
anything decides. A file name may leave out the folders and the `.md` suffix, and a page
bundle (`slug/index.md`) answers to its folder's name.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from digest_tui.loading.discover import MARKDOWN_SUFFIXES
from digest_tui.model import Article

CLOSEST_SHOWN = 3
CLOSEST_SCORE = 50
"""A miss suggests up to three paths whose name or title scores at least this (0-100)."""


@dataclass(frozen=True)
class Lookup:
    """What a name found: one path, several (ambiguous), or none and the closest paths."""

    matches: tuple[str, ...]
    closest: tuple[str, ...] = ()


def find_article(wanted: str, articles: Sequence[Article]) -> Lookup:
    """The articles `wanted` names, by path, file name or title; on a miss, the nearest."""
    wanted = wanted.strip().strip("/")
    for fold in (_same, str.casefold):
        key = fold(wanted)
        found = [a.path for a in articles if key in {fold(name) for name in _names(a)}]
        if found:
            return Lookup(tuple(dict.fromkeys(found)))
    return Lookup((), _closest(wanted, articles))


def _same(text: str) -> str:
    return text


def _names(article: Article) -> Iterable[str]:
    """Every name an article answers to: its title and each tail of its path."""
    yield article.title
    stem = _without_suffix(article.path)
    if posixpath.basename(stem) == "index" and "/" in stem:
        stem = posixpath.dirname(stem)
    for path in {article.path, stem}:
        parts = path.split("/")
        for start in range(len(parts)):
            yield "/".join(parts[start:])


def _without_suffix(path: str) -> str:
    for suffix in MARKDOWN_SUFFIXES:
        if path.lower().endswith(suffix):
            return path[: -len(suffix)]
    return path


def _closest(wanted: str, articles: Sequence[Article]) -> tuple[str, ...]:
    """The paths whose file name or title is nearest to `wanted`, best first."""
    choices: list[tuple[str, str]] = []
    for article in articles:
        choices.append((posixpath.basename(_without_suffix(article.path)), article.path))
        choices.append((article.title, article.path))
    hits = process.extract(
        wanted,
        [text for text, _ in choices],
        scorer=fuzz.WRatio,
        processor=str.casefold,
        score_cutoff=CLOSEST_SCORE,
        limit=CLOSEST_SHOWN * 2,
    )
    paths = dict.fromkeys(choices[index][1] for _, _, index in hits)
    return tuple(paths)[:CLOSEST_SHOWN]
