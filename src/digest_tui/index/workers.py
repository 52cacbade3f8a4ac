"""Worker processes that never outlive the process that started them.

Forked workers hold both ends of their pool's pipes, so a parent killed mid-index (SIGKILL,
or SIGTERM and SIGHUP without a handler) would leave them blocked for good. On Linux the
kernel kills each worker when its parent dies (`PR_SET_PDEATHSIG`); everywhere, a thread in
each worker exits it once the parent is gone (the worker is then someone else's child).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

PARENT_CHECK_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1


def pool_context() -> multiprocessing.context.BaseContext:
    """The start method for worker processes: fork where the platform has it."""
    # fork starts workers in milliseconds with the loader already imported.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers exit when this process dies, however it dies.

    Its processes and the thread that stops them start at once, with the stop signals
    held meanwhile. A command stopped by SIGTERM between the two (its handler raises in
    the main thread) would otherwise leave workers that nothing tells to stop, and the
    interpreter waits for them as it exits: the command would never end.
    """
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=pool_context(),
        initializer=follow_parent,
        initargs=(os.getpid(),),
    )
    with _stop_signals_held():
        pool.submit(int)  # the first task starts the processes and their manager thread
    return pool


_STOP_SIGNALS = frozenset(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@contextmanager
def _stop_signals_held() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP for this thread until the block ends (each one sent
    meanwhile is handled then)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def follow_parent(parent: int) -> None:
    """Run in each worker as it starts: exit whenever `parent` is gone."""
    # Ctrl+C reaches the whole process group; the parent stops the pool itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # forked while the parent held them
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    # The parent's handlers came along with the fork (the reader's event loop, the CLI's
    # clean exit): a worker asked to terminate just ends.
    if threading.current_thread() is threading.main_thread():
        signal.set_wakeup_fd(-1)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        _kill_me_with_parent()
    if os.getppid() != parent:  # it died before we could ask to follow it
        os._exit(0)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _kill_me_with_parent() -> None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # the watching thread still ends this worker


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)
