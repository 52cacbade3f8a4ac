"""`python -m benchmarks.run`: generate corpora, measure every row, print the table."""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

from benchmarks import corpus, report
from benchmarks.context import Context
from benchmarks.results import Row
from benchmarks.rows import clusters, indexing, launch, memory, queries, ui

GROUPS = (indexing, queries, ui, launch, memory, clusters)


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--sizes", default="1k,10k", help="corpus sizes, e.g. 1k,10k,100k,1m")
    parser.add_argument("--repeat", type=int, default=3, help="repeats per measurement")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep corpora and caches this run generates (reused by later runs)",
    )
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated groups: indexing,queries,ui,launch,memory,clusters",
    )
    return parser.parse_args(argv)


def measure_size(label: str, repeat: int, groups: tuple, first: bool, keep: bool) -> list[Row]:
    """Every selected row for one corpus size, printing progress on stderr.

    Without `keep`, a corpus this call generated is removed afterwards, with its cache;
    a corpus that was already there (another run's, or kept) is left alone.
    """
    count = corpus.parse_size(label)
    started = time.perf_counter()
    folder, created = corpus.ensure_corpus(count)
    print(f"[{label}] corpus ready in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    context = Context(corpus.size_label(count), count, folder, max(1, repeat), first)
    rows: list[Row] = []
    for group in groups:
        started = time.perf_counter()
        rows += group.measure(context)
        name = group.__name__.rsplit(".", 1)[-1]
        print(f"[{label}] {name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if created and not keep:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(context.warm_cache, ignore_errors=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; the exit status is 0 even when targets are missed."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    wanted = {name for name in args.only.split(",") if name}
    groups = tuple(g for g in GROUPS if not wanted or g.__name__.rsplit(".", 1)[-1] in wanted)
    facts = report.machine_facts()
    report.print_facts(facts)
    rows: list[Row] = []
    for number, label in enumerate(args.sizes.split(",")):
        rows += measure_size(label.strip(), args.repeat, groups, number == 0, args.keep)
    print(report.table(rows))
    if args.json:
        report.write_json(args.json, facts, rows, sys.argv[1:] if argv is None else argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
