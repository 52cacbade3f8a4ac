"""The block builder's handlers for the syntax beyond CommonMark: callouts, footnotes,
definition lists, math and template placeholders."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from markdown_it.token import Token
from rich.console import RenderableType
from rich.rule import Rule
from rich.style import Style
from rich.text import Text

from digest_tui.render.callouts import BoxEdge, callout_bar, callout_title
from digest_tui.render.containers import Container
from digest_tui.render.prefixed import Prefixed

if TYPE_CHECKING:
    from digest_tui.render.inline import InlineBuilder

TERM_STYLE = Style(bold=True)
PLACEHOLDER_STYLE = Style(dim=True, italic=True)
_CONTAINER_INFO = re.compile(r"\s*([\w-]+)\s*(?:\[(.*)\])?\s*(.*)")


class ExtraBlocks:
    """Mixed into `BlockBuilder`: callouts, footnotes, definition lists, math, templates."""

    blocks: list[RenderableType]
    containers: list[Container]
    pending_blank: bool
    context: tuple[str, object]
    inline: InlineBuilder

    def emit(self, renderable: RenderableType, tight: bool = False) -> None:
        raise NotImplementedError  # BlockBuilder's

    def emit_code(self, code: str, language: str) -> None:
        raise NotImplementedError  # BlockBuilder's

    def close_container(self) -> None:
        raise NotImplementedError  # BlockBuilder's

    def __init__(self) -> None:
        self.notes: dict[str, list[RenderableType]] = {}
        self.saved: list[tuple[Any, ...]] = []

    # Hooks the builder calls -------------------------------------------------------

    def before_emit(self) -> None:
        """Draw the top edge of a `<details>` box whose `<summary>` never came."""
        for index, container in enumerate(self.containers):
            if container.box is not None and container.untitled:
                self._edge(index, callout_title(container.box, ""))

    def after_close(self, container: Container) -> None:
        """Draw the bottom edge of a callout just closed."""
        if container.box is None:
            return
        if container.untitled:
            self.containers.append(container)
            self.before_emit()
            self.containers.pop()
        self.pending_blank = False
        self.emit(BoxEdge(container.box, None))

    def take_inline(self, token: Token) -> bool:
        """Handle an inline token that is not paragraph text; True when it was."""
        kind = self.context[0]
        if kind == "callout_title":
            self.context = ("paragraph", False)
            return True
        if kind == "term":
            self.context = ("paragraph", False)
            self.emit(self.inline.build(token.children, TERM_STYLE), tight=True)
            return True
        return False

    # Callouts ----------------------------------------------------------------------

    def open_callout(
        self, kind: str, title: str, html: bool = False, title_follows: bool = False
    ) -> None:
        """Open a titled box; with `title_follows`, its title is set when it arrives."""
        if not title_follows:
            self.emit(BoxEdge(kind, callout_title(kind, title)), tight=True)
        box = Container(bar=callout_bar(kind), html=html, box=kind, untitled=title_follows)
        self.containers.append(box)

    def set_callout_title(self, title: str) -> None:
        for index in range(len(self.containers) - 1, -1, -1):
            container = self.containers[index]
            if container.box is not None and container.untitled:
                self._edge(index, callout_title(container.box, title))
                return

    def _edge(self, index: int, title: str) -> None:
        container = self.containers[index]
        container.untitled = False
        inner, self.containers = self.containers, self.containers[:index]
        self.emit(BoxEdge(container.box or "", title), tight=True)
        self.containers = inner

    def _on_admonition_open(self, token: Token) -> None:
        self.open_callout(str((token.meta or {}).get("tag", "note")), token.content)

    def _on_admonition_title_open(self, token: Token) -> None:
        self.context = ("callout_title", None)

    def _on_container_callout_open(self, token: Token) -> None:
        match = _CONTAINER_INFO.match(token.info)
        kind, bracketed, rest = match.groups() if match else ("note", "", "")
        self.open_callout(kind, bracketed or rest)

    def _on_callout_open(self, token: Token) -> None:
        meta = token.meta or {}
        self.open_callout(str(meta.get("kind", "note")), str(meta.get("title", "")))

    def _close_callout(self, token: Token) -> None:
        self.close_container()

    _on_admonition_close = _on_container_callout_close = _on_callout_close = _close_callout

    # Footnotes ---------------------------------------------------------------------

    def _on_footnote_reference_open(self, token: Token) -> None:
        label = str((token.meta or {}).get("label", ""))
        self.saved.append((label, self.blocks, self.containers, self.pending_blank))
        self.blocks, self.containers, self.pending_blank = [], [], False

    def _on_footnote_reference_close(self, token: Token) -> None:
        if not self.saved:
            return
        label, blocks, containers, pending = self.saved.pop()
        self.notes.setdefault(label, self.blocks)
        self.blocks, self.containers, self.pending_blank = blocks, containers, pending

    def footnotes(self, listed: dict[int, dict]) -> None:
        """Draw the notes referred to, numbered in order of first reference, at the end."""
        numbered = sorted(self.inline.note_numbers.items(), key=lambda item: item[1])
        notes = [(number, self._note(listed.get(key, {}))) for key, number in numbered]
        notes = [(number, blocks) for number, blocks in notes if blocks]
        if not notes:
            return
        self.containers = []
        self.emit(Rule("Notes", style="bright_black", align="left"))
        for number, blocks in notes:
            mark = Text(f"[{number}] ", style="bright_blue")
            pad = Text(" " * mark.cell_len)
            for index, block in enumerate(blocks):
                self.blocks.append(Prefixed(block, mark if index == 0 else pad, pad))

    def _note(self, note: dict) -> list[RenderableType]:
        if "tokens" in note:
            return [self.inline.build(note["tokens"])]
        return self.notes.get(str(note.get("label", "")), [])

    # Definition lists, math, template placeholders ---------------------------------

    def _on_dt_open(self, token: Token) -> None:
        self.context = ("term", None)

    def _on_dd_open(self, token: Token) -> None:
        self.containers.append(Container(marker="    "))

    def _on_dd_close(self, token: Token) -> None:
        self.close_container()

    def _on_math_block(self, token: Token) -> None:
        self.emit_code(token.content.strip("\n"), "latex")

    _on_math_block_label = _on_math_block

    def _on_template_embed(self, token: Token) -> None:
        tag = token.meta["tag"]
        text = Text()
        if tag.kind == "embed":
            self.inline.append_placeholder(text, *tag.embed())
        elif tag.kind == "image":
            caption, source = tag.image()
            self.inline.append_image(text, caption, source)
        else:
            text.append(f"⟨{tag.name}⟩", PLACEHOLDER_STYLE)
        self.emit(text)
