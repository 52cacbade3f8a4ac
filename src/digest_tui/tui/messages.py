"""Small messages that workers and widgets post; the main screen acts on them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from digest_tui.clusters import Clusters

    # Types only: the search and model code load after the first frame.
    from digest_tui.facets import FacetCount
    from digest_tui.model import Article, LoadedArticle, Problem
    from digest_tui.search import Library, TagCount
    from digest_tui.timeline import Timeline


@dataclass
class ArticlesLoaded(Message):
    """The index produced a (new) set of articles and problems."""

    library: Library | None
    """The articles, ready to search (built in the worker); None when they did not change."""
    problems: Sequence[Problem]
    final: bool
    """False for the quick cached list shown at start, True after a refresh."""
    known_paths: AbstractSet[str] = frozenset()
    """Every article's path, for links between articles."""


@dataclass
class SessionOpened(Message):
    """The index and reader state are open (after the first frame); notices to show."""

    notices: Sequence[str] = ()


@dataclass
class IndexInMemory(Message):
    """The cache file could not be opened or written: the index lives in memory this run."""

    reason: str


@dataclass
class IndexProgress(Message):
    """The refresh worker parsed `done` of `total` changed files."""

    done: int
    total: int


@dataclass
class FulltextReady(Message):
    """Body search is available: searches should run again to include bodies."""


@dataclass
class ViewReady(Message):
    """A search worker finished filtering: the articles to list, in order."""

    articles: Sequence[Article]
    generation: int
    """Which filter request this answers; older answers are dropped."""
    errors: Sequence[str] = ()
    """Query terms that were ignored, and why."""
    view: Library | None = None
    """The filtered view, whose tags are counted once its rows are on screen."""


@dataclass
class TagCountsReady(Message):
    """The tags of a listed view were counted (sent after its `ViewReady`)."""

    tag_counts: Sequence[TagCount]
    shown: int
    """How many articles the view holds (the "All" row's count)."""
    generation: int
    facets: Mapping[str, Sequence[FacetCount]] = field(default_factory=dict)
    """Every facet's values and counts (tags among them), for the sidebar's sections."""
    unread: int | None = None
    """How many of the view's articles are unread ("All"'s unread count)."""
    timeline: Timeline | None = None


@dataclass
class ArticleOpened(Message):
    """The loader read the article the user asked for."""

    loaded: LoadedArticle
    focus: bool = True
    """Move the keyboard focus to the reading pane."""
    mark_read: bool = True
    """False when the article reopens at start: that is not a new reading."""
    position: float = 0.0
    """Where the reader left this article last time, as a share of its lines."""


@dataclass
class WorkFailed(Message):
    """A worker could not do its job; `text` is shown as a notice."""

    text: str


@dataclass
class FolderChanged(Message):
    """Files of the folder changed while the reader runs; the library follows them."""

    library: Library
    problems: Sequence[Problem]
    known_paths: AbstractSet[str]
    arrivals: tuple[str, ...] = ()
    """Paths of articles new to the folder (a renamed file is not one)."""
    changed: tuple[str, ...] = ()
    """Paths of articles listed before and after the change, whose files changed."""
    removed: tuple[str, ...] = ()
    """Paths no longer listed: deleted, renamed away, or now unreadable."""
    moved: Mapping[str, str] = field(default_factory=dict)
    """Old path to new path of renamed articles."""
    replaced: Sequence[Article] = ()
    """The versions of the changed and removed articles listed before this change."""
    added: tuple[str, ...] = ()
    """Paths of files new to the folder, renamed ones included."""


@dataclass
class FollowingChanged(Message):
    """How the folder is followed: by events (`fallback` None), or rescanned, and why."""

    fallback: str | None


@dataclass
class SnippetsWanted(Message):
    """The article list drew snippet lines whose text it does not have yet."""

    wanted: Sequence[tuple[Article, tuple[str, ...]]]
    """Each article, with the words and phrases to look for in its body."""


@dataclass
class SnippetsRead(Message):
    """Snippets read for the list (posted to it by the worker that read them)."""

    found: Sequence[tuple[Article, tuple[str, ...], str]]
    """Each article and words asked for, with the line of its body around them."""


@dataclass
class ClustersReady(Message):
    """The folder's story clusters were found (or followed a change), in a worker."""

    clusters: Clusters
