"""Markdown to lines, without Textual: what a reader sees for each kind of block."""

from __future__ import annotations

from rich.segment import Segment

from digest_tui.model import Article
from digest_tui.render import article_header, parse_markdown, plain_lines, render_blocks
from digest_tui.render.link_rows import link_index


def render(markdown: str, width: int = 60) -> list[str]:
    return plain_lines(render_blocks(parse_markdown(markdown).blocks, width))


def segments(markdown: str, width: int = 60) -> list[Segment]:
    lines = render_blocks(parse_markdown(markdown).blocks, width)
    return [segment for line in lines for segment in line]


def test_headings_and_paragraph_text():
    lines = render("# Top\n\n## Second\n\nBody *em* **strong** `code` ~~gone~~.")
    assert lines[0] == "Top"
    assert "Second" in lines
    assert "Body em strong code gone." in lines


def test_h1_and_h2_are_styled_differently():
    styles = {s.text: s.style for s in segments("# One\n\n## Two") if s.text.strip()}
    assert styles["One"] != styles["Two"]
    assert styles["One"].bold and styles["Two"].bold


def test_nested_lists_indent_each_level_and_number_ordered_items():
    lines = render("- a\n  - b\n    - c\n- d\n\n3. x\n4. y")
    assert lines[:4] == ["• a", "  ◦ b", "    ▪ c", "• d"]
    assert "3. x" in lines and "4. y" in lines


def test_block_quote_has_a_bar_on_every_line():
    lines = render("> first line of a quote that is long enough to wrap around", width=30)
    quoted = [line for line in lines if line.strip()]
    assert len(quoted) > 1
    assert all(line.startswith("▌ ") for line in quoted)


def test_fenced_code_keeps_text_and_is_highlighted():
    code = segments("```python\ndef f():\n    return 1\n```")
    text = "".join(segment.text for segment in code)
    assert "def f():" in text and "return 1" in text
    colours = {segment.style.color for segment in code if segment.style and segment.text.strip()}
    assert len(colours) > 1


def test_unknown_code_language_falls_back_to_plain_text():
    assert any("plain words" in line for line in render("```nosuchlang\nplain words\n```"))


def test_table_cells_are_shown_in_a_grid():
    lines = render("| name | n |\n|---|--:|\n| alpha | 12 |\n| beta | 3 |")
    joined = "\n".join(lines)
    for cell in ("name", "alpha", "12", "beta"):
        assert cell in joined
    assert any("│" in line for line in lines)


def test_image_shows_alt_text_and_url():
    lines = render("![a cat](https://example.com/cat.png)")
    assert any("a cat" in line and "https://example.com/cat.png" in line for line in lines)


def test_links_are_recorded_in_order_and_marked_by_index():
    document = parse_markdown("[one](https://a.example) and [two](https://b.example)")
    assert document.links == ["https://a.example", "https://b.example"]
    marked = {
        segment.text: link_index(segment)
        for segment in segments("[one](https://a.example) and [two](https://b.example)")
    }
    assert marked["one"] == 0 and marked["two"] == 1


def test_link_action_names_an_index_never_the_href():
    for segment in segments("[x](https://evil.example/'),app.quit('/)"):
        if segment.style and segment.style.meta.get("@click"):
            assert segment.style.meta["@click"] == "link_clicked(0)"


def test_html_block_is_drawn_as_its_text_not_its_tags():
    assert render("<div>raw <b>html</b></div>") == ["raw html"]


def test_horizontal_rule_spans_the_width():
    assert "─" * 40 in render("above\n\n---\n\nbelow", width=40)


def test_markup_and_escapes_in_text_show_literally_or_vanish():
    lines = render("[@click=app.quit]Trap[/] [bold]x[/] \x1b[2Jafter \x1b]52;c;QUFB\x07end")
    joined = "\n".join(lines)
    assert "[@click=app.quit]Trap[/] [bold]x[/]" in joined
    assert "\x1b" not in joined and "52;c" not in joined
    assert "after" in joined and "end" in joined


def test_header_shows_metadata_but_never_frontmatter():
    article = Article(
        path="a.md",
        title="[b]Title[/]",
        date="2024-05-01",
        tags=("x",),
        source_name="Src",
        words=440,
    )
    lines = plain_lines(render_blocks(article_header(article), 60))
    assert lines[0] == "[b]Title[/]"
    assert "2024-05-01 · Src · 2 min read" in lines[1]
    assert "#x" in lines[2]
    assert not any(line.startswith("---") for line in lines)


def test_parsing_in_sections_gives_the_same_lines_as_parsing_whole():
    from digest_tui.render import Document, parse_in_sections

    parts = []
    for n in range(60):
        parts.append(f"## Part {n}\n\nText with a [ref link][r{n % 3}] and *emphasis*.\n\n")
        parts.append("- loose item\n\n- another loose item\n\n")
        parts.append(f"```\ncode {n}\n\nstill code\n```\n\n<!-- a comment\n\nspanning -->\n\n")
    body = "".join(parts) + "\n".join(f"[r{k}]: https://example.com/{k}" for k in range(3))
    whole, sectioned = Document(), Document()
    for _ in parse_in_sections(body, whole, section_chars=10**9):
        pass
    sections = sum(1 for _ in parse_in_sections(body, sectioned, section_chars=500))
    assert sections > 10
    assert plain_lines(render_blocks(sectioned.blocks, 70)) == plain_lines(
        render_blocks(whole.blocks, 70)
    )
    assert sectioned.links == whole.links
    assert "https://example.com/2" in sectioned.links
