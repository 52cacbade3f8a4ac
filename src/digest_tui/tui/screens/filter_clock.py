"""When the main screen may filter on the event loop instead of in a worker thread.

A worker costs the list at least one extra frame: the search box repaints at once, and
the rows follow on a later frame. Two kinds of filter run inline instead, so the rows come
with the keystroke's own frame:

- one that narrows a query which filtered quickly last time, as the search layer sees it:
  it then looks only among the last matches (the third letter of a word is no narrowing:
  words of one or two letters match only word starts, longer ones anywhere);
- one asked for a few requests ago (a backspace, a trailing space): the search layer
  answers a repeated search from its memory of recent ones. Should a repeat still be
  slow, the next repeat of it goes to the worker.

Any other filter (a new library, other tags, a shorter or different query) or one that
was slow goes to the worker, so a slow query never blocks typing. The first letter of a
query goes to the worker too: how fast the unfiltered list came says nothing about a
full scan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from digest_tui.search import SortOrder
    from digest_tui.tui.filtering import FilterRequest

INLINE_BUDGET = 1 / 60
"""Seconds: a filter that took less than this may run inline next time (one frame). The
rows of a worker wait for a later frame, which Textual paces up to two frames apart."""
RECENT_REQUESTS = 16
"""How many requests count as recent: fewer than the searches the search layer keeps."""

RequestKey = tuple[int, tuple[str, ...], str, "SortOrder"]


class FilterClock:
    """Remembers what recent filters asked for and how long they took (any thread)."""

    def __init__(self, budget: float = INLINE_BUDGET) -> None:
        self.budget = budget
        self._recent: dict[RequestKey, tuple[float, bool]] = {}
        """Recent requests, oldest first, the last one recorded last: (seconds of the
        latest run, whether that run was a repeat). Replaced whole, never changed in
        place, so a worker thread and the event loop never see half of it."""

    def record(self, request: FilterRequest, seconds: float) -> None:
        """Note that filtering `request` took `seconds`."""
        key = _key(request)
        same_library = all(known[0] == key[0] for known in self._recent)
        recent = dict(self._recent) if same_library else {}
        repeated = recent.pop(key, None) is not None
        recent[key] = (seconds, repeated)
        while len(recent) > RECENT_REQUESTS:
            del recent[next(iter(recent))]
        self._recent = recent

    def may_run_inline(self, request: FilterRequest) -> bool:
        """True when `request` repeats a recent one, or narrows a quick non-empty query."""
        return self._repeats_quickly(request) or self._narrows_quickly(request)

    def _repeats_quickly(self, request: FilterRequest) -> bool:
        seen = self._recent.get(_key(request))
        if seen is None:
            return False
        seconds, repeated = seen
        return not repeated or seconds < self.budget

    def _narrows_quickly(self, request: FilterRequest) -> bool:
        recent = self._recent
        if not recent:
            return False
        (library, tags, query, _sort), (seconds, _repeated) = next(reversed(recent.items()))
        return (
            query != ""
            and seconds < self.budget
            and library == id(request.library)
            and tags == request.tags
            and request.library.matching(request.query).refines(request.library.matching(query))
        )


def _key(request: FilterRequest) -> RequestKey:
    # The library by id: holding it would keep a replaced library's memory alive.
    return (id(request.library), request.tags, request.query, request.sort)
