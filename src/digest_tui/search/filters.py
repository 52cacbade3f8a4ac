"""The filters a `Library` applies, as one plain value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from digest_tui.search.query import Query


class SortOrder(Enum):
    """How a `Library` orders its articles."""

    NEWEST = "newest"
    """Newest first; articles without a date last."""
    OLDEST = "oldest"
    """Oldest first; articles without a date last."""
    TITLE = "title"
    """By title, ignoring case; ties by path."""
    RELEVANCE = "relevance"
    """Best match of the query's plain words first; newest first without such words."""


@dataclass(frozen=True, slots=True)
class Filters:
    """Everything that narrows or orders one view of a catalog of articles."""

    tags: tuple[str, ...] = ()
    excluded_tags: tuple[str, ...] = ()
    after: date | None = None
    before: date | None = None
    query: Query = Query()
    order: SortOrder = SortOrder.NEWEST
    drafts: bool = False
    left_out: frozenset[str] = frozenset()
    """Paths of articles left out whatever else matches (a story's folded copies)."""
    left_out_set: int = 0
    """Articles left out as `left_out` are, given as a `bits` set of the catalog's."""

    @property
    def date_range(self) -> tuple[date | None, date | None]:
        """The tighter of the explicit and the query's date bounds."""
        return (
            _tighter(self.after, self.query.after, max),
            _tighter(self.before, self.query.before, min),
        )

    @property
    def narrows(self) -> bool:
        """True when some article could be left out by these filters (drafts aside)."""
        return bool(
            self.tags
            or self.excluded_tags
            or self.after
            or self.before
            or self.left_out
            or self.left_out_set
        ) or (not self.query.is_empty)


def _tighter(first: date | None, second: date | None, pick) -> date | None:
    if first is None or second is None:
        return first or second
    return pick(first, second)
