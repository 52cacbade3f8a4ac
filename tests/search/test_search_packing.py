"""Preparing every article's text at once gives what preparing each one alone gives."""

from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.article_columns import ArticleColumns, TextColumn
from digest_tui.model import Article
from digest_tui.search.engine.catalog import newest_first
from digest_tui.search.engine.haystack import pack_tags
from digest_tui.search.engine.packing import (
    Normalised,
    normalise,
    normalise_all,
    spaced_words,
    spaced_words_of,
)
from digest_tui.search.engine.tag_names import packed_tags

# Letters that change length or word-ness when lower-cased, separators, punctuation.
TRICKY = "aZ_9 -.,\n\r\x00\x01İΣσςÉé’—ǅß\u0301"
texts = st.text(alphabet=st.sampled_from(TRICKY) | st.characters(), max_size=12)


def words_of(spaced: str) -> list[str]:
    return spaced.split()


@settings(max_examples=300)
@given(st.lists(texts, max_size=6))
def test_normalising_all_values_at_once_equals_one_by_one(values):
    assert normalise_all(values) == [normalise(value) for value in values]


@settings(max_examples=100)
@given(st.lists(texts, max_size=30), st.integers(1, 7), st.integers(-35, 35))
def test_values_normalised_as_they_are_read_equal_those_normalised_at_once(values, block, at):
    read = Normalised(values, block)  # blocks that end anywhere, one value or several
    expected = [normalise(value) for value in values]
    assert len(read) == len(values) and list(read) == expected
    assert read[at:] == expected[at:]
    if -len(values) <= at < len(values):
        assert read[at] == expected[at]


@settings(max_examples=300)
@given(st.lists(texts, max_size=6))
def test_spacing_words_at_once_keeps_each_values_words(values):
    lowered_first = spaced_words(values, lower_first=True)
    lowered_after = spaced_words(values, lower_first=False)
    assert len(lowered_first) == len(lowered_after) == len(values)
    for value, first, after in zip(values, lowered_first, lowered_after, strict=True):
        assert words_of(first) == words_of(spaced_words_of(normalise(value)))
        assert words_of(after) == words_of(normalise(spaced_words_of(value)))
        for spaced in (first, after):
            assert spaced.startswith(" ") and spaced.endswith(" ")
            assert "\n" not in spaced and "\x00" not in spaced


ascii_texts = st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=12)


@settings(max_examples=300)
@given(st.lists(ascii_texts, max_size=6))
def test_spacing_ascii_words_at_once_keeps_each_values_words(values):
    for lower_first in (True, False):
        spaced = spaced_words(values, lower_first=lower_first)
        assert len(spaced) == len(values)
        for value, words in zip(values, spaced, strict=True):
            assert words.startswith(" ") and words.endswith(" ")
            assert words_of(words) == words_of(spaced_words_of(normalise(value)))


@settings(max_examples=200)
@given(st.lists(st.lists(texts, max_size=3).map(tuple), max_size=5))
def test_packing_all_articles_tags_at_once_equals_one_by_one(tags):
    assert packed_tags(tags) == [pack_tags([normalise(t) for t in article]) for article in tags]


def test_a_title_word_joined_by_punctuation_is_found_at_its_start():
    assert spaced_words(["AI-powered Kites, tested"], lower_first=True)[0].split() == [
        "ai",
        "powered",
        "kites",
        "tested",
    ]


stamps = st.one_of(st.none(), st.sampled_from([0.0, 1.0, 2.5, -3.0]))


@settings(max_examples=200)
@given(st.lists(st.tuples(st.sampled_from("abcde"), stamps), max_size=8, unique_by=lambda p: p[0]))
def test_newest_first_puts_undated_last_and_breaks_ties_by_path(pairs):
    articles = [Article(path=path, title=path, timestamp=stamp) for path, stamp in pairs]

    def key(article):
        stamp = article.timestamp
        return (stamp is None, -stamp if stamp is not None else 0.0, article.path)

    assert newest_first(articles) == tuple(sorted(articles, key=key))


@settings(max_examples=200)
@given(st.lists(st.tuples(st.sampled_from("abcde"), stamps), max_size=8, unique_by=lambda p: p[0]))
def test_articles_listed_in_order_already_keep_it_and_any_other_order_is_sorted(pairs):
    articles = [Article(path=path, title=path, timestamp=stamp) for path, stamp in pairs]
    listed = newest_first(articles)
    assert newest_first(list(listed)) == listed
    assert newest_first(list(reversed(listed))) == listed


def _paths_as_bytes(articles: list[Article]) -> ArticleColumns:
    """The articles kept as a command's warm start keeps them: paths as UTF-8 bytes."""
    columns: list = [list(values) for values in zip(*articles, strict=True)]
    number = Article._fields.index("path")
    columns[number] = TextColumn.of(columns[number])
    return ArticleColumns(columns)


@settings(max_examples=200)
@given(
    st.lists(
        st.tuples(st.sampled_from("abcdefgh"), stamps),
        min_size=1,
        max_size=8,
        unique_by=lambda p: p[0],
    )
)
def test_columns_in_order_are_kept_and_any_other_order_is_sorted(pairs):
    articles = [Article(path=path, title=path, timestamp=stamp) for path, stamp in pairs]
    listed = list(newest_first(articles))
    assert list(newest_first(_paths_as_bytes(listed))) == listed
    assert list(newest_first(_paths_as_bytes(listed[::-1]))) == listed
