"""The Library filtered view: tags, dates, queries, sorting, drafts and tag counts."""

from datetime import date

from digest_tui.model import Article
from digest_tui.search import Library, SortOrder, TagCount


def article(path, title, day=None, tags=(), **fields):
    stamp = None
    if day is not None:
        stamp = float(date.fromisoformat(day).toordinal())
    return Article(path=path, title=title, date=day, timestamp=stamp, tags=tags, **fields)


ARTICLES = [
    article("kite.md", "Solar Kite Sets Altitude Record", "2025-03-10", ("Space", "Energy")),
    article("kitchen.md", "Kitchen Robots Kick Off Trade Show Season", "2025-04-02", ("AI",)),
    article("chips.md", "Chip Makers Rally", "2025-01-01", ("ai", "Markets")),
    article("coins.md", "Token Prices Slide", "2025-06-30", ("Crypto", "Markets")),
    article("nodate.md", "an Undated Note", None, ("AI",)),
    article("draft.md", "Draft About Kites", "2025-05-05", ("Space",), draft=True),
    article(
        "wire.md",
        "Ports Reopen",
        "2025-02-14",
        ("Trade",),
        description="Shipping resumes after the storm.",
        source_name="Reuters",
        source_url="https://www.reuters.com/world/ports",
    ),
]


def paths(library):
    return [a.path for a in library]


class FakeFullText:
    def __init__(self, hits):
        self.hits = hits
        self.asked = []

    def search(self, terms, limit=None):
        self.asked.append(terms)
        return dict(self.hits.get(terms, {}))

    def query_of(self, terms):
        return terms


class FakeState:
    def __init__(self, read=(), starred=(), new=()):
        self.read, self.starred, self.new = set(read), set(starred), set(new)

    def is_read(self, path):
        return path in self.read

    def read_paths(self):
        return set(self.read)

    def is_starred(self, path):
        return path in self.starred

    def is_new(self, path):
        return path in self.new


def test_default_view_is_newest_first_without_drafts_and_undated_last():
    library = Library.of(ARTICLES)
    assert paths(library) == [
        "coins.md",
        "kitchen.md",
        "kite.md",
        "wire.md",
        "chips.md",
        "nodate.md",
    ]
    assert library.total == 6 and len(library) == 6


def test_is_draft_lists_only_drafts_even_where_drafts_are_hidden():
    library = Library.of(ARTICLES)
    assert paths(library.matching("is:draft")) == ["draft.md"]
    assert paths(library.matching("kites is:draft")) == ["draft.md"]
    assert "draft.md" not in paths(library.with_drafts(True).matching("-is:draft"))
    assert library.matching("is:draft").query_errors == ()


def test_drafts_are_shown_only_when_asked_for():
    library = Library.of(ARTICLES).with_drafts(True)
    assert "draft.md" in paths(library)
    assert library.total == 7
    assert "draft.md" not in paths(library.with_drafts(False))


def test_several_tags_must_all_be_present_ignoring_case():
    library = Library.of(ARTICLES)
    assert paths(library.tagged("AI", "markets")) == ["chips.md"]
    assert paths(library.tagged("ai").tagged("MARKETS")) == ["chips.md"]
    assert library.tagged("ai", "markets").tags == ("AI", "Markets")


def test_untagged_drops_a_tag_filter_and_without_tags_excludes():
    library = Library.of(ARTICLES).tagged("markets", "ai")
    assert paths(library.untagged("AI")) == ["coins.md", "chips.md"]
    assert paths(Library.of(ARTICLES).without_tags("markets", "ai")) == ["kite.md", "wire.md"]
    assert paths(Library.of(ARTICLES).matching("-tag:markets -tag:AI")) == ["kite.md", "wire.md"]


def test_date_range_is_inclusive_and_leaves_out_undated_articles():
    library = Library.of(ARTICLES).dated(date(2025, 1, 1), date(2025, 3, 10))
    assert paths(library) == ["kite.md", "wire.md", "chips.md"]
    assert paths(Library.of(ARTICLES).matching("after:2025-04 before:2025-06")) == [
        "coins.md",
        "kitchen.md",
    ]


def test_sort_orders_put_undated_articles_last():
    library = Library.of(ARTICLES)
    assert paths(library.sorted_by(SortOrder.OLDEST)) == [
        "chips.md",
        "wire.md",
        "kite.md",
        "kitchen.md",
        "coins.md",
        "nodate.md",
    ]
    titles = [a.title for a in library.sorted_by(SortOrder.TITLE)]
    assert titles == sorted(titles, key=str.casefold)
    assert titles[0] == "an Undated Note"


def test_relevance_ranks_title_matches_and_falls_back_to_newest_without_words():
    library = Library.of(ARTICLES).sorted_by(SortOrder.RELEVANCE)
    assert paths(library.matching("kite")) == ["kite.md", "kitchen.md"]
    assert paths(library.matching("tag:markets")) == ["coins.md", "chips.md"]


