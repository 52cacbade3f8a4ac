"""Ranking tiers: words as typed, then body words, then corrected typos, then letters
spread out in a title; typos per word by its length, numbers exact."""

import pytest

from digest_tui.index import ArticleIndex
from digest_tui.model import Article
from digest_tui.search import Library, SortOrder


def library(titles, tags=None):
    tags = tags or [()] * len(titles)
    articles = [
        Article(path=f"{n}.md", title=t, tags=tuple(tg), timestamp=float(-n))
        for n, (t, tg) in enumerate(zip(titles, tags, strict=True))
    ]
    return Library.of(articles)


def titles_of(view):
    return [article.title for article in view.sorted_by(SortOrder.RELEVANCE)]


def test_two_neighbours_swapped_count_as_one_typo():
    titles = ["Quantum Chip Ships", "Market Rally"]
    assert titles_of(library(titles).matching("qunatum")) == ["Quantum Chip Ships"]
    assert titles_of(library(["Solar Kite Record"]).matching("slaor")) == ["Solar Kite Record"]


def test_short_words_allow_one_typo_and_long_words_two():
    titles = ["Homebrew's New Signing Key", "Solar Kite Record"]
    # Two edits: "homebrew" has eight letters.
    assert titles_of(library(titles).matching("homberw")) == ["Homebrew's New Signing Key"]
    # Two edits in a five-letter word are too many.
    assert titles_of(library(titles).matching("slroa")) == []


def test_numbers_and_versions_are_matched_exactly():
    titles = ["Release 2024 Notes", "Python 3.12 Lands"]
    assert titles_of(library(titles).matching("2025")) == []
    assert titles_of(library(titles).matching("2024")) == ["Release 2024 Notes"]


def test_a_typo_is_corrected_against_tag_words_too():
    titles = ["【Elasticsearch源码解析】通信模块篇", "Market Rally"]
    view = library(titles, [("Java", "Elasticsearch"), ()]).matching("elesticsearch")
    assert titles_of(view) == ["【Elasticsearch源码解析】通信模块篇"]


def test_a_corrected_typo_ranks_above_letters_spread_out():
    titles = ["Quiet Aunts Note Their Improved Maps", "Quantum Chip Ships"]
    view = library(titles).matching("quantim")
    assert titles_of(view) == ["Quantum Chip Ships", "Quiet Aunts Note Their Improved Maps"]


def test_several_words_rank_as_typed_then_typos_then_spread_letters():
    titles = ["Kite Sky Spread Out", "Solar Kite Record", "Solra Kite Notes", "Kind Items Ten"]
    view = library(titles).matching("solar kite")
    assert titles_of(view)[:2] == ["Solar Kite Record", "Solra Kite Notes"]


@pytest.fixture
def indexed(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    posts = {
        "mit.md": ("Digital Humanities Site Launches", "A new site for the humanities."),
        "servo.md": ("This Year in Servo", "Work by Igalia and others on the engine."),
        "other.md": ("Unrelated Notes", "Nothing to see."),
    }
    for name, (title, body) in posts.items():
        (content / name).write_text(
            f"---\ntitle: {title}\ndate: 2024-01-01\n---\n\n{body}\n", encoding="utf-8"
        )
    with ArticleIndex(content, db_file=tmp_path / "index.db", workers=1) as index:
        index.refresh()
        index.build_fulltext()
        articles, _problems = index.cached()
        yield Library.of(articles, fulltext=index)


def test_a_word_in_a_body_ranks_above_letters_spread_across_a_title(indexed):
    # "dIGitAL humanItIes site lAunches" holds i-g-a-l-i-a only spread out.
    assert titles_of(indexed.matching("igalia")) == [
        "This Year in Servo",
        "Digital Humanities Site Launches",
    ]


def test_a_typo_is_corrected_from_the_bodies_words_too(indexed):
    # "Igalia" appears only in a body; two neighbours swapped are one edit.
    assert titles_of(indexed.matching("igaila"))[0] == "This Year in Servo"
    assert titles_of(indexed.matching("igaila engine")) == ["This Year in Servo"]
