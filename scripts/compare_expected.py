"""Compare the loader with a TSV of expected title, date, tags and draft per file.

Usage: python scripts/compare_expected.py CORPUS EXPECTED.tsv

The TSV has a header line and the columns path, title, date (YYYY-MM-DD or empty), tags
(comma-joined, lower-cased) and draft (true/false). Tags are compared lower-cased with inner
whitespace collapsed, because the loader keeps each tag's first spelling. Prints each
mismatching field and a summary; exits 0 when at least 97% of rows fully match.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from digest_tui.loading import load_article
from digest_tui.model import Problem

PASS_RATIO = 0.97
_SPACES = re.compile(r"\s+")


def loaded_fields(corpus: Path, path: str) -> dict[str, str]:
    """The four compared fields as the loader sees them (or the problem as the title)."""
    loaded = load_article(corpus, path)
    if isinstance(loaded, Problem):
        return {"title": f"PROBLEM: {loaded.reason}", "date": "", "tags": "", "draft": ""}
    article = loaded.article
    tags = ",".join(_SPACES.sub(" ", tag.lower()) for tag in article.tags)
    return {
        "title": article.title,
        "date": article.day,
        "tags": tags,
        "draft": "true" if article.draft else "false",
    }


def compare(corpus: Path, expected_file: Path) -> tuple[int, int]:
    """Print the mismatches; return (fully matching rows, rows)."""
    lines = expected_file.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    matched = total = 0
    for line in lines[1:]:
        if not line.strip():
            continue
        expected = dict(zip(header, line.split("\t"), strict=False))
        got = loaded_fields(corpus, expected["path"])
        total += 1
        wrong = [name for name in ("title", "date", "tags", "draft") if got[name] != expected[name]]
        for name in wrong:
            print(f"{expected['path']}\t{name}\texpected={expected[name]!r}\tgot={got[name]!r}")
        matched += not wrong
    return matched, total


def main(argv: list[str]) -> int:
    """Run the comparison; the exit status says whether the pass ratio was reached."""
    if len(argv) != 2:
        print("usage: compare_expected.py CORPUS EXPECTED.tsv", file=sys.stderr)
        return 2
    matched, total = compare(Path(argv[0]), Path(argv[1]))
    ratio = matched / total if total else 0.0
    print(f"{matched}/{total} rows fully match ({ratio:.1%})")
    return 0 if ratio >= PASS_RATIO else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
