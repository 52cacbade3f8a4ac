"""Template tags (Hugo shortcodes, Liquid, Nunjucks and Zola tags) read as what they stand for.

A tag is classified by its name: tags that wrap code become code blocks, callouts become
titled blocks, embeds (videos, posts, gists) and figures become one placeholder line with
their link or caption, link tags become their target, and control flow disappears.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from digest_tui.render.sections import track_fence

MAX_TAG_CHARS = 2_000
OUTPUT_CHARS = 60
"""An output expression is shown by at most this much of its text."""
TAG = re.compile(
    r"\{\{<\s*(?P<hugo_close>/?)\s*(?P<hugo>[\w.-]+)(?P<hugo_args>.{0,2000}?)\s*>\}\}"
    r"|\{\{%\s*(?P<md_close>/?)\s*(?P<md>[\w.-]+)(?P<md_args>.{0,2000}?)\s*%\}\}"
    r"|\{%-?\s*(?P<liquid>[\w.-]+)(?P<liquid_args>.{0,2000}?)\s*-?%\}"
    r"|\{\{-?\s*(?P<call>\w+)\s*(?P<call_args>\(.{0,2000}?\))\s*-?\}\}"
    r"|\{\{-?\s*(?P<action>if|else|end|range|with|define|block|template)\b"
    r"(?P<action_args>[^}]{0,2000}?)-?\}\}"
    r"|(?P<comment>\{\{-?\s*/\*.{0,2000}?\*/\s*-?\}\}|\{#.{0,2000}?#\})"
    # Liquid and Nunjucks output (`{{ site.title }}`); Go templates (`{{ .Title }}`) are not
    # run in Hugo's content files, so a browser shows those as written.
    r"|\{\{-?\s*(?P<output>[^{}<%\s.$][^{}]{0,2000}?)\s*-?\}\}",
    re.DOTALL,
)
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif")
_ARGUMENT = re.compile(r"""(?:([\w-]+)\s*=\s*)?("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,()"'=]+)""")

CODE_TAGS = frozenset({"highlight", "code", "codeblock", "syntax", "mermaid", "math", "katex"})
CALLOUT_TAGS = frozenset(
    [
        "callout",
        "notice",
        "admonition",
        "alert",
        "note",
        "tip",
        "hint",
        "info",
        "warning",
        "caution",
        "danger",
        "important",
        "aside",
        "quote",
        "blockquote",
        "pullquote",
    ]
)
IMAGE_TAGS = frozenset({"figure", "fig", "image", "img", "picture", "photo"})
LINK_TAGS = frozenset({"ref", "relref", "link", "post_url", "url", "post_link", "asset_link"})
HIDDEN_TAGS = frozenset(
    [
        "raw",
        "if",
        "elsif",
        "elif",
        "else",
        "unless",
        "for",
        "case",
        "when",
        "assign",
        "capture",
        "set",
        "include",
        "render",
        "increment",
        "decrement",
        "cycle",
        "break",
        "continue",
        "range",
        "with",
        "define",
        "block",
        "template",
        "extends",
        "macro",
        "liquid",
        "echo",
        "toc",
        "more",
        "end",
        "comment",
    ]
)
EMBED_URLS = {
    "youtube": "https://www.youtube.com/watch?v={}",
    "vimeo": "https://vimeo.com/{}",
    "tweet": "https://twitter.com/i/status/{}",
    "twitter": "https://twitter.com/i/status/{}",
    "gist": "https://gist.github.com/{}",
    "instagram": "https://www.instagram.com/p/{}",
    "codepen": "https://codepen.io/{}",
}
EMBED_LABELS = {"youtube": "video", "vimeo": "video", "tweet": "post", "twitter": "post"}
EMBED_WORDS = ("youtube", "vimeo", "tweet", "twitter", "gist", "instagram", "codepen",
               "video", "audio", "iframe", "embed", "speakerdeck", "loom")  # fmt: skip


@dataclass
class Tag:
    """One template tag: its name (lower case), whether it closes, and its arguments."""

    name: str
    closing: bool
    positional: list[str] = field(default_factory=list)
    named: dict[str, str] = field(default_factory=dict)
    form: str = "liquid"
    """hugo (`{{< >}}`), md (`{{% %}}`), liquid (`{% %}`), call (`{{ f() }}`), action, comment,
    or output (`{{ page.title | upcase }}`, named by its whole expression)."""

    @property
    def kind(self) -> str:
        """code, callout, image, embed, link, hidden, value or other."""
        if self.form == "output":
            return "value"  # `{{ site.title }}`: a value the site fills in, shown by name
        name = self.name
        if self.closing or name in HIDDEN_TAGS or self.form == "comment":
            return "hidden"
        for kind, names in (
            ("code", CODE_TAGS),
            ("callout", CALLOUT_TAGS),
            ("image", IMAGE_TAGS),
            ("link", LINK_TAGS),
        ):
            if name in names:
                return kind
        if any(word in name for word in EMBED_WORDS):
            return "embed"
        source = self.first("src", "image", "path").lower()
        if "img" in name or "image" in name or source.endswith(_IMAGE_SUFFIXES):
            return "image"
        return "other"

    def first(self, *names: str) -> str:
        """The first named argument present among `names`, else ''."""
        return next((self.named[name] for name in names if self.named.get(name)), "")

    def embed(self) -> tuple[str, str]:
        """(label, link) for an embed: `video`, `post` or the tag's own word, and its URL."""
        word = next((word for word in EMBED_WORDS if word in self.name), self.name)
        label = EMBED_LABELS.get(word, word)
        target = self.first("src", "url", "href", "link", "id") or (
            self.positional[0] if self.positional else ""
        )
        if "://" in target or not target:
            return label, target
        if word in ("tweet", "twitter") and self.named.get("user") and self.named.get("id"):
            return label, f"https://twitter.com/{self.named['user']}/status/{self.named['id']}"
        if word == "gist" and len(self.positional) >= 2:
            target = "/".join(self.positional[:2])
        template = EMBED_URLS.get(word)
        return label, template.format(target) if template else target

    def image(self) -> tuple[str, str]:
        """(caption, source) of a figure or image tag."""
        caption = self.first("caption", "title", "alt")
        source = self.first("src", "url", "link", "image", "path")
        words = []
        for value in self.positional:
            if not source and ("/" in value or "." in value):
                source = value
            elif not value.isdigit() and value not in ("left", "right", "center", "full"):
                words.append(value)
        return caption or " ".join(words), source

    @property
    def label(self) -> str:
        """What a link tag shows: its title when it has one, else its target."""
        return self.positional[1] if len(self.positional) >= 2 else "".join(self.positional[:1])


def parse_tag(match: re.Match[str]) -> Tag:
    """The `Tag` a `TAG` match describes."""
    if match.group("comment"):
        return Tag(name="comment", closing=False, form="comment")
    if match.group("output"):
        expression = " ".join(match.group("output").split())
        return Tag(name=expression[:OUTPUT_CHARS], closing=False, form="output")
    for group, close_group in (("hugo", "hugo_close"), ("md", "md_close")):
        if match.group(group):
            tag = _with_arguments(match.group(group), match.group(group + "_args"), group)
            tag.closing = bool(match.group(close_group))
            return tag
    for group in ("liquid", "call", "action"):
        if match.group(group):
            tag = _with_arguments(match.group(group), match.group(group + "_args"), group)
            if tag.name.startswith("end") and group != "call":
                tag.name, tag.closing = tag.name[3:] or "end", True
            return tag
    raise ValueError("not a template tag")


def _with_arguments(name: str, arguments: str, form: str) -> Tag:
    tag = Tag(name=name.lower(), closing=False, form=form)
    for key, value in _ARGUMENT.findall(arguments.strip().strip("()")):
        if value[:1] in "\"'" and value[-1:] == value[:1] and len(value) >= 2:
            value = value[1:-1]
        if key:
            tag.named[key.lower()] = value
        else:
            tag.positional.append(value)
    return tag


def closes(tag: Tag, opener: Tag) -> bool:
    """True when `tag` is the closing tag of `opener` (Zola's `{% end %}` closes any `{% %}`)."""
    if not tag.closing:
        return False
    return tag.name == opener.name or (tag.name == "end" and opener.form == "liquid")


_IN_LINK_TARGET = re.compile(
    r"(\]\(\s*|^ {0,3}\[[^\]\n]{1,1000}\]:[ \t]*)"
    r"(\{\{[<%]\s*[\w.-]+[^\n]{0,1000}?[>%]\}\}|\{%-?\s*[\w.-]+[^\n]{0,1000}?-?%\}"
    r"|\{\{-?\s*[^{}<%\s.$][^{}\n]{0,1000}?-?\}\})",
    re.MULTILINE,
)
# `'/about/' | url` or `"/a.png" | relative_url`: a literal path passed through URL filters.
_LITERAL_URL = re.compile(r"""^(["'])([^"'\s]*)\1\s*(?:\|\s*[\w.-]+(?::[^|]*)?\s*)*$""")


def resolve_link_tags(markdown: str) -> str:
    """Replace a tag that stands for a link target (`](\\{% link a.md %\\})`) by its target."""
    if "{%" not in markdown and "{{" not in markdown:
        return markdown
    return _IN_LINK_TARGET.sub(_link_target, markdown)


def _link_target(match: re.Match[str]) -> str:
    tag_match = TAG.match(match.group(2))
    if tag_match is None:
        return match.group(0)
    tag = parse_tag(tag_match)
    if tag.form == "output":  # a site variable (unknown here: dropped) or a literal path
        literal = _LITERAL_URL.match(tag.name)
        return match.group(1) + (literal.group(2) if literal else "")
    target = tag.positional[0] if tag.positional else tag.first("path", "url", "src")
    return match.group(1) + re.sub(r"\s", "%20", target)


_RAW_REGION = re.compile(r"(\{%-?\s*raw\s*-?%\})(.{0,200000}?)(\{%-?\s*endraw\s*-?%\})", re.DOTALL)
_CODE_SPAN_OR_BRACE = re.compile(r"(?P<span>(?P<ticks>`+).*?(?P=ticks))|\{")


def protect_raw(markdown: str) -> str:
    """Braces between `{% raw %}` and `{% endraw %}` escaped (`\\{`), so what the author
    wrapped shows as written; code inside, where escapes would show, is left alone."""
    if "raw" not in markdown or "{%" not in markdown:
        return markdown
    return _RAW_REGION.sub(
        lambda match: match.group(1) + _escape_braces(match.group(2)) + match.group(3), markdown
    )


def _escape_braces(text: str) -> str:
    lines, fence = text.split("\n"), None
    for number, line in enumerate(lines):
        after = track_fence(line, fence)
        if fence is None and after is None and "{" in line:
            lines[number] = _CODE_SPAN_OR_BRACE.sub(lambda m: m.group("span") or "\\{", line)
        fence = after
    return "\n".join(lines)
