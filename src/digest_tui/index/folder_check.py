"""The changed-file check of a warm refresh, compared a folder at a time.

Each folder's files add up to one signature: the sum of a hash of every file's name, size
and modification time. The index keeps the signature of each folder as its rows have it
(`signatures_of_rows`, stored with the warm-start snapshot). A folder whose files on disk
give the stored signature holds no change, so only the other folders are compared file by
file, and only their rows are read from the index.

Every file is still stat'ed: a file edited in place changes nothing but its own size and
time. Those stats are most of the check's time (a million take seconds), so they go to
worker processes in batches while this process walks the folders. The walk itself
(`loading.list_folders`) stays here, in one process, so its rules (symlinks, cycles,
hidden and special files) hold exactly as for every other walk.
"""

from __future__ import annotations

import os
import stat
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from zlib import adler32, crc32

from digest_tui.index.workers import worker_pool
from digest_tui.loading.discover import FolderListing, list_folders, stamp_path
from digest_tui.loading.limits import MAX_ARTICLE_BYTES
from digest_tui.model import FileStamp, Problem

SIGNATURE_MODULUS = 1 << 64
BATCH_FILES = 2000
"""Files per batch sent to a worker: sending costs little next to stat'ing them."""
_UNSURE = -1
"""The size a worker gives a file it could not take as a plain stamp; the walk's rules decide."""

Signatures = Mapping[str, int]
"""A signature by folder (relative, `/`-separated; "" for the root)."""


def file_signature(name: str, size: int, mtime_ns: int) -> int:
    """A 64-bit hash of one file's name, size and time; a folder's signature is their sum.

    Two checksums computed in C (CRC-32 and Adler-32, 64 bits together): a changed file
    goes unnoticed only if its folder's sum comes out equal by chance. A cryptographic
    digest cost more than the stat it follows, a million times a run.
    """
    text = f"{name}\0{size}\0{mtime_ns}".encode("utf-8", "surrogatepass")
    return crc32(text) << 32 | adler32(text)


def signatures_of_rows(rows: Iterable[tuple[str, int, int]]) -> dict[str, int]:
    """The signature of every folder holding one of these (path, size, mtime_ns) stamps."""
    sums: dict[str, int] = {}
    for path, size, mtime_ns in rows:
        folder, _, name = path.rpartition("/")
        sums[folder] = sums.get(folder, 0) + file_signature(name, size, mtime_ns)
    return {folder: total % SIGNATURE_MODULUS for folder, total in sums.items()}


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
    parts = [batches.result(part) for part in folder.parts]
    plain = [(sizes, times) for sizes, times, _ in parts]
    signature = sum(part_signature for _, _, part_signature in parts)
    if any(_UNSURE in sizes for sizes, _ in plain):  # rare: changed since it was listed
        plain = _resolve_unsure(root, prefix, listing.plain, plain, stamps, check)
    signature += sum(file_signature(_name(s, prefix), s.size, s.mtime_ns) for s in stamps)
    check.files += len(stamps) + sum(len(sizes) for sizes, _ in plain)
    if stored is not None and stored.get(listing.rel_dir, 0) == signature % SIGNATURE_MODULUS:
        return
    check.suspects.add(listing.rel_dir)
    names = iter(listing.plain)
    for sizes, times in plain:
        stamps.extend(
            FileStamp(prefix + next(names), size, mtime_ns)
            for size, mtime_ns in zip(sizes, times, strict=True)
        )
    if len(stamps) > len(listing.plain):  # stamps of both kinds: back into name order
        stamps.sort(key=attrgetter("path"))
    check.stamps.extend(stamps)


def _resolve_unsure(
    root: Path,
    prefix: str,
    names: list[str],
    plain: list[tuple[array, array]],
    stamps: list[FileStamp],
    check: FolderCheck,
) -> list[tuple[array, array]]:
    """Take the files a worker was unsure of out of `plain`, as the walk would find them:
    a stamp goes to `stamps`, a problem to `check`, a file gone nowhere."""
    sizes, times = array("q"), array("q")
    kept: list[str] = []
    all_sizes = (size for part_sizes, _ in plain for size in part_sizes)
    all_times = (time for _, part_times in plain for time in part_times)
    for name, size, mtime_ns in zip(names, all_sizes, all_times, strict=True):
        if size != _UNSURE:
            kept.append(name)
            sizes.append(size)
            times.append(mtime_ns)
            continue
        found = stamp_path(root, prefix + name)
        if isinstance(found, FileStamp):
            stamps.append(found)
        elif found is not None:
            check.problems.append(found)
    names[:] = kept
    return [(sizes, times)]


def _name(stamp: FileStamp, prefix: str) -> str:
    return stamp.path[len(prefix) :]


StatResult = tuple[array, array, int]
"""A batch slice's sizes and times (in its names' order) and the sum of their signatures."""


def stat_batch(batch: list[tuple[str, list[str]]]) -> list[StatResult]:
    """Stat each folder's names (runs in worker processes); see `StatResult`.

    A name that is no longer a regular file no larger than the limit is given `_UNSURE`
    size and adds nothing to the sum, for the walk's rules to decide.
    """
    results = []
    for real_dir, names in batch:
        sizes, times, total = array("q"), array("q"), 0
        for name, info in _stats(real_dir, names):
            if info is None or not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ARTICLE_BYTES:
                sizes.append(_UNSURE)
                times.append(0)
                continue
            sizes.append(info.st_size)
            times.append(info.st_mtime_ns)
            total += file_signature(name, info.st_size, info.st_mtime_ns)
        results.append((sizes, times, total))
    return results


def _stats(real_dir: str, names: list[str]) -> Iterator[tuple[str, os.stat_result | None]]:
    """Each name with its stat, relative to the open folder where the platform allows it."""
    by_folder = os.stat in os.supports_dir_fd
    try:
        folder = os.open(real_dir, os.O_RDONLY) if by_folder else None
    except OSError:
        folder = None
    try:
        for name in names:
            try:
                if folder is not None:
                    yield name, os.stat(name, dir_fd=folder, follow_symlinks=False)
                else:
                    yield name, os.lstat(os.path.join(real_dir, name))
            except OSError:
                yield name, None
    finally:
        if folder is not None:
            os.close(folder)


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
