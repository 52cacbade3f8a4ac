"""When the main screen may filter on the event loop instead of in a worker thread.

A worker costs the list at least one extra frame: the search box repaints at once, and
the rows follow on a later frame. A filter that narrows a query which filtered quickly
last time is run inline instead, so the rows come with the keystroke's own frame; any
other filter (a new library, other tags, a shorter or different query) or one that was
slow goes to the worker, so a slow query never blocks typing. The first letter of a query
goes to the worker too: how fast the unfiltered list came says nothing about a full scan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from digest_tui.tui.filtering import FilterRequest

INLINE_BUDGET = 0.008
"""Seconds: a filter that took less than this may run inline next time (half a frame)."""


class FilterClock:
    """Remembers what the last filter asked for and how long it took (any thread)."""

    def __init__(self, budget: float = INLINE_BUDGET) -> None:
        self.budget = budget
        self._last: tuple[int, tuple[str, ...], str, float] | None = None
        """(library id, tags, query, seconds): replaced whole, so a worker thread and the
        event loop never see half of it."""

    def record(self, request: FilterRequest, seconds: float) -> None:
        """Note that filtering `request` took `seconds`."""
        # The library by id: holding it would keep a replaced library's memory alive.
        self._last = (id(request.library), request.tags, request.query, seconds)

    def may_run_inline(self, request: FilterRequest) -> bool:
        """True when `request` narrows the last (non-empty) query and that one was quick."""
        if self._last is None:
            return False
        library, tags, query, seconds = self._last
        return (
            query != ""
            and seconds < self.budget
            and library == id(request.library)
            and tags == request.tags
            and request.query.startswith(query)
        )
