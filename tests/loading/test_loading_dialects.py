"""Each frontmatter dialect maps onto the same Article fields."""

from __future__ import annotations

ASTROPAPER = """---
author: Ada Writer
pubDatetime: 2025-03-04T09:30:00+02:00
modDatetime: 2025-03-05T10:00:00Z
title: Solar Kite Sets Altitude Record
featured: true
draft: false
tags:
  - energy
  - Aviation
ogImage: ../../assets/kite.png
description: A kite powered by sunlight climbs higher than ever.
---

## What happened

**Source:** [Sky Wire](https://example.com/sky-wire/kite)

The kite rose for six hours. See [the log](https://example.com/log) for details.
"""


def test_astropaper_post_fills_every_field(load_ok):
    article = load_ok(ASTROPAPER).article
    assert article.title == "Solar Kite Sets Altitude Record"
    assert article.date == "2025-03-04T09:30:00+02:00"
    assert article.modified == "2025-03-05T10:00:00+00:00"
    assert article.tags == ("energy", "Aviation")
    assert article.description == "A kite powered by sunlight climbs higher than ever."
    assert article.featured and not article.draft
    assert article.author == "Ada Writer"
    assert article.image == "../../assets/kite.png"
    assert (article.source_name, article.source_url) == (
        "Sky Wire",
        "https://example.com/sky-wire/kite",
    )
    assert article.first_link == "https://example.com/sky-wire/kite"
    assert article.warnings == ()


def test_astropaper_v1_uses_datetime_key(load_ok):
    article = load_ok("---\ntitle: Old\ndatetime: 2022-09-25T15:20:35Z\n---\nBody\n").article
    assert article.day == "2022-09-25"


def test_hugo_toml_frontmatter_is_read(load_ok):
    text = '+++\ntitle = "Redox Weekly"\ndate = "2017-07-08 16:52:23-07:00"\n'
    text += 'tags = ["os", "rust"]\ndraft = true\n+++\n\nThis week in the kernel.\n'
    loaded = load_ok(text)
    assert loaded.article.title == "Redox Weekly"
    assert loaded.article.date == "2017-07-08T16:52:23-07:00"
    assert loaded.article.tags == ("os", "rust")
    assert loaded.article.draft
    assert loaded.body == "This week in the kernel.\n"


def test_hugo_yaml_summary_and_lastmod(load_ok):
    text = "---\ntitle: Hugo\ndate: 2020-07-28\nlastmod: 2020-08-01\nsummary: Short one.\n---\n"
    article = load_ok(text + "Body text.\n").article
    assert article.date == "2020-07-28"
    assert article.modified == "2020-08-01"
    assert article.description == "Short one."


def test_jekyll_date_from_file_name_and_published_false(load_ok):
    text = "---\ntitle: Release\npublished: false\ntags: ruby jekyll\ncategories: [news]\n---\nHi\n"
    article = load_ok(text, "_posts/2016-09-21-release.markdown").article
    assert article.day == "2016-09-21"
    assert article.draft
    assert article.tags == ("ruby", "jekyll")


def test_jekyll_frontmatter_date_beats_file_name(load_ok):
    text = "---\ntitle: Crisis\ndate: 2014-11-05 12:00:00 -0800\n---\nHi\n"
    article = load_ok(text, "_posts/2014-11-06-crisis.md").article
    assert article.date == "2014-11-05T12:00:00-08:00"


def test_zola_taxonomies_and_path_date(load_ok):
    text = '+++\npath = "inside-rust/2024/07/25/release"\ntitle = "Release"\n\n'
    text += '[taxonomies]\ntags = ["Rust", "release"]\n+++\nText\n'
    article = load_ok(text).article
    assert article.day == "2024-07-25"
    assert article.tags == ("Rust", "release")


def test_zola_native_toml_date(load_ok):
    article = load_ok('+++\ntitle = "Tabi"\ndate = 2023-01-31\n+++\nText\n').article
    assert article.date == "2023-01-31"


def test_mkdocs_date_mapping_and_title_from_heading(load_ok):
    text = (
        "---\ndate:\n  created: 2026-02-18\n  updated: 2026-02-20\n---\n\n# MkDocs News\n\nText.\n"
    )
    article = load_ok(text).article
    assert article.title == "MkDocs News"
    assert article.date == "2026-02-18"
    assert article.modified == "2026-02-20"


def test_obsidian_note_takes_title_from_file_name(load_ok):
    text = "---\npublished: 2023-09-29\ncategories:\n  - '[[Posts]]'\n---\n"
    text += "# Notes\nOne.\n# Help\nTwo.\n"
    article = load_ok(text, "Clippings/Buy wisely.md").article
    assert article.title == "Buy wisely"
    assert article.day == "2023-09-29"
    assert article.tags == ()


def test_eleventy_newstitle(load_ok):
    article = load_ok("---\nnewstitle: Moving House\n---\nText\n", "2019-12-05-moving.md").article
    assert article.title == "Moving House"
    assert article.day == "2019-12-05"


def test_json_frontmatter(load_ok):
    loaded = load_ok('{\n  "title": "From JSON",\n  "tags": ["a"],\n  "x": {"y": 1}\n}\nBody\n')
    assert loaded.article.title == "From JSON"
    assert loaded.article.tags == ("a",)
    assert loaded.body == "Body\n"


def test_localized_tag_key(load_ok):
    article = load_ok("---\ntitle: RTL\nFAtags: [markdown, css]\n---\nText\n").article
    assert article.tags == ("markdown", "css")


def test_obsidian_wiki_links_in_author_read_as_their_names(load_ok):
    quoted = load_ok('---\nauthor: "[[Ana Silva]]"\n---\nbody\n', name="a.md")
    assert quoted.article.author == "Ana Silva"
    listed = load_ok('---\nauthor:\n  - [[Ana Silva]]\n  - "[[Bo Li|Bo]]"\n---\nb\n', name="b.md")
    assert listed.article.author == "Ana Silva, Bo"
