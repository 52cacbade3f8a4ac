"""Hostile Markdown bodies render completely, bounded, and without raising."""

from __future__ import annotations

from digest_tui.render import parse_markdown, plain_lines, render_blocks
from digest_tui.render.code import MAX_CODE_LINES
from digest_tui.render.tables import MAX_TABLE_ROWS


def render(markdown: str, width: int = 80) -> list[str]:
    return plain_lines(render_blocks(parse_markdown(markdown).blocks, width))


def test_list_nested_200_deep_keeps_every_item_within_the_width():
    lines = render("\n".join("  " * depth + f"- item {depth}" for depth in range(200)))
    joined = "\n".join(lines)
    assert "item 0" in joined and "item 199" in joined
    assert all(len(line) <= 80 for line in lines)


def test_quote_nested_200_deep_keeps_its_text():
    joined = "\n".join(render("> " * 200 + "deep text\n\nafter"))
    assert "deep text" in joined and "after" in joined


def test_table_of_5000_rows_shows_the_first_rows_and_a_count_of_the_rest():
    rows = "\n".join(f"| {n} | row {n} |" for n in range(5000))
    joined = "\n".join(render("| a | b |\n|---|---|\n" + rows))
    assert "row 0" in joined and f"row {MAX_TABLE_ROWS - 1}" in joined
    assert "row 4999" not in joined
    assert f"{5000 - MAX_TABLE_ROWS:,} more rows" in joined


def test_two_thousand_headings_all_render():
    joined = "\n".join(render("\n\n".join(f"## Heading {n}" for n in range(2000))))
    assert "Heading 0" in joined and "Heading 1999" in joined


def test_fifty_thousand_character_line_wraps_to_the_width():
    lines = render("x" * 50_000, width=80)
    assert sum(len(line) for line in lines) == 50_000
    assert all(len(line) <= 80 for line in lines)


def test_huge_code_block_is_cut_with_a_note():
    code = "\n".join(f"line {n}" for n in range(MAX_CODE_LINES + 500))
    joined = "\n".join(render(f"```\n{code}\n```"))
    assert f"line {MAX_CODE_LINES - 1}" in joined
    assert f"line {MAX_CODE_LINES}\n" not in joined
    assert "500 more lines" in joined


def test_very_narrow_width_still_renders_nested_content():
    lines = render("> - > - deep item with words", width=8)
    assert "deep" in "".join(lines)
