"""The Markdown parser: CommonMark plus the syntax blog generators add (built once)."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin

from digest_tui.render.nesting import MAX_NESTING
from digest_tui.render.syntax_rules import syntax_plugin
from digest_tui.render.template_rules import template_plugin


@cache
def markdown_parser() -> MarkdownIt:
    """CommonMark with tables, strikethrough, footnotes, admonitions (`!!!`, `???`, `:::`),
    definition lists, `$` math, template tags, MDX module lines, alerts, tasks, wiki links
    and `==marks==`. Raw HTML stays in `html_block`/`html_inline` tokens for `html_blocks`.

    Footnote definitions stay where they are written: the builder gathers them at the end,
    across the sections a long body is parsed in.
    """
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])
    footnote_plugin(md, move_to_end=False)
    admon_plugin(md)
    container_plugin(md, "callout", validate=lambda params, *_: bool(params.strip()))
    deflist_plugin(md)
    dollarmath_plugin(md, allow_space=False, allow_digits=False, double_inline=True)
    template_plugin(md)
    syntax_plugin(md)
    return md
