"""Decide where a link from an article may lead. Pure: no Textual, no file system.

Only `http`, `https` and `mailto` reach the browser. A relative link may open another
article of the content folder, and only one inside it. A site-relative link (`/posts/x`)
opens the article it names when the folder has it, else the page on the site of the
article's source URL. Everything else is refused.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from digest_tui.text_safety import clean_line

BROWSER_SCHEMES = frozenset({"http", "https", "mailto"})
ARTICLE_SUFFIXES = (".md", ".markdown", ".mdx")


@dataclass(frozen=True)
class OpenInBrowser:
    """Hand `url` to the web browser."""

    url: str
    on_site: str = ""
    """The host a site-relative link was resolved against, for the notice."""


@dataclass(frozen=True)
class OpenArticle:
    """Open the article at `path` (relative to the content folder)."""

    path: str


@dataclass(frozen=True)
class Refused:
    """Do nothing but tell the user `reason`."""

    reason: str


LinkTarget = OpenInBrowser | OpenArticle | Refused


def route_link(
    href: str, from_path: str, known_paths: Collection[str], site: str = ""
) -> LinkTarget:
    """Where `href`, found in the article at `from_path`, should lead.

    `site` is the article's source URL: the page site-relative links belong to.
    """
    shown = clean_line(href, 80) or "(empty link)"
    if href != clean_line(href):
        return Refused(f"Not opened: the link {shown} holds control characters")
    if href.startswith("#"):
        return Refused(f"{shown} points inside this article")
    parts = urlsplit(href)
    if parts.scheme:
        if parts.scheme.lower() in BROWSER_SCHEMES and (parts.netloc or parts.scheme == "mailto"):
            return OpenInBrowser(href)
        return Refused(f"Not opened: {shown} (only http, https and mailto links open)")
    if parts.netloc:
        return Refused(f"Not opened: {shown} is not a link to another article")
    if href.startswith("/"):
        return _site_link(href, known_paths, site, shown)
    return _article_link(unquote(parts.path), from_path, known_paths, shown)


def browser_url(url: str) -> LinkTarget:
    """Like `route_link` for an article's own source URL: only a browser target is allowed."""
    target = route_link(url, "", ())
    if isinstance(target, OpenInBrowser):
        return target
    return Refused(f"Not opened: {clean_line(url, 80) or '(no link)'} is not a web link")


def _article_link(path: str, from_path: str, known: Collection[str], shown: str) -> LinkTarget:
    folder = posixpath.dirname(from_path)
    joined = posixpath.normpath(posixpath.join(folder, path))
    if joined == ".." or joined.startswith("../") or joined.startswith("/"):
        return Refused(f"Not opened: {shown} leads outside the content folder")
    for candidate in _candidates(joined):
        if candidate in known:
            return OpenArticle(candidate)
    return Refused(f"No article at {shown}")


def _site_link(href: str, known: Collection[str], site: str, shown: str) -> LinkTarget:
    """`/posts/slug/`: the article at that path or with that slug, else the source's page."""
    path = posixpath.normpath(unquote(urlsplit(href).path)).strip("/")
    for candidate in _candidates(path) if path else ():
        if candidate in known:
            return OpenArticle(candidate)
    slug = posixpath.basename(path)
    named = [known_path for known_path in known if _slug(known_path) == slug] if slug else []
    if len(named) == 1:
        return OpenArticle(named[0])
    site_parts = urlsplit(site)
    if site_parts.scheme.lower() in {"http", "https"} and site_parts.netloc:
        return OpenInBrowser(urljoin(site, href), on_site=site_parts.netloc)
    return Refused(f"Not opened: {shown} is a page of the article's own site, which is not known")


def _slug(path: str) -> str:
    """The last part of an article's address: its file name, or its folder for `index.md`."""
    stem = path.rsplit(".", 1)[0] if path.endswith(ARTICLE_SUFFIXES) else path
    folder, name = posixpath.split(stem)
    return posixpath.basename(folder) if name == "index" and folder else name


def _candidates(path: str) -> list[str]:
    """The article paths a relative link may mean (`x.md`, `x/`, `x/index.md`)."""
    stem = path.rstrip("/")
    found = [stem]
    found += [stem + suffix for suffix in ARTICLE_SUFFIXES]
    found += [f"{stem}/index{suffix}" for suffix in ARTICLE_SUFFIXES]
    return found
