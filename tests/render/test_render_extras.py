"""Markdown beyond CommonMark: footnotes, callouts, tasks, definitions, math, Obsidian, emoji."""

from __future__ import annotations

from render_support import lines_of, style_of, text_of

from digest_tui.render import Document, parse_in_sections


def _shown(markdown: str) -> list[str]:
    return [line for line in lines_of(markdown) if line]


def test_footnotes_are_numbered_markers_with_the_notes_gathered_at_the_end():
    source = (
        "First claim[^a] and second[^b], first again[^a].\n\n"
        "[^b]: The second note.\n\n[^a]: The first note,\n    on two lines.\n\nClosing words."
    )
    lines = _shown(source)
    assert lines[0] == "First claim[1] and second[2], first again[1]."
    assert lines[1] == "Closing words."
    assert lines[2].startswith("Notes ─")
    assert lines[3:] == ["[1] The first note, on two lines.", "[2] The second note."]


def test_inline_footnotes_and_notes_defined_sections_later():
    source = "Short^[An inline note.] text.\n\n" + "Filler paragraph.\n\n" * 400
    source += "Late[^z].\n\n" + "More filler.\n\n" * 400 + "[^z]: Defined at the very end."
    document = Document()
    assert sum(1 for _ in parse_in_sections(source, document, section_chars=2000)) > 3
    text = text_of(source)
    assert "Short[1] text." in text and "Late[2]." in text
    assert "[1] An inline note." in text and "[2] Defined at the very end." in text


def test_admonitions_of_every_dialect_are_titled_boxes():
    mkdocs = '!!! tip "Use the cache"\n    It is faster.\n\n??? info\n    Folded.'
    github = "> [!WARNING]\n> Mind the gap.\n\n> [!note] Custom title\n> Body."
    docusaurus = ":::tip[Pro move]\nInside.\n:::\n\n:::danger\nCareful.\n:::"
    lines = _shown(mkdocs + "\n\n" + github + "\n\n" + docusaurus)
    tops = [line for line in lines if line.startswith("╭─")]
    assert [top.split(" ─")[0] for top in tops] == [
        "╭─ ✦ Use the cache",
        "╭─ ℹ Info",
        "╭─ ⚠ Warning",
        "╭─ ℹ Custom title",
        "╭─ ✦ Pro move",
        "╭─ ✖ Danger",
    ]
    for body in ("It is faster.", "Folded.", "Mind the gap.", "Body.", "Inside.", "Careful."):
        assert f"│ {body}" in lines
    assert sum(line.startswith("╰─") for line in lines) == 6
    assert not any("!!!" in line or "[!" in line or ":::" in line for line in lines)


def test_callout_border_is_coloured_by_kind():
    assert style_of("> [!TIP]\n> x", "╭").color != style_of("> [!DANGER]\n> x", "╭").color


def test_task_lists_use_boxes():
    assert _shown("- [ ] open\n- [x] done\n- plain") == ["☐ open", "☑ done", "• plain"]


def test_definition_lists():
    assert _shown("Term\n: Its definition.") == ["Term", "    Its definition."]
    assert style_of("Term\n: Its definition.", "Term").bold


def test_math_is_shown_as_code_and_prices_are_not_math():
    source = "Euler: $e^{i\\pi} + 1 = 0$.\n\n$$\n\\int_0^1 x\\,dx\n$$\n\nCosts $5 and $10."
    text = text_of(source)
    assert "Euler: e^{i\\pi} + 1 = 0." in text
    assert "\\int_0^1 x\\,dx" in text and "$$" not in text
    assert "Costs $5 and $10." in text
    assert style_of(source, "e^{i").color is not None


def test_obsidian_wiki_links_embeds_and_highlights():
    source = "See [[Daily Note]] and [[Projects/Plan|the plan]]. ![[diagram.png]] ==key== idea"
    assert text_of(source) == "See Daily Note and the plan. ▣ diagram.png key idea"
    assert style_of(source, "key").bgcolor is not None


def test_emoji_codes_become_emoji_outside_code():
    assert text_of("I :heart: it, `:heart:` stays, 10:30:45 too.") == (
        "I ❤ it, :heart: stays, 10:30:45 too."
    )
