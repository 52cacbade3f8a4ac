"""The comparison script reaches the required match ratio on the shared real corpus."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "real"
"""The shared real-world corpus, beside the repository; these tests skip without it."""


@pytest.mark.skipif(
    not (CORPUS / "expected.tsv").is_file(), reason="no ../shared/corpus/real beside the repository"
)
def test_compare_script_passes_on_real_corpus():
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "compare_expected.py"),
            str(CORPUS),
            str(CORPUS / "expected.tsv"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "rows fully match" in result.stdout


def test_compare_script_reports_mismatches(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: Real\ndate: 2020-01-02\n---\nB\n", "utf-8")
    expected = tmp_path / "expected.tsv"
    expected.write_text("path\ttitle\tdate\ttags\tdraft\na.md\tWrong\t2020-01-02\t\tfalse\n")
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "compare_expected.py"),
            str(tmp_path),
            str(expected),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "a.md\ttitle\texpected='Wrong'\tgot='Real'" in result.stdout
    assert "0/1 rows fully match (0.0%)" in result.stdout
