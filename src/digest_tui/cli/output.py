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

from digest_tui.cells import cell_len, fit_cells
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


def article_record(
    article: Article,
    read: bool | None = None,
    starred: bool | None = None,
    cluster: str | None = None,
) -> dict:
    """The JSON shape of one article in `list --json` and `search --json`; `cluster` is
    the id of its story cluster (None: it tells its story alone)."""
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
    record["cluster"] = cluster
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


GAP = "  "
MIN_COLUMN = 8
MIN_FLEXIBLE = 12
"""Columns shrink no further than this many cells (or their heading), the flexible one 12."""


def is_terminal(out: TextIO) -> bool:
    return hasattr(out, "isatty") and out.isatty()


def column_widths(
    natural: Sequence[int], floors: Sequence[int], available: int, flexible: int
) -> list[int]:
    """Shrink columns of `natural` widths to fit `available` cells.

    The widest columns give way first, evenly, never below their `floors`; the `flexible`
    column (the title) takes the cells an uneven split leaves. When even the floors do not
    fit, the floors are returned.
    """
    if sum(natural) <= available:
        return list(natural)
    low, high = 0, max(natural)
    while low < high:  # the largest cap under which the capped columns still fit
        cap = (low + high + 1) // 2
        capped = [min(w, max(cap, f)) for w, f in zip(natural, floors, strict=True)]
        low, high = (cap, high) if sum(capped) <= available else (low, cap - 1)
    widths = [min(w, max(low, f)) for w, f in zip(natural, floors, strict=True)]
    spare = max(0, available - sum(widths))
    widths[flexible] = min(natural[flexible], widths[flexible] + spare)
    return widths


def write_table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    flexible: int,
    out: TextIO | None = None,
) -> None:
    """Print rows as aligned columns on a terminal, or as tab-separated lines when piped.

    Every cell is cleaned of control characters first. `flexible` is the index of the column
    that shrinks first to make the table fit the terminal width.
    """
    out = out or sys.stdout
    cleaned = [[clean_line(str(cell)) for cell in row] for row in rows]
    if not is_terminal(out):
        for row in cleaned:
            out.write("\t".join(row) + "\n")
        return
    widths = _table_widths(header, cleaned, flexible)
    bold = "" if os.environ.get("NO_COLOR") else "\x1b[1m"
    reset = "\x1b[0m" if bold else ""
    out.write(bold + _table_line(header, widths) + reset + "\n")
    for row in cleaned:
        out.write(_table_line(row, widths) + "\n")


def _table_widths(header: Sequence[str], rows: list[list[str]], flexible: int) -> list[int]:
    natural = [cell_len(title) for title in header]
    for row in rows:
        natural = [max(width, cell_len(cell)) for width, cell in zip(natural, row, strict=True)]
    floors = [
        min(width, max(cell_len(title), MIN_COLUMN))
        for width, title in zip(natural, header, strict=True)
    ]
    floors[flexible] = min(natural[flexible], MIN_FLEXIBLE)
    available = shutil.get_terminal_size((100, 24)).columns - len(GAP) * (len(header) - 1)
    return column_widths(natural, floors, available, flexible)


def _table_line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return GAP.join(fit_cells(cell, w) for cell, w in zip(cells, widths, strict=True)).rstrip()
