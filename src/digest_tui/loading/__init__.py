"""The tolerant loader: find Markdown files, read their frontmatter, never raise."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from digest_tui.loading.article_file import load_article, parse_article
from digest_tui.loading.discover import discover
from digest_tui.loading.limits import MAX_ARTICLE_BYTES
from digest_tui.model import FileStamp, LoadReport, Problem

__all__ = [
    "MAX_ARTICLE_BYTES",
    "discover",
    "load_article",
    "load_folder",
    "parse_article",
    "problems_of",
]


def problems_of(found: Iterator[FileStamp | Problem]) -> Iterator[Problem]:
    """Only the problems from a `discover` walk."""
    return (item for item in found if isinstance(item, Problem))


def load_folder(root: Path) -> LoadReport:
    """Discover and load every article under `root`.

    The report holds the articles, the files that could not be loaded (fatal problems) and
    one non-fatal problem per warning of an article that loaded with fallbacks.
    """
    report = LoadReport()
    for found in discover(root):
        if isinstance(found, Problem):
            report.problems.append(found)
            continue
        loaded = load_article(root, found.path)
        if isinstance(loaded, Problem):
            report.problems.append(loaded)
            continue
        report.articles.append(loaded.article)
        report.problems.extend(
            Problem(found.path, warning, fatal=False) for warning in loaded.article.warnings
        )
    return report
