"""Per-keystroke fuzzy queries, a substring floor, and full-text queries, on a warm cache."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from benchmarks import subject
from benchmarks.timing import emit


def prefixes(queries: list[str]) -> list[str]:
    """Every prefix a user types on the way to each query ("k", "ki", "kit", "kite")."""
    return [query[:end] for query in queries for end in range(1, len(query) + 1)]


def time_each(work, items: list[str], repeat: int = 1) -> list[float]:
    """Seconds for `work(item)`, once per item per repeat."""
    samples = []
    for _ in range(repeat):
        for item in items:
            start = time.perf_counter()
            work(item)
            samples.append(time.perf_counter() - start)
    return samples


def substring_floor(titles: list[str]):
    """A plain lower-cased substring filter over `titles`, the cheapest possible search."""
    lowered = [title.lower() for title in titles]

    def run(text: str) -> int:
        needle = text.lower()
        return sum(1 for title in lowered if needle in title)

    return run


def ui_filter(library):
    """What the reader does per keystroke: the relevance view, its count, the first rows."""
    from digest_tui.search import SortOrder

    def run(text: str) -> int:
        order = SortOrder.RELEVANCE if text else SortOrder.NEWEST
        articles = library.matching(text).sorted_by(order).articles
        _first_rows = articles[:50]
        return len(articles)

    return run


WORD_INDEX_SECONDS: list[float] = []
"""How long each `Library.index_words()` took (reported as a row of its own)."""


def prepared(library):
    """`library` as the reader's index worker leaves it: after `Library.prepare()` (run
    right after the list is shown) and `Library.index_words()` (after the changed-file
    check); older libraries lack one or both."""
    prepare = getattr(library, "prepare", None)
    if prepare is not None:
        prepare()
    index_words = getattr(library, "index_words", None)
    if index_words is not None:
        start = time.perf_counter()
        index_words()
        WORD_INDEX_SECONDS.append(time.perf_counter() - start)
    return library


def typed_afresh(make_work, articles: list, index, typed: list[str], repeat: int) -> list[float]:
    """Per-keystroke seconds, each repeat typing into a new prepared library.

    The search layer remembers recent searches; typing the same queries again into the same
    library would time those memories, not the search a user waits for.
    """
    samples: list[float] = []
    for _ in range(repeat):
        library = prepared(subject.make_library(articles, index))
        samples += time_each(make_work(library), typed)
    return samples


LONG_PHRASE = '"' + ("the " * 25_000)[:100_000] + '"'
"""A pasted 100 KB quoted phrase of the commonest word: the worst phrase for a body search."""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--words", required=True)
    parser.add_argument("--titles-out", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    index = subject.open_index(args.folder)
    articles, _problems = index.cached()
    titles = [article.title for article in articles]
    args.titles_out.write_text("\n".join(t.replace("\n", " ") for t in titles) + "\n")
    typed = prefixes(args.queries.split(","))
    result = {"keystrokes": len(typed), "articles": len(articles)}
    result["substring"] = time_each(substring_floor(titles), typed, args.repeat)
    if subject.make_library(articles[:1], index) is not None:
        fuzzy = lambda library: lambda text: subject.fuzzy(library, text)  # noqa: E731
        result["fuzzy"] = typed_afresh(fuzzy, articles, index, typed, args.repeat)
        result["ui_filter"] = typed_afresh(ui_filter, articles, index, typed, args.repeat)
        result["long_phrase"] = typed_afresh(ui_filter, articles, index, [LONG_PHRASE], 1)
    if WORD_INDEX_SECONDS:
        result["word_index"] = WORD_INDEX_SECONDS
    words = args.words.split(",")
    result["fulltext"] = time_each(lambda w: subject.fulltext_search(index, w), words, args.repeat)
    result["fulltext_hits"] = {w: subject.fulltext_search(index, w, 1000000) for w in words}
    emit(result)


if __name__ == "__main__":
    main()
