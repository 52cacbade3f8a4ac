"""Whether a folder lives on a network file system, where change events do not arrive."""

from __future__ import annotations

import os
from pathlib import Path

NETWORK_TYPES = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "afs", "9p", "ncpfs", "davfs", "drvfs", "fuse.sshfs"}
)
"""File system types whose changes made by other machines send no local events."""

MOUNT_TABLE = Path("/proc/self/mounts")


def network_filesystem(folder: Path, table: Path = MOUNT_TABLE) -> str | None:
    """The type of network file system `folder` lives on, or None (also where unknown)."""
    try:
        lines = table.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    real = os.path.realpath(folder)
    best, kind = "", None
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = real == point or real.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, kind = point, fields[2]
    return kind if kind in NETWORK_TYPES else None
