"""A content folder of hostile files, written by the tests that use it.

Every untrusted field carries Rich/Textual markup and terminal escapes; the file system
holds a FIFO, a symlink loop, a symlink to /dev/zero and names no one should use.
"""

from __future__ import annotations

import os
from pathlib import Path

CLICK = "[@click=app.quit]x[/]"
LINK = "[link=file:///etc/passwd]pw[/link]"
CLOSE = "[/]"
CSI = "\x1b[2J\x1b[31m"
OSC8 = "\x1b]8;;https://evil.example/\x1b\\here\x1b]8;;\x1b\\"
OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"
RTL = "\u202eevil\u202c"
ZERO_WIDTH = "zero\u200bwidth"

MARKUP_VALUES = (CLICK, LINK, CLOSE, "[bold]bold[/]", "[TODO]")
ESCAPES = (CSI, OSC8, OSC52)

KNOWN_WORD = "Pelican"
"""A word only one title holds, to check that search still works after a key storm."""

REFUSED_LINKS = (
    "javascript:alert(1)",
    "file:///etc/passwd",
    "data:text/html,<b>x</b>",
    "ssh://host",
    "vscode://file/etc/passwd",
    "smb://share/x",
    "../../outside.md",
    "vscode:" + CLICK,
)

MARKUP_FILE_NAME = "[@click=app.quit]x[/].md"
ALIAS_BOMB_NAME = "alias-bomb.md"
BINARY_NAME = "binary.md"
FIFO_NAME = "fifo.md"
MARKUP_TAG_NAME = "markup-yaml-tag.md"


def _yaml_string(text: str) -> str:
    """`text` as a double-quoted YAML scalar (escapes spelled with YAML's own escapes)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\x1b", "\\e").replace("\x07", "\\a") + '"'


def _frontmatter(title: str, tags: list[str], description: str = "", extra: str = "") -> str:
    tag_lines = "".join(f"  - {_yaml_string(tag)}\n" for tag in tags)
    return (
        f"---\ntitle: {_yaml_string(title)}\npubDatetime: 2025-06-01T10:00:00Z\n"
        f"description: {_yaml_string(description)}\n"
        f"author: {_yaml_string(CLICK + CSI)}\nsource: {_yaml_string(LINK + OSC52)}\n"
        f"tags:\n{tag_lines}{extra}---\n"
    )


def _markup_articles() -> dict[str, str]:
    """One article per markup value, each field also carrying every escape."""
    files = {}
    for number, markup in enumerate(MARKUP_VALUES):
        field = markup + "".join(ESCAPES)
        files[f"markup-{number}.md"] = _frontmatter(
            f"Title {number} {field}", [f"tag{number}{markup}", CSI + "esc"], field
        ) + (f"Body {markup} {OSC8} {OSC52} {CSI}\n\n# Heading {markup}\n")
    return files


def _link_article() -> str:
    links = "\n".join(f"- [link {number}]({href})" for number, href in enumerate(REFUSED_LINKS))
    return (
        _frontmatter("Links of every scheme", ["links"])
        + f"{links}\n- [web](https://example.com/ok)\n- [mail](mailto:a@example.com)\n"
        + "- [sibling](markup-1.md)\n"
    )


def _size_articles() -> dict[str, str]:
    nested = "".join("  " * depth + "- level\n" for depth in range(200))
    quotes = ">" * 200 + " deep quote\n"
    table = "| a | b |\n|---|---|\n" + "".join(f"| {n} | {CLICK} |\n" for n in range(5_000))
    headings = "".join(f"## Heading {n} {CLOSE}\n\npara\n\n" for n in range(2_000))
    return {
        "long-title.md": _frontmatter("Long " + "T" * 10_000, ["long"]) + "body\n",
        "many-tags.md": _frontmatter("Ten thousand tags", [f"t{n}" for n in range(10_000)]),
        "nested.md": _frontmatter("Nested 200 deep", ["deep"]) + nested + quotes,
        "table.md": _frontmatter("Five thousand rows", ["table"]) + table,
        "headings.md": _frontmatter("Two thousand headings", ["headings"]) + headings,
        "long-line.md": _frontmatter("A long line", ["line"]) + "word " * 10_000 + "\n",
        "bidi.md": _frontmatter(f"Bidi {RTL} {ZERO_WIDTH}", [RTL, ZERO_WIDTH]) + f"{RTL}\n",
        "bad-dates.md": "---\ntitle: Bad dates\npubDatetime: 2025-13-45T99:99\n"
        "modDatetime: 0\n---\nbody\n",
        "year-one.md": "---\ntitle: Year one\ndate: 0001-01-01\n---\nbody\n",
        "pelican.md": f"---\ntitle: The {KNOWN_WORD} Report\ndate: 2024-01-01\n---\nbody\n",
    }


def _hostile_yaml() -> dict[str, str]:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 9)}]\n" for n in range(8)
    )
    return {
        ALIAS_BOMB_NAME: f"---\ntitle: Bomb\n{bomb}---\nbody\n",
        "python-tag.md": "---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\nx\n",
        "unknown-tag.md": "---\ntitle: !custom thing\n---\nbody\n",
        "not-a-mapping.md": "---\n- a\n- b\n---\nbody\n",
        "broken-yaml.md": f"---\ntitle: [unclosed {CLICK}\n---\nbody\n",
        # The loader names an unknown tag in its warning: markup reaches the problems screen.
        MARKUP_TAG_NAME: f"---\ntitle: !<{CLICK}{LINK}> thing\n---\nbody\n",
    }


def write_hostile_content(folder: Path, *, undecodable_name: bool = False) -> Path:
    """Write the hostile folder under `folder` and return it.

    `undecodable_name` adds a file whose name holds bytes that are not valid UTF-8.
    """
    folder.mkdir(parents=True, exist_ok=True)
    texts = {**_markup_articles(), **_size_articles(), **_hostile_yaml()}
    texts["links.md"] = _link_article()
    texts["name with spaces.md"] = _frontmatter("Spaces in the name", ["fs"])
    texts["name\nwith newline.md"] = _frontmatter("Newline in the name", ["fs"])
    texts[MARKUP_FILE_NAME] = _frontmatter("Markup in the name", ["fs"])
    for name, text in texts.items():
        # The markup file name holds a `/`: its first part becomes a folder.
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "deep").mkdir()
    (folder / "deep" / "linked.md").write_text(_frontmatter("Deep", ["fs"]), encoding="utf-8")
    (folder / BINARY_NAME).write_bytes(bytes(range(256)) * 64)
    os.mkfifo(folder / FIFO_NAME)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "zero.md").symlink_to("/dev/zero")
    (folder / "outside.md").symlink_to("/etc/hostname")
    if undecodable_name:
        write_undecodable_name(folder)
    return folder


def write_undecodable_name(folder: Path) -> None:
    """A file named with bytes that are not UTF-8, whose title falls back to that name."""
    bad_name = os.fsencode(folder) + b"/bad-\xff\xfe-bytes.md"
    with open(bad_name, "wb") as file:
        # A bad date too, so that the name is listed on the problems screen.
        file.write(b"---\ndate: not a date\n---\nbody\n")
