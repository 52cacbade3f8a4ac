"""Parse the search box's query language into a plain `Query` value.

Terms combine with AND. Plain words are fuzzy; `"..."` is an exact phrase; `key:value`
terms filter by tag, date, source, title words or reader state. A leading `-` negates a
term. Bad values never raise: they are described in `Query.errors` and otherwise ignored.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

# One term: an optional `-`, then a quoted phrase, a `key:"quoted value"`, or any run of
# non-space characters. A quote left open runs to the end of the text.
_TERM = re.compile(
    r"""(?P<neg>-)?(?:
        "(?P<phrase>[^"]*)(?:"|$)
      | (?P<key>[A-Za-z]+):"(?P<quoted>[^"]*)(?:"|$)
      | (?P<word>\S+)
    )""",
    re.VERBOSE,
)

MAX_QUERY_LENGTH = 1000
"""Characters of a query that are read: a pasted page is cut here, and the query says so."""
MAX_PHRASE_WORDS = 32
"""Words all the phrases of one query hold together. Each word of a phrase is checked at
every place its body holds the word before it, so a phrase of thousands of common words
would take minutes over a large folder; beyond this the rest is left out, and said."""

STATES = ("unread", "read", "starred", "new", "draft")
"""`is:` values: reader state, and `draft` (which also lists drafts, hidden otherwise)."""

_OPPOSITE_STATE = {"read": "unread", "unread": "read"}
_BOUND = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True, slots=True)
class Query:
    """What a query asks for; every collection is lower-cased and in the order typed."""

    text: str = ""
    words: tuple[str, ...] = ()
    """Plain words, matched fuzzily against title, description and tags (all must match)."""
    excluded_words: tuple[str, ...] = ()
    """`-word`: no article whose title, description or tags contain the word."""
    phrases: tuple[str, ...] = ()
    """`"exact phrase"`: a substring of the title, description or body."""
    excluded_phrases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    excluded_tags: tuple[str, ...] = ()
    after: date | None = None
    """Inclusive lower bound on the article's calendar day."""
    before: date | None = None
    """Inclusive upper bound on the article's calendar day."""
    sources: tuple[str, ...] = ()
    """`source:x`: a substring of the source name or the source URL's host."""
    excluded_sources: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    """`title:x`: a substring of the title."""
    excluded_titles: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    """`category:x`: one of the article's categories, case-insensitively."""
    excluded_categories: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    """`year:2025`: dated in that year."""
    excluded_years: tuple[int, ...] = ()
    states: tuple[str, ...] = ()
    """`is:` values the article must have: read, unread, starred, new, draft."""
    excluded_states: tuple[str, ...] = ()
    errors: tuple[str, ...] = field(default=(), compare=False)
    """One readable sentence per term that was ignored because its value was bad."""

    @property
    def ranks(self) -> bool:
        """True when relevance can order the matches: the query has plain words (phrases
        and `key:value` terms only say which articles match)."""
        return bool(self.words)

    @property
    def is_empty(self) -> bool:
        """True when the query filters nothing (errors alone do not count)."""
        return not any(
            (
                self.words,
                self.excluded_words,
                self.phrases,
                self.excluded_phrases,
                self.tags,
                self.excluded_tags,
                self.after,
                self.before,
                self.sources,
                self.excluded_sources,
                self.titles,
                self.excluded_titles,
                self.categories,
                self.excluded_categories,
                self.years,
                self.excluded_years,
                self.states,
                self.excluded_states,
            )
        )


