"""The searchable text fields of one article list, each packed on its first search.

Titles, tags and descriptions are `SearchFields`; sources (name and URL host) are a
field of their own, searched only by `source:` terms.

A first query such as "k" only looks at title and tag word starts; building only what a
search needs keeps the first keystroke after start-up cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from threading import RLock

from digest_tui.article_columns import PickedColumn, as_picked, column_of
from digest_tui.facets import hosts_of
from digest_tui.model import Article
from digest_tui.search.engine.bits import SetNumbers
from digest_tui.search.engine.haystack import Haystack
from digest_tui.search.engine.packing import (
    made_per_distinct,
    normalise_all,
    per_stored_value,
    spaced_words,
)
from digest_tui.search.engine.tag_names import PackedTags


class SearchFields:
    """Titles, tags and descriptions of a fixed list of articles, as `Haystack`s.

    Item `i` of each field belongs to article number `i`. Each haystack is built once, on
    first use, from any thread.
    """

    __slots__ = (
        "_descriptions",
        "_lock",
        "_raw_descriptions",
        "_raw_tags",
        "_raw_titles",
        "_sets",
        "_tag_words",
        "_tags",
        "_title_words",
        "_titles",
    )

    def __init__(
        self,
        titles: Sequence[str],
        tags: Sequence[tuple[str, ...]],
        descriptions: Sequence[str],
        sets: SetNumbers | None = None,
    ) -> None:
        self._sets = SetNumbers(len(titles)) if sets is None else sets
        self._raw_titles = titles
        self._raw_tags = tags
        self._raw_descriptions = descriptions
        self._titles: Haystack | None = None
        self._title_words: Haystack | None = None
        self._tags: Haystack | None = None
        self._tag_words: Haystack | None = None
        self._descriptions: Haystack | None = None
        self._lock = RLock()

    def __len__(self) -> int:
        return len(self._raw_titles)

    @property
    def titles(self) -> Haystack:
        """The titles, lower-cased."""
        return self._field(
            "_titles",
            lambda: Haystack(
                per_stored_value(self._raw_titles, normalise_all), normalised=True, sets=self._sets
            ),
        )

    @property
    def title_words(self) -> Haystack:
        """Each title's words between spaces (see `packing.spaced_words`)."""
        return self._field("_title_words", self._packed_title_words)

    @property
    def tags(self) -> PackedTags:
        """Each article's tags, lower-cased, each fenced by `\\x01` (see `pack_tags`)."""
        tags = self._field("_tags", self._packed_tags)
        assert isinstance(tags, PackedTags)
        return tags

    @property
    def tag_words(self) -> Haystack:
        """Each article's tag words between spaces."""
        return self._field("_tag_words", self._packed_tag_words)

    @property
    def descriptions(self) -> Haystack:
        """The descriptions, lower-cased."""
        return self._field(
            "_descriptions", lambda: Haystack(self._raw_descriptions, sets=self._sets)
        )

    def _packed_title_words(self) -> Haystack:
        words = per_stored_value(self._raw_titles, partial(spaced_words, lower_first=True))
        return Haystack(words, normalised=True, sets=self._sets, spaced=True)

    def _packed_tags(self) -> Haystack:
        return PackedTags(as_picked(self._raw_tags), sets=self._sets)

    def _packed_tag_words(self) -> Haystack:
        def pack(tags: list[tuple[str, ...]]) -> list[str]:
            return spaced_words(list(map(" ".join, tags)), lower_first=False)

        tags = made_per_distinct(self._raw_tags, pack)
        return Haystack(tags, normalised=True, sets=self._sets, spaced=True)

    def prepare(self) -> None:
        """Build every field now, packed for the scans of words of three letters on, and
        the titles' letters for the scattered-letter searches and the tags' names."""
        fields = (self.titles, self.title_words, self.tags, self.tag_words, self.descriptions)
        for field in fields:
            field.prepare()
        self.titles.index_letters()
        self.tags.index_names()

    def index_tokens(self) -> None:
        """Index the tokens of descriptions, titles, and title and tag words now, so that
        words are found there without a scan. Not the packed tags: each article's tag set
        is one token there, and their text is small. Descriptions come first: a big field
        lets its lower-cased copy go once its tokens are indexed (`Haystack.index_tokens`),
        before the other fields' tokens add to what is held."""
        for field in (self.descriptions, self.titles, self.title_words, self.tag_words):
            field.index_tokens()

    def _field(self, name: str, make: Callable[[], Haystack]) -> Haystack:
        haystack = getattr(self, name)
        return haystack if haystack is not None else self._built(name, make)

    def _built(self, name: str, make: Callable[[], Haystack]) -> Haystack:
        with self._lock:
            haystack = getattr(self, name)
            if haystack is None:
                haystack = make()
                setattr(self, name, haystack)
        return haystack


def source_haystack(articles: Sequence[Article], sets: SetNumbers | None = None) -> Haystack:
    """Each article's source name and URL host; articles of one source share a value."""
    names = column_of(articles, "source_name")
    # Each article links its own URL, but most share a source name and host.
    sources = as_picked(zip(names, hosts_of(column_of(articles, "source_url")), strict=True))
    described = [f"{name} {host}" for name, host in sources.distinct]
    return Haystack(PickedColumn(described, sources.base), sets=sets)
