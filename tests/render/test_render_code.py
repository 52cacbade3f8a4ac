"""Code blocks: highlighted by language, on a background of their own, in the theme's colours."""

from __future__ import annotations

from digest_tui.render import parse_markdown, render_blocks

RUST = "```rust\nfn main() {\n    let x = 42;\n}\n```"


def _segments(markdown: str, dark: bool = True):
    lines = render_blocks(parse_markdown(markdown, dark=dark).blocks, 60)
    return [segment for line in lines for segment in line]


def _colour_of(word: str, markdown: str, dark: bool = True):
    return next(s.style.color for s in _segments(markdown, dark) if word in s.text)


def test_code_is_highlighted_by_its_language():
    assert _colour_of("fn", RUST) != _colour_of("main", RUST)
    plain = "```\nfn main() {\n}\n```"
    assert _colour_of("fn", plain) == _colour_of("main", plain)


def test_code_sits_on_its_own_background_unlike_body_text():
    segments = _segments("Body text.\n\n" + RUST)
    body = next(s for s in segments if "Body" in s.text)
    code = next(s for s in segments if s.text.strip() == "fn")
    assert code.style.bgcolor is not None
    assert body.style is None or body.style.bgcolor is None


def test_dark_and_light_themes_give_different_code_colours():
    dark = next(s for s in _segments(RUST, dark=True) if s.text.strip() == "fn")
    light = next(s for s in _segments(RUST, dark=False) if s.text.strip() == "fn")
    assert dark.style.bgcolor != light.style.bgcolor


def test_info_strings_with_attributes_still_find_the_language():
    for info in ("rust {linenos=true}", "{.rust}", "rust,ignore", "RUST"):
        source = RUST.replace("```rust", f"```{info}")
        assert _colour_of("fn", source) != _colour_of("main", source), info
