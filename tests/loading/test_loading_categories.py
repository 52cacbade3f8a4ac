"""Categories are read from every dialect that has them, as a field of their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest_tui.loading.preview import preview_file


def test_jekyll_categories_as_a_space_separated_string(load_ok):
    text = "---\ntitle: Jekyll 4.3 Released\ncategories: release community\n---\nBody\n"
    article = load_ok(text, "_posts/2022-10-20-jekyll-4-3-0-released.md").article
    assert article.categories == ("release", "community")
    assert article.tags == ()


def test_jekyll_singular_category_names_one_category(load_ok):
    article = load_ok("---\ntitle: A\ncategory: release notes\n---\nBody\n").article
    assert article.categories == ("release notes",)


def test_jekyll_category_and_categories_combine_once_each(load_ok):
    text = "---\ntitle: A\ncategory: News\ncategories: [news, Meta]\n---\nBody\n"
    assert load_ok(text).article.categories == ("news", "Meta")


def test_hugo_toml_categories_list_stays_apart_from_tags(load_ok):
    text = '+++\ntitle = "Hugo"\ntags = ["go"]\ncategories = ["Release Notes", "Docs"]\n+++\nB\n'
    article = load_ok(text).article
    assert article.categories == ("Release Notes", "Docs")
    assert article.tags == ("go",)


def test_zola_taxonomies_categories(load_ok):
    text = '+++\ntitle = "Z"\n[taxonomies]\ntags = ["a"]\ncategories = ["Rust"]\n+++\nB\n'
    assert load_ok(text).article.categories == ("Rust",)


def test_obsidian_wikilink_categories_show_their_name(load_ok):
    text = '---\ntitle: Clip\ncategories:\n  - "[[Clippings]]"\n  - "[[Reading|Books]]"\n---\nB\n'
    assert load_ok(text).article.categories == ("Clippings", "Books")


def test_a_mapping_as_categories_is_ignored_with_a_warning(load_ok):
    article = load_ok("---\ntitle: A\ncategories:\n  x: 1\n---\nBody\n").article
    assert article.categories == ()
    assert any("categories" in warning for warning in article.warnings)


@pytest.mark.parametrize(
    ("frontmatter", "expected"),
    [
        ("source: https://stephango.com/buy-wisely", "https://stephango.com/buy-wisely"),
        ("link: https://news.example/item", "https://news.example/item"),
        ('url: "/archives/"', ""),
    ],
)
def test_a_source_or_link_field_is_the_source_url_without_a_source_line(
    load_ok, frontmatter, expected
):
    article = load_ok(f"---\ntitle: A\n{frontmatter}\n---\nBody\n").article
    assert article.source_url == expected


def test_the_source_line_wins_over_a_source_field(load_ok):
    text = "---\ntitle: A\nsource: https://other.example/\n---\n**Source:** [Wire](https://w.example/a)\n"
    article = load_ok(text).article
    assert (article.source_name, article.source_url) == ("Wire", "https://w.example/a")


@pytest.mark.parametrize(
    "frontmatter",
    [
        "categories: release community",
        "categories:\n  - Release Notes\n  - docs",
        "category: release notes",
        "source: https://stephango.com/buy-wisely",
    ],
)
def test_preview_reads_categories_and_source_fields_as_the_loader_does(
    content: Path, load_ok, frontmatter
):
    loaded = load_ok(f"---\ntitle: A\ndate: 2025-01-02\n{frontmatter}\n---\nBody\n")
    previewed = preview_file(content, "post.md")
    assert previewed.categories == loaded.article.categories
    assert previewed.source_url == loaded.article.source_url
