"""Long tables are cut in the source, so the parser never sees the rows that are not shown."""

from __future__ import annotations

from digest_tui.render import parse_markdown, plain_lines, render_blocks
from digest_tui.render.table_caps import cap_table_rows
from digest_tui.render.tables import MAX_TABLE_ROWS

HEADER = "| " + " | ".join(f"H{c}" for c in range(8)) + " |\n|" + "---|" * 8 + "\n"


def _table(rows: int, tag: str = "row") -> str:
    return HEADER + "".join(
        "| " + " | ".join(f"{tag} {r} col {c}" for c in range(8)) + " |\n" for r in range(rows)
    )


def test_a_two_megabyte_table_reaches_the_parser_as_its_first_rows_only():
    source = _table(20_000)
    assert len(source) > 1_900_000
    capped, hidden = cap_table_rows(source)
    assert capped.count("\n") == MAX_TABLE_ROWS + 2
    assert hidden == {0: 20_000 - MAX_TABLE_ROWS}


def test_a_two_megabyte_table_renders_its_first_rows_and_a_count():
    lines = plain_lines(render_blocks(parse_markdown(_table(20_000)).blocks, 200))
    joined = "\n".join(lines)
    assert "row 0 col 0" in joined and f"row {MAX_TABLE_ROWS - 1} col 7" in joined
    assert f"row {MAX_TABLE_ROWS} col" not in joined
    assert f"{20_000 - MAX_TABLE_ROWS:,} more rows not shown" in joined
    assert len(lines) < MAX_TABLE_ROWS + 10


def test_each_long_table_gets_its_own_count_and_text_between_survives():
    source = _table(300, "first") + "\nBetween the tables.\n\n" + _table(250, "second")
    joined = "\n".join(plain_lines(render_blocks(parse_markdown(source).blocks, 200)))
    assert "Between the tables." in joined
    assert "100 more rows not shown" in joined and "50 more rows not shown" in joined
    assert "second 0 col 0" in joined


def test_a_table_inside_a_code_fence_is_shown_whole():
    source = "```\n" + _table(300) + "```\n"
    assert cap_table_rows(source) == (source, {})
    joined = "\n".join(plain_lines(render_blocks(parse_markdown(source).blocks, 200)))
    assert "row 299 col 7" in joined
