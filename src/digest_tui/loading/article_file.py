"""Read one article file safely and turn it into a LoadedArticle or a Problem."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from digest_tui.loading.decode import decode_bytes
from digest_tui.loading.discover import is_inside, special_file_kind, too_large_reason
from digest_tui.loading.fences import split_frontmatter
from digest_tui.loading.fields import Notes
from digest_tui.loading.limits import MAX_ARTICLE_BYTES
from digest_tui.loading.markdown_text import to_plain_text
from digest_tui.loading.metadata import Metadata, read_metadata
from digest_tui.loading.normalise import build_article
from digest_tui.model import LoadedArticle, Problem

_READ_CHUNK = 256 * 1024
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_SLASH_JOINS = os.sep == "/" and os.altsep is None


class _Unreadable(Exception):
    """A file that cannot be read as a regular file; the message is the problem reason."""


def load_article(root: Path, path: str, *, fast: bool = True) -> LoadedArticle | Problem:
    """Read and parse the file at `path` (relative to `root`, `/`-separated). Never raises.

    `fast=False` forces the python-frontmatter path for YAML (the result is the same).
    """
    try:
        data = read_file_bytes(root, path)
        return parse_article(path, data, fast=fast)
    except _Unreadable as error:
        return Problem(path, str(error))
    except Exception as error:  # the loader must never take the app down
        return Problem(path, f"could not load: {type(error).__name__}: {error}")


def parse_article(path: str, data: bytes, *, fast: bool = True) -> LoadedArticle | Problem:
    """Parse file bytes into an article; bad input becomes a Problem. Never raises."""
    try:
        return _parse(path, data, fast)
    except Exception as error:
        return Problem(path, f"could not parse: {type(error).__name__}: {error}")


def _parse(path: str, data: bytes, fast: bool) -> LoadedArticle | Problem:
    decoded = decode_bytes(data)
    if decoded.text is None:
        return Problem(path, decoded.error or "cannot decode file")
    split = split_frontmatter(decoded.text)
    meta = read_metadata(split, decoded.text, fast=fast)
    if not isinstance(meta, Metadata):
        return Problem(path, meta.reason, meta.line)
    notes = Notes()
    for warning in ([decoded.warning] if decoded.warning else []) + meta.warnings:
        notes.add(warning)
    plain_text = to_plain_text(meta.body)
    article = build_article(path, meta.values, meta.body, notes, plain_text)
    return LoadedArticle(article, meta.body, plain_text)


def read_file_bytes(root: Path, path: str) -> bytes:
    """The bytes of a regular file under `root`, at most `MAX_ARTICLE_BYTES` of them.

    Opens without blocking (a FIFO cannot hang the read) and checks the opened file is a
    regular file before reading. Raises `_Unreadable` with a readable reason.
    """
    parts = path.split("/")
    if not path or ".." in parts or path.startswith("/"):
        raise _Unreadable("path is outside the content folder")
    # What os.path.join gives for these parts (no empty or absolute one) where `/` is the
    # separator, without its per-part loop.
    full = f"{os.fspath(root)}/{path}" if _SLASH_JOINS else os.path.join(os.fspath(root), *parts)
    fd = _open(full, root)
    try:
        return _read_regular(fd)
    finally:
        os.close(fd)


def _open(full: str, root: Path) -> int:
    if _NO_FOLLOW:
        try:
            # The usual file is no symlink: refusing to follow one spares an lstat.
            return os.open(full, _OPEN_FLAGS | _NO_FOLLOW)
        except OSError as error:
            if error.errno != errno.ELOOP:
                raise _Unreadable(_os_reason(error)) from None
    if os.path.islink(full) and not is_inside(
        os.path.realpath(full), os.path.realpath(os.fspath(root))
    ):
        raise _Unreadable("symlink points outside the content folder; not followed")
    try:
        return os.open(full, _OPEN_FLAGS)
    except OSError as error:
        raise _Unreadable(_os_reason(error)) from None


def _read_regular(fd: int) -> bytes:
    info = os.fstat(fd)
    kind = special_file_kind(info.st_mode)
    if kind is not None:
        raise _Unreadable(f"{kind}, not a regular file; not opened")
    if info.st_size > MAX_ARTICLE_BYTES:
        raise _Unreadable(too_large_reason(info.st_size))
    whole = os.read(fd, info.st_size + 1)
    if len(whole) == info.st_size:
        return whole  # the usual file: all of it in one read, which found its end
    return _read_rest(fd, info.st_size, whole)


def _read_rest(fd: int, size: int, first: bytes) -> bytes:
    """The file after a first read that did not end at `size` bytes (it grew or shrank)."""
    chunks = [first]
    total = len(first)
    while first and total <= MAX_ARTICLE_BYTES:
        asked = min(_READ_CHUNK, MAX_ARTICLE_BYTES + 1 - total)
        chunk = os.read(fd, asked)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if len(chunk) < asked and total >= size:
            break  # the end of the file: spares a last, empty read
    if total > MAX_ARTICLE_BYTES:
        raise _Unreadable(too_large_reason(total))
    return b"".join(chunks)


def _os_reason(error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return "file vanished before it could be read"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.ELOOP:
        return "symlink loop"
    return f"cannot open file: {error.strerror or error}"
