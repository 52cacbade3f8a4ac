"""Story clusters: time to cluster every article, and precision and recall on a generated
digest with planted rewrites and look-alikes."""

from __future__ import annotations

from benchmarks.context import Context
from benchmarks.results import Row, guarded
from benchmarks.story_corpus import pair_scores, story_corpus
from benchmarks.timing import probe_env, run_probe, summarize

TARGET = "< 10 s at 100k"
QUALITY_TARGET = ">= 90%"
SEEDS = (1, 2, 3, 4, 5)


def measure_time(context: Context) -> list[Row]:
    """Cluster the corpus's cached articles, each repeat in a fresh process (cold caches)."""
    env = probe_env(context.warm_cache)
    runs = [run_probe("story_clusters", [str(context.folder)], env) for _ in range(context.repeat)]
    stats = summarize([run["seconds"] for run in runs])
    last = runs[-1]
    return [
        Row(
            "story clustering (every article)",
            context.label,
            "s",
            stats,
            target=TARGET,
            passed=stats.median < 10 if context.count >= 100_000 else None,
            note=f"{last['articles']} articles, {last['clusters']} clusters of "
            f"{last['clustered']}; the corpus's titles are random, so few are copies",
        )
    ]


def measure_quality() -> list[Row]:
    """Pairwise precision and recall over generated digests (size-independent)."""
    from digest_tui.clusters import story_clusters

    scores = [
        pair_scores(truth, story_clusters(articles).cluster_of)
        for articles, truth in map(story_corpus, SEEDS)
    ]
    rows = []
    for name, values in (("precision", [p for p, _ in scores]), ("recall", [r for _, r in scores])):
        stats = summarize([100 * value for value in values])
        rows.append(
            Row(
                f"story clusters: {name} (planted rewrites and look-alikes)",
                "-",
                "%",
                stats,
                target=QUALITY_TARGET,
                passed=stats.min >= 90,
                note=f"pairs of articles, {len(SEEDS)} generated digests of ~560 articles",
            )
        )
    return rows


def measure(context: Context) -> list[Row]:
    """This group's rows; a failure becomes a 'not measured' row."""
    rows = guarded("story clustering", context.label, TARGET, lambda: measure_time(context))
    if context.first:
        rows += guarded("story clusters: quality", "-", QUALITY_TARGET, measure_quality)
    return rows
