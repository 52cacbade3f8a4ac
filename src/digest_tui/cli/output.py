"""How the CLI prints: aligned tables on a terminal, tab-separated lines when piped, JSON."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO
from urllib.parse import quote_from_bytes

from digest_tui.model import Article, Problem
from digest_tui.text_safety import clean_line

_SURROGATES = re.compile("[\ud800-\udfff]")
"""What a file name that is not valid UTF-8 holds in Python, and UTF-8 cannot encode."""
_PLAIN_BYTES = "".join(chr(c) for c in range(0x20, 0x7F) if chr(c) != "%")


def path_fields(path: str) -> dict[str, str]:
    """`path`, readable (U+FFFD for each undecodable byte), and when the name is not valid
    UTF-8, `path_bytes`: its bytes, percent-encoded outside printable ASCII (`caf%E9.md`),
    so a script can rebuild the name (`urllib.parse.unquote_to_bytes`)."""
    if not _SURROGATES.search(path):
        return {"path": path}
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = path.encode("utf-8", "surrogatepass")
    return {
        "path": _SURROGATES.sub("\ufffd", path),
        "path_bytes": quote_from_bytes(raw, _PLAIN_BYTES),
    }


def article_record(article: Article, read: bool | None = None, starred: bool | None = None) -> dict:
    """The JSON shape of one article in `list --json` and `search --json`."""
    record: dict[str, Any] = {
        **path_fields(article.path),
        "title": article.title,
        "date": article.date,
        "modified": article.modified,
        "tags": list(article.tags),
        "description": article.description,
        "draft": article.draft,
        "featured": article.featured,
        "author": article.author,
        "source_name": article.source_name,
        "source_url": article.source_url,
        "reading_minutes": article.reading_minutes,
    }
    if read is not None:
        record["read"] = read
    if starred is not None:
        record["starred"] = starred
    return record


def problem_record(problem: Problem) -> dict:
    """The JSON shape of one problem or warning in `check --json`."""
    return {**path_fields(problem.path), "reason": problem.reason, "line": problem.line}


def write_json(value: Any, out: TextIO | None = None) -> None:
    """Print one JSON document, valid UTF-8 whatever the strings hold.

    Control characters are escaped, so nothing raw reaches a terminal; lone surrogates
    (undecodable bytes of a file name, wherever they ended up) become U+FFFD.
    """
    out = out or sys.stdout
    text = json.dumps(value, ensure_ascii=False, indent=2)
    out.write(_SURROGATES.sub("\ufffd", text) + "\n")


def is_terminal(out: TextIO) -> bool:
    return hasattr(out, "isatty") and out.isatty()


def _fit(text: str, width: int) -> str:
    if len(text) <= width:
        return text.ljust(width)
    return text[: max(0, width - 1)] + "…"


def write_table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    flexible: int,
    out: TextIO | None = None,
) -> None:
    """Print rows as aligned columns on a terminal, or as tab-separated lines when piped.

    Every cell is cleaned of control characters first. `flexible` is the index of the column
    that shrinks to make the table fit the terminal width.
    """
    out = out or sys.stdout
    cleaned = [[clean_line(str(cell)) for cell in row] for row in rows]
    if not is_terminal(out):
        for row in cleaned:
            out.write("\t".join(row) + "\n")
        return
    widths = [len(title) for title in header]
    for row in cleaned:
        widths = [max(width, len(cell)) for width, cell in zip(widths, row, strict=True)]
    available = shutil.get_terminal_size((100, 24)).columns - 2 * (len(header) - 1)
    others = sum(widths) - widths[flexible]
    widths[flexible] = max(12, min(widths[flexible], available - others))
    bold = "" if os.environ.get("NO_COLOR") else "\x1b[1m"
    reset = "\x1b[0m" if bold else ""
    lines = ["  ".join(_fit(title, width) for title, width in zip(header, widths, strict=True))]
    out.write(bold + lines[0].rstrip() + reset + "\n")
    for row in cleaned:
        out.write("  ".join(_fit(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip())
        out.write("\n")