def test_query_terms_combine_with_and():
    library = Library.of(ARTICLES)
    assert paths(library.matching("tag:ai rally")) == ["chips.md"]
    assert paths(library.matching('source:reuters "resumes after"')) == ["wire.md"]
    assert paths(library.matching("source:REUTERS.com title:ports")) == ["wire.md"]
    assert paths(library.matching("title:ports -ports")) == []
    assert paths(library.matching("kite -robots")) == ["kite.md"]


def test_query_errors_are_reported_and_the_rest_still_applies():
    library = Library.of(ARTICLES).matching("after:soon tag:crypto")
    assert paths(library) == ["coins.md"]
    assert len(library.query_errors) == 1 and "after:soon" in library.query_errors[0]


def test_tag_counts_are_faceted_over_the_current_matches():
    library = Library.of(ARTICLES)
    assert library.tag_counts()[:2] == [TagCount("AI", 3), TagCount("Markets", 2)]
    narrowed = library.tagged("markets")
    assert narrowed.tag_counts() == [
        TagCount("Markets", 2),
        TagCount("AI", 1),
        TagCount("Crypto", 1),
    ]
    assert [c.tag for c in library.matching("kite").tag_counts()] == ["AI", "Energy", "Space"]


def test_tag_counts_include_unread_counts_with_reader_state():
    state = FakeState(read={"chips.md"})
    counts = {c.tag: c for c in Library.of(ARTICLES, state=state).tag_counts()}
    assert counts["AI"] == TagCount("AI", 3, unread=2)


def test_body_matches_come_after_words_and_before_scattered_letters_by_rank():
    fulltext = FakeFullText({"kite": {"coins.md": 2.0, "wire.md": 5.0, "kite.md": 9.0}})
    library = Library.of(ARTICLES, fulltext=fulltext).sorted_by(SortOrder.RELEVANCE)
    # "Kitchen Robots Kick Off Trade Show" holds k-i-t-e only spread out.
    assert paths(library.matching("kite")) == ["kite.md", "wire.md", "coins.md", "kitchen.md"]
    assert fulltext.asked == ["kite"]


def test_phrases_are_also_looked_for_in_bodies():
    fulltext = FakeFullText({'"tethered wing"': {"chips.md": 1.0}})
    library = Library.of(ARTICLES, fulltext=fulltext)
    assert paths(library.matching('"tethered wing"')) == ["chips.md"]
    assert "chips.md" not in paths(library.matching('-"tethered wing"'))


def test_state_terms_filter_with_the_reader_state():
    state = FakeState(read={"kite.md", "coins.md"}, starred={"kite.md"}, new={"wire.md"})
    library = Library.of(ARTICLES, state=state)
    assert paths(library.matching("is:read")) == ["coins.md", "kite.md"]
    assert paths(library.matching("is:unread tag:markets")) == ["chips.md"]
    assert paths(library.matching("is:starred")) == ["kite.md"]
    assert paths(library.matching("is:new")) == ["wire.md"]
    assert "wire.md" not in paths(library.matching("-is:new"))


def test_state_terms_without_reader_state_are_reported_not_applied():
    library = Library.of(ARTICLES).matching("is:unread")
    assert len(library) == 6
    assert library.query_errors


def test_filters_return_new_views_and_leave_the_original_unchanged():
    library = Library.of(ARTICLES)
    library.tagged("ai").matching("kite")
    assert len(library) == 6 and library.query == "" and library.tags == ()


def test_a_view_cannot_be_changed_in_place():
    library = Library.of(ARTICLES).matching("kite")
    try:
        library.filters = Library.of(ARTICLES).filters  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("a Library view was changed in place")
    assert library.query == "kite"


def test_the_query_is_parsed_once_and_carried_by_the_view():
    view = Library.of(ARTICLES).matching("kite after:2025-03 before:2025-12")
    assert view.parsed_query.words == ("kite",)
    assert view.day_bounds == (date(2025, 3, 1), date(2025, 12, 31))
    narrower = view.dated(after=date(2025, 3, 5))
    assert narrower.day_bounds == (date(2025, 3, 5), date(2025, 12, 31))


def test_a_view_refines_another_when_its_words_only_grew_or_were_added():
    library = Library.of(ARTICLES)
    assert library.matching("kite").refines(library.matching("kit"))
    assert library.matching("kite chip").refines(library.matching("kite"))
    assert library.matching("ki").refines(library.matching("k"))
    # Words of one or two letters match word starts only: a third letter is a new search.
    assert not library.matching("kit").refines(library.matching("ki"))
    assert not library.matching("kit").refines(library.matching("kite"))
    assert not library.matching("kite").refines(library.matching(""))
    assert not library.matching("kite tag:ai").refines(library.matching("kit"))
    assert not library.matching("kite").refines(Library.of(ARTICLES).matching("kit"))
    assert not library.tagged("ai").matching("kite").refines(library.matching("kit"))


def test_the_known_paths_are_every_articles_whatever_the_view_shows():
    view = Library.of(ARTICLES).tagged("markets").matching("chip")
    assert paths(view) == ["chips.md"]
    every = {a.path for a in ARTICLES}
    assert set(view.paths) == every  # drafts too: a link may point at one
    assert "draft.md" in view.paths and "missing.md" not in view.paths
    assert view.paths - {"kite.md"} == every - {"kite.md"}
