"""Why an article matched a query: the fields holding its words, and a line around a body hit."""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest_tui.model import Article
from digest_tui.search.query import Query

SNIPPET_WIDTH = 120
"""Characters of body text a snippet shows at most."""
LEAD = 40
"""Characters shown before the hit, so the words around it read as a phrase."""


def query_terms(query: Query) -> tuple[str, ...]:
    """The query's plain words and phrases, lower-cased: what a field is checked for."""
    return (*query.phrases, *query.words)


def matched_fields(article: Article, query: Query, body: str = "") -> list[str]:
    """The fields ("title", "description", "tags", "body") holding a word or phrase of
    `query` as typed (a match by a corrected typo or letters spread out names none)."""
    terms = query_terms(query)
    fields = {
        "title": article.title,
        "description": article.description,
        "tags": " ".join(article.tags),
        "body": body,
    }
    return [name for name, text in fields.items() if _first_hit(text, terms) is not None]


def snippet(body: str, query: Query) -> str:
    """About one line of `body` (plain text) around its first word or phrase of `query`,
    whitespace collapsed; "" when the body holds none of them."""
    return snippet_of(body, query_terms(query))


def snippet_of(body: str, terms: Sequence[str], width: int = SNIPPET_WIDTH) -> str:
    """About `width` characters of `body` around its first word or phrase of `terms`
    (where one starts a word), whitespace collapsed; "" when the body holds none."""
    hit = _first_hit(body, terms)
    return "" if hit is None else _window(body, hit, width)


def opening(body: str, width: int = SNIPPET_WIDTH) -> str:
    """About `width` characters from the start of `body`, whitespace collapsed."""
    return _window(body, 0, width)


def _window(body: str, hit: int, width: int) -> str:
    """The text around `hit`: a little before it (from a word start), cut at a word end."""
    start = max(0, hit - LEAD)
    if start:
        space = body.find(" ", start, hit)
        start = space + 1 if space >= 0 else start
    window = " ".join(body[start : start + width * 2].split())
    text = window[:width]
    if len(window) > width and " " in text:
        text = text[: text.rindex(" ")]
    return ("…" if start else "") + text + ("…" if len(window) > len(text) else "")


def _first_hit(text: str, terms: Sequence[str]) -> int | None:
    """Where the first of `terms` starts a word of `text` (case-insensitive), if anywhere."""
    if not text or not terms:
        return None
    spaced = (r"\s+".join(map(re.escape, term.split())) for term in terms if term.strip())
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(spaced) + ")", re.IGNORECASE)
    found = pattern.search(text)
    return found.start() if found else None
