"""Walk a content folder for Markdown files, safely: no cycles, no escapes, no FIFOs."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path

from digest_tui.loading.limits import MAX_ARTICLE_BYTES, describe_limit
from digest_tui.model import FileStamp, Problem

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
SKIPPED_DIR_NAMES = frozenset({"node_modules"})

Found = FileStamp | Problem
NOT_STATTED = -1
"""The size and mtime_ns of a FileStamp whose file the walk did not stat (see `discover`)."""


def is_markdown_name(name: str) -> bool:
    """True for `.md`, `.markdown` and `.mdx` names, in any letter case."""
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def is_section_page(name: str) -> bool:
    """True for Hugo's and Zola's `_index.md`: a section's list page, not an article.

    A page bundle's `index.md` (no underscore) is an article.
    """
    stem, dot, suffix = name.rpartition(".")
    return stem == "_index" and f".{suffix.lower()}" in MARKDOWN_SUFFIXES


def is_inside(path: str, root: str) -> bool:
    """True when the resolved `path` is `root` or below it (both already resolved)."""
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def special_file_kind(mode: int) -> str | None:
    """A name for a non-regular file type (FIFO, socket, device), or None for regular files."""
    if stat.S_ISREG(mode):
        return None  # the usual answer, with one test instead of five
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a directory"
    if not stat.S_ISREG(mode):
        return "not a regular file"
    return None


def too_large_reason(size: int) -> str:
    """The problem text for a file over the size limit."""
    return f"file is too large ({size:,} bytes; the limit is {describe_limit(MAX_ARTICLE_BYTES)})"


def discover(
    root: Path, *, stat_files: bool = True, sections: list[str] | None = None
) -> Iterator[Found]:
    """Yield every Markdown file under `root` as a FileStamp, and problems found on the way.

    Paths are relative to `root` with `/` separators. Order is stable: in each folder, its
    files sorted by name, then its sub-folders sorted by name, depth-first. Hidden entries
    and `node_modules` are skipped. Symlinks are followed only while they resolve inside
    `root`; one that points outside is not followed and gives a non-fatal problem. A folder
    reached twice (a symlink cycle) is walked once. FIFOs, sockets, devices and files over
    `MAX_ARTICLE_BYTES` become fatal problems and are never opened.

    `stat_files=False` spares the stat of plain files (no symlink, a regular file by the
    folder listing): they come as stamps of `NOT_STATTED` size and time, so the caller
    must stat them itself (see `stamp_of`) before trusting or storing them.

    Section pages (`is_section_page`) are left out; their paths go to `sections` if given.
    """
    for folder in list_folders(root, stat_files=stat_files, sections=sections):
        if isinstance(folder, Problem):
            yield folder
            continue
        prefix = f"{folder.rel_dir}/" if folder.rel_dir else ""
        plain = [FileStamp(prefix + name, NOT_STATTED, NOT_STATTED) for name in folder.plain]
        if plain and folder.found:  # both kinds in one folder: back into name order
            yield from sorted(plain + folder.found, key=_PATH)
        else:
            yield from plain or folder.found


@dataclass(slots=True)
class FolderListing:
    """One folder's part of a walk, in walk order."""

    rel_dir: str
    """The folder, relative to the root, `/`-separated ("" for the root itself)."""
    real_dir: str
    """Where it is on disk, symlinks resolved."""
    plain: list[str]
    """Names of the plain Markdown files not stat'ed (`stat_files=False` only), sorted."""
    found: list[Found]
    """The other files' stamps and problems, in name order."""


def list_folders(
    root: Path, *, stat_files: bool = True, sections: list[str] | None = None
) -> Iterator[FolderListing | Problem]:
    """`discover`, a folder at a time: each folder's listing, in the same order, by the same
    rules. A problem with the root itself comes alone."""
    real_root = os.path.realpath(os.fspath(root))
    try:
        root_stat = os.stat(real_root)
    except OSError as error:
        yield Problem(".", f"cannot read the content folder: {error.strerror or error}")
        return
    walk = _Walk(real_root, {(root_stat.st_dev, root_stat.st_ino)}, stat_files, sections)
    pending: list[tuple[str, str]] = [(real_root, "")]
    while pending:
        directory, rel_dir = pending.pop()
        listing, subdirs = walk.scan(directory, rel_dir)
        yield listing
        pending.extend(reversed(subdirs))


_NAME = attrgetter("name")
_PATH = attrgetter("path")


