"""The changed-file check of a warm refresh, compared a folder at a time.

Each folder's files give one signature: a digest of their names in name order, with the
size and modification time of each. The index keeps the signature of each folder as its rows have it
(`signatures_of_rows`, stored with the warm-start snapshot). A folder whose files on disk
give the stored signature holds no change, so only the other folders are compared file by
file, and only their rows are read from the index.

Every file is still stat'ed: a file edited in place changes nothing but its own size and
time. Those stats are most of the check's time (a million take seconds), so they go to
worker processes in batches while this process walks the folders; the workers only stat,
and each folder's digest is taken here, over its arrays of sizes and times, at C speed. The
walk itself (`loading.list_folders`) stays here, in one process, so its rules (symlinks,
cycles, hidden and special files) hold exactly as for every other walk.
"""

from __future__ import annotations

import os
import stat
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from hashlib import blake2b
from operator import attrgetter
from pathlib import Path

from digest_tui.index.workers import worker_pool
from digest_tui.loading.discover import FolderListing, list_folders, stamp_path
from digest_tui.loading.limits import MAX_ARTICLE_BYTES
from digest_tui.model import FileStamp, Problem

BATCH_FILES = 2000
"""Files per batch sent to a worker: sending costs little next to stat'ing them."""
_UNSURE = -1
"""The size a worker gives a file it could not take as a plain stamp; the walk's rules decide."""

Signatures = Mapping[str, int]
"""A signature by folder (relative, `/`-separated; "" for the root)."""


def folder_signature(names: Sequence[str], sizes: array, times: array) -> int:
    """A 64-bit digest of one folder's files: `names` in name order, with the size and
    modification time (`array("q")`) of each in the same order.

    Any added, removed, renamed, resized or retouched file changes it, unless the digests
    collide by chance. Hashed as three blocks of bytes, not file by file: a million files
    are checked on every warm start. A folder without files gives 0, as does one the
    stored rows do not name.
    """
    if not names:
        return 0
    digest = blake2b(digest_size=8)
    digest.update("\0".join(names).encode("utf-8", "surrogatepass"))
    digest.update(len(names).to_bytes(8, "little"))
    digest.update(sizes.tobytes())
    digest.update(times.tobytes())
    return int.from_bytes(digest.digest(), "little")


def signatures_of_rows(rows: Iterable[tuple[str, int, int]]) -> dict[str, int]:
    """The signature of every folder holding one of these (path, size, mtime_ns) stamps."""
    by_folder: dict[str, list[tuple[str, int, int]]] = {}
    for path, size, mtime_ns in rows:
        folder, _, name = path.rpartition("/")
        files = by_folder.get(folder)
        if files is None:
            files = by_folder[folder] = []
        files.append((name, size, mtime_ns))
    return {folder: _signature_of(files) for folder, files in by_folder.items()}


def _signature_of(files: list[tuple[str, int, int]]) -> int:
    """`folder_signature` of (name, size, mtime_ns) triples in any order."""
    files.sort()
    names = [name for name, _, _ in files]
    sizes = array("q", [size for _, size, _ in files])
    times = array("q", [mtime_ns for _, _, mtime_ns in files])
    return folder_signature(names, sizes, times)


@dataclass(slots=True)
class FolderCheck:
    """What the walk found, with the files of only the folders that may hold changes."""

    stamps: list[FileStamp] = field(default_factory=list)
    """Every file of the suspect folders that were found, in walk order."""
    suspects: set[str] = field(default_factory=set)
    """Folders whose files differ from the index's, or that the walk no longer found."""
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    """Files found in every folder, suspect or not."""
    stopped: bool = False


def check_folders(
    root: Path,
    stored: Signatures | None,
    should_stop: Callable[[], bool],
    workers: int = 1,
) -> FolderCheck:
    """Walk `root`, stat every file, and find the folders whose signature is not `stored`.

    `stored=None` (no signatures kept) makes every folder suspect. With `workers` above one
    the stats run in that many worker processes.
    """
    pool = worker_pool(workers) if workers > 1 else None
    try:
        return _check(root, stored, should_stop, _Batches(pool))
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


@dataclass(slots=True)
class _Folder:
    listing: FolderListing
    parts: list[tuple[int, int]]
    """(batch number, place in the batch) of each slice of its plain files, in order."""


def _check(
    root: Path, stored: Signatures | None, should_stop: Callable[[], bool], batches: _Batches
) -> FolderCheck:
    check = FolderCheck()
    folders: list[_Folder] = []
    for found in list_folders(root, stat_files=False):
        if should_stop():
            check.stopped = True
            return check
        if isinstance(found, Problem):
            check.problems.append(found)
        else:
            folders.append(_Folder(found, batches.add(found.real_dir, found.plain)))
    batches.flush()
    walked: set[str] = set()
    for folder in folders:
        if should_stop():
            check.stopped = True
            return check
        _settle(root, folder, batches, stored, check)
        walked.add(folder.listing.rel_dir)
    if stored is not None:
        check.suspects.update(set(stored) - walked)
    return check


