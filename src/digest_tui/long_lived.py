"""Keeping big, long-lived structures out of the cyclic garbage collector's way.

A collection walks every tracked object it looks at. A library of a million articles and
its search data hold containers of millions of entries; walked on every full collection,
they stall whatever runs then (about 90 ms at a million, landing on random keystrokes).
Frozen objects are still freed by reference counting once dropped: only the cycle
collector skips them, and any cycle that was already garbage, until `gc.unfreeze`.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

READER_YOUNG_THRESHOLD = 10_000
"""Allocations (net of frees) between the reader's young collections; Python's default is
700. Each keystroke makes thousands of short-lived objects (a filter's sets, the rows, the
painted strips), so at the default a young collection ran many times per keystroke, and a
full one about once a second of typing; with a million articles one of those, landing on a
keystroke, cost it 10-40 ms."""


def collect_less_often() -> tuple[int, int, int]:
    """Make the collector run less often (see `READER_YOUNG_THRESHOLD`); returns the
    thresholds it had, to give back with `gc.set_threshold(*previous)`."""
    previous = gc.get_threshold()
    gc.set_threshold(max(previous[0], READER_YOUNG_THRESHOLD), *previous[1:])
    return previous


@contextlib.contextmanager
def collector_paused_then_frozen() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many long-lived acyclic objects,
    then freeze what was built.

    Building 100,000 articles would trigger several collections, and the first allocation
    after the collector is enabled again would walk them all once more (about 50 ms). When
    the collector was already paused (by another thread's build) it is left as it was.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


@contextlib.contextmanager
def collected_then_frozen() -> Iterator[None]:
    """Freeze what a build beside the UI made, once one collection has freed the garbage
    cycles made meanwhile (a freeze would keep them for as long as the process runs).

    For the search data: its builds run for seconds while the UI goes on, so the collector
    keeps running during them; paused, it would let the UI's garbage pile up until the end.
    """
    try:
        yield
    finally:
        gc.collect()
        gc.freeze()
