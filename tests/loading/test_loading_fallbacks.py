"""Files with missing or odd frontmatter still load, with fallbacks and warnings."""

from __future__ import annotations

import errno
import os

from digest_tui.loading import discover, load_article
from digest_tui.model import Problem


def test_no_frontmatter_title_from_heading_and_description_from_first_paragraph(load_ok):
    body = (
        "# Kitchen Robots Kick Off\n\n![hero](img.png)\n\nRobots *cook* [dinner](https://x.test).\n"
    )
    article = load_ok(body).article
    assert article.title == "Kitchen Robots Kick Off"
    assert article.description == "Robots cook dinner."
    assert article.first_link == "https://x.test"
    assert article.warnings == ()


def test_title_falls_back_to_file_name(load_ok):
    article = load_ok("Just text.\n", "notes/my first note.md").article
    assert article.title == "my first note"


def test_heading_inside_code_is_not_a_title(load_ok):
    article = load_ok("```sh\n# install\n```\n\nText.\n", "setup.md").article
    assert article.title == "setup"


def test_description_skips_headings_code_and_imports(load_ok):
    body = 'import X from "./x";\n\n## Intro\n\n```py\nprint(1)\n```\n\n> Quoted lead.\n'
    assert load_ok(body).article.description == "Quoted lead."


def test_words_and_plain_text(load_ok):
    loaded = load_ok("---\ntitle: T\n---\n## Head\n\nOne **two** [three](http://a.b).\n")
    assert loaded.article.words == 4
    assert loaded.plain_text == "Head One two three."


def test_list_frontmatter_loads_with_a_warning(load_ok):
    article = load_ok("---\n- a\n- b\n---\n# Heading\n").article
    assert article.title == "Heading"
    assert any("is a list, not a mapping" in warning for warning in article.warnings)


def test_scalar_frontmatter_loads_with_a_warning(load_ok):
    article = load_ok("---\njust words\n---\nBody\n", "x.md").article
    assert article.title == "x"
    assert any("not a mapping" in warning for warning in article.warnings)


def test_non_string_keys_and_reserved_names(load_ok):
    text = "---\n1: one\ntrue: yes\ncontent: c\nhandler: h\ntitle: Keys\n? [a, b]\n: pair\n---\nB\n"
    article = load_ok(text).article
    assert article.title == "Keys"
    assert any("not text" in warning for warning in article.warnings)


def test_duplicate_keys_last_wins(load_ok):
    assert load_ok("---\ntitle: first\ntitle: second\n---\nB\n").article.title == "second"


def test_missing_closing_fence_reads_all_as_body(load_ok):
    loaded = load_ok("---\ntitle: Never closed\n\nSome prose here.\n")
    assert loaded.article.title == "post"
    assert "Some prose here." in loaded.body
    assert any("closing fence" in warning for warning in loaded.article.warnings)


def test_later_rule_does_not_turn_body_into_metadata(load_ok):
    text = "---\ntitle: Open\nThis paragraph is body text.\n\n---\n\nMore text.\n"
    loaded = load_ok(text)
    assert loaded.article.title == "post"
    assert loaded.body.startswith("---\ntitle: Open")
    assert any("closing fence" in warning for warning in loaded.article.warnings)


def test_toml_frontmatter_is_not_shown_as_body(load_ok):
    loaded = load_ok('+++\ntitle = "T"\n+++\nBody\n')
    assert "+++" not in loaded.body and "title" not in loaded.body


def test_draft_string_false_is_not_a_draft(load_ok):
    assert not load_ok('---\ntitle: T\ndraft: "false"\n---\nB\n').article.draft
    assert load_ok('---\ntitle: T\ndraft: "true"\n---\nB\n').article.draft


def test_categories_are_not_tags(load_ok):
    article = load_ok("---\ntitle: T\ncategories: [news, rust]\n---\nB\n").article
    assert article.tags == ()


def test_summary_is_the_description_fallback(load_ok):
    assert load_ok("---\nsummary: Sum.\n---\nFirst para.\n").article.description == "Sum."


def test_image_from_cover_mapping(load_ok):
    article = load_ok("---\ntitle: T\ncover:\n  image: pic.png\n---\nB\n").article
    assert article.image == "pic.png"


def test_non_text_values_are_coerced(load_ok):
    text = "---\ntitle: 2.0\ndescription: [one, two]\nauthor: {name: Ada}\ntags: 42\n---\nB\n"
    article = load_ok(text).article
    assert article.title == "2.0"
    assert article.description == "one, two"
    assert article.author == "Ada"
    assert article.tags == ("42",)
    assert article.warnings  # each coercion is reported


def test_null_and_mapping_title_fall_back(load_ok):
    assert load_ok("---\ntitle:\n---\n# H\n").article.title == "H"
    article = load_ok("---\ntitle: {a: 1}\n---\n# H\n").article
    assert article.title == "H"
    assert any("title is a dict" in warning for warning in article.warnings)


def test_file_that_vanishes_after_the_scan(content):
    (content / "a.md").write_text("x", encoding="utf-8")
    (stamp,) = list(discover(content))
    (content / "a.md").unlink()
    problem = load_article(content, stamp.path)
    assert isinstance(problem, Problem) and "vanished" in problem.reason


def test_permission_lost_after_the_scan(content, monkeypatch):
    (content / "a.md").write_text("x", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    problem = load_article(content, "a.md")
    assert isinstance(problem, Problem) and problem.reason == "permission denied"


def test_first_link_skips_images(load_ok):
    body = "![hero](https://img.test/a.png)\n<img src='https://img.test/b.png'>\n\nSee [it](https://news.test/x).\n"
    assert load_ok(body).article.first_link == "https://news.test/x"


def test_published_string_false_is_a_draft_not_a_date(load_ok):
    article = load_ok('---\ntitle: T\npublished: "false"\n---\nB\n', "2020-05-05-t.md").article
    assert article.draft
    assert article.day == "2020-05-05"
    assert article.warnings == ()
