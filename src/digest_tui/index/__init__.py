"""The SQLite cache of a content folder: metadata, problems and full text, refreshed by stamp.

Names load on first use, so importing the package for `ArticleIndex` does not pull in
the parsing or full-text code before the first frame.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from digest_tui.index.fulltext import FulltextBuild
    from digest_tui.index.refresh import RefreshResult
    from digest_tui.index.schema import SCHEMA_VERSION
    from digest_tui.index.store import ArticleIndex, IndexStats

__all__ = ["SCHEMA_VERSION", "ArticleIndex", "FulltextBuild", "IndexStats", "RefreshResult"]

_HOMES = {
    "SCHEMA_VERSION": "digest_tui.index.schema",
    "ArticleIndex": "digest_tui.index.store",
    "FulltextBuild": "digest_tui.index.fulltext",
    "IndexStats": "digest_tui.index.store",
    "RefreshResult": "digest_tui.index.refresh",
}


def __getattr__(name: str) -> object:
    """Import a public name's module when the name is first asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value
