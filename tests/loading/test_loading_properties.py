"""Property tests: no input makes the parser or the normaliser raise."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest_tui.loading import parse_article
from digest_tui.loading.fields import Notes
from digest_tui.loading.normalise import build_article
from digest_tui.model import Article, LoadedArticle, Problem

FENCES = st.sampled_from(["---\n", "+++\n", "{", "", "\ufeff---\n", "---\r\n"])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes_give_an_article_or_a_problem(data):
    assert isinstance(parse_article("x.md", data), LoadedArticle | Problem)


@settings(max_examples=300)
@given(FENCES, st.text(max_size=400), st.sampled_from(["---\n", "+++\n", "}\n", ""]))
def test_random_fenced_text_gives_an_article_or_a_problem(opening, middle, closing):
    data = (opening + middle + "\n" + closing + "body").encode("utf-8", "surrogatepass")
    for fast in (True, False):
        assert isinstance(parse_article("x.md", data, fast=fast), LoadedArticle | Problem)


scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=50)
    | st.dates()
    | st.datetimes(timezones=st.none() | st.timezones())
)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=20,
)
keys = st.sampled_from(
    [
        "title",
        "date",
        "pubDatetime",
        "published",
        "tags",
        "draft",
        "description",
        "author",
        "taxonomies",
        "path",
        "cover",
        "featured",
        "modDatetime",
        "newstitle",
        "FAtags",
        "x",
    ]
)


@settings(max_examples=500)
@given(st.dictionaries(keys, values, max_size=10), st.text(max_size=300))
def test_random_frontmatter_mappings_normalise(meta, body):
    article = build_article("dir/2020-01-01-post.md", meta, body, Notes())
    assert isinstance(article, Article)
    assert article.title
    assert all(isinstance(tag, str) and tag for tag in article.tags)
    if article.date is not None:
        assert article.timestamp is not None
        dt.date.fromisoformat(article.date[:10])
