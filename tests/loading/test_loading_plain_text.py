"""The fast plain-text pass gives exactly the text of the readable reference passes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.loading import discover, load_article, markdown_text
from digest_tui.loading.markdown_text import plain_text_reference, to_plain_text
from digest_tui.model import FileStamp, LoadedArticle

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_content"
CORPUS = REPO.parent / "shared" / "corpus" / "real"
"""The shared real-world corpus, beside the repository; these tests skip without it."""

# Pieces that each pass of the plain-text reduction reacts to, and a few it must leave alone.
MARKUP = [
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "\r",
    "\u00a0",
    "\u2028",
    "\f",
    "word",
    "Ünï",
    "# ",
    "## ",
    "#",
    "> ",
    ">",
    ">>",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "2) ",
    "10.",
    "   ",
    "```",
    "```py",
    "~~~",
    "`code`",
    "**",
    "__",
    "_",
    "*",
    "~~",
    "|",
    "| --- |",
    ":--",
    "---",
    "-",
    ":",
    "[",
    "]",
    "(",
    ")",
    "![alt](x.png)",
    "[text](https://a.test/b)",
    "[ref][1]",
    "[1]: https://a.test",
    "]:",
    "][",
    "<b>",
    "</b>",
    "<!-- c -->",
    "<!--",
    "-->",
    "<img src=x>",
    '<img alt="a b">',
    "<img\nsrc=x\nalt='q'>",
    "alt=",
    "{{",
    "}}",
    "{%",
    "%}",
    "{{< shortcode >}}",
    "{% tag %}",
    "<",
    ">",
    "https://example.test/x?y=1",
    "\\",
    "!",
]

BODIES = [
    "",
    "Plain words only.",
    "# Title\n\nSome *emphasis* and __strong__ and `code`.\n",
    "> quote\n>> nested\n\n- one\n- two\n1. first\n2) second\n",
    "| a | b |\n|---|:-:|\n| 1 | 2 |\n",
    "```python\nprint('x')\n```\n~~~\nmore\n~~~\n",
    "[link](https://a.test) ![img](i.png) [ref][r]\n\n[r]: https://b.test\n",
    "<div>html <b>bold</b></div><!-- a\ncomment -->after\n",
    "   [indented]: https://c.test 'title'\n    [too deep]: https://d.test\n",
    "line\twith\ttabs\r\nand\u00a0odd\u2028spaces  \n\n\n",
    "***\n---\n___\n- - -\n",
    '<img\n  src="{{ page.logo }}"\n  alt="Logo of the team"\n/> and {% include x.html %}\n',
    "intro\n\u0661. arabic-indic item\n\u0663) another\n\t- tab item\n#hashtag\n+ plus\n",
]


@pytest.mark.parametrize("body", BODIES)
def test_fast_plain_text_matches_reference_on_examples(body):
    assert to_plain_text(body) == plain_text_reference(body)


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(MARKUP) | st.text(max_size=6), max_size=40).map("".join))
def test_fast_plain_text_matches_reference_on_generated_markdown(body):
    assert to_plain_text(body) == plain_text_reference(body)


def bodies_agree(folder: Path) -> int:
    count = 0
    for found in discover(folder):
        if isinstance(found, FileStamp):
            loaded = load_article(folder, found.path)
            if isinstance(loaded, LoadedArticle):
                assert to_plain_text(loaded.body) == plain_text_reference(loaded.body)
                count += 1
    return count


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="no sample content in this checkout")
def test_fast_plain_text_matches_reference_on_sample_content():
    assert bodies_agree(SAMPLES) > 0


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared/corpus/real beside the repository")
def test_fast_plain_text_matches_reference_on_real_corpus():
    assert bodies_agree(CORPUS) > 100


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(["*", "**", "Source", "sOURCE", "\u017fource", ":", " ", "\n", "> ", "x"])
        | st.sampled_from(["[a]", "[b c]", "(https://x.test)", '(<https://y.test> "t")']),
        max_size=30,
    ).map("".join)
)
def test_the_source_link_comes_from_the_first_source_line(body):
    # The line pattern tried at every position of the body is the reference.
    expected = markdown_text._SOURCE_LINE.search(body)
    reference = (expected.group(1).strip(), expected.group(2)) if expected else ("", "")
    assert markdown_text.source_link(body) == reference


def test_an_html_image_keeps_its_alt_text_and_template_tags_go():
    body = (
        'Before <img\n  src="{{ site.url }}/a.png"\n  alt="A lighthouse at dusk"\n/> after.\n'
        "{{< youtube abc >}} {% include note.html %} {{% notice %}}Kept words{{% /notice %}}\n"
    )
    assert to_plain_text(body) == "Before A lighthouse at dusk after. Kept words"
