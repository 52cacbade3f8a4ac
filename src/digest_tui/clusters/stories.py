"""What the clustering compares of one article: its headline's forms, its date, its
publisher and the runs of words of its description."""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from digest_tui.clusters.titles import TitleWords, core_title, title_words
from digest_tui.model import Article

SHINGLE = 4
"""Words per run of shared text."""
MIN_TEXT_WORDS = 10
"""A description shorter than this is not compared as text."""
MAX_TITLE = 400
MAX_TEXT = 2000
"""Characters of a title and a description compared: a pasted page costs no more."""
_TEXT_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Story:
    """One dated article, reduced to what tells its story."""

    path: str
    stamp: float
    core: TitleWords
    """The headline without a label in front or the publisher's name."""
    written: TitleWords | None
    """The headline as written, when that differs from its core (the two are kept as
    fields, not a tuple: a tuple per story is a million more objects)."""
    source: str
    """The publisher, folded ("" when unknown)."""
    description: str

    @property
    def forms(self) -> tuple[TitleWords, ...]:
        """The core and, when it differs, the headline as written."""
        return (self.core,) if self.written is None else (self.core, self.written)

    @property
    def as_written(self) -> TitleWords:
        """The headline as written."""
        return self.core if self.written is None else self.written

    @property
    def key(self) -> str:
        """The core's words in order, for a quick fuzzy comparison."""
        return self.core.key()

    @property
    def words(self) -> frozenset[str]:
        """Every word of every form."""
        return frozenset().union(*(form.words for form in self.forms))

    def shingles(self) -> frozenset[str]:
        """Runs of `SHINGLE` words of the description (none when it is short)."""
        words = _TEXT_WORD.findall(self.description[:MAX_TEXT].casefold())
        if len(words) < MIN_TEXT_WORDS:
            return frozenset()
        starts = (words[i:] for i in range(SHINGLE))  # the shortest ends the runs
        return frozenset(map(" ".join, zip(*starts, strict=False)))


def story_of(article: Article) -> Story | None:
    """The `Story` of `article`; None when it has no date or no title words."""
    if article.timestamp is None:
        return None
    written = article.title[:MAX_TITLE]
    stripped = core_title(written, article.source_name)
    core = title_words(stripped)
    if not core.words:
        return None
    full = core if stripped == written.strip() else title_words(written)
    # Interned: a folder has a few publishers and every story keeps one.
    source = sys.intern((article.source_name.strip() or _host(article.source_url)).casefold())
    as_written = None if full == core else full
    return Story(article.path, article.timestamp, core, as_written, source, article.description)


def _host(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


class Vocabulary:
    """How many stories use each headline word (a rare word says more than a common one),
    and which words the folder's headlines write as names.

    A word a sentence-case headline capitalises after its first word, and no headline
    writes in lower case there, is a name: "Brazil" or "Ferrobright" even where a Title
    Case headline or the first word hides it.
    """

    __slots__ = ("_counts", "_lowered", "_named", "_size")

    def __init__(self, stories: Iterable[Story] = ()) -> None:
        self._counts: Counter[str] = Counter()
        self._named: Counter[str] = Counter()
        self._lowered: Counter[str] = Counter()
        self._size = 0
        for story in stories:
            self.add(story)

    def __len__(self) -> int:
        """How many stories are counted."""
        return self._size

    def copy(self) -> Vocabulary:
        """An independent copy."""
        other = Vocabulary()
        other._counts = self._counts.copy()
        other._named = self._named.copy()
        other._lowered = self._lowered.copy()
        other._size = self._size
        return other

    def add(self, story: Story) -> None:
        """Count `story`'s words."""
        self._counts.update(story.words)
        form = story.as_written
        self._named.update(form.names)
        self._lowered.update(form.lowered)
        self._size += 1

    def remove(self, story: Story) -> None:
        """Stop counting `story`'s words."""
        self._counts.subtract(story.words)
        form = story.as_written
        self._named.subtract(form.names)
        self._lowered.subtract(form.lowered)
        self._size -= 1

    def names(self) -> frozenset[str]:
        """The words the headlines write as names and never in lower case."""
        lowered = self._lowered
        return frozenset(word for word, count in self._named.items() if count > lowered[word])

    def weigher(self) -> Callable[[str], float]:
        """The weight of a word: the log of how many stories there are per story using it."""
        counts, size, log = self._counts, self._size, math.log

        def weigh(word: str) -> float:
            return log(1 + size / max(1, counts[word]))

        return weigh
