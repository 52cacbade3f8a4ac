"""Hostile HTML: nothing it holds becomes markup, a link that runs code, or a terminal escape;
deep, unclosed or huge input is drawn bounded and quickly."""

from __future__ import annotations

from render_support import lines_of, links_of, segments_of, text_of

from digest_tui.render import parse_markdown


def test_entities_that_decode_to_control_characters_are_stripped():
    text = text_of("<p>a&#27;[2Jb &#x9b;31mc &#x1b;]52;c;aGk=&#7; d&#0;e</p>")
    assert not any(ord(ch) < 32 and ch != "\n" or 0x7F <= ord(ch) <= 0x9F for ch in text)
    assert "a[2Jb" in text


def test_raw_escapes_inside_html_text_and_attributes_are_stripped():
    source = '<p title="\x1b[2J">x\x1b]8;;https://e.example\x1b\\y</p><img alt="\x9b31m" src="a">'
    for segment in segments_of(source):
        assert "\x1b" not in segment.text and "\x9b" not in segment.text


def test_javascript_and_data_hrefs_are_not_links():
    source = (
        '<a href="javascript:alert(1)">a</a> <a href=" JavaScript:x">b</a> '
        '<a href="data:text/html,<b>x</b>">c</a> <a href="vbscript:x">d</a> '
        '<img src="data:image/png;base64,AAAA" alt="e">'
    )
    assert links_of(source) == []
    assert links_of("[x](javascript:alert(1)) [y](https://ok.example)") == ["https://ok.example"]


def test_attributes_and_text_never_become_markup_or_actions():
    source = (
        '<p><a href="https://x.example/[@click=app.quit]">[@click=app.quit]go[/]</a>'
        '<span class="[bold]">[red]not red[/red]</span></p>'
    )
    text = text_of(source)
    assert "[@click=app.quit]go[/]" in text and "[red]not red[/red]" in text
    for segment in segments_of(source):
        if segment.style and segment.style.meta.get("@click"):
            assert segment.style.meta["@click"] == "link_clicked(0)"


def test_ten_thousand_nested_divs_render_their_text():
    source = "<div>" * 10_000 + "deep" + "</div>" * 10_000
    assert "deep" in text_of(source)


def test_unclosed_nesting_does_not_swallow_the_rest_of_the_article():
    source = "<blockquote><ul><li><details><b><i>open\n\nMarkdown after **it**.\n\n# Heading"
    text = text_of(source)
    assert "open" in text and "Markdown after it." in text and "Heading" in text


def test_ten_thousand_nested_quotes_and_lists_stay_within_the_width():
    source = "<blockquote><ul><li>" * 3_000 + "bottom"
    lines = lines_of(source, width=60)
    assert any("bottom" in line for line in lines)
    assert all(len(line) <= 60 for line in lines)


def test_a_megabyte_attribute_and_an_unterminated_quote_are_bounded():
    huge = "x" * 1_000_000
    source = f'<p><a href="https://e.example/{huge}">link</a> <img alt="{huge}" src="s"></p>'
    document = parse_markdown(source)
    assert all(len(link) < 10_000 for link in document.links)
    assert "link" in text_of(source)
    assert "after" in text_of(f'<p title="{huge}\n\nafter')


def test_twenty_thousand_tags_in_one_paragraph_are_drawn():
    source = "<b>x</b>" * 20_000
    assert text_of(source, width=200).count("x") == 20_000


def test_an_unfinished_comment_or_tag_is_dropped_not_shown():
    assert lines_of("<!-- never closed") == []
    assert lines_of("<div>shown <span title='never") == ["shown"]
    assert "visible" in text_of("<div><!-- open\n\nvisible")
