"""Reading articles: open one in the pane, follow its links, mark it, edit it.

The main screen builds on this class; it holds everything that acts on one article.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import webbrowser
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import SuspendNotSupported
from textual.screen import Screen

from digest_tui.text_safety import clean_line
from digest_tui.tui.messages import ArticleOpened, WorkFailed
from digest_tui.tui.session import ReaderSession
from digest_tui.tui.widgets.article_list import ArticleList
from digest_tui.tui.widgets.reading_pane import ReadingPane
from digest_tui.tui.widgets.tag_sidebar import TagSidebar

if TYPE_CHECKING:
    from digest_tui.model import Article
    from digest_tui.tui.links import OpenArticle, OpenInBrowser, Refused


class ReadingScreen(Screen[None]):
    """A screen with an article list and a reading pane."""

    def __init__(self, session: ReaderSession, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.session = session
        self.known_paths: frozenset[str] = frozenset()

    @property
    def articles(self) -> ArticleList:
        """The article list."""
        return self.query_one(ArticleList)

    @property
    def reader(self) -> ReadingPane:
        """The reading pane."""
        return self.query_one(ReadingPane)

    @property
    def sidebar(self) -> TagSidebar:
        """The tag sidebar."""
        return self.query_one(TagSidebar)

    def focus_pane(self, pane: str) -> None:
        """Show `pane` and focus it (the main screen knows the layout)."""
        raise NotImplementedError

    # Opening articles.

    @on(ArticleList.Chosen)
    def _article_chosen(self, event: ArticleList.Chosen) -> None:
        self.open_path(event.article.path, focus=True)

    def open_path(self, path: str, focus: bool = True) -> None:
        """Load the article at `path` in a worker and show it in the reading pane."""
        self.articles.move_to(path)
        self._load(path, focus)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _load(self, path: str, focus: bool, mark_read: bool = True) -> None:
        # The loader (YAML, frontmatter) is imported here, off the first frame's path.
        from digest_tui.loading import load_article
        from digest_tui.model import Problem

        loaded = load_article(self.session.content_dir, path)
        if isinstance(loaded, Problem):
            self.post_message(WorkFailed(f"Cannot open {clean_line(str(loaded), 200)}"))
        else:
            self.post_message(ArticleOpened(loaded, focus, mark_read))

    def on_article_opened(self, message: ArticleOpened) -> None:
        article = message.loaded.article
        self.remove_class("nothing-open")
        self.reader.show(article, message.loaded.body)
        if message.focus:
            self.focus_pane("reader")
        if message.mark_read:
            self._store(lambda state: state.mark_read(article.path))
        self._store(lambda state: state.set_last_opened(article.path))

    def restore_last_opened(self) -> None:
        """Put the cursor back on the article open last time, and show it."""
        state = self.session.state
        last = state.last_opened() if state else None
        if last and self.articles.move_to(last):
            self._load(last, focus=False, mark_read=False)

    def current_article(self) -> Article | None:
        """The article the reading keys act on: the open one while reading, else the highlighted."""
        if self.focused is self.reader and self.reader.article is not None:
            return self.reader.article
        return self.articles.highlighted or self.reader.article

    # Moving while reading.

    def action_next_article(self) -> None:
        self._step(self.articles.select_next)

    def action_previous_article(self) -> None:
        self._step(self.articles.select_previous)

    def _step(self, move) -> None:
        move()
        article = self.articles.highlighted
        if article is not None:
            self._load(article.path, self.focused is self.reader)

    # Links.

    @on(ReadingPane.LinkActivated)
    def _link_activated(self, event: ReadingPane.LinkActivated) -> None:
        event.stop()
        current = self.reader.article
        from digest_tui.tui.links import route_link

        target = route_link(event.href, current.path if current else "", self.known_paths)
        self._follow(target)

    def _follow(self, target: OpenInBrowser | OpenArticle | Refused) -> None:
        from digest_tui.tui.links import OpenArticle, OpenInBrowser

        if isinstance(target, OpenInBrowser):
            webbrowser.open(target.url)
            self.app.notify(f"Opened {clean_line(target.url, 80)}", timeout=3, markup=False)
        elif isinstance(target, OpenArticle):
            self.open_path(target.path, focus=True)
        else:
            self.app.notify(target.reason, severity="warning", markup=False)

    def action_open_link(self) -> None:
        article = self.current_article()
        if article is None or not article.link:
            self.app.notify("This article has no link to open", markup=False)
            return
        from digest_tui.tui.links import browser_url

        self._follow(browser_url(article.link))

    def action_copy_link(self) -> None:
        article = self.current_article()
        if article is None or not article.link:
            self.app.notify("This article has no link to copy", markup=False)
            return
        self.app.copy_to_clipboard(clean_line(article.link))
        self.app.notify(f"Copied {clean_line(article.link, 80)}", timeout=3, markup=False)

    # Marks.

    def action_toggle_read(self) -> None:
        article = self.current_article()
        if article is not None:
            self._store(lambda state: state.toggle_read(article.path))

    def action_toggle_star(self) -> None:
        article = self.current_article()
        if article is not None:
            self._store(lambda state: state.toggle_star(article.path))

    def _store(self, change) -> None:
        """Apply one change to the reader state; a failure becomes a notice."""
        from digest_tui.state import StateError

        state = self.session.state
        if state is None:
            return
        try:
            change(state)
        except StateError as error:
            self.app.notify(f"Reader state not saved: {error}", severity="error", markup=False)
        self.articles.refresh_marks()

    # Editing.

    def action_edit(self) -> None:
        article = self.current_article()
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if article is None:
            return
        if not editor:
            self.app.notify("Set $EDITOR to edit articles", severity="warning", markup=False)
            return
        file = self.session.content_dir / article.path
        try:
            with self.app.suspend():
                subprocess.run([*shlex.split(editor), str(file)], check=False)
        except (SuspendNotSupported, OSError, ValueError) as error:
            self.app.notify(f"Could not run the editor: {error}", severity="error", markup=False)
            return
        self.after_edit(article.path)

    def after_edit(self, path: str) -> None:
        """Reload the edited article (the main screen also refreshes the index)."""
        self._load(path, self.focused is self.reader)
