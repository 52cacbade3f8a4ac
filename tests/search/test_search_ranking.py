"""Fuzzy ranking of plain words, and narrowing while the user types."""

from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.search.engine.fuzzy import FuzzyMatcher

TITLES = [
    "Kitchen Robots Kick Off Trade Show Season",
    "Solar Kite Sets Altitude Record",
    "Kites and Drones Share the Sky",
    "Market Rally Lifts Chip Makers",
    "A Skyline Built From Kelp",
]
TAGS = [("robots",), ("energy", "space"), ("drones",), ("markets", "kite"), ()]
DESCRIPTIONS = [
    "Home appliances go autonomous.",
    "A tethered wing stays aloft for a week.",
    "Regulators look at shared airspace.",
    "A kiteboarding fund joins the rally.",
    "Seaweed as a building material.",
]


def ranked(words, titles=TITLES, tags=TAGS, descriptions=DESCRIPTIONS):
    matcher = FuzzyMatcher(titles, tags, descriptions)
    scores = matcher.match(words)
    return [titles[n] for n in sorted(scores, key=lambda n: -scores[n])]


def test_kite_ranks_the_kite_headline_above_kitchen_robots():
    order = ranked(["kite"])
    assert order.index("Solar Kite Sets Altitude Record") < order.index(
        "Kitchen Robots Kick Off Trade Show Season"
    )


def test_whole_word_beats_word_prefix_beats_tag_and_description():
    order = ranked(["kite"])
    assert order[:2] == ["Solar Kite Sets Altitude Record", "Kites and Drones Share the Sky"]
    assert order[2] == "Market Rally Lifts Chip Makers"  # tag "kite", not in the title


def test_contiguous_letters_beat_scattered_ones():
    titles = ["Kids In Town Eat", "Kitten Rescue"]
    order = ranked(["kte"], titles, [(), ()], ["", ""])
    assert order == ["Kitten Rescue", "Kids In Town Eat"]


def test_title_match_beats_description_only_match():
    titles = ["Weekly Roundup", "Battery Breakthrough"]
    descriptions = ["A battery story among others.", "Cells that last."]
    assert ranked(["battery"], titles, [(), ()], descriptions) == titles[::-1]


def test_every_word_must_match():
    assert ranked(["kite", "record"]) == ["Solar Kite Sets Altitude Record"]
    assert ranked(["kite", "nowhere"]) == []


def test_letters_out_of_order_do_not_match():
    assert ranked(["etik"], ["Solar Kite"], [()], [""]) == []
    assert ranked(["slk"], ["Solar Kite"], [()], [""]) == ["Solar Kite"]


def test_short_words_are_not_looked_for_in_descriptions():
    # "ai" occurs inside "airspace" in a description only: too noisy to count.
    assert ranked(["ai"], ["Weekly Roundup"], [()], ["Regulators look at airspace."]) == []
    assert ranked(["ai"], ["Weekly Roundup"], [("AI",)], [""]) == ["Weekly Roundup"]


WORDS = ["kite", "solar", "robot", "kitchen", "sky", "chip", "market", "rally", "kelp", "drone"]
title_strategy = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join)
text = st.text(alphabet="kitesolarbcmy -", max_size=6)


@settings(max_examples=200, deadline=None)
@given(
    titles=st.lists(title_strategy, min_size=1, max_size=30),
    start=text,
    extension=text,
)
def test_narrowing_from_the_previous_query_gives_the_same_result_as_a_fresh_search(
    titles, start, extension
):
    tags = [tuple(title.split()[:1]) for title in titles]
    descriptions = [title[::-1] for title in titles]
    typing = FuzzyMatcher(titles, tags, descriptions)
    typing.match(start.split())
    narrowed = typing.match((start + extension).split())
    fresh = FuzzyMatcher(titles, tags, descriptions).match((start + extension).split())
    assert narrowed == fresh
