"""Cheap reads of a Markdown body: first heading, first paragraph, links and plain text.

These are regular-expression passes, not a full Markdown parse: they run for every file
of a large folder, so they must stay within a few milliseconds for a typical post.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_ATX_HEADING = re.compile(r"^[ \t]{0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SOURCE_LINE = re.compile(
    r"^[ \t>]*\*\*Source:?\*\*:?[ \t]*\[([^\]\n]+)\]\(<?([^)\s>]+)>?(?:[ \t]+\"[^\"]*\")?\)",
    re.MULTILINE | re.IGNORECASE,
)
# Same case rules as `_SOURCE_LINE` (IGNORECASE on a str pattern), so it finds every start.
_SOURCE_MARK = re.compile(r"\*\*source", re.IGNORECASE)
_HTTP_LINK = re.compile(r"https?://[^\s<>()\[\]\"'`]+[^\s<>()\[\]\"'`.,;:!?]")
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_REF_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$", re.MULTILINE)
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
# An HTML image says in its alt text what a reader would search for; the rest of it goes.
_IMG_ALT = re.compile(
    r"<img\b[^<>]{0,2000}?\balt\s*=\s*(?:\"([^\"<>]*)\"|'([^'<>]*)')[^<>]{0,2000}>", re.IGNORECASE
)
# A tag may spread over lines (one attribute per line), but never holds `<` or `>`.
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]{0,2000}>|<!--.*?-->", re.DOTALL)
# Hugo, Liquid, Jinja and Eleventy tags: `{{ x }}`, `{{< x >}}`, `{{% x %}}` and `{% x %}`.
_TEMPLATE_TAG = re.compile(r"\{\{.{0,2000}?\}\}|\{%.{0,2000}?%\}", re.DOTALL)
_LINE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d+[.)][ \t]+)?", re.M)
# Emphasis, code and strike-through marks go; table pipes become spaces.
_MARKUP_CHARS = str.maketrans({"*": None, "`": None, "~": None, "|": " "})
_TABLE_RULE = re.compile(r"^[ \t|:\-]+$", re.MULTILINE)
_FENCE_LINE = re.compile(r"^[ \t]{0,3}(?:`{3,}|~{3,}).*$", re.MULTILINE)
# Runs of whitespace, or one whitespace character that is not a plain space.
_WHITESPACE = re.compile(r"\s{2,}|[^\S ]")
_IMPORT_LINE = re.compile(r"^(?:import|export)\s.+$")
_HRULE = re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$")
# The line-start patterns above, anchored on the newline before the line instead of `^`:
# the regex engine then jumps from newline to newline (about 4x faster on a 5 KB body).
_REF_DEFINITION_NL = re.compile(r"\n[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$", re.MULTILINE)
_FENCE_LINE_NL = re.compile(r"\n[ \t]{0,3}(?:`{3,}|~{3,}).*$", re.MULTILINE)
_TABLE_RULE_NL = re.compile(r"\n[ \t|:\-]+$", re.MULTILINE)
# The lookahead skips lines that cannot start with a prefix (where the pattern would only
# replace the newline with itself), which saves a substitution per plain line.
_LINE_PREFIX_NL = re.compile(
    r"\n(?=[ \t>#*+\-]|\d)[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d+[.)][ \t]+)?"
)


def prose_lines(body: str) -> Iterator[tuple[str, bool]]:
    """Each line with a flag telling whether it is inside a fenced code block."""
    fence = ""
    for line in body.split("\n"):
        match = _FENCE.match(line)
        if fence:
            yield line, True
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
        elif match:
            fence = match.group(1)
            yield line, True
        else:
            yield line, False


def title_heading(body: str) -> str:
    """The text of the body's `# ` heading when it has exactly one outside code, else empty.

    A note with several top-level headings (common in Obsidian vaults) uses them as
    section names, not as its title.
    """
    if "#" not in body:
        return ""
    headings = []
    for line, in_code in prose_lines(body):
        if not in_code and line.lstrip(" ").startswith("# "):
            match = _ATX_HEADING.match(line)
            if match and match.group(1):
                headings.append(match.group(1).strip())
                if len(headings) > 1:
                    return ""
    return headings[0] if headings else ""


def first_paragraph(body: str) -> str:
    """The first prose paragraph (or block quote) as plain text, or empty."""
    block: list[str] = []
    for line, in_code in prose_lines(body):
        stripped = line.strip()
        if in_code or not stripped:
            if block:
                break
            continue
        if not block and _skip_as_paragraph_start(stripped):
            continue
        block.append(stripped)
    return to_plain_text("\n".join(block))


def _skip_as_paragraph_start(line: str) -> bool:
    if line.startswith(("#", "|", "<", "{%", "{{", "[^", "$$", "!!!", ":::")):
        return True
    if _IMPORT_LINE.match(line) or _HRULE.match(line) or _SOURCE_LINE.match(line):
        return True
    if _REF_DEFINITION.match(line):
        return True
    # A line holding only images (a hero picture) is not a paragraph.
    return not _IMAGE.sub("", line).strip()


def source_link(body: str) -> tuple[str, str]:
    """The name and URL from a `**Source:** [Name](url)` line, or empty strings."""
    match = _find_source_line(body)
    if match is None:
        return "", ""
    return match.group(1).strip(), match.group(2)


def _find_source_line(body: str) -> re.Match[str] | None:
    """`_SOURCE_LINE.search(body)`, trying only the lines that hold `**Source` (any case).

    A match starts at a line start and has `**Source` on that line; the line-anchored
    regex alone would be tried at every position of the body. Single `*` characters are
    searched for first: that search is several times faster than a search for `**` or a
    case-blind regular expression.
    """
    tried = -1
    mark = body.find("*")
    while mark >= 0:
        if body.startswith("**", mark) and _SOURCE_MARK.match(body, mark) is not None:
            start = body.rfind("\n", 0, mark) + 1
            if start != tried:
                tried = start
                match = _SOURCE_LINE.match(body, start)
                if match is not None:
                    return match
        mark = body.find("*", mark + 1)
    return None


def first_http_link(body: str) -> str:
    """The first http(s) URL in the body that is a link, not an image, or empty."""
    if "http" not in body:
        return ""
    match = _HTTP_LINK.search(_IMG_TAG.sub("", _IMAGE.sub("", body)))
    return match.group(0) if match else ""


def to_plain_text(markdown: str) -> str:
    """Markdown reduced to words for search and word counts: markup, URLs and tags removed.

    HTML images keep their alt text; HTML and template tags go, also when spread over lines.

    Gives exactly what `plain_text_reference` gives, faster: each pass is skipped when the
    text cannot hold its mark, and line-start passes search for a newline (a leading one is
    added for the first line) instead of trying every position.
    """
    text = "\n" + markdown
    if "]:" in text:
        text = _REF_DEFINITION_NL.sub("\n", text)
    if "```" in text or "~~~" in text:
        text = _FENCE_LINE_NL.sub("\n", text)
    if "![" in text:
        text = _IMAGE.sub(r"\1", text)
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "][" in text:
        text = _REF_LINK.sub(r"\1", text)
    if "{{" in text or "{%" in text:
        text = _TEMPLATE_TAG.sub(" ", text)
    if "<" in text:
        text = _IMG_ALT.sub(r" \1\2 ", text)
        text = _HTML_TAG.sub(" ", text)
    text = _TABLE_RULE_NL.sub("\n", text)
    text = _LINE_PREFIX_NL.sub("\n", text)
    # Four `replace` calls skip absent marks at memchr speed; `translate` with a table
    # looks up every character. The result is the same.
    text = text.replace("*", "").replace("`", "").replace("~", "").replace("|", " ")
    text = text.replace("__", "")
    # Splitting on whitespace and joining with one space is what `_WHITESPACE` + strip do.
    return " ".join(text.split())


def word_count(plain_text: str) -> int:
    """The number of words in text as `to_plain_text` gives it (single spaces, no ends)."""
    return plain_text.count(" ") + 1 if plain_text else 0


def plain_text_reference(markdown: str) -> str:
    """The plain text of `to_plain_text`, one readable pass per kind of markup.

    Kept as the definition the fast version is tested against.
    """
    text = _REF_DEFINITION.sub("", markdown)
    text = _FENCE_LINE.sub("", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _TEMPLATE_TAG.sub(" ", text)
    text = _IMG_ALT.sub(r" \1\2 ", text)
    text = _HTML_TAG.sub(" ", text)
    text = _TABLE_RULE.sub("", text)
    text = _LINE_PREFIX.sub("", text)
    text = text.translate(_MARKUP_CHARS).replace("__", "")
    return _WHITESPACE.sub(" ", text).strip()
