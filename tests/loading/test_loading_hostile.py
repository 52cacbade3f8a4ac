"""Hostile field values load with limits and without anything being executed."""

from __future__ import annotations

from pathlib import Path

from digest_tui.loading.limits import MAX_TAGS, MAX_TITLE_CHARS
from digest_tui.model import LoadedArticle, Problem


def test_ten_thousand_tags_are_capped(load_ok):
    tags = "\n".join(f"  - tag{i}" for i in range(10_000))
    article = load_ok(f"---\ntitle: T\ntags:\n{tags}\n---\nB\n").article
    assert len(article.tags) == MAX_TAGS
    assert article.tags[0] == "tag0"
    assert any("more than" in warning for warning in article.warnings)


def test_ten_thousand_character_title_is_shortened(load_ok):
    article = load_ok("---\ntitle: " + "x" * 10_000 + "\n---\nB\n").article
    assert len(article.title) == MAX_TITLE_CHARS
    assert article.title.endswith("…")
    assert any("longer than" in warning for warning in article.warnings)


def test_markup_is_kept_literal_and_escapes_are_stripped(load_ok):
    title = r"[@click=app.quit]Win[/] \e[31mred\e]8;;file:///etc/passwd\e\\link\e]52;c;aGk=\a"
    text = f'---\ntitle: "{title}"\ntags: ["[link=file:///etc/passwd]x", "\\e[2Jclear"]\n---\nB\n'
    article = load_ok(text).article
    assert article.title == "[@click=app.quit]Win[/] redlink"
    assert article.tags == ("[link=file:///etc/passwd]x", "clear")
    assert "\x1b" not in article.title + "".join(article.tags)


def test_bidi_overrides_are_removed_and_zero_width_kept_harmless(load_ok):
    article = load_ok('---\ntitle: "abc\\u202Edef\\u200Bghi"\n---\nB\n').article
    assert "\u202e" not in article.title
    assert article.title.startswith("abcdef")


def test_python_tags_are_never_executed(load_ok, tmp_path: Path):
    marker = tmp_path / "pwned"
    text = (
        "---\n"
        f"title: !!python/object/apply:os.system ['touch {marker}']\n"
        "x: !!python/name:os.system\n"
        "y: !custom {a: 1}\n"
        "---\nB\n"
    )
    article = load_ok(text).article
    assert not marker.exists()
    assert any("!!python/object/apply:os.system" in warning for warning in article.warnings)
    assert article.title == f"touch {marker}"


def test_deeply_nested_frontmatter_is_not_a_crash(load_text):
    result = load_text("---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\nB\n")
    assert isinstance(result, LoadedArticle | Problem)


def test_deep_lists_huge_tables_and_long_lines_in_the_body(load_ok):
    nested = "".join("  " * depth + "- item\n" for depth in range(200))
    quotes = ">" * 200 + " deep\n"
    table = "| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 5000
    headings = "".join(f"## H{i}\n" for i in range(2000))
    long_line = "word " * 10_000
    loaded = load_ok("# T\n\n" + nested + quotes + table + headings + long_line + "\n")
    assert loaded.article.title == "T"
    assert loaded.article.words > 10_000


def test_non_string_everything(load_ok):
    text = "---\ntitle: [1, 2]\ntags: {a: b}\ndescription: null\ndraft: 3\ndate: [2020]\n---\nB\n"
    article = load_ok(text).article
    assert article.title == "1, 2"
    assert article.tags == ()
    assert not article.draft
    assert article.date is None
