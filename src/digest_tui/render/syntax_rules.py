"""Small markdown-it rules for syntax that blog generators add to Markdown.

MDX `import`/`export` lines are hidden; Obsidian `[[wiki links]]`, `![[embeds]]` and
`==highlights==` become tokens; GitHub and Obsidian alerts (`> [!NOTE]`) become callouts;
list items starting `[ ]` or `[x]` become tasks.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

_MDX_IMPORT = re.compile(r"import\s+(?:[\w*{}\s,$]+\s+from\s+)?[\"'][^\"'\n]+[\"'];?\s*$")
_MDX_EXPORT = re.compile(r"export\s+(?:const|let|var|function|default|async|class)\b")
_WIKI = re.compile(r"(!?)\[\[([^\[\]\n|]{1,500})(?:\|([^\[\]\n]{0,500}))?\]\]")
_MARK = re.compile(r"==(?=\S)([^=\n]{1,1000}?)(?<=\S)==")
_ALERT = re.compile(r"\[!([A-Za-z][\w-]{0,30})\]([+-]?)[ \t]*([^\n]*)")
_TASK = re.compile(r"\[([ xX])\](?:[ \t]+|$)")


def syntax_plugin(md: MarkdownIt) -> None:
    """Add every rule of this module to `md`."""
    md.block.ruler.before("paragraph", "mdx_module_line", mdx_module_line)
    md.inline.ruler.before("link", "wiki_link", wiki_link)
    md.inline.ruler.before("text", "mark", mark)
    md.core.ruler.push("alerts", alerts)
    md.core.ruler.push("task_items", task_items)


def mdx_module_line(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Hide an MDX `import ... from "..."` line or an `export ...` statement (to a blank line)."""
    if state.sCount[start] != 0 or state.blkIndent != 0:
        return False
    line = state.src[state.bMarks[start] : state.eMarks[start]]
    if not (_MDX_IMPORT.match(line) or _MDX_EXPORT.match(line)):
        return False
    if silent:
        return True
    last = start
    if line.startswith("export"):
        while last + 1 < end and not state.isEmpty(last + 1):
            last += 1
    state.line = last + 1
    return True


def wiki_link(state: StateInline, silent: bool) -> bool:
    """`[[Note]]`, `[[Note|shown text]]`, `[[Note#Heading]]` and `![[embed.png]]`."""
    if state.src[state.pos] not in "![":
        return False
    match = _WIKI.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    if not silent:
        token = state.push("wiki_link", "", 0)
        token.meta = {"embed": bool(match.group(1)), "target": match.group(2).strip()}
        token.content = (match.group(3) or "").strip() or match.group(2).strip()
    state.pos = match.end()
    return True


def mark(state: StateInline, silent: bool) -> bool:
    """`==highlighted text==`."""
    if not state.src.startswith("==", state.pos):
        return False
    match = _MARK.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    if not silent:
        state.push("mark", "mark", 0).content = match.group(1)
    state.pos = match.end()
    return True


def alerts(state: StateCore) -> None:
    """Turn a block quote whose first line is `[!KIND] title` into a callout."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "blockquote_open" or index + 2 >= len(tokens):
            continue
        inline = tokens[index + 2]
        if tokens[index + 1].type != "paragraph_open" or inline.type != "inline":
            continue
        match = _ALERT.match(inline.content)
        if match is None:
            continue
        token.type, token.meta = "callout_open", {"kind": match.group(1), "title": match.group(3)}
        _close_of(tokens, index).type = "callout_close"
        _drop_first_line(tokens, index + 1)


def _close_of(tokens: list[Token], index: int) -> Token:
    level = tokens[index].level
    for token in tokens[index + 1 :]:
        if token.type == "blockquote_close" and token.level == level:
            return token
    return tokens[index]


def _drop_first_line(tokens: list[Token], paragraph: int) -> None:
    inline = tokens[paragraph + 1]
    children = inline.children or []
    cut = next(
        (n for n, child in enumerate(children) if child.type in ("softbreak", "hardbreak")),
        len(children),
    )
    inline.children = children[cut + 1 :]
    if not inline.children:
        for token in tokens[paragraph : paragraph + 3]:
            token.hidden = True
            token.type = "hidden_" + token.type


def task_items(state: StateCore) -> None:
    """Mark list items that start with `[ ]` or `[x]` as tasks and drop the box's text."""
    tokens = state.tokens
    for index, token in enumerate(tokens[:-3]):
        if token.type != "list_item_open" or tokens[index + 2].type != "inline":
            continue
        children = tokens[index + 2].children or []
        first = children[0] if children else None
        if first is None or first.type != "text":
            continue
        match = _TASK.match(first.content)
        if match is None:
            continue
        token.meta = {**(token.meta or {}), "task": match.group(1) != " "}
        first.content = first.content[match.end() :]
