"""One measured row of the benchmark table, with its baseline and its target."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from benchmarks.timing import Stats


@dataclass(slots=True)
class Row:
    """A figure to print: what was measured, at which size, and how it compares."""

    name: str
    size: str
    unit: str
    """"s", "ms" or "MB": the unit of `stats` and `baseline_stats`."""
    stats: Stats | None = None
    baseline: str = ""
    baseline_stats: Stats | None = None
    target: str = ""
    passed: bool | None = None
    note: str = ""
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        """Median over the baseline's median, when both exist."""
        if self.stats is None or self.baseline_stats is None or not self.baseline_stats.median:
            return None
        return self.stats.median / self.baseline_stats.median

    def as_dict(self) -> dict:
        """The row, for JSON output."""
        return {
            "name": self.name,
            "size": self.size,
            "unit": self.unit,
            "stats": self.stats.as_dict() if self.stats else None,
            "baseline": self.baseline or None,
            "baseline_stats": self.baseline_stats.as_dict() if self.baseline_stats else None,
            "ratio": self.ratio,
            "target": self.target,
            "passed": self.passed,
            "note": self.note,
            "extra": self.extra,
        }


def failed_row(name: str, size: str, target: str, error: BaseException) -> Row:
    """A row that could not be measured, carrying the error as its note."""
    reason = f"{type(error).__name__}: {error}"
    return Row(name=name, size=size, unit="", target=target, note=f"not measured: {reason}")


def guarded(name: str, size: str, target: str, measure: Callable[[], list[Row]]) -> list[Row]:
    """Run `measure`; a failure becomes one 'not measured' row instead of stopping the run."""
    try:
        return measure()
    except Exception as error:  # a broken row must not stop the others
        return [failed_row(name, size, target, error)]


def scaled(stats: Stats, factor: float) -> Stats:
    """`stats` with every figure multiplied by `factor` (seconds to ms: 1000)."""
    return Stats(
        median=stats.median * factor,
        p95=stats.p95 * factor,
        min=stats.min * factor,
        max=stats.max * factor,
        n=stats.n,
    )
