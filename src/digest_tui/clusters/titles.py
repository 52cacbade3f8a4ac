"""A headline reduced to what tells its story: the words, numbers and names it holds.

Publishers dress one story differently: a label in front ("Report:", "[Video]"), their
name or an attribution at the end (" - Reuters", ", sources say", "(Bloomberg)"), their
own house case. `core_title` takes those off; `title_words` turns either form into
comparable words (case folded, light stemming, synonyms of an event verb merged), and says
which of them are numbers or names, where a look-alike story differs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from digest_tui.clusters.lexicon import EVENT_VERBS, STOP_WORDS

_LABEL = re.compile(r"^\s*(?:\[[^\]]{1,40}\]|\([^)]{1,40}\)|(?:[^\s:]+\s){0,2}[^\s:]+:)\s+")
"""A label in front: a bracketed tag, or up to three words before a colon."""
_TRAILER = re.compile(r"\s+(?:[-–—|·•:]+|::)\s+([^-–—|·•]{1,60})$")
"""A publisher's name after a spaced dash, bar or bullet."""
_ATTRIBUTION = re.compile(
    r"(?:,|\s[-–—])\s*(?:[^,]{0,40}\s)?"
    r"(?:says?|said|reports?|reported|claims?|confirms?|according\s+to|per|via)"
    r"(?:\s[^,]{0,40})?$",
    re.IGNORECASE,
)
"""A closing clause that says who reports it: ", report says", ", according to X"."""
_ACCORDING = re.compile(r"\s+(?:according\s+to|via|per)\s+[^,]{1,40}$", re.IGNORECASE)
_DRESSED = re.compile(
    r"[:\[\](),|·•–—]|\s-+\s|\b(?:says?|said|reports?|reported|claims?|confirms?|according|per|via)\b",
    re.IGNORECASE,
)
"""Anything a label, attribution or publisher's trailer needs: most headlines have none."""
_PARENTHESIS = re.compile(r"\s*[(\[][^)\]]{1,40}[)\]]\s*$")
_WORD = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_DIGIT = re.compile(r"\d")
_INNER_CAPITAL = re.compile(r".\w*[A-Z]")
_POSSESSIVE = re.compile(r"['’]s$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
MAX_TRAILER_WORDS = 4
MIN_CORE_WORDS = 3
"""A label or trailer is taken off only when this many words remain."""


@dataclass(frozen=True, slots=True)
class TitleWords:
    """The comparable words of one form of a headline."""

    words: tuple[str, ...]
    """Sorted, each once (tuples: a story keeps these for as long as it is listed)."""
    numbers: tuple[str, ...]
    names: tuple[str, ...]
    """Words that name something: inner or all capitals (iPhone, NASA), letters with
    digits (M3), or a capital mid-sentence in a sentence-case title."""
    lowered: tuple[str, ...] = ()
    """Words written in lower case after the first word of a sentence-case title: not
    names (with `names`, what `Vocabulary` learns the folder's names from)."""
    events: tuple[str, ...] = ()
    """The event each event verb names ("unveils", "launches": one event)."""

    def key(self) -> str:
        """The words in a fixed order: a string to compare fuzzily."""
        return " ".join(self.words)


def core_title(title: str, source: str = "") -> str:
    """`title` without a label in front, an attribution or publisher at the end, or the
    name of its own `source`; the title itself when too little would remain."""
    text = unicodedata.normalize("NFKC", title).strip()
    if source:
        text = _without_source(text, source)
    if not _DRESSED.search(text):
        return text
    for _ in range(2):
        text = _strip(_LABEL, text, front=True)
    for _ in range(2):
        text = _strip(_ATTRIBUTION, text)
        text = _strip(_ACCORDING, text)
        text = _strip(_PARENTHESIS, text)
        text = _strip(_TRAILER, text, limit=MAX_TRAILER_WORDS)
    return text


def _strip(pattern: re.Pattern[str], text: str, front: bool = False, limit: int = 8) -> str:
    found = pattern.search(text)
    if found is None:
        return text
    part = found.group(0)
    if _DIGIT.search(part):
        return text  # a number is a fact of the story, not dress
    rest = text[found.end() :] if front else text[: found.start()]
    if len(part.split()) > limit + 1 or len(_WORD.findall(rest)) < MIN_CORE_WORDS:
        return text
    return rest.strip()


def _without_source(text: str, source: str) -> str:
    name = source.strip()
    if not name or name.casefold() not in text.casefold():
        return text
    name = re.escape(name)
    shorter = re.sub(rf"(?i)(?:^|\s)(?:the\s)?{name}(?:['’]s)?(?=\s|$|[:,.])", " ", text).strip()
    return shorter if len(_WORD.findall(shorter)) >= MIN_CORE_WORDS else text


def title_words(text: str) -> TitleWords:
    """The words of `text` as `TitleWords`."""
    found = list(map(_token, _WORD.findall(text)))
    if not found:
        return TitleWords((), (), ())
    words = set().union(*[token.words for token in found])
    numbers = [token.number for token in found if token.number]
    events = [token.event for token in found if token.event]
    # Title Case capitalises every word that is not a function word; sentence case
    # leaves some in lower case, and its capitals then mark names.
    sentence_case = any(not token.capital for token in found[1:] if token.long and token.words)
    shouting = text.upper() == text
    names = [
        word
        for position, token in enumerate(found)
        if token.mixed
        or (not shouting and (token.inner or (sentence_case and position and token.capital)))
        for word in token.words
    ]
    lowered = [
        word
        for token in (found[1:] if sentence_case else ())
        if not token.capital
        for word in token.words
    ]
    return TitleWords(
        _sorted(words),
        _shared(_sorted(numbers)),
        _shared(_sorted(names)),
        _shared(_sorted(lowered)),
        _shared(_sorted(events)),
    )


def _sorted(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words))) if words else ()


