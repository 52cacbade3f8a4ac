"""Hypothesis strategies for flat YAML frontmatter: the line shapes the fast paths must read
exactly as libyaml does, or decline."""

from __future__ import annotations

from hypothesis import strategies as st

TEXT = st.text(st.characters(codec="utf-8"), max_size=8)


def frontmatter_lines(
    keys: st.SearchStrategy[str], plain: st.SearchStrategy[str], *, single_quoted: bool = False
) -> st.SearchStrategy[str]:
    """`key: value` lines: plain words, any text, quoted text, flow lists and block lists."""
    double_quoted = TEXT.map(lambda t: f'"{t}"')
    values = plain | TEXT | double_quoted
    if single_quoted:
        values = values | TEXT.map(lambda t: f"'{t}'")
    values = (
        values
        | st.lists(plain | double_quoted, max_size=4).map(
            lambda items: "[" + ", ".join(items) + "]"
        )
        | st.lists(plain, min_size=1, max_size=3).map(
            lambda items: "\n" + "".join(f"  - {item}\n" for item in items)
        )
    )
    return st.tuples(keys, values).map(lambda pair: f"{pair[0]}: {pair[1]}".rstrip(" ") + "\n")
