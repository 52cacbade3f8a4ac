"""A view's facet counts, unread counts and days (what the sidebar and the timeline show)
agree with counting the view's own articles one by one, whatever the view."""

from __future__ import annotations

from collections import Counter
from datetime import date
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.facets import FACETS, count_facet, host_of, hosts_of
from digest_tui.model import Article
from digest_tui.search import Library
from digest_tui.state.snapshot import StateSnapshot

pytestmark = pytest.mark.usefixtures("both_set_builders")

NAMES = ["AI", "ai", "Chips", "release", "Release", "Q&A", "日本"]
URLS = ["", "https://www.wire.example/a", "http://WIRE.example:8080/b", "not a url", "//cdn.x/y"]
DAYS = ["", "2024-12-31", "2025-01-01", "2025-01-01", "2025-11-20T08:00:00Z"]


@st.composite
def articles(draw) -> list[Article]:
    count = draw(st.integers(0, 30))
    made = []
    for number in range(count):
        day = draw(st.sampled_from(DAYS))
        made.append(
            Article(
                path=f"{number}.md",
                title=draw(st.sampled_from(["Solar kite", "Chip news", "Kite chips"])),
                date=day or None,
                timestamp=float(number) if day else None,
                tags=tuple(draw(st.lists(st.sampled_from(NAMES), max_size=3))),
                categories=tuple(draw(st.lists(st.sampled_from(NAMES), max_size=2))),
                source_name=draw(st.sampled_from(["", "Orbital Wire", "orbital wire"])),
                source_url=draw(st.sampled_from(URLS)),
                draft=draw(st.booleans()),
            )
        )
    return made


def by_value(counts) -> dict[str, tuple[int, int | None]]:
    return {c.value.casefold(): (c.count, c.unread) for c in counts}


@settings(max_examples=60, deadline=None)
@given(articles(), st.sampled_from(["", "kite", "tag:ai", "chips year:2025"]), st.data())
def test_counts_of_a_view_are_those_of_its_articles(found, query, data):
    read = data.draw(st.sets(st.sampled_from([a.path for a in found] or ["none.md"])))
    state = StateSnapshot(read=frozenset(read))
    view = Library.of(found, state=state).matching(query)
    listed = list(view.articles)
    for facet in FACETS:
        if facet == "tags":
            continue
        expected = count_facet(listed, facet, state.is_read)
        assert by_value(view.facet_counts(facet)) == by_value(expected), facet
    tags = count_facet(listed, "tags", state.is_read)
    assert {c.tag.casefold(): (c.count, c.unread) for c in view.tag_counts()} == by_value(tags)
    assert view.unread_count() == sum(1 for a in listed if a.path not in read)
    assert view.day_counts() == Counter(a.day for a in listed if a.day)
    assert list(view.days) == [a.day for a in listed]


BOUNDS = [None, date(2024, 12, 31), date(2025, 1, 1), date(2025, 11, 20), date(2026, 1, 1)]


@settings(max_examples=60, deadline=None)
@given(articles(), st.sampled_from(BOUNDS), st.sampled_from(BOUNDS))
def test_a_date_range_keeps_the_articles_dated_within_it(found, after, before):
    view = Library.of(found).with_drafts(True).dated(after, before)
    low, high = after.isoformat() if after else "", before.isoformat() if before else "9"
    expected = {a.path for a in found if a.day and low <= a.day <= high}
    if after is None and before is None:  # no range given: nothing is left out
        expected = {a.path for a in found}
    assert {a.path for a in view.articles} == expected


def test_counts_follow_read_marks_once_the_view_is_taken_again():
    found = [Article(path=f"{n}.md", title="t", categories=("News",)) for n in range(3)]
    read: set[str] = set()

    class State(StateSnapshot):
        def read_paths(self):
            return frozenset(read)

        def is_read(self, path):
            return path in read

    view = Library.of(found, state=State())
    assert view.facet_counts("categories")[0].unread == 3
    read.add("1.md")
    assert view.again().facet_counts("categories")[0].unread == 2
    assert view.again().unread_count() == 2


@given(st.sampled_from(URLS + ["https://user:pw@Host.Example/x?q#f", "ftp://[::1]:21/", "a@b"]))
def test_a_source_host_is_the_one_a_url_parser_finds(url):
    assert host_of(url) == (urlsplit(url.strip()).hostname or "")


PIECES = [
    "https:",
    "//",
    "www.",
    "Wire.example",
    ":8080",
    "/a",
    "?q",
    "#f",
    "user@",
    "[::1]",
    " ",
    "\n",
    "\t",
    "ftp",
    "x",
    "@",
    "/",
    "\u00e9",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=6).map("".join), max_size=8))
def test_the_hosts_of_many_urls_at_once_are_each_ones_host(urls):
    assert hosts_of(urls) == [host_of(url) for url in urls]


def test_a_tag_given_twice_leaves_the_next_tags_names_alone():
    found = [Article(path="0.md", title="t", tags=("AI", "ai", "Chips"))]
    assert [(c.tag, c.count) for c in Library.of(found).tag_counts()] == [("AI", 1), ("Chips", 1)]
