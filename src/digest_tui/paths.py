"""Where digest-tui keeps its files. Resolving a path never creates anything."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

APP_NAME = "digest-tui"

CACHE_DIR_ENV = "DIGEST_TUI_CACHE_DIR"
DATA_DIR_ENV = "DIGEST_TUI_DATA_DIR"
CONFIG_ENV = "DIGEST_TUI_CONFIG"
CONTENT_ENV = "DIGEST_TUI_CONTENT"


def cache_dir() -> Path:
    """The folder for rebuildable caches (the article index)."""
    override = os.environ.get(CACHE_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME))


def data_dir() -> Path:
    """The folder for reader state that must never be lost (read marks, stars)."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))


def config_file() -> Path:
    """The TOML config file."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def folder_key(content_dir: Path) -> str:
    """A short stable name for a content folder, used to keep one cache per folder."""
    resolved = str(content_dir.resolve())
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    readable = "".join(ch if ch.isalnum() else "-" for ch in content_dir.resolve().name)[:32]
    return f"{readable or 'root'}-{digest}"


def index_file(content_dir: Path) -> Path:
    """The SQLite index for one content folder."""
    return cache_dir() / f"{folder_key(content_dir)}.sqlite3"


def state_file(content_dir: Path) -> Path:
    """The SQLite reader-state store for one content folder."""
    return data_dir() / f"{folder_key(content_dir)}.state.sqlite3"


def bundled_sample_dir() -> Path:
    """The sample articles shipped with the package (or beside it in a source checkout)."""
    installed = Path(__file__).resolve().parent / "sample_content"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "sample_content"
