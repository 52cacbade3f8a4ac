"""Every command of the reader, declared once: the footer, help screen and palette read these.

Each binding has an id, so the `[keys]` table of the config file can rebind it.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding

APP_BINDINGS: list[Binding] = [
    Binding("question_mark", "help", "Help", id="help"),
    Binding("exclamation_mark", "problems", "Problems", id="problems", show=False),
    Binding("ctrl+p", "command_palette", "Commands", id="palette", priority=True, show=False),
    Binding("q", "quit", "Quit", id="quit"),
]
"""Commands that work on every screen."""

MAIN_BINDINGS: list[Binding] = [
    # Priority: the app runs it before passing on the keys typed after it, so "/kite"
    # arriving in one read lands in the search box (MainScreen.check_action lets "/" be
    # typed once the box has the focus). While reading, "/" finds in the article instead
    # (MainScreen.check_action picks which of the two is on).
    Binding("slash", "find", "Find", id="find", priority=True),
    Binding("slash", "focus_search", "Search", id="search", priority=True),
    Binding("t", "focus_tags", "Tags", id="tags"),
    Binding("escape", "back", "Back", id="back", show=False),
    Binding("right_square_bracket", "next_article", "Next", id="next"),
    Binding("left_square_bracket", "previous_article", "Prev", id="previous", show=False),
    Binding("o", "open_link", "Web", id="open_link"),
    Binding("y", "copy_link", "Copy URL", id="copy_link", show=False),
    Binding("e", "edit", "Edit", id="edit", show=False),
    Binding("f", "toggle_full_screen", "Full screen", id="full_screen", show=False),
    Binding("O", "outline", "Outline", id="outline", show=False),
    Binding("L", "links", "Links", id="links", show=False),
    Binding("S", "cycle_sort", "Sort", id="sort"),
    Binding("u", "toggle_read", "Read", id="toggle_read", show=False),
    Binding("n", "next_unread", "Next unread", id="next_unread", show=False),
    Binding("A", "mark_all_read", "Mark all read", id="mark_all_read", show=False),
    Binding("asterisk", "toggle_star", "Star", id="toggle_star"),
    Binding("D", "toggle_drafts", "Drafts", id="toggle_drafts", show=False),
    # Priority: the list's scrolling would take left and right first; elsewhere (the
    # search box, the sidebar, the timeline) MainScreen.check_action passes them on.
    Binding(
        "right,plus", "open_cluster", "Open cluster", id="open_cluster", show=False, priority=True
    ),
    Binding(
        "left,minus", "fold_cluster", "Fold cluster", id="fold_cluster", show=False, priority=True
    ),
    Binding("ctrl+r", "reload_folder", "Reload folder", id="reload_folder", show=False),
]
"""Commands of the main screen. The footer shows the few that fit 80 columns; the help
screen and the command palette list them all."""

HELP_TEXT: dict[str, str] = {
    "help": "Show this help",
    "problems": "Files that failed to load or loaded with warnings, and why",
    "palette": "Command palette: jump to an article, toggle a tag, run any command",
    "quit": "Quit",
    "search": "Focus the search box (enter moves to the list)",
    "find": "Find in the article (while reading, and always in full screen): n/N next/previous",
    "full_screen": "Full-screen reader: sidebar, search box and list hidden (remembered)",
    "outline": "Outline of the article: jump to a heading",
    "links": "Links of the article: enter opens one, y copies it",
    "tags": "Focus the tag sidebar (enter/space toggles a tag, All clears)",
    "back": "Search: clear it · reader: back to the list · list: clear tag filters",
    "next": "Next article while reading",
    "previous": "Previous article while reading",
    "open_link": "Open the article's source URL (else its first link) in the browser",
    "copy_link": "Copy that URL to the clipboard (the notice says which way)",
    "edit": "Open the article file in $EDITOR (else $VISUAL, editor or vi); list and search follow",
    "sort": "Cycle sort: newest, oldest, title, relevance",
    "toggle_read": "Mark the article read / unread",
    "next_unread": "Next unread article of the list (also space at an article's end)",
    "mark_all_read": "Mark every article of the current list read (asks y/n first)",
    "toggle_star": "Star / unstar the article",
    "toggle_drafts": "Show / hide draft articles (hidden at first)",
    "open_cluster": "List: show every copy of the story under its +N row (also a click on +N)",
    "fold_cluster": "List: fold the story's copies back into its +N row",
    "reload_folder": "Look at every file of the folder again (where changes send no events)",
}
"""The longer description of each binding id, for the help screen and the palette."""

MOVEMENT_HELP: list[tuple[str, str]] = [
    ("up/down  j/k", "Move in the list, the tags or the reading pane"),
    ("g/G  home/end", "First / last"),
    ("pageup/pagedown", "Page up / down"),
    ("space/b", "Reader: page down / up, as in less"),
    ("ctrl+d/ctrl+u", "Reader: half a page down / up"),
    ("n/N", "Reader: next / previous match of a find (escape clears it)"),
    ("enter", "Open the highlighted article (list) · toggle the tag (sidebar)"),
    ("tab/shift+tab", "Move between panes; in the reading pane, between links"),
]
"""Keys that belong to the widgets themselves, listed on the help screen."""


def all_bindings() -> list[Binding]:
    """Every declared command, main-screen ones first."""
    return [*MAIN_BINDINGS, *APP_BINDINGS]


def key_display(binding: Binding, keymap: Mapping[str, str]) -> str:
    """The key(s) that trigger `binding` once the user's keymap is applied, for display."""
    keys = keymap.get(binding.id or "", binding.key)
    return ", ".join(_pretty(key.strip()) for key in keys.split(","))


_PRETTY = {
    "question_mark": "?",
    "exclamation_mark": "!",
    "slash": "/",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "asterisk": "*",
    "plus": "+",
    "minus": "-",
}


def _pretty(key: str) -> str:
    return _PRETTY.get(key, key)
