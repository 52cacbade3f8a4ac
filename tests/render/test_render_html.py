"""HTML in Markdown is drawn as the author meant it, never as tags."""

from __future__ import annotations

from render_support import lines_of, links_of, style_of, text_of


def test_paragraphs_and_line_breaks_flow_as_text():
    lines = lines_of("<p>First   paragraph\nwraps.</p><p>Second<br>line two</p>")
    assert lines == ["First paragraph wraps.", "", "Second", "line two"]


def test_inline_tags_become_styles():
    source = "<p><b>bold</b> <i>it</i> <code>c()</code> <kbd>K</kbd> <mark>m</mark> x</p>"
    assert text_of(source) == "bold it c() K m x"
    assert style_of(source, "bold").bold
    assert style_of(source, "it").italic
    assert style_of(source, "c()").color is not None
    assert style_of(source, "m").bgcolor is not None


def test_inline_html_inside_a_markdown_paragraph():
    source = "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, see<sup>[1]</sup> and <b>bold</b>."
    assert text_of(source) == "Press Ctrl+C, see[1] and bold."
    assert style_of(source, "bold").bold


def test_links_join_the_link_list_and_unsafe_ones_are_plain_text():
    source = '<p><a href="https://a.example/">one</a> <a href="javascript:alert(1)">two</a></p>'
    assert text_of(source) == "one two"
    assert links_of(source) == ["https://a.example/"]
    assert style_of(source, "one").meta["link"] == 0
    assert not style_of(source, "two").meta


def test_images_figures_and_captions():
    source = (
        '<figure>\n  <img src="https://img.example/a.png" alt="A kite">\n'
        "  <figcaption>Photo by <a href='https://p.example'>Pat</a></figcaption>\n</figure>"
    )
    lines = lines_of(source)
    assert lines[0] == "▣ A kite — https://img.example/a.png"
    assert lines[-1] == "Photo by Pat"
    assert links_of(source) == ["https://img.example/a.png", "https://p.example"]


def test_picture_shows_its_image_once():
    source = '<picture><source srcset="a.webp"><img src="a.png" alt="Pic"></picture>'
    assert lines_of(source) == ["▣ Pic — a.png"]


def test_blockquote_lists_and_pre():
    source = (
        "<blockquote><p>Quoted words</p></blockquote>\n"
        "<ul><li>one</li><li>two</li></ul>\n<ol start='3'><li>three</li></ol>\n"
        '<pre class="language-python">x = 1\n  y = 2</pre>'
    )
    text = text_of(source)
    assert "▌ Quoted words" in text
    assert "• one" in text and "• two" in text and "3. three" in text
    assert "x = 1" in text and "  y = 2" in text


def test_html_table_is_a_table():
    source = "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>41</td></tr></table>"
    text = text_of(source)
    assert "Name" in text and "Ann" in text and "│" in text
    assert "<t" not in text


def test_details_is_a_titled_box_around_its_content_even_markdown():
    source = "<details>\n<summary>Why so?</summary>\n\nBecause **Markdown** inside.\n\n</details>"
    lines = lines_of(source)
    assert lines[0].startswith("╭─ ▾ Why so? ─")
    assert "│ Because Markdown inside." in lines
    assert lines[-1].startswith("╰─")


def test_media_become_placeholder_lines_with_their_link():
    source = (
        '<iframe src="https://www.youtube.com/embed/xyz" width="560"></iframe>\n\n'
        '<video controls><source src="https://v.example/clip.mp4" type="video/mp4"></video>\n\n'
        '<audio src="https://a.example/talk.mp3"></audio>'
    )
    lines = [line for line in lines_of(source) if line]
    assert lines == [
        "▶ video: https://www.youtube.com/embed/xyz",
        "▶ video: https://v.example/clip.mp4",
        "▶ audio: https://a.example/talk.mp3",
    ]


def test_scripts_styles_templates_and_comments_vanish_with_their_content():
    source = (
        "<script>alert('x')</script>\n<style>p{color:red}</style>\n"
        "<template><p>hidden</p></template>\n<!-- a comment -->\n\nVisible."
    )
    assert text_of(source) == "Visible."


def test_custom_elements_are_unwrapped_to_their_text():
    assert text_of("<is-land on:visible><my-card>Inner text</my-card></is-land>") == "Inner text"


def test_mdx_components_and_module_lines():
    source = (
        'import LinkCard from "../components/LinkCard.astro";\n'
        "export const meta = {\n  draft: false,\n}\n\n"
        '<LinkCard url="https://x.example/post" title="Post" />\n\nAfter.'
    )
    assert [line for line in lines_of(source) if line] == [
        "▶ LinkCard: https://x.example/post",
        "After.",
    ]


def test_entities_decode_and_the_tweet_blockquote_reads_as_a_quote():
    source = (
        '<blockquote class="twitter-tweet"><p lang="en">Hello &amp; bye &mdash; ok</p>'
        '&mdash; Ann (@ann) <a href="https://twitter.com/ann/status/1">May 1</a></blockquote>'
    )
    text = text_of(source)
    assert "▌ Hello & bye — ok" in text
    assert "May 1" in text and "<" not in text


def test_images_side_by_side_each_get_a_line_and_template_outputs_read_as_their_value():
    source = (
        '<figure><img src="{{ \'/img/a.png\' | url }}" alt="A">'
        '<img src=\'{{ "/img/b.png" | relative_url }}\' alt="B"></figure>'
    )
    assert lines_of(source) == ["▣ A — /img/a.png", "▣ B — /img/b.png"]
