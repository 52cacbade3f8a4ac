"""Cut the rows of very long Markdown tables out of the source before it is parsed.

Only `MAX_TABLE_ROWS` rows of a table are ever shown, but the parser would still split and
parse every cell of every row: a 2 MB table took seconds. Cutting the extra rows from the
source first keeps the work proportional to what is shown.
"""

from __future__ import annotations

import re

from digest_tui.render.sections import track_fence
from digest_tui.render.tables import MAX_TABLE_ROWS

_DELIMITER_ROW = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")


def cap_table_rows(markdown: str, limit: int = MAX_TABLE_ROWS) -> tuple[str, dict[int, int]]:
    """The source with each table cut to `limit` body rows, and the rows cut per table.

    The counts are keyed by the line number (in the returned text) of the table's header.
    """
    if markdown.count("\n") <= limit:
        return markdown, {}
    lines = markdown.splitlines(keepends=True)
    kept: list[str] = []
    hidden: dict[int, int] = {}
    fence: str | None = None
    number = 0
    while number < len(lines):
        line = lines[number]
        kept.append(line)
        number += 1
        fence = track_fence(line, fence)
        if fence is not None or "|" not in line or not _DELIMITER_ROW.match(line):
            continue
        if len(kept) < 2 or "|" not in kept[-2]:
            continue
        header = len(kept) - 2
        end = number
        while end < len(lines) and lines[end].strip():
            end += 1
        kept.extend(lines[number : min(end, number + limit)])
        if end - number > limit:
            hidden[header] = end - number - limit
        number = end
    return "".join(kept), hidden