@lru_cache(maxsize=1 << 14)
def _shared(words: tuple[str, ...]) -> tuple[str, ...]:
    """One tuple for equal words: a story keeps its words for as long as it is listed, and
    a folder's headlines repeat their names, event verbs and lower-case words far more
    often than their whole set of words (which is not shared)."""
    return words


@dataclass(frozen=True, slots=True)
class _Token:
    """What one written word contributes to a headline's words."""

    words: tuple[str, ...]
    number: str = ""
    event: str = ""
    mixed: bool = False
    """Digits among letters (M3): a name however the title is cased."""
    inner: bool = False
    """Capitals after the first letter (iPhone, NASA): a name unless the title shouts."""
    capital: bool = False
    long: bool = False
    """Four letters or more: counts when telling sentence case from title case."""


@lru_cache(maxsize=1 << 16)
def _token(token: str) -> _Token:
    if _NUMBER.fullmatch(token):
        number = token.replace(",", "")
        return _Token((number,), number=number)
    words: list[str] = []
    event = ""
    for piece in _pieces(token):
        folded = _POSSESSIVE.sub("", piece.casefold())
        if folded in STOP_WORDS:
            continue
        stem = _stem(folded)
        found = _EVENTS.get(folded) or _EVENTS.get(stem)
        if found is not None:
            event = stem = found
        words.append(stem)
    mixed = _DIGIT.search(token) is not None
    inner = _INNER_CAPITAL.search(token) is not None
    long = len(token) >= 4 and token.isalpha()
    return _Token(tuple(words), "", event, mixed, inner, token[:1].isupper(), long)


def _pieces(token: str) -> list[str]:
    """Words of one token: CJK runs, which have no spaces, as overlapping pairs."""
    if len(token) < 3 or not _CJK.search(token):
        return [token]
    return [token[i : i + 2] for i in range(len(token) - 1)]


def _stem(word: str) -> str:
    """`launches`, `launched`, `launching` and `launch` as one word."""
    if len(word) <= 4 or not word.isascii():
        return word
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and not word.endswith("ss") and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


_EVENTS = {
    form: group
    for group, forms in EVENT_VERBS.items()
    for word in forms.split()
    for form in (word, _stem(word))
}
"""Each event verb, as written and stemmed, to its event."""
