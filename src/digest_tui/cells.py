"""Text measured in terminal cells: a CJK character or an emoji takes two, a letter one."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

__all__ = ["cell_len", "clip_cells", "fit_cells"]


def clip_cells(text: str, width: int) -> str:
    """`text` cut (with an ellipsis) to at most `width` terminal cells."""
    if cell_len(text) <= width:
        return text
    if width <= 0:
        return ""
    return set_cell_size(text, width - 1).rstrip() + "…"


def fit_cells(text: str, width: int) -> str:
    """`text` padded or cut (with an ellipsis) to exactly `width` terminal cells."""
    return set_cell_size(clip_cells(text, width), max(0, width))