class _Builder:
    """Collects terms while the text is scanned; `build()` freezes them into a `Query`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lists: dict[str, list] = {}
        self.after: date | None = None
        self.before: date | None = None
        self.errors: list[str] = []
        self.phrase_words = 0

    def add(self, name: str, value: str | int) -> None:
        values = self.lists.setdefault(name, [])
        if value not in values:
            values.append(value)

    def build(self) -> Query:
        lists = {name: tuple(values) for name, values in self.lists.items()}
        return Query(
            text=self.text,
            after=self.after,
            before=self.before,
            errors=tuple(self.errors),
            **lists,
        )


def parse_query(text: str) -> Query:
    """Parse `text` into a `Query`; never raises, whatever the text holds."""
    builder = _Builder(text)
    if len(text) > MAX_QUERY_LENGTH:
        builder.errors.append(
            f"the query is {len(text):,} characters long; a query holds at most "
            f"{MAX_QUERY_LENGTH:,}"
        )
    for match in _TERM.finditer(text, 0, MAX_QUERY_LENGTH):
        negated = match["neg"] is not None
        if match["phrase"] is not None:
            _add_phrase(builder, match["phrase"], negated)
        elif match["key"] is not None:
            _add_keyed(builder, match["key"].lower(), match["quoted"], negated, match[0])
        else:
            _add_word(builder, match["word"], negated, match[0])
    return builder.build()


def _add_phrase(builder: _Builder, phrase: str, negated: bool) -> None:
    words = phrase.lower().split()
    room = MAX_PHRASE_WORDS - builder.phrase_words
    if len(words) > room:
        start = " ".join(words[:4]) + (" …" if len(words) > 4 else "")
        builder.errors.append(f'"{start}": phrases hold at most {MAX_PHRASE_WORDS} words in all')
        words = words[:room]
    if words:
        builder.phrase_words += len(words)
        builder.add("excluded_phrases" if negated else "phrases", " ".join(words))


def _add_word(builder: _Builder, word: str, negated: bool, raw: str) -> None:
    key, colon, value = word.partition(":")
    if colon and key.lower() in _KEYED_TERMS:
        _add_keyed(builder, key.lower(), value, negated, raw)
        return
    word = word.lower()
    if word == "-":
        return  # a "-" typed before its word is not a term yet
    builder.add("excluded_words" if negated else "words", word)


def _add_keyed(builder: _Builder, key: str, value: str, negated: bool, raw: str) -> None:
    handler = _KEYED_TERMS.get(key)
    if handler is None:
        # An unknown `foo:"bar baz"` is searched as its plain words.
        for word in f"{key}:{value}".split():
            _add_word(builder, word, negated, raw)
        return
    value = " ".join(value.split())
    if not value:
        builder.errors.append(f"{raw!r}: {key}: needs a value")
        return
    handler(builder, value, negated, raw)


def _text_term(plural: str):
    def add(builder: _Builder, value: str, negated: bool, raw: str) -> None:
        builder.add(f"excluded_{plural}" if negated else plural, value.lower())

    return add


def _state_term(builder: _Builder, value: str, negated: bool, raw: str) -> None:
    state = value.lower()
    if state not in STATES:
        builder.errors.append(f"{raw!r}: is: takes one of {', '.join(STATES)}")
        return
    if negated and state in _OPPOSITE_STATE:
        state, negated = _OPPOSITE_STATE[state], False
    builder.add("excluded_states" if negated else "states", state)


def _date_term(bound: str):
    def add(builder: _Builder, value: str, negated: bool, raw: str) -> None:
        if negated:
            builder.errors.append(f"{raw!r}: a date bound cannot be negated")
            return
        try:
            day = first_day(value) if bound == "after" else last_day(value)
        except DateBoundError as error:
            builder.errors.append(f"{raw!r}: {error}")
            return
        if bound == "after":
            builder.after = day if builder.after is None else max(builder.after, day)
        else:
            builder.before = day if builder.before is None else min(builder.before, day)

    return add


def _year_term(builder: _Builder, value: str, negated: bool, raw: str) -> None:
    if not (len(value) == 4 and value.isdigit()):
        builder.errors.append(f"{raw!r}: year: takes a year such as 2025")
        return
    builder.add("excluded_years" if negated else "years", int(value))


_KEYED_TERMS = {
    "tag": _text_term("tags"),
    "category": _text_term("categories"),
    "year": _year_term,
    "source": _text_term("sources"),
    "title": _text_term("titles"),
    "is": _state_term,
    "after": _date_term("after"),
    "before": _date_term("before"),
}


# Date bounds as typed in queries: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.


class DateBoundError(ValueError):
    """A date bound that is not a real calendar day, month or year."""


def first_day(text: str) -> date:
    """The first calendar day `text` covers: `2025-03` gives 2025-03-01."""
    year, month, day = _parts(text)
    return _make(year, month or 1, day or 1)


def last_day(text: str) -> date:
    """The last calendar day `text` covers: `2025-02` gives 2025-02-28."""
    year, month, day = _parts(text)
    month = month or 12
    if day is None and 1 <= month <= 12 and 1 <= year <= 9999:
        day = calendar.monthrange(year, month)[1]
    return _make(year, month, day or 31)


def _parts(text: str) -> tuple[int, int | None, int | None]:
    match = _BOUND.fullmatch(text.strip())
    if match is None:
        raise DateBoundError("expected a date like 2025-06-30, 2025-06 or 2025")
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def _make(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateBoundError(f"{year:04d}-{month:02d}-{day:02d} is not a calendar day") from None
