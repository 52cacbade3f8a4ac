"""Counts in a column of fixed width: exact while they fit, then rounded down."""

from __future__ import annotations

COUNT_WIDTH = 4
"""Cells per count."""


def short_count(count: int) -> str:
    """`count` in at most four cells: exact below 10,000, then rounded down ("97k")."""
    if count < 10_000:
        return str(count)
    if count < 1_000_000:
        return f"{count // 1000}k"
    return f"{min(count // 1_000_000, 999)}M"
