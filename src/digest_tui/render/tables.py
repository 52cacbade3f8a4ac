"""Markdown and HTML tables, collected cell by cell, with a bound on rows and columns."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.console import RenderableType
from rich.text import Text

from digest_tui.render.table_chunks import TableLayout

MAX_TABLE_ROWS = 200
MAX_TABLE_COLUMNS = 12


@dataclass
class TableDraft:
    """Cells collected while walking a table's tokens."""

    header: list[Text] = field(default_factory=list)
    alignments: list[str] = field(default_factory=list)
    rows: list[list[Text]] = field(default_factory=list)
    hidden_rows: int = 0
    """Rows cut from the source before parsing (see `table_caps`)."""
    overflow: int = 0
    """Rows over the limit that reached the parser anyway (tables inside containers)."""

    def start_row(self) -> None:
        """Begin a body row (or count it when over the limit)."""
        if len(self.rows) < MAX_TABLE_ROWS:
            self.rows.append([])
        else:
            self.overflow += 1

    def accepts_cells(self) -> bool:
        """False for rows over the limit, whose cells are skipped."""
        return self.overflow == 0

    def add_cell(self, cell: Text, in_header: bool, align: str) -> None:
        """Add one cell to the header or the current body row."""
        if in_header:
            self.header.append(cell)
            self.alignments.append(align)
        elif self.rows:
            self.rows[-1].append(cell)

    def build(self, show_header: bool = True) -> list[RenderableType]:
        """The table as blocks of rows, with a note for any rows or columns left out."""
        columns = min(len(self.header), MAX_TABLE_COLUMNS) or 1
        header = [self.header[i] if i < len(self.header) else Text("") for i in range(columns)]
        if not show_header:
            header = [Text("") for _ in header]
        aligns = [
            self.alignments[i] if i < len(self.alignments) else "left" for i in range(columns)
        ]
        rows = [(row + [Text("")] * columns)[:columns] for row in self.rows]
        blocks: list[RenderableType] = list(TableLayout(header, rows, aligns).chunks())
        notes = []
        if hidden := self.hidden_rows + self.overflow:
            notes.append(f"… {hidden:,} more rows not shown")
        if len(self.header) > columns:
            notes.append(f"… {len(self.header) - columns:,} more columns not shown")
        if notes:
            blocks.append(Text("; ".join(notes), style="dim italic"))
        return blocks


def cell_alignment(style_attr: str) -> str:
    """The Rich justify value for a cell's `style="text-align:..."` attribute."""
    for align in ("center", "right"):
        if f"text-align:{align}" in style_attr.replace(" ", ""):
            return align
    return "left"
