"""The reading part of the main screen: open an article, follow its links, mark it, edit it."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported

from digest_tui.text_safety import clean_line
from digest_tui.tui.messages import ArticleOpened, FolderChanged, WorkFailed

if TYPE_CHECKING:
    from digest_tui.model import Article
    from digest_tui.state import StateStore
    from digest_tui.tui.links import OpenArticle, OpenInBrowser, Refused
    from digest_tui.tui.screens.main import MainScreen


class ArticleReading:
    """Acts on one article of the screen: the open one while reading, else the highlighted."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.known_paths: AbstractSet[str] = frozenset()
        """Every article's path, for links between articles."""
        self.at = 0.0
        """Where the reader is in the open article (kept as it scrolls: at quit, the
        widgets are gone before the position is saved)."""

    # Opening articles.

    def open_path(self, path: str, focus: bool = True) -> None:
        """Load the article at `path` in a worker and show it in the reading pane."""
        self.screen.articles.move_to(path)
        self.load(path, focus)

    def load(self, path: str, focus: bool, mark_read: bool = True) -> None:
        """Read the article at `path` off the event loop; it arrives as `ArticleOpened`."""
        self.screen.run_worker(
            partial(self._load_in_thread, path, focus, mark_read),
            thread=True,
            exclusive=True,
            group="open",
            exit_on_error=False,
        )

    def _load_in_thread(self, path: str, focus: bool, mark_read: bool) -> None:
        # The loader (YAML, frontmatter) is imported here, off the first frame's path.
        from digest_tui.loading import load_article
        from digest_tui.model import Problem

        loaded = load_article(self.screen.session.content_dir, path)
        if isinstance(loaded, Problem):
            self.screen.post_message(WorkFailed(f"Cannot open {clean_line(str(loaded), 200)}"))
            return
        position = self._stored_position(path, len(loaded.body))
        self.screen.post_message(ArticleOpened(loaded, focus, mark_read, position))

    def _stored_position(self, path: str, chars: int) -> float:
        """Where the reader left `path`, unless its body changed too much since (any thread)."""
        from digest_tui.state import StateError

        state = self.screen.session.state
        try:
            stored = state.position(path) if state is not None else None
        except StateError:
            return 0.0  # an unreadable position is no reason not to open the article
        return stored.at if stored is not None and stored.still_fits(chars) else 0.0

    def note_scroll(self) -> None:
        """The reader scrolled: remember where it is."""
        self.at = self.screen.reader.position

    def save_position(self) -> None:
        """Remember where the reader is in the open article."""
        change = self._position_change()
        if change is not None:
            self.store(change, marks=False)

    def _position_change(self) -> Callable[[StateStore], object] | None:
        """The state change that remembers where the reader is in the open article."""
        from digest_tui.state import ReadingPosition

        loaded = self.screen.article
        if loaded is None:
            return None
        path, position = loaded.article.path, ReadingPosition(self.at, len(loaded.body))
        return lambda state: state.set_position(path, position)

    def opened(self, message: ArticleOpened) -> None:
        """Show a loaded article and remember it was read."""
        screen = self.screen
        article = message.loaded.article
        screen.remove_class("nothing-open")
        # Where the last article was left is written after the new one shows (a commit).
        leaving = self._position_change()
        # Opened from a query: its first hit rather than the place it was left.
        terms = screen.listing.query_terms() if message.mark_read else []
        screen.reader.resume_at = 0.0 if terms else message.position
        screen.article = message.loaded
        if terms:
            screen.reader.find(terms)
        if message.focus or screen.panes.full_screen:
            screen.focus_pane("reader")
        if leaving is not None:
            self.store(leaving, marks=False)
        if message.mark_read:
            self.store(lambda state: state.mark_read(article.path))
        self.store(lambda state: state.set_last_opened(article.path))

    def restore_last_opened(self) -> None:
        """Open the article named at launch (`digest-tui post.md`), else put the cursor back
        on the article open last time, and show it."""
        session = self.screen.session
        if session.open_first is not None:
            first, session.open_first = session.open_first, None
            self.open_path(first, focus=True)
            return
        state = session.state
        last = state.last_opened() if state else None
        if last and self.screen.articles.move_to(last):
            self.load(last, focus=False, mark_read=False)

    def current_article(self) -> Article | None:
        """The article the reading keys act on: the open one while reading, else the highlighted."""
        screen = self.screen
        reader = screen.reader
        if screen.focused is reader and reader.article is not None:
            return reader.article
        return screen.articles.highlighted or reader.article

    def step(self, move: Callable[[], None], end: str) -> None:
        """Move the list's cursor with `move` and open the article it lands on; at the
        list's `end` ("last" or "first") say so instead."""
        screen = self.screen
        before = screen.articles.cursor
        move()
        article = screen.articles.highlighted
        if article is None:
            return
        shown = screen.reader.article
        if screen.articles.cursor == before and shown is not None and shown.path == article.path:
            screen.app.notify(f"This is the {end} article", timeout=2, markup=False)
            return
        self.load(article.path, screen.focused is screen.reader)

    # Reading on: the next unread article, or the whole list read.

    def next_unread(self) -> None:
        """Open the first unread article after the cursor (from the top when none is)."""
        screen = self.screen
        state = screen.session.state
        articles = screen.articles.articles
        if state is None or not articles:
            return
        start = screen.articles.cursor
        count = len(articles)
        for step in range(1, count + 1):
            article = articles[(start + step) % count]
            if not state.is_read(article.path):
                self.open_path(article.path, focus=screen.focused is screen.reader)
                return
        screen.app.notify("No unread article in this list", timeout=3)

    def mark_all_read(self) -> None:
        """Ask on the status line, then mark every listed article read."""
        from digest_tui.tui.screens.confirm import Confirm

        screen = self.screen
        state = screen.session.state
        paths = [article.path for article in screen.listing.shown]  # folded copies too
        unread = sum(1 for path in paths if state is not None and not state.is_read(path))
        if state is None or not unread:
            screen.app.notify("Every listed article is read already", timeout=3)
            return
        noun = "article" if unread == 1 else "articles"

        def answered(yes: bool | None) -> None:
            if yes:
                self.store(lambda store: store.mark_all_read(paths))
                screen.app.notify(f"Marked {unread} {noun} read", timeout=3)

        screen.app.push_screen(Confirm(f"Mark {unread} unread {noun} of this list read?"), answered)

    # Links.

    def follow_href(self, href: str) -> None:
        """Open a link of the article shown: another article, the browser, or a refusal."""
        from digest_tui.tui.links import route_link

        current = self.screen.reader.article
        path, site = (current.path, current.source_url) if current else ("", "")
        self.follow(route_link(href, path, self.known_paths, site=site))

    def follow(self, target: OpenInBrowser | OpenArticle | Refused) -> None:
        """Go where a routed link leads."""
        from digest_tui.tui.links import OpenArticle, OpenInBrowser

        app = self.screen.app
        if isinstance(target, OpenInBrowser):
            from digest_tui.tui.handoff import open_in_browser

            open_in_browser(app, target.url, target.on_site)
        elif isinstance(target, OpenArticle):
            self.open_path(target.path, focus=True)
        else:
            app.notify(target.reason, severity="warning", markup=False)

    def open_link(self) -> None:
        """Open the article's source URL in the browser."""
        article = self.current_article()
        if article is None or not article.link:
            self.screen.app.notify("This article has no link to open", markup=False)
            return
        from digest_tui.tui.links import browser_url

        self.follow(browser_url(article.link))

    def copy_link(self) -> None:
        """Copy the article's source URL to the clipboard."""
        app = self.screen.app
        article = self.current_article()
        if article is None or not article.link:
            app.notify("This article has no link to copy", markup=False)
            return
        from digest_tui.tui.handoff import copy_url

        copy_url(app, clean_line(article.link))

    # Marks.

    def toggle_read(self) -> None:
        """Mark the current article read or unread."""
        if (article := self.current_article()) is not None:
            self.store(lambda state: state.toggle_read(article.path))

    def toggle_star(self) -> None:
        """Star or unstar the current article."""
        if (article := self.current_article()) is not None:
            self.store(lambda state: state.toggle_star(article.path))

    def store(self, change: Callable[[StateStore], object], marks: bool = True) -> None:
        """Apply one change to the reader state (repainting the list's `marks`); a failure
        becomes a notice."""
        from digest_tui.state import StateError

        screen = self.screen
        state = screen.session.state
        if state is None:
            return
        try:
            change(state)
        except StateError as error:
            screen.app.notify(f"Reader state not saved: {error}", severity="error", markup=False)
        if marks:
            screen.articles.refresh_marks()
            screen.listing.recount()  # unread counts follow at once

    # Editing.

    def edit(self) -> None:
        """Open the current article in $EDITOR and reload it after."""
        screen = self.screen
        article = self.current_article()
        if article is None:
            return
        from digest_tui.tui.editor import editor_command

        editor = editor_command(os.environ)
        if editor is None:
            message = "No editor found: set $EDITOR (or $VISUAL) to edit articles"
            screen.app.notify(message, severity="warning", markup=False)
            return
        file = screen.session.content_dir / article.path
        try:
            with screen.app.suspend():
                subprocess.run([*editor, str(file)], check=False)
        except (SuspendNotSupported, OSError, ValueError) as error:
            message = f"Could not run the editor: {error}"
            screen.app.notify(message, severity="error", markup=False)
            return
        self.edited(article.path, screen.focused is screen.reader)

    def edited(self, path: str, focus: bool = False) -> None:
        """The file at `path` was edited from the reader: follow it like any change."""
        self.screen.run_worker(
            partial(self._edited, path, focus), thread=True, group="edit", exit_on_error=False
        )

    def _edited(self, path: str, focus: bool) -> None:
        """After an edit: the list, counts and search follow the file, then the pane."""
        self.screen.follower.refresh_paths([path])
        self._load_in_thread(path, focus, mark_read=False)

    # Changes to the folder.

    def follow_changes(self, change: FolderChanged) -> None:
        """Show the open article again when its file changed; say so when it is gone."""
        screen = self.screen
        article = screen.reader.article
        if article is None:
            return
        path = article.path
        if path in change.moved:
            self.load(change.moved[path], focus=False, mark_read=False)
        elif path in change.changed:
            self.load(path, focus=False, mark_read=False)
        elif path in change.removed:
            screen.article = None
            shown = clean_line(path, 80)
            screen.reader.say(f"{shown} was deleted from the folder.")
            screen.app.notify(f"The open article was deleted: {shown}", markup=False)
