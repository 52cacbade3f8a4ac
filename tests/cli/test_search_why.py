"""`search --json` says why each article matched: the fields, and a line around a body hit."""

from __future__ import annotations

import json
from pathlib import Path

from digest_tui.cli.main import main
from digest_tui.model import Article
from digest_tui.search import parse_query
from digest_tui.search.snippets import matched_fields, snippet


def search_json(capsys, *argv: str) -> list[dict]:
    assert main(["search", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_body_hit_gives_a_snippet_and_names_the_body(content: Path, capsys):
    (row,) = search_json(capsys, "marmalade", str(content))
    assert row["matched"] == ["body"]
    assert "called marmalade" in row["snippet"]
    assert "\n" not in row["snippet"]


def test_a_title_hit_without_body_words_has_an_empty_snippet(content: Path, capsys):
    rows = search_json(capsys, "altitude", str(content))
    assert rows[0]["title"] == "Solar Kite Sets Altitude Record"
    assert rows[0]["matched"][0] == "title"
    assert all(isinstance(row["snippet"], str) for row in rows)
    assert all("matched" in row and "snippet" in row for row in rows)


def test_a_snippet_is_one_line_around_the_first_hit_of_a_word_or_phrase():
    body = "Intro words. " * 30 + "The solar\nkite  climbed higher than any before it. " * 5
    line = snippet(body, parse_query('"solar kite"'))
    assert line.startswith("…") and line.endswith("…")
    assert "The solar kite climbed" in line and "\n" not in line and len(line) <= 122
    assert snippet(body, parse_query("zeppelin")) == ""


def test_matched_fields_name_each_field_holding_a_word_as_typed():
    article = Article(path="a.md", title="Kite Record", description="Up high", tags=("sky",))
    assert matched_fields(article, parse_query("kite"), "no such word") == ["title"]
    assert matched_fields(article, parse_query("sky high"), "the sky") == [
        "description",
        "tags",
        "body",
    ]
    # A corrected typo matched the article, but no field holds the word as typed.
    assert matched_fields(article, parse_query("kiet"), "") == []


def test_an_html_image_is_found_by_its_alt_text_and_its_tags_never_reach_the_snippet(
    tmp_path: Path, capsys
):
    (tmp_path / "engine.md").write_text(
        "---\ntitle: Engine news\ndate: 2025-03-01\n---\n"
        "Work continued this month.\n\n"
        '<img\n  src="{{ site.baseurl }}/logo.png"\n  alt="Sponsored by Quillfeather Labs"\n/>\n\n'
        '{% include footer.html %} {{< figure src="x.png" >}} The end.\n',
        encoding="utf-8",
    )
    (row,) = search_json(capsys, "quillfeather", str(tmp_path))
    assert row["matched"] == ["body"]
    assert "Sponsored by Quillfeather Labs" in row["snippet"]
    for markup in ("<img", "src=", "{{", "{%", "}}", "%}"):
        assert markup not in row["snippet"]
