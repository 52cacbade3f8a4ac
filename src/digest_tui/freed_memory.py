"""Handing memory freed after a big build back to the system.

Building the search data or the story clusters makes millions of short-lived objects
next to the long-lived ones. Once they are freed, glibc's allocator keeps most of their
pages for later use, so the reader's resident size stays at the build's high-water mark
(tens of megabytes per 100,000 articles). `malloc_trim` returns the free pages. Where
there is no glibc (macOS, musl, Windows) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable
from functools import cache


def return_freed_memory() -> None:
    """Give the system back the free pages the C allocator holds, where it can."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None  # not glibc
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim
