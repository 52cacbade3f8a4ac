"""Each CLI command's output, as a script or a person at a terminal sees it."""

from __future__ import annotations

import json
from pathlib import Path

from digest_tui.cli.main import main


def run_json(capsys, *argv: str):
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, json.loads(captured.out)


def test_list_json_newest_first_without_drafts(content: Path, capsys):
    status, rows = run_json(capsys, "list", str(content), "--json")
    assert status == 0
    assert [row["path"] for row in rows] == [
        "2025/07/chip-deal.md",
        "2025/06/kitchen-robots.md",
        "2025/05/solar-kite.md",
    ]
    first = rows[0]
    assert first["title"] == "Chipmaker and Lab Team Up on Rack Hardware"
    assert first["tags"] == ["AI", "chips"]
    assert first["source_name"] == "The Circuit Ledger"
    assert first["source_url"] == "https://ledger.example/racks"
    assert first["draft"] is False
    assert first["date"].startswith("2025-07-21T04:00:30.61")


def test_list_json_keeps_offsets_and_date_only_values(content: Path, capsys):
    _, rows = run_json(capsys, "list", str(content), "--json")
    by_path = {row["path"]: row for row in rows}
    assert by_path["2025/05/solar-kite.md"]["date"] == "2025-05-02T09:30:00+02:00"
    assert by_path["2025/06/kitchen-robots.md"]["date"] == "2025-06-10"


def test_list_includes_drafts_on_request(content: Path, capsys):
    _, rows = run_json(capsys, "list", str(content), "--drafts", "--json")
    drafts = [row["path"] for row in rows if row["draft"]]
    assert drafts == ["2025/08/draft-note.md"]


def test_list_filters_by_tag_date_sort_and_limit(content: Path, capsys):
    _, tagged = run_json(capsys, "list", str(content), "--tag", "ai", "--tag", "Chips", "--json")
    assert [row["path"] for row in tagged] == ["2025/07/chip-deal.md"]
    _, dated = run_json(
        capsys, "list", str(content), "--since", "2025-06-01", "--until", "2025-06-30", "--json"
    )
    assert [row["path"] for row in dated] == ["2025/06/kitchen-robots.md"]
    _, oldest = run_json(capsys, "list", str(content), "--sort", "oldest", "--limit", "1", "--json")
    assert [row["path"] for row in oldest] == ["2025/05/solar-kite.md"]
    _, by_title = run_json(capsys, "list", str(content), "--sort", "title", "--json")
    assert [row["title"][0] for row in by_title] == ["C", "K", "S"]


def test_list_query_uses_search_syntax(content: Path, capsys):
    _, rows = run_json(capsys, "list", str(content), "--query", "tag:ai -tag:chips", "--json")
    assert [row["path"] for row in rows] == ["2025/06/kitchen-robots.md"]


def test_list_json_reports_reader_state(content: Path, capsys):
    _, rows = run_json(capsys, "list", str(content), "--json")
    assert all(row["read"] is False and row["starred"] is False for row in rows)


def test_search_ranks_contiguous_title_match_first(content: Path, capsys):
    status, rows = run_json(capsys, "search", "kite", str(content), "--json")
    assert status == 0
    assert rows[0]["title"] == "Solar Kite Sets Altitude Record"


def test_search_finds_words_that_only_appear_in_bodies(content: Path, capsys):
    _, rows = run_json(capsys, "search", "marmalade", str(content), "--json")
    assert [row["path"] for row in rows] == ["2025/07/chip-deal.md"]


def test_tags_json_counts_descending(content: Path, capsys):
    status, rows = run_json(capsys, "tags", str(content), "--json")
    assert status == 0
    assert rows[0] == {"tag": "AI", "count": 2}
    assert {"tag": "space", "count": 1} in rows


def test_check_reports_broken_file_and_fails(content: Path, capsys):
    status = main(["check", str(content)])
    out = capsys.readouterr().out
    assert status == 1
    assert "broken.md" in out


def test_check_json_shape(content: Path, capsys):
    status, report = run_json(capsys, "check", str(content), "--json")
    assert status == 1
    assert report["articles"] == 4
    assert [problem["path"] for problem in report["problems"]] == ["broken.md"]


def test_check_passes_on_a_clean_folder(content: Path, capsys):
    (content / "broken.md").unlink()
    assert main(["check", str(content)]) == 0


def test_show_markdown_prints_metadata_and_body_without_frontmatter(content: Path, capsys):
    status = main(["show", "2025/05/solar-kite.md", str(content), "--markdown"])
    out = capsys.readouterr().out
    assert status == 0
    assert out.startswith("Solar Kite Sets Altitude Record\n")
    assert "**Source:** [Orbital Wire](https://orbital.example/kite)" in out
    assert "pubDatetime" not in out


def test_show_piped_renders_plain_text_at_100_columns(content: Path, capsys):
    status = main(["show", "2025/05/solar-kite.md", str(content)])
    out = capsys.readouterr().out
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "Solar Kite Sets Altitude Record"
    assert "#space #energy" in out
    assert "Source: Orbital Wire" in out
    assert "**" not in out and "](" not in out
    assert "\x1b" not in out
    assert max(len(line) for line in lines) == 100  # the rule under the header


