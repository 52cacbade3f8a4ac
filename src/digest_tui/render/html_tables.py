"""HTML `<table>` elements gathered cell by cell into the same table as Markdown's."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from digest_tui.render.tables import TableDraft


class HtmlTable:
    """The rows of one HTML table; the first row is the header when it is `<th>` or `<thead>`."""

    def __init__(self) -> None:
        self.rows: list[tuple[list[Text], list[str], bool]] = []
        self.in_head = False

    def start(self, tag: str, align: str) -> None:
        """An opening `tr`, `td`, `th` or `thead`."""
        if tag == "thead":
            self.in_head = True
        elif tag == "tr" or not self.rows:
            self.rows.append(([], [], self.in_head))
        if tag in ("td", "th"):
            cells, aligns, head = self.rows[-1]
            aligns.append(_alignment(align))
            self.rows[-1] = (cells, aligns, head or (tag == "th" and len(self.rows) == 1))

    def cell(self, text: Text) -> None:
        """The content of the cell just closed."""
        if not self.rows:
            self.rows.append(([], [], False))
        text.rstrip()
        self.rows[-1][0].append(text)

    def end_head(self) -> None:
        self.in_head = False

    def build(self) -> list[RenderableType]:
        """The table, bounded as Markdown tables are."""
        rows = [row for row in self.rows if row[0]]
        draft = TableDraft()
        if rows and rows[0][2]:
            draft.header, draft.alignments = rows[0][0], rows[0][1]
            rows = rows[1:]
        elif rows:
            width = max(len(cells) for cells, _, _ in rows)
            draft.header, draft.alignments = [Text("")] * width, ["left"] * width
        for cells, _, _ in rows:
            draft.start_row()
            for cell in cells:
                draft.add_cell(cell, False, "left")
        return draft.build(show_header=bool(self.rows and self.rows[0][2]))


def _alignment(value: str) -> str:
    value = value.replace(" ", "").lower()
    for align in ("center", "right"):
        if align in value:
            return align
    return "left"
