"""A file name that is not valid UTF-8 is indexed like any other, and found again."""

from __future__ import annotations

import os
from pathlib import Path

from digest_tui.index import ArticleIndex
from digest_tui.loading import load_article


def write_named(folder: Path, raw_name: bytes, text: str) -> None:
    with open(os.fsencode(folder) + b"/" + raw_name, "wb") as file:
        file.write(text.encode("utf-8"))


def test_undecodable_name_is_listed_refreshed_and_searchable(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    write_named(content, b"caf\xe9.md", "---\ntitle: Bytes Name\n---\nA zeppelin story.\n")
    write_named(content, b"plain.md", "---\ntitle: Plain\n---\nNothing here.\n")

    with ArticleIndex(content, tmp_path / "index.sqlite3") as index:
        first = index.refresh()
        assert first.error is None
        titles = sorted(article.title for article in first.articles)
        assert titles == ["Bytes Name", "Plain"]
        odd = next(a for a in first.articles if a.title == "Bytes Name")
        assert load_article(content, odd.path).article.title == "Bytes Name"
        assert list(index.search("zeppelin")) == [odd.path]
        assert index.refresh().parsed == 0

    with ArticleIndex(content, tmp_path / "index.sqlite3") as reopened:
        articles, _ = reopened.cached()
        assert sorted(article.path for article in articles) == sorted([odd.path, "plain.md"])
