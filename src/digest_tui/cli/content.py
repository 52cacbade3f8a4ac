"""Decide which content folder a command works on."""

from __future__ import annotations

import os
from pathlib import Path

from digest_tui.cli.errors import UsageError
from digest_tui.config import Config
from digest_tui.paths import CONTENT_ENV, bundled_sample_dir


def resolve_content_dir(argument: str | None, config: Config) -> Path:
    """PATH argument, then $DIGEST_TUI_CONTENT, then the config's content_dir, then the samples."""
    if argument:
        chosen, origin = Path(argument).expanduser(), "PATH"
    elif os.environ.get(CONTENT_ENV):
        chosen, origin = Path(os.environ[CONTENT_ENV]).expanduser(), CONTENT_ENV
    elif config.content_dir is not None:
        chosen, origin = Path(config.content_dir).expanduser(), "content_dir in the config file"
    else:
        chosen, origin = bundled_sample_dir(), "the bundled sample content"
    if not chosen.exists():
        raise UsageError(f"{chosen} (from {origin}) does not exist")
    if not chosen.is_dir():
        raise UsageError(f"{chosen} (from {origin}) is not a folder")
    return chosen


def resolve_article(content_dir: Path, argument: str) -> str:
    """The `/`-separated path of ARTICLE relative to the content folder, kept inside it."""
    root = content_dir.resolve()
    candidate = Path(argument)
    if not candidate.is_absolute():
        candidate = root / candidate
        if not candidate.exists() and Path(argument).exists():
            candidate = Path(argument)
    resolved = candidate.resolve()
    if not resolved.is_relative_to(root):
        raise UsageError(f"{argument} is not inside {content_dir}")
    if not resolved.is_file():
        raise UsageError(f"no article {argument} in {content_dir}")
    return resolved.relative_to(root).as_posix()
