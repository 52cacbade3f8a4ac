"""One shared worker thread for calls that run outside Python's lock.

A full-text query spends nearly all its time inside SQLite, which releases the GIL, so
started here it runs on the second core while the caller's fuzzy matching runs on the
first: a keystroke costs the slower of the two instead of their sum.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from threading import Lock
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_lock = Lock()
_executor: ThreadPoolExecutor | None = None


def started(call: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> Future[R]:
    """`call(*args, **kwargs)` running on the worker thread (started on first use)."""
    global _executor
    with _lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-worker")
        executor = _executor
    return executor.submit(call, *args, **kwargs)