class _Walk:
    """The state of one walk: the resolved root and the folders already visited."""

    def __init__(
        self,
        real_root: str,
        seen_dirs: set[tuple[int, int]],
        stat_files: bool,
        sections: list[str] | None,
    ) -> None:
        self.real_root = real_root
        self.seen_dirs = seen_dirs
        self.stat_files = stat_files
        self.sections = sections

    def scan(self, directory: str, rel_dir: str) -> tuple[FolderListing, list[tuple[str, str]]]:
        """This folder's listing, and its sub-folders to walk."""
        listing = FolderListing(rel_dir, directory, [], [])
        subdirs: list[tuple[str, str]] = []
        try:
            plain, sections, others = self._sorted_entries(directory)
        except OSError as error:
            listing.found.append(
                Problem(rel_dir or ".", f"cannot list folder: {error.strerror or error}")
            )
            return listing, subdirs
        prefix = f"{rel_dir}/" if rel_dir else ""
        if self.sections is not None:
            self.sections.extend(prefix + name for name in sections)
        listing.plain = plain
        for entry in others:
            found = self._classify(entry, prefix + entry.name)
            if isinstance(found, tuple):
                subdirs.append(found)
            elif found is not None:
                listing.found.append(found)
        return listing, subdirs

    def _sorted_entries(
        self, directory: str
    ) -> tuple[list[str], list[str], list[os.DirEntry[str]]]:
        """The folder's entries, hidden ones left out, each kind sorted by name: the names of
        plain Markdown files (with `stat_files=False` only), of section pages, and every
        other entry. One pass over the listing: a folder may hold tens of thousands."""
        plain: list[str] = []
        sections: list[str] = []
        others: list[os.DirEntry[str]] = []
        pick_plain = not self.stat_files
        with os.scandir(directory) as entries:
            for entry in entries:
                name = entry.name
                if name[0] == ".":
                    continue
                if name[0] == "_" and is_section_page(name):
                    sections.append(name)
                elif pick_plain and (name.endswith(".md") or is_markdown_name(name)):
                    try:
                        regular = entry.is_file(follow_symlinks=False)  # by the listing: no stat
                    except OSError:
                        regular = False  # the full classification words the problem
                    if regular:
                        plain.append(name)
                    else:
                        others.append(entry)
                else:
                    others.append(entry)
        plain.sort()
        sections.sort()
        others.sort(key=_NAME)
        return plain, sections, others

    def _classify(self, entry: os.DirEntry[str], rel: str) -> Found | tuple[str, str] | None:
        markdown = is_markdown_name(entry.name)
        path = entry.path
        try:
            if entry.is_symlink():
                path = os.path.realpath(entry.path)
                if not is_inside(path, self.real_root):
                    if markdown or os.path.isdir(path):
                        return Problem(
                            rel,
                            "symlink points outside the content folder; not followed",
                            fatal=False,
                        )
                    return None
            info = entry.stat()
        except OSError as error:
            if markdown:
                return Problem(rel, f"cannot read file: {error.strerror or error}")
            return None
        if stat.S_ISDIR(info.st_mode):
            return self._enter(entry.name, path, rel, info)
        if not markdown:
            return None
        kind = special_file_kind(info.st_mode)
        if kind is not None:
            return Problem(rel, f"{kind}, not a regular file; not opened")
        if info.st_size > MAX_ARTICLE_BYTES:
            return Problem(rel, too_large_reason(info.st_size))
        return FileStamp(rel, info.st_size, info.st_mtime_ns)

    def _enter(
        self, name: str, path: str, rel: str, info: os.stat_result
    ) -> tuple[str, str] | None:
        if name in SKIPPED_DIR_NAMES:
            return None
        key = (info.st_dev, info.st_ino)
        if key in self.seen_dirs:
            return None
        self.seen_dirs.add(key)
        return (path, rel)


def stamp_of(root: Path, stamp: FileStamp) -> Found:
    """`stamp` with the size and time the walk would have found, or the walk's problem.

    For stamps of `discover(stat_files=False)`; other stamps come back as they are.
    """
    if stamp.size != NOT_STATTED:
        return stamp
    try:
        info = os.stat(os.path.join(os.fspath(root), *stamp.path.split("/")))
    except OSError as error:
        return Problem(stamp.path, f"cannot read file: {error.strerror or error}")
    if info.st_size > MAX_ARTICLE_BYTES:
        return Problem(stamp.path, too_large_reason(info.st_size))
    return FileStamp(stamp.path, info.st_size, info.st_mtime_ns)


def stamp_path(root: Path, path: str) -> Found | None:
    """What a walk of `root` would give for the one file at `path` (relative, `/`-separated).

    None when the walk would not list it: gone, a folder, not a Markdown name, hidden, under
    `node_modules`, or a section page. A symlink is followed only to a file inside `root`.
    """
    parts = path.split("/")
    name = parts[-1]
    if (
        not path
        or any(not part or part.startswith(".") or part in SKIPPED_DIR_NAMES for part in parts)
        or ".." in parts
        or not is_markdown_name(name)
        or is_section_page(name)
    ):
        return None
    real_root = os.path.realpath(os.fspath(root))
    full = os.path.join(os.fspath(root), *parts)
    try:
        info = os.stat(full)
    except FileNotFoundError:
        return None
    except OSError as error:
        return Problem(path, f"cannot read file: {error.strerror or error}")
    if not is_inside(os.path.realpath(full), real_root):
        return Problem(path, "symlink points outside the content folder; not followed", fatal=False)
    if stat.S_ISDIR(info.st_mode):
        return None
    kind = special_file_kind(info.st_mode)
    if kind is not None:
        return Problem(path, f"{kind}, not a regular file; not opened")
    if info.st_size > MAX_ARTICLE_BYTES:
        return Problem(path, too_large_reason(info.st_size))
    return FileStamp(path, info.st_size, info.st_mtime_ns)
