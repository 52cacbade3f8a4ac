"""The SQLite cache of a content folder: metadata, problems and full text, refreshed by stamp."""

from digest_tui.index.fulltext import FulltextBuild
from digest_tui.index.refresh import RefreshResult
from digest_tui.index.schema import SCHEMA_VERSION
from digest_tui.index.store import ArticleIndex, IndexStats

__all__ = ["SCHEMA_VERSION", "ArticleIndex", "FulltextBuild", "IndexStats", "RefreshResult"]
