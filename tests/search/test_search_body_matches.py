"""Which listed articles matched by their body (they get a snippet line in the reader), the
words to show there, and the line of body text around them."""

from __future__ import annotations

import pytest

from digest_tui.index import ArticleIndex
from digest_tui.search import Library, SortOrder
from digest_tui.search.snippets import opening, snippet_of

POSTS = {
    "servo.md": ("This Year in Servo", "servo", "Work by Igalia and others on the engine."),
    "igalia.md": ("Igalia Joins The Board", "news", "A consultancy with many engineers."),
    "kite.md": ("Kite Record", "news", "Igalia engineers flew a kite over the sea."),
    "notes.md": ("Unrelated Notes", "news", "Nothing to see."),
}


@pytest.fixture
def indexed(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    for name, (title, tag, body) in POSTS.items():
        (content / name).write_text(
            f"---\ntitle: {title}\ndate: 2024-01-01\ntags: [{tag}]\ndescription: A post.\n"
            f"---\n\n{body}\n",
            encoding="utf-8",
        )
    with ArticleIndex(content, db_file=tmp_path / "index.db", workers=1) as index:
        index.refresh()
        index.build_fulltext()
        articles, _problems = index.cached()
        yield Library.of(articles, fulltext=index), index


def test_body_hits_are_the_articles_matched_by_their_body_only(indexed):
    library, _index = indexed
    view = library.matching("igalia")
    # The title hit is explained by its title; the two body hits get the typed word.
    assert view.body_matches() == {"servo.md": ("igalia",), "kite.md": ("igalia",)}
    assert view.sorted_by(SortOrder.TITLE).body_matches() == view.body_matches()


def test_body_hits_are_only_listed_articles(indexed):
    library, _index = indexed
    assert library.matching("igalia tag:news").body_matches() == {"kite.md": ("igalia",)}
    assert library.matching("tag:news").body_matches() == {}
    assert library.matching("").body_matches() == {}


def test_a_body_hit_found_by_a_corrected_typo_names_the_word_found(indexed):
    library, _index = indexed
    assert library.matching("consultnacy").body_matches() == {"igalia.md": ("consultancy",)}


def test_phrases_and_long_words_are_looked_for_in_the_body(indexed):
    library, _index = indexed
    view = library.matching('"flew a kite" ig igalia')
    assert view.body_matches() == {}  # "ig" starts no title or tag word of kite.md
    assert library.matching('"flew a kite" igalia').body_matches() == {
        "kite.md": ("flew a kite", "igalia")
    }


def test_the_index_gives_the_stored_plain_text_by_path(indexed):
    _library, index = indexed
    texts = index.plain_texts(["kite.md", "missing.md", "servo.md"])
    assert texts == {
        "kite.md": "Igalia engineers flew a kite over the sea.",
        "servo.md": "Work by Igalia and others on the engine.",
    }
    assert index.plain_texts([]) == {}


def test_a_snippet_is_cut_around_the_first_hit_at_word_ends():
    body = "Intro words. " * 20 + "The kite climbed for six hours over the bay. " * 10
    line = snippet_of(body, ("kite",), width=60)
    assert line.startswith("…") and line.endswith("…")
    assert "The kite climbed" in line
    assert len(line) <= 62
    assert snippet_of(body, ("kites",)) == ""
    assert snippet_of(body, ("climbed for",)).count("climbed for") >= 1
    assert opening("Short body.") == "Short body."
    assert opening("word " * 100, width=20) == "word word word word…"


class CountingIndex:
    """The real index, counting the body searches it runs."""

    def __init__(self, index):
        self.index = index
        self.searched = []

    def search(self, terms, limit=None):
        self.searched.append(terms)
        return self.index.search(terms, limit)

    def query_of(self, terms):
        return self.index.query_of(terms)

    def body_words(self, starting):
        return self.index.body_words(starting)


def test_letters_typed_that_ask_the_index_the_same_reuse_its_answer(indexed):
    library, index = indexed
    counting = CountingIndex(index)
    typing = Library.of(list(library), fulltext=counting)
    # "engi", "engin" and "engine" all ask the index for engine or engineers: the bodies
    # are searched once for the three; "engineer" asks for engineers alone.
    typed = ("engi", "engin", "engine", "engineer")
    for text in typed:
        view = typing.matching(text).sorted_by(SortOrder.RELEVANCE)
        fresh = library.matching(text).sorted_by(SortOrder.RELEVANCE)
        assert [a.path for a in view] == [a.path for a in fresh]
        assert view.body_matches() == fresh.body_matches()
    assert counting.searched == ["engi", "engineer"]
    assert set(typing.matching("engine").body_matches()) == {"servo.md", "igalia.md", "kite.md"}
