"""Command palette providers: jump to an article by title, toggle a tag, use or save a view.

Titles and tags are untrusted: prompts are built as `Content`, never parsed as markup
(the stock `Matcher.highlight` parses its argument, so it is not used here).
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from digest_tui.text_safety import clean_line

MAX_DISCOVERY = 20


def literal_highlight(matcher: Matcher, text: str) -> Content:
    """`text` as plain Content, with the characters the fuzzy query matched emphasised."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        content = content.stylize("bold underline", offset, offset + 1)
    return content


class ArticleCommands(Provider):
    """Open any article of the folder (filtered out or not) by typing part of its title."""

    def _articles(self):
        screen = self.screen
        library = getattr(screen, "library", None)
        articles = library.articles if library is not None else ()
        return articles, getattr(screen, "open_path", None)

    async def discover(self) -> Hits:
        articles, open_path = self._articles()
        if open_path is None:
            return
        for article in list(articles)[:MAX_DISCOVERY]:
            title = clean_line(article.title, 100)
            yield DiscoveryHit(Content(title), partial(open_path, article.path), help="Article")

    async def search(self, query: str) -> Hits:
        articles, open_path = self._articles()
        if open_path is None:
            return
        matcher = self.matcher(query)
        for article in list(articles):
            title = clean_line(article.title, 100)
            score = matcher.match(title)
            if score > 0:
                prompt = literal_highlight(matcher, title)
                yield Hit(score, prompt, partial(open_path, article.path), help="Open article")


class TagCommands(Provider):
    """Toggle a tag filter by name."""

    def _tags(self):
        screen = self.screen
        library = getattr(screen, "library", None)
        names = [count.tag for count in library.tag_counts()] if library is not None else []
        return names, getattr(screen, "toggle_tag", None)

    async def search(self, query: str) -> Hits:
        names, toggle = self._tags()
        if toggle is None:
            return
        matcher = self.matcher(query)
        for tag in names:
            label = f"Tag: {clean_line(tag, 60)}"
            score = matcher.match(label)
            if score > 0:
                prompt = literal_highlight(matcher, label)
                yield Hit(score, prompt, partial(toggle, tag), help="Toggle this tag filter")


SAVE_VIEW = "save view "


class ViewCommands(Provider):
    """Show a saved view (`[views]` in the config file), or save the current search as one
    by typing "save view NAME"."""

    def _actions(self):
        screen, app = self.screen, self.app
        use = getattr(screen, "use_view", None)
        save = getattr(app, "save_view", None)
        views = getattr(app, "views", {})
        return views, use, save

    async def discover(self) -> Hits:
        views, use, _save = self._actions()
        if use is None:
            return
        for name, query in sorted(views.items()):
            label = f"View: {clean_line(name, 60)}"
            yield DiscoveryHit(Content(label), partial(use, query), help=clean_line(query, 80))

    async def search(self, query: str) -> Hits:
        views, use, save = self._actions()
        if use is None:
            return
        matcher = self.matcher(query)
        for name, text in sorted(views.items()):
            label = f"View: {clean_line(name, 60)}"
            score = matcher.match(label)
            if score > 0:
                prompt = literal_highlight(matcher, label)
                yield Hit(score, prompt, partial(use, text), help=clean_line(text, 80))
        name = " ".join(query[len(SAVE_VIEW) :].split())
        if save is not None and query.lower().startswith(SAVE_VIEW) and name:
            prompt = Content(f"Save the current search as the view “{clean_line(name, 60)}”")
            yield Hit(1.0, prompt, partial(save, name), help="Kept in the config file")
