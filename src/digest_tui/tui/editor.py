"""Which editor `e` runs: `$EDITOR`, then `$VISUAL`, then `editor` or `vi` where present."""

from __future__ import annotations

import shlex
import shutil
from collections.abc import Mapping

FALLBACK_EDITORS = ("editor", "vi")
"""Debian's `editor` alternative, then the editor every Unix has."""


def editor_command(environ: Mapping[str, str]) -> list[str] | None:
    """The editor's command line (without the file), or None when there is none."""
    for variable in ("EDITOR", "VISUAL"):
        value = environ.get(variable, "").strip()
        if value:
            try:
                return shlex.split(value)
            except ValueError:
                continue  # unbalanced quotes: try the next way
    for name in FALLBACK_EDITORS:
        found = shutil.which(name, path=environ.get("PATH"))
        if found:
            return [found]
    return None
