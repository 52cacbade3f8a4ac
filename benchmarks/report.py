"""The printed table and the JSON file of a benchmark run."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import sys
from importlib import metadata
from pathlib import Path

from benchmarks.results import Row

COLUMNS = (
    "row",
    "size",
    "median",
    "p95",
    "min",
    "max",
    "baseline",
    "base med",
    "ratio",
    "target",
    "result",
)


def machine_facts() -> dict[str, str]:
    """Cores, Python, and the versions of the libraries the figures depend on."""
    facts = {
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "sqlite": sqlite3.sqlite_version,
    }
    for package in ("textual", "rich", "rapidfuzz", "markdown-it-py", "PyYAML"):
        try:
            facts[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            facts[package] = "missing"
    return facts


def _figure(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "%":
        return f"{value:.1f} %"
    return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms"


def _cells(row: Row) -> tuple[str, ...]:
    stats, base = row.stats, row.baseline_stats
    result = {True: "pass", False: "MISS", None: "-"}[row.passed]
    if stats is None:
        result = "n/m"
    return (
        row.name,
        row.size,
        _figure(stats and stats.median, row.unit),
        _figure(stats and stats.p95, row.unit),
        _figure(stats and stats.min, row.unit),
        _figure(stats and stats.max, row.unit),
        row.baseline or "-",
        _figure(base and base.median, row.unit),
        f"{row.ratio:.2f}x" if row.ratio is not None else "-",
        row.target or "-",
        result,
    )


def table(rows: list[Row]) -> str:
    """A Markdown table of `rows`, then their notes."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(_cells(row)) + " |" for row in rows]
    notes = [f"- {row.name} ({row.size}): {row.note}" for row in rows if row.note]
    return "\n".join(lines + ([""] + notes if notes else []))


def print_facts(facts: dict[str, str]) -> None:
    """The machine facts as one line."""
    print("machine: " + ", ".join(f"{key} {value}" for key, value in facts.items()))
    sys.stdout.flush()


def write_json(path: Path, facts: dict[str, str], rows: list[Row], argv: list[str]) -> None:
    """The same figures as the table, for machines."""
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"machine": facts, "argv": argv, "rows": [row.as_dict() for row in rows]}
    path.write_text(json.dumps(document, indent=2) + "\n")
