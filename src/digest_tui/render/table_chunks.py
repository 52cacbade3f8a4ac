"""A long table drawn as chunks of rows that line up as one table.

Each chunk is a block of its own, so a long table is rendered a few rows at a time (the
reading pane yields between blocks) and Rich never measures every cell: the column widths
are worked out once per width from the cells' lengths and shared by all the chunks.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

CHUNK_ROWS = 25
MIN_COLUMN = 4


class TableLayout:
    """The cells of a table and the column widths that fit a given width."""

    def __init__(self, header: list[Text], rows: list[list[Text]], aligns: list[str]) -> None:
        self.header = header
        self.rows = rows
        self.aligns = aligns
        self.show_header = any(cell.plain for cell in header)
        self._natural = [
            max(
                (_longest_line(row[index]) for row in [header, *rows] if index < len(row)),
                default=1,
            )
            for index in range(len(header))
        ]
        self._widths: dict[int, list[int]] = {}

    def widths(self, width: int) -> list[int]:
        """Column widths (without padding) so the whole table fits `width` cells."""
        if width not in self._widths:
            self._widths[width] = _fit(self._natural, width - 3 * len(self._natural) - 1)
        return self._widths[width]

    def chunks(self) -> list[TableChunk]:
        """The blocks that draw the table, `CHUNK_ROWS` rows each."""
        starts = range(0, max(1, len(self.rows)), CHUNK_ROWS)
        last = starts[-1]
        return [TableChunk(self, start, start == 0, start == last) for start in starts]


class TableChunk:
    """Rows `start` to `start + CHUNK_ROWS` of a table; the top edge and header only on the
    first chunk, the bottom edge only on the last."""

    def __init__(self, layout: TableLayout, start: int, first: bool, last: bool) -> None:
        self.layout = layout
        self.start = start
        self.first = first
        self.last = last

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        layout = self.layout
        table = Table(box=box.ROUNDED, show_header=self.first and layout.show_header)
        for heading, align, width in zip(
            layout.header, layout.aligns, layout.widths(options.max_width), strict=True
        ):
            table.add_column(heading, justify=align, width=width, overflow="fold")  # type: ignore[arg-type]
        for row in layout.rows[self.start : self.start + CHUNK_ROWS]:
            table.add_row(*row)
        lines = console.render_lines(table, options, pad=False)
        lines = lines[(0 if self.first else 1) : (None if self.last else -1)]
        for line in lines:
            yield from line
            yield Segment.line()


def _longest_line(cell: Text) -> int:
    return max((Text(line).cell_len for line in cell.plain.split("\n")), default=1) or 1


def _fit(natural: list[int], room: int) -> list[int]:
    """Natural widths when they fit in `room`, else a fair share each, spare room going to
    the columns that want more."""
    if sum(natural) <= room:
        return list(natural)
    share = max(MIN_COLUMN, room // max(1, len(natural)))
    widths = [min(want, share) for want in natural]
    spare = room - sum(widths)
    while spare > 0:
        wanting = [index for index, want in enumerate(natural) if widths[index] < want]
        if not wanting:
            break
        for index in wanting[:spare]:
            widths[index] += 1
        spare -= min(spare, len(wanting))
    return widths
