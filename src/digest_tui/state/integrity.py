"""Whether the state file needs its integrity check (`PRAGMA quick_check`) at open.

The check reads every page of the file (250 MB for the state of a million articles:
about 0.3 s from the file cache, more from disk), paid by every command and by the
reader before its list. A file this program closed cleanly, and
that nobody has written since, cannot have been damaged by a crash or another writer, so
closing it records its stamp (size, modification time, inode) beside it, and an open that
finds the same stamp and no write-ahead log left over skips the check. Any other file,
or one whose stamp cannot be read, is checked as before.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

_STAMP_SUFFIX = ".checked"


def needs_check(db_file: Path) -> bool:
    """False only for a file unchanged since it was last closed cleanly here."""
    try:
        recorded = _stamp_file(db_file).read_text(encoding="ascii")
        stamp = _stamp(db_file)
        wal = db_file.with_name(db_file.name + "-wal")
        left_over = wal.exists() and wal.stat().st_size > 0
    except (OSError, ValueError):
        return True
    return left_over or recorded != stamp


def remember_closed(db_file: Path) -> None:
    """Record the stamp of `db_file`, just closed cleanly (best effort, written atomically)."""
    stamp_file = _stamp_file(db_file)
    partial = stamp_file.with_name(f"{stamp_file.name}.{os.getpid()}.tmp")
    try:
        partial.write_text(_stamp(db_file), encoding="ascii")
        os.replace(partial, stamp_file)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink()


def _stamp_file(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + _STAMP_SUFFIX)


def _stamp(db_file: Path) -> str:
    info = os.stat(db_file)
    return f"{info.st_size} {info.st_mtime_ns} {info.st_ino}"