def _settle(
    root: Path, folder: _Folder, batches: _Batches, stored: Signatures | None, check: FolderCheck
) -> None:
    """Add one folder's files to `check`: counted always, listed when it is suspect."""
    listing = folder.listing
    prefix = f"{listing.rel_dir}/" if listing.rel_dir else ""
    check.problems.extend(found for found in listing.found if isinstance(found, Problem))
    stamps = [found for found in listing.found if isinstance(found, FileStamp)]
    sizes, times = array("q"), array("q")
    for part_sizes, part_times in map(batches.result, folder.parts):
        sizes += part_sizes
        times += part_times
    names = listing.plain
    if _UNSURE in sizes:  # rare: changed since it was listed
        names, sizes, times = _resolve_unsure(root, prefix, names, sizes, times, stamps, check)
    check.files += len(stamps) + len(names)
    if stamps:  # files the walk stat'ed itself (symlinks): one signature over both kinds
        files = list(zip(names, sizes, times, strict=True))
        files.extend((_name(stamp, prefix), stamp.size, stamp.mtime_ns) for stamp in stamps)
        signature = _signature_of(files)
    else:
        signature = folder_signature(names, sizes, times)
    if stored is not None and stored.get(listing.rel_dir, 0) == signature:
        return
    check.suspects.add(listing.rel_dir)
    stamps.extend(
        FileStamp(prefix + name, size, mtime_ns)
        for name, size, mtime_ns in zip(names, sizes, times, strict=True)
    )
    if len(stamps) > len(names):  # stamps of both kinds: back into name order
        stamps.sort(key=attrgetter("path"))
    check.stamps.extend(stamps)


def _resolve_unsure(
    root: Path,
    prefix: str,
    names: list[str],
    sizes: array,
    times: array,
    stamps: list[FileStamp],
    check: FolderCheck,
) -> tuple[list[str], array, array]:
    """Take the files a worker was unsure of out of the plain ones, as the walk would find
    them: a stamp goes to `stamps`, a problem to `check`, a file gone nowhere."""
    kept: list[str] = []
    kept_sizes, kept_times = array("q"), array("q")
    for name, size, mtime_ns in zip(names, sizes, times, strict=True):
        if size != _UNSURE:
            kept.append(name)
            kept_sizes.append(size)
            kept_times.append(mtime_ns)
            continue
        found = stamp_path(root, prefix + name)
        if isinstance(found, FileStamp):
            stamps.append(found)
        elif found is not None:
            check.problems.append(found)
    return kept, kept_sizes, kept_times


def _name(stamp: FileStamp, prefix: str) -> str:
    return stamp.path[len(prefix) :]


_FILE_TYPE_BITS = 0o170000  # stat.S_IFMT as a mask, without a call per file

StatResult = tuple[array, array]
"""A batch slice's sizes and times, in its names' order."""


def stat_batch(batch: list[tuple[str, list[str]]]) -> list[StatResult]:
    """Stat each folder's names (runs in worker processes); see `StatResult`.

    A name that is no longer a regular file no larger than the limit is given `_UNSURE`
    size, for the walk's rules to decide.
    """
    return [_stat_names(real_dir, names) for real_dir, names in batch]


def _stat_names(real_dir: str, names: list[str]) -> StatResult:
    sizes, times = array("q"), array("q")
    by_folder = os.stat in os.supports_dir_fd
    try:
        folder = os.open(real_dir, os.O_RDONLY) if by_folder else None
    except OSError:
        folder = None
    try:
        for name in names:
            try:
                if folder is not None:
                    info = os.stat(name, dir_fd=folder, follow_symlinks=False)
                else:
                    info = os.lstat(os.path.join(real_dir, name))
            except OSError:
                sizes.append(_UNSURE)
                times.append(0)
                continue
            if info.st_mode & _FILE_TYPE_BITS == stat.S_IFREG and info.st_size <= MAX_ARTICLE_BYTES:
                sizes.append(info.st_size)
                times.append(info.st_mtime_ns)
            else:
                sizes.append(_UNSURE)
                times.append(0)
    finally:
        if folder is not None:
            os.close(folder)
    return sizes, times


class _Batches:
    """Plain files to stat, gathered into batches for the worker processes (or stat'ed here)."""

    def __init__(self, pool: ProcessPoolExecutor | None) -> None:
        self._pool = pool
        self._filling: list[tuple[str, list[str]]] = []
        self._filled = 0
        self._sent: list[tuple[list[tuple[str, list[str]]], Future | list[StatResult]]] = []

    def add(self, real_dir: str, names: list[str]) -> list[tuple[int, int]]:
        """Queue a folder's names; where each slice of them went, to read its result later."""
        parts = []
        start = 0
        while start < len(names):
            room = BATCH_FILES - self._filled
            piece = names[start : start + room]
            parts.append((len(self._sent), len(self._filling)))
            self._filling.append((real_dir, piece))
            self._filled += len(piece)
            start += len(piece)
            if self._filled >= BATCH_FILES:
                self.flush()
        return parts

    def flush(self) -> None:
        """Send the batch being filled."""
        if not self._filling:
            return
        batch, self._filling, self._filled = self._filling, [], 0
        self._sent.append((batch, self._submitted(batch)))

    def _submitted(self, batch: list[tuple[str, list[str]]]) -> Future | list[StatResult]:
        if self._pool is not None:
            try:
                return self._pool.submit(stat_batch, batch)
            except BrokenProcessPool:
                self._pool = None
        return stat_batch(batch)

    def result(self, part: tuple[int, int]) -> StatResult:
        """The stats of one slice, waiting for its batch when it is still being stat'ed."""
        batch_number, place = part
        batch, outcome = self._sent[batch_number]
        if isinstance(outcome, Future):
            try:
                outcome = outcome.result()
            except BrokenProcessPool:  # a worker died: stat this batch here instead
                outcome = stat_batch(batch)
            self._sent[batch_number] = (batch, outcome)
        return outcome[place]
