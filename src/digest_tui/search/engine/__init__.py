"""The search engine: the speed machinery behind `digest_tui.search`'s plain face.

`Catalog` is its face: the search layer asks it questions by name (which articles carry a
tag, contain a word, match plain words fuzzily, hold words in their bodies). Below it:
article sets as ints (`bits`), text fields packed for scanning (`packing`, `fields`,
`haystack`), fuzzy and typo matching (`fuzzy`, `typos`, `matches`), tags and days
(`tags`), and the one bounded cache type with the list of every cache (`cache`).
"""

from digest_tui.search.engine.catalog import Catalog

__all__ = ["Catalog"]
