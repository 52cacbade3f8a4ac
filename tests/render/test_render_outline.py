"""The outline lists an article's headings as plain text, in order."""

from __future__ import annotations

from digest_tui.render.outline import Heading, headings


def test_atx_and_setext_headings_in_order_without_markup() -> None:
    body = "# Title\n\ntext\n\n## Second `code` *em*\n\nSetext\n------\n\n```\n# not one\n```\n"
    assert headings(body) == [
        Heading(1, "Title"),
        Heading(2, "Second code em"),
        Heading(2, "Setext"),
    ]


def test_hostile_heading_text_stays_plain() -> None:
    found = headings("## [@click=app.quit]x[/] \x1b[2J done\n")
    assert found and "\x1b" not in found[0].text
    assert found[0].text.startswith("[@click=app.quit]x[/]")


def test_no_headings() -> None:
    assert headings("Just a paragraph.\n") == []
