"""The outline and the links of the open article, offered as lists to pick from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from digest_tui.text_safety import clean_line
from digest_tui.tui.screens.choices import Choice, ChoiceScreen

if TYPE_CHECKING:
    from digest_tui.tui.screens.main import MainScreen


def show_outline(screen: MainScreen) -> None:
    """List the open article's headings; the one picked comes to the top of the reader."""
    from digest_tui.render.outline import headings

    loaded = screen.article
    if loaded is None:
        screen.app.notify("Open an article to see its outline", markup=False)
        return
    found = headings(loaded.body)
    if not found:
        screen.app.notify("This article has no headings", markup=False)
        return
    rows = screen.reader.rows_of([heading.text for heading in found])
    entries = ["  " * (heading.level - 1) + heading.text for heading in found]

    def go(choice: Choice | None) -> None:
        if choice is None:
            return
        row = rows[choice[1]]
        if row is None:
            screen.app.notify("That part is not shown yet", markup=False)
            return
        screen.reader.scroll_to_row(row)
        screen.focus_pane("reader")

    title = f"Outline of {clean_line(loaded.article.title, 60)}"
    chooser = ChoiceScreen(title, entries, "enter: go there · escape: close", copyable=False)
    screen.app.push_screen(chooser, go)


def show_links(screen: MainScreen) -> None:
    """List the open article's links: enter follows one, `y` copies it."""
    links = screen.reader.links
    if screen.article is None or not links:
        screen.app.notify("This article has no links", markup=False)
        return

    def act(choice: Choice | None) -> None:
        if choice is None:
            return
        action, index = choice
        href = links[index]
        if action == "copy":
            screen.app.copy_to_clipboard(clean_line(href))
            screen.app.notify(f"Copied {clean_line(href, 80)}", timeout=3, markup=False)
        else:
            screen.reading.follow_href(href)

    entries = [clean_line(href, 200) for href in links]
    hint = "enter: open · y: copy · escape: close"
    screen.app.push_screen(ChoiceScreen("Links", entries, hint, copyable=True), act)