def test_show_width_wraps_the_body(content: Path, capsys):
    (content / "long.md").write_text("---\ntitle: Long\n---\n" + "word " * 200, "utf-8")
    main(["show", "long.md", str(content), "--width", "40"])
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) == 40
    assert sum("word" in line for line in lines) > 20


def test_show_rejects_a_silly_width(content: Path, capsys):
    assert main(["show", "2025/05/solar-kite.md", str(content), "--width", "3"]) == 2
    assert "width" in capsys.readouterr().err


def test_show_raw_prints_the_file_as_written(content: Path, capsys):
    main(["show", "2025/05/solar-kite.md", str(content), "--raw"])
    assert capsys.readouterr().out.startswith('---\ntitle: "Solar Kite')


def test_piped_table_is_tab_separated(content: Path, capsys):
    main(["list", str(content)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t")[:2] == ["2025-07-21", "Chipmaker and Lab Team Up on Rack Hardware"]


def test_control_characters_never_reach_the_output(tmp_path: Path, capsys):
    (tmp_path / "evil.md").write_text(
        '---\ntitle: "Evil \\e]52;c;aGk=\\a \\e[2J title"\n---\nbody\n', encoding="utf-8"
    )
    main(["list", str(tmp_path)])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "Evil" in out and "title" in out


def test_list_query_understands_reader_state(content: Path, capsys):
    from digest_tui.state import StateStore

    with StateStore.for_folder(content) as state:
        state.toggle_star("2025/06/kitchen-robots.md")
        state.mark_read("2025/05/solar-kite.md")
    _, starred = run_json(capsys, "list", str(content), "--query", "is:starred", "--json")
    assert [row["path"] for row in starred] == ["2025/06/kitchen-robots.md"]
    assert starred[0]["starred"] is True
    _, unread = run_json(capsys, "list", str(content), "--query", "is:unread", "--json")
    assert "2025/05/solar-kite.md" not in [row["path"] for row in unread]
    assert len(unread) == 2
    main(["list", str(content), "--query", "is:read"])
    assert capsys.readouterr().out.split("\t")[1] == "Solar Kite Sets Altitude Record"


JEKYLL_AND_HUGO = {
    "jekyll/_posts/2022-10-20-jekyll-4-3-0-released.md": (
        "---\ntitle: Jekyll 4.3.0 Released\ncategories: release community\n---\nNotes.\n"
    ),
    "jekyll/_posts/2023-01-05-jekyll-4-3-2-released.md": (
        "---\ntitle: Jekyll 4.3.2 Released\ncategory: release\n---\n"
        "**Source:** [Jekyll Blog](https://jekyllrb.com/news/)\n"
    ),
    "hugo/content/posts/_index.md": '+++\ntitle = "Posts"\n+++\nSection text.\n',
    "hugo/content/posts/bundle/index.md": (
        '+++\ntitle = "Hugo 0.120"\ndate = 2023-10-30\ncategories = ["Release", "Docs"]\n'
        'link = "https://gohugo.io/news/0.120/"\n+++\nBody.\n'
    ),
}


def _write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")


def test_facets_json_counts_each_facet_most_used_first(tmp_path: Path, capsys):
    _write(tmp_path, JEKYLL_AND_HUGO)
    status, facets = run_json(capsys, "facets", str(tmp_path), "--json")
    assert status == 0
    assert list(facets) == ["tags", "categories", "sources", "years"]
    assert facets["tags"] == []
    assert facets["categories"] == [
        {"value": "Release", "count": 3},  # spelt as in the newest article
        {"value": "community", "count": 1},
        {"value": "Docs", "count": 1},
    ]
    assert facets["sources"] == [
        {"value": "gohugo.io", "count": 1},
        {"value": "Jekyll Blog", "count": 1},
    ]
    assert facets["years"] == [{"value": "2023", "count": 2}, {"value": "2022", "count": 1}]


def test_facets_table_names_the_facet_of_each_row(content: Path, capsys):
    assert main(["facets", str(content)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "tags\tAI\t2" in lines
    assert "sources\tOrbital Wire\t1" in lines
    assert "years\t2025\t3" in lines


def test_section_pages_are_not_listed_and_check_counts_them_skipped(tmp_path: Path, capsys):
    _write(tmp_path, JEKYLL_AND_HUGO)
    _, rows = run_json(capsys, "list", str(tmp_path), "--json")
    assert "hugo/content/posts/_index.md" not in [row["path"] for row in rows]
    assert "hugo/content/posts/bundle/index.md" in [row["path"] for row in rows]
    status, report = run_json(capsys, "check", str(tmp_path), "--json")
    assert status == 0
    assert report["articles"] == 3
    assert [item["path"] for item in report["skipped"]] == ["hugo/content/posts/_index.md"]
    assert main(["check", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith(", 1 skipped")


def test_list_query_is_draft_lists_the_drafts(content: Path, capsys):
    _, rows = run_json(capsys, "list", str(content), "--query", "is:draft", "--json")
    assert [row["path"] for row in rows] == ["2025/08/draft-note.md"]
