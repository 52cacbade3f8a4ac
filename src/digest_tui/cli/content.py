"""Decide which content folder a command works on."""

from __future__ import annotations

import os
from pathlib import Path

from digest_tui.cli.errors import UsageError
from digest_tui.config import Config
from digest_tui.paths import CONTENT_ENV, bundled_sample_dir
from digest_tui.text_safety import clean_line


def _default_content_dir(config: Config) -> tuple[Path, str]:
    if os.environ.get(CONTENT_ENV):
        return Path(os.environ[CONTENT_ENV]).expanduser(), CONTENT_ENV
    if config.content_dir is not None:
        return Path(config.content_dir).expanduser(), "content_dir in the config file"
    return bundled_sample_dir(), "the bundled sample content"


def resolve_content_dir(argument: str | None, config: Config) -> Path:
    """PATH argument, then $DIGEST_TUI_CONTENT, then the config's content_dir, then the samples."""
    if argument:
        chosen, origin = Path(argument).expanduser(), "PATH"
    else:
        chosen, origin = _default_content_dir(config)
    if not chosen.exists():
        raise UsageError(f"{chosen} (from {origin}) does not exist")
    if not chosen.is_dir():
        raise UsageError(f"{chosen} (from {origin}) is not a folder")
    return chosen


def resolve_reader_target(argument: str | None, config: Config) -> tuple[Path, str | None]:
    """The folder the reader opens, and the article to open first when PATH is one file.

    `digest-tui post.md` opens the configured content folder when the file is inside it,
    else the file's own folder, with that article open.
    """
    file = Path(argument).expanduser() if argument else None
    if file is None or not file.is_file():
        return resolve_content_dir(argument, config), None
    from digest_tui.loading.discover import is_markdown_name  # only for this rare path

    if not is_markdown_name(file.name):
        raise UsageError(f"{argument} is not a folder or a Markdown file")
    file = file.resolve()
    folder = _default_content_dir(config)[0].resolve()
    if folder.is_dir() and file.is_relative_to(folder):
        return folder, file.relative_to(folder).as_posix()
    return file.parent, file.name


def resolve_article(content_dir: Path, argument: str) -> str:
    """The `/`-separated path of ARTICLE relative to the content folder, kept inside it.

    ARTICLE is a path (relative to the folder, or as typed), else a unique file name or
    title of an article in the folder (see `lookup.find_article`).
    """
    root = content_dir.resolve()
    candidate = Path(argument)
    if not candidate.is_absolute():
        candidate = root / candidate
        if not candidate.exists() and Path(argument).exists():
            candidate = Path(argument)
    resolved = candidate.resolve()
    if not resolved.is_relative_to(root):
        raise UsageError(f"{argument} is not inside {content_dir}")
    if resolved.is_file():
        return resolved.relative_to(root).as_posix()
    return _article_named(content_dir, argument)


def _article_named(content_dir: Path, argument: str) -> str:
    from digest_tui.cli.lookup import find_article
    from digest_tui.cli.session import open_folder

    with open_folder(content_dir) as session:
        found = find_article(argument, session.library.with_drafts(True).articles)
    shown = clean_line(argument, 80)
    if len(found.matches) == 1:
        return found.matches[0]
    if found.matches:
        paths = ", ".join(clean_line(path) for path in found.matches[:5])
        more = ", …" if len(found.matches) > 5 else ""
        raise UsageError(
            f"{shown!r} names {len(found.matches)} articles: {paths}{more} (give the path)"
        )
    closest = ", ".join(clean_line(path) for path in found.closest)
    hint = f"; closest: {closest}" if closest else ""
    raise UsageError(f"no article {shown!r} in {content_dir}{hint}")
