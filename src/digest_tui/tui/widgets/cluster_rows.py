"""How a story cluster shows in the article list: a `+N` badge before the title of its
first row (▸ folded, ▾ opened), and each copy under an opened one indented, with its
source before its title."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len

from digest_tui.text_safety import clean_line
from digest_tui.tui.widgets.article_rows import FIXED_WIDTH, fit

if TYPE_CHECKING:
    from digest_tui.clusters.listing import FoldedRows
    from digest_tui.model import Article

Cells = list[tuple[str, str]]
FOLDED, OPENED = "▸", "▾"
COPY = "  └ "
SOURCE_CELLS = 24


def badge(folds: FoldedRows, article: Article) -> str:
    """The badge of a cluster's first row (`▸+2 `), empty for any other row."""
    others = folds.others.get(article.path)
    if others is None:
        return ""
    return f"{OPENED if article.path in folds.opened else FOLDED}+{others} "


def fold_cells(cells: Cells, folds: FoldedRows, article: Article) -> Cells:
    """A row's (part, text) cells with its cluster's mark in the title's cells: parts
    `badge` or `copy` (the indent and source), the title fitted to what is left."""
    mark = badge(folds, article)
    part = "badge"
    if not mark and article.path in folds.copies:
        source = clean_line(article.source_name[:200]) or "?"
        mark, part = f"{COPY}{fit(source, min(SOURCE_CELLS, cell_len(source)))} · ", "copy"
    if not mark:
        return cells
    marked: Cells = []
    for name, text in cells:
        if name != "title":
            marked.append((name, text))
            continue
        width = cell_len(text)
        shown = fit(mark, min(width, cell_len(mark)))
        marked += [(part, shown), ("title", fit(text.rstrip(), width - cell_len(shown)))]
    return marked


def on_badge(folds: FoldedRows, article: Article, x: int) -> bool:
    """Whether column `x` of the article's row falls on its badge."""
    mark = badge(folds, article)
    return bool(mark) and FIXED_WIDTH <= x < FIXED_WIDTH + cell_len(mark)
