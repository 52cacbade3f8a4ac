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


@contextlib.contextmanager
def collector_paused_then_frozen(collect_first: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector while building many long-lived acyclic objects,
    then freeze what was built.

    Building 100,000 articles would trigger several collections, and the first allocation
    after the collector is enabled again would walk them all once more (about 50 ms). When
    the collector was already paused (by another thread's build) it is left as it was.

    `collect_first`: for a build that runs for seconds beside the UI (the search data),
    whose garbage cycles pile up meanwhile; one collection frees them before the freeze,
    which would otherwise keep them for good (25 MB at a million articles).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if collect_first:
                gc.collect()
            gc.freeze()
            gc.enable()
