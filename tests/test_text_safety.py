"""Untrusted text is made safe to print in one place: these are its promises."""

from __future__ import annotations

import pytest

from digest_tui.text_safety import clean_block, clean_line


@pytest.mark.parametrize(
    "hostile",
    [
        "before\x1b[2Jafter",  # clear screen
        "before\x1b]8;;https://evil.example\x1b\\after",  # OSC 8 hyperlink
        "before\x1b]52;c;aGVsbG8=\x07after",  # OSC 52 clipboard write
        "before\x9b31mafter",  # 8-bit CSI
        "before\x00\x07\x08after",
        "before\u202eafter",  # right-to-left override
    ],
)
def test_escape_and_control_sequences_are_removed(hostile):
    assert clean_line(hostile) == "beforeafter"
    assert clean_block(hostile) == "beforeafter"


def test_markup_is_left_as_text():
    assert clean_line("[@click=app.quit]Trap[/]") == "[@click=app.quit]Trap[/]"


def test_blocks_keep_newlines_and_lines_fold_them():
    assert clean_block("one\ntwo\tthree") == "one\ntwo\tthree"
    assert clean_line("one\r\ntwo\n\nthree") == "one two three"


def test_lone_surrogates_from_undecodable_names_become_printable():
    name = b"caf\xe9.md".decode("utf-8", "surrogateescape")
    cleaned = clean_line(name)
    assert cleaned == "caf\ufffd.md"
    cleaned.encode("utf-8")  # a terminal can print it


def test_long_values_are_cut_with_an_ellipsis():
    assert clean_line("x" * 50, limit=10) == "x" * 9 + "…"


def test_an_unterminated_escape_does_not_swallow_the_rest_of_the_text():
    assert clean_block("keep\x1b]8;;this\nand the rest") == "keep]8;;this\nand the rest"
