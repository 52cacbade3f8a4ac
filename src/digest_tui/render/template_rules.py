"""markdown-it rules that turn template tags into the tokens the block builder draws.

Block level, a tag alone on its line (possibly wrapping lines up to its closing tag) becomes
a fence, a callout (`callout_open` / `callout_close`), a `template_embed` line, or nothing.
Inline, a tag becomes a `template_inline` token.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

from digest_tui.render.template_tags import (
    CALLOUT_TAGS,
    MAX_TAG_CHARS,
    TAG,
    Tag,
    closes,
    parse_tag,
)

MAX_SCAN_LINES = 2_000
"""How far to look for a closing tag."""


def template_plugin(md: MarkdownIt) -> None:
    """Add the block and inline template-tag rules."""
    md.block.ruler.before(
        "paragraph",
        "template_block",
        template_block,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.inline.ruler.before("text", "template_inline", template_inline)


def template_inline(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "{":
        return False
    match = TAG.match(state.src, state.pos, min(state.posMax, state.pos + MAX_TAG_CHARS))
    if match is None:
        return False
    if match.group("output") and state.pos and state.src[state.pos - 1] == "$":
        return False  # `${{ secrets.TOKEN }}`: a CI expression, not a page's template
    if not silent:
        token = state.push("template_inline", "", 0)
        token.meta = {"tag": parse_tag(match)}
    state.pos = match.end()
    return True


def template_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    begin = state.bMarks[start] + state.tShift[start]
    if not state.src.startswith("{", begin):
        return False
    match = TAG.match(state.src, begin, min(len(state.src), begin + MAX_TAG_CHARS))
    if match is None:
        return False
    last = _line_of(state, start, end, match.end())
    rest = state.src[match.end() : state.eMarks[last]]
    tag = parse_tag(match)
    closer = _closing_tag_at_end(rest, tag)
    if rest.strip() and closer is None:
        return False  # a tag in the middle of a paragraph: the inline rule's
    if silent:
        return True
    if closer is not None:
        _emit_one_line(state, tag, rest[:closer].strip(), (start, last + 1))
        state.line = last + 1
        return True
    _emit_block(state, tag, start, last + 1, end)
    return True


def _line_of(state: StateBlock, start: int, end: int, position: int) -> int:
    line = start
    while line + 1 < end and state.eMarks[line] < position:
        line += 1
    return line


def _closing_tag_at_end(rest: str, opener: Tag) -> int | None:
    """Where a closing tag of `opener` starts, when it ends the line's remaining text."""
    stripped = rest.rstrip()
    start = stripped.rfind("{")
    while start > 0 and stripped[start - 1] == "{":
        start -= 1
    match = TAG.fullmatch(stripped, start) if start >= 0 else None
    if match is None or not closes(parse_tag(match), opener):
        return None
    return start


def _find_closer(state: StateBlock, opener: Tag, first: int, end: int) -> int | None:
    depth = 0
    for line in range(first, min(end, first + MAX_SCAN_LINES)):
        text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]].strip()
        if not text.startswith("{"):
            continue
        match = TAG.fullmatch(text)
        if match is None:
            continue
        tag = parse_tag(match)
        if closes(tag, opener):
            if depth == 0:
                return line
            depth -= 1
        elif tag.name == opener.name and not tag.closing:
            depth += 1
    return None


def _emit_block(state: StateBlock, tag: Tag, start: int, after: int, end: int) -> None:
    kind = tag.kind
    state.line = after
    if kind == "link" or (kind == "hidden" and tag.name != "comment"):
        return
    paired = tag.form != "call" and (
        kind in ("code", "callout", "other") or (tag.name == "comment" and tag.form == "liquid")
    )
    closer = _find_closer(state, tag, after, end) if paired else None
    if closer is not None:
        state.line = closer + 1
        if tag.kind == "hidden":
            return
        if kind == "code":
            _push_code(state, tag, after, closer, start)
        elif kind == "callout":
            _push_callout(state, tag, (after, closer), None, start)
        else:
            _tokenize(state, after, closer)  # an unknown wrapper: its content, unwrapped
        return
    if kind == "callout" and tag.first("text", "body", "content"):
        _push_callout(state, tag, None, tag.first("text", "body", "content"), start)
    elif kind != "hidden":
        token = state.push("template_embed", "", 0)
        token.meta = {"tag": tag}
        token.map = [start, after]


def _emit_one_line(state: StateBlock, tag: Tag, inner: str, lines: tuple[int, int]) -> None:
    """`{% callout %}text{% endcallout %}` and the like, on one line."""
    if tag.kind == "callout":
        _push_callout(state, tag, None, inner, lines[0])
    elif tag.kind == "code":
        token = state.push("fence", "code", 0)
        token.info, token.content, token.map = _language(tag), inner + "\n", list(lines)
    elif inner:
        _push_paragraph(state, inner, lines[0])


def _push_code(state: StateBlock, tag: Tag, first: int, closer: int, start: int) -> None:
    token = state.push("fence", "code", 0)
    token.info = _language(tag)
    token.content = state.getLines(first, closer, state.blkIndent, False).strip("\n") + "\n"
    token.markup = "```"
    token.map = [start, closer + 1]


def _language(tag: Tag) -> str:
    if tag.name in ("mermaid", "math", "katex"):
        return "latex" if tag.name == "katex" else tag.name
    words = [word.removeprefix("lang:") for word in tag.positional if "/" not in word]
    return tag.first("lang", "language") or (words[0] if words else "")


def _push_callout(
    state: StateBlock, tag: Tag, lines: tuple[int, int] | None, text: str | None, start: int
) -> None:
    opener = state.push("callout_open", "div", 1)
    opener.meta = {"kind": _callout_kind(tag), "title": tag.first("title", "heading")}
    if opener.meta["kind"] == "quote":
        opener.meta["title"] = opener.meta["title"] or " ".join(tag.positional)
    elif not opener.meta["title"] and len(tag.positional) >= 3:
        opener.meta["title"] = tag.positional[-1]
    opener.map = [start, lines[1] + 1 if lines else start + 1]
    if lines is not None:
        _tokenize(state, *lines)
    elif text:
        _push_paragraph(state, text, start)
    state.push("callout_close", "div", -1)


def _callout_kind(tag: Tag) -> str:
    kind = tag.first("type", "kind", "level", "class")
    first = tag.positional[0].lower() if tag.positional else ""
    if not kind and (first in CALLOUT_TAGS or tag.name in ("callout", "notice", "admonition")):
        kind = first or "note"
    if tag.name in ("blockquote", "pullquote"):
        return "quote"
    return kind or tag.name


def _push_paragraph(state: StateBlock, text: str, line: int) -> None:
    state.push("paragraph_open", "p", 1).map = [line, line + 1]
    inline = state.push("inline", "", 0)
    inline.content, inline.map, inline.children = text, [line, line + 1], []
    state.push("paragraph_close", "p", -1)


def _tokenize(state: StateBlock, first: int, closer: int) -> None:
    old_parent, old_max = state.parentType, state.lineMax
    state.parentType, state.lineMax = "template", closer
    state.md.block.tokenize(state, first, closer)
    state.parentType, state.lineMax = old_parent, old_max
    state.line = closer + 1
