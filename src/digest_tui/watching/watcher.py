"""`FolderWatcher`: batches of changed paths under a content folder, as they happen.

File-system events come through `watchfiles` (inotify, FSEvents, ReadDirectoryChangesW).
Where events cannot be had (a network file system, the inotify watch limit), the folder is
rescanned every few seconds instead, and `fallback` says why.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from digest_tui.loading.discover import SKIPPED_DIR_NAMES
from digest_tui.watching.mounts import network_filesystem

RESCAN_SECONDS = 5.0
"""How often a folder that sends no events is looked at again."""
DEBOUNCE_MS = 1600
"""The longest a batch gathers events: a burst (a `git pull`) comes as a few large batches."""
STEP_MS = 50
"""A batch ends after this long without a new event: one saved file arrives at once."""
IDLE_MS = 10_000
"""After this long without events an empty batch says the folder is quiet."""


@dataclass(frozen=True, slots=True)
class FolderChanges:
    """One batch: the paths (relative, `/`-separated) that may have changed, or a rescan."""

    paths: frozenset[str] = frozenset()
    """Files and folders, each to be looked at as it is now (`ArticleIndex.refresh_paths`)."""
    rescan: bool = False
    """Look at the whole folder (`ArticleIndex.refresh`): no events tell what changed."""

    @property
    def quiet(self) -> bool:
        """Nothing changed for a while: a time for work put off during a burst."""
        return not (self.paths or self.rescan)


def relevant_paths(root: str, changed: Iterable[str]) -> frozenset[str]:
    """The paths below `root` a walk could list or enter: hidden entries (editors' swap
    files, `.git`) and `node_modules` are left out; other names are kept, as a folder may
    have been created or removed (the index decides what each one is)."""
    prefix = root.rstrip(os.sep) + os.sep
    kept = set()
    for path in changed:
        if not path.startswith(prefix):
            continue
        parts = path[len(prefix) :].split(os.sep)
        if any(not part or part[0] == "." or part in SKIPPED_DIR_NAMES for part in parts):
            continue
        kept.add("/".join(parts))
    return frozenset(kept)


class FolderWatcher:
    """Follows one folder; `changes(stop)` yields batches until `stop` is set."""

    def __init__(
        self, root: Path, *, events: bool = True, rescan_seconds: float = RESCAN_SECONDS
    ) -> None:
        self.root = Path(os.path.abspath(root))
        self.events = events
        self.rescan_seconds = rescan_seconds
        self.fallback: str | None = None
        """Why the folder is rescanned rather than watched; None while events arrive."""

    def changes(self, stop: threading.Event) -> Iterator[FolderChanges]:
        """Batches of changes, as they come; returns when `stop` is set."""
        if self.events:
            network = network_filesystem(self.root)
            if network is None:
                try:
                    yield from self._events(stop)
                    return
                except (OSError, RuntimeError) as error:
                    self.fallback = f"no change events ({_first_line(error)})"
            else:
                self.fallback = f"no change events on a {network} file system"
        else:
            self.fallback = "change events not used"
        yield FolderChanges(rescan=True)  # what changed while events were being set up
        yield from self._rescans(stop)

    def _events(self, stop: threading.Event) -> Iterator[FolderChanges]:
        from watchfiles import watch  # loads the native watcher only when a folder is followed

        root = str(self.root)
        batches = watch(
            root,
            watch_filter=None,
            debounce=DEBOUNCE_MS,
            step=STEP_MS,
            stop_event=stop,
            rust_timeout=IDLE_MS,
            yield_on_timeout=True,
            raise_interrupt=False,
            force_polling=False,
        )
        for batch in batches:
            paths = relevant_paths(root, (path for _, path in batch))
            if paths or not batch:
                yield FolderChanges(paths)

    def _rescans(self, stop: threading.Event) -> Iterator[FolderChanges]:
        while not stop.wait(self.rescan_seconds):
            yield FolderChanges(rescan=True)


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
