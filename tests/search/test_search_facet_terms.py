"""`category:` and `year:` narrow a library like `tag:` does (Jekyll and Hugo posts)."""

from __future__ import annotations

from pathlib import Path

from digest_tui.loading import load_folder
from digest_tui.search import Library

POSTS = {
    "_posts/2022-10-20-jekyll-4-3-0-released.md": (
        "---\ntitle: Jekyll 4.3.0 Released\ncategories: release community\n---\nNotes.\n"
    ),
    "_posts/2024-01-05-jekyll-4-3-3-released.md": (
        "---\ntitle: Jekyll 4.3.3 Released\ncategory: release\n---\nMore notes.\n"
    ),
    "content/posts/hugo/index.md": (
        '+++\ntitle = "Hugo 0.120"\ndate = 2024-10-30\ncategories = ["Docs"]\n+++\nBody.\n'
    ),
}


def library(tmp_path: Path) -> Library:
    for relative, text in POSTS.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    return Library.of(load_folder(tmp_path).articles)


def titles(view: Library) -> list[str]:
    return [article.title for article in view.articles]


def test_category_terms_match_any_spelling_and_combine_with_and(tmp_path: Path):
    posts = library(tmp_path)
    assert titles(posts.matching("category:RELEASE")) == [
        "Jekyll 4.3.3 Released",
        "Jekyll 4.3.0 Released",
    ]
    assert titles(posts.matching("category:release category:community")) == [
        "Jekyll 4.3.0 Released"
    ]
    assert titles(posts.matching("-category:release")) == ["Hugo 0.120"]


def test_year_terms_keep_the_articles_dated_in_that_year(tmp_path: Path):
    posts = library(tmp_path)
    assert titles(posts.matching("year:2024")) == ["Hugo 0.120", "Jekyll 4.3.3 Released"]
    assert titles(posts.matching("-year:2024")) == ["Jekyll 4.3.0 Released"]
    assert titles(posts.matching("year:2024 category:docs")) == ["Hugo 0.120"]
