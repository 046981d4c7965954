"""Figures of a load run: latency percentiles, throughput, the check counts, table and JSON."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (``share`` in 0..1) of ``values``; NaN when empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True, slots=True)
class Latency:
    """Latency of one kind of answer, in milliseconds."""

    label: str
    count: int
    median_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float

    @classmethod
    def of(cls, label: str, seconds: Sequence[float]) -> Latency:
        """Summarise latencies given in seconds."""
        ms = [s * 1000 for s in seconds]
        return cls(
            label,
            len(ms),
            percentile(ms, 0.5),
            percentile(ms, 0.95),
            percentile(ms, 0.99),
            max(ms) if ms else math.nan,
        )


@dataclass(frozen=True, slots=True)
class Phase:
    """One phase of the run: how many messages, how long, how fast."""

    name: str
    messages: int
    in_flight: int
    seconds: float

    @property
    def per_second(self) -> float:
        """Messages per second, from the first send to the last expected answer."""
        return self.messages / self.seconds if self.seconds > 0 else math.nan


@dataclass(frozen=True, slots=True)
class Check:
    """One correctness check: how many of ``expected`` were right."""

    label: str
    ok: int
    expected: int

    @property
    def passed(self) -> bool:
        """All right."""
        return self.ok == self.expected


@dataclass(frozen=True, slots=True)
class LoadResults:
    """Everything one load run measured and checked."""

    environment: dict[str, Any]
    mix: dict[str, int]
    phases: tuple[Phase, ...]
    latencies: tuple[Latency, ...]
    checks: tuple[Check, ...]
    failures: tuple[str, ...] = field(default=())

    @property
    def passed(self) -> bool:
        """Every check passed."""
        return all(check.passed for check in self.checks)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (phases carry their throughput)."""
        data = asdict(self)
        data["phases"] = [
            {**asdict(phase), "messages_per_second": round(phase.per_second, 1)}
            for phase in self.phases
        ]
        data["passed"] = self.passed
        return data

    def table(self) -> str:
        """The figures as Markdown tables, ready for the README."""
        env = self.environment
        lines = [
            f"Load run: {sum(p.messages for p in self.phases):,} messages "
            f"({', '.join(f'{n:,} {k}' for k, n in self.mix.items())}), seed {env['seed']}, "
            f"{env['cpus']} CPUs, Python {env['python']}",
            "",
            "| phase | messages | in flight | seconds | messages/s |",
            "|---|---:|---:|---:|---:|",
        ]
        lines += [
            f"| {p.name} | {p.messages:,} | {p.in_flight} | {p.seconds:.1f} | {p.per_second:.0f} |"
            for p in self.phases
        ]
        lines += [
            "",
            "| gateway to reply (ms) | n | median | p95 | p99 | max |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        lines += [
            f"| {lat.label} | {lat.count:,} | {lat.median_ms:.1f} | {lat.p95_ms:.1f} | "
            f"{lat.p99_ms:.1f} | {lat.max_ms:.1f} |"
            for lat in self.latencies
        ]
        lines += ["", "| check | result |", "|---|---|"]
        lines += [
            f"| {c.label} | {c.ok:,} / {c.expected:,} {'ok' if c.passed else 'FAILED'} |"
            for c in self.checks
        ]
        if env.get("bot_peak_rss_mb") is not None:
            lines += ["", f"Bot process peak RSS: {env['bot_peak_rss_mb']:.0f} MB."]
        return "\n".join(lines)
