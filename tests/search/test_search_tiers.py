"""A relevance view of several words lists its matches by tier, then total score, ties
newest first."""

from hypothesis import given, settings
from hypothesis import strategies as st

from digest_tui.model import Article
from digest_tui.search import Library, SortOrder

WORDS = ["kitchen", "kite", "quantum", "quanta", "chip", "chips", "solar", "sol", "kit", "mix"]
titles = st.lists(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=30
)
queries = st.lists(
    st.sampled_from(WORDS + ["ki", "qu", "c", "qntm", "kitchn"]), min_size=2, max_size=3
)


@settings(max_examples=300, deadline=None)
@given(titles, queries, st.integers(0, 3))
def test_relevance_order_is_tier_then_score_then_newest(texts, words, tagged_every):
    articles = [
        Article(
            path=f"{n}.md",
            title=title,
            timestamp=float(n % 7),
            tags=(title.split()[-1],) if tagged_every and n % tagged_every == 0 else (),
            description=title.split()[0] if n % 2 else "",
        )
        for n, title in enumerate(texts)
    ]
    library = Library.of(articles)
    newest = {article.path: number for number, article in enumerate(library.articles)}
    view = library.matching(" ".join(words)).sorted_by(SortOrder.RELEVANCE)
    ranked = list(view.articles)
    matching = library.matching(" ".join(words))
    expected = sorted(ranked, key=lambda a: (matching.tier(a), -matching.score(a), newest[a.path]))
    assert [a.path for a in ranked] == [a.path for a in expected]
    assert [a.path for a in view.articles[:5]] == [a.path for a in expected[:5]]
    assert len(view) == len(expected)
