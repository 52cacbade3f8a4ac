"""Finishing a folder's index in the background, after a command answered from the preview.

`list` and `tags` on a first run answer from the quick preview and leave the full parse to
a detached process (`python -m digest_tui.cli.completion PATH`), so the answer is not kept
waiting. Commands that need the full index wait for that process instead of parsing the
same files beside it. The index commits in batches, so a killed process leaves a cache
the next run carries on from.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from digest_tui import paths

try:
    import fcntl
except ImportError:  # Windows: no lock; two builders only repeat each other's work
    fcntl = None  # type: ignore[assignment]


def start_in_background(content_dir: Path) -> None:
    """Start the detached process that completes `content_dir`'s index.

    It inherits the builder lock, taken here, so whoever waits for that lock after this
    returns waits for the whole background index; none starts while another builds.
    """
    with builder_lock(content_dir, wait=False) as lock:
        if lock is False:
            return  # another process is building it
        command = [sys.executable, "-m", "digest_tui.cli.completion", str(content_dir)]
        subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a closed terminal does not stop it
            pass_fds=() if lock is True else (lock,),
        )


@contextmanager
def builder_lock(content_dir: Path, wait: bool) -> Iterator[int | bool]:
    """Hold the lock of whoever brings `content_dir`'s index up to date.

    Yields the locked file's descriptor, or False when `wait` is false and another process
    holds the lock. Where no lock file can be made (a cache that cannot be written, or no
    `fcntl`), there is nothing to share: yields True.
    """
    if fcntl is None:
        yield True
        return
    try:
        handle = open(f"{paths.index_file(content_dir)}.lock", "a+b")  # noqa: SIM115
    except OSError:
        yield True
        return
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except OSError:
            yield False
            return
        yield handle.fileno()


def complete_index(content_dir: Path) -> int:
    """Parse whatever the index lacks (no full text: a search builds that); exit status.

    Runs holding the builder lock its parent handed down.
    """
    from digest_tui.cli.signals import exit_cleanly_on_termination
    from digest_tui.index import ArticleIndex

    exit_cleanly_on_termination()
    with ArticleIndex(content_dir) as index:
        result = index.refresh(fulltext=False)
    return 1 if result.stopped else 0


if __name__ == "__main__":
    sys.exit(complete_index(Path(sys.argv[1])))
