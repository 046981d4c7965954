"""Timing, percentiles, throughput, memory and a description of the machine."""

from __future__ import annotations

import math
import os
import platform
import resource
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any

from bot.gc_pause import collector_paused as gc_paused


@dataclass(frozen=True, slots=True)
class Latency:
    """Per-call wall time of one function over a message mix, in milliseconds.

    ``median_ms`` and ``p99_ms`` are over every timed call. ``*_best_ms`` first take each
    message's fastest time over the passes (up to three), then the percentile over
    messages: the code's own cost per message, without the moments another process had
    the core (on a busy machine raw p99 measures the scheduler more than the code).
    ``first_pass_*`` time the warm-up pass: a fresh matcher or detector meeting each
    message for the first time, before its caches hold the mix's words.
    """

    calls: int
    messages: int  # distinct messages timed
    passes: float  # calls / messages
    median_ms: float
    p99_ms: float
    median_best_ms: float
    p99_best_ms: float
    mean_ms: float
    max_ms: float
    cpu_share: float  # CPU time / wall time over the timed loop (< 0.9: the machine was busy)
    first_pass_calls: int  # the untimed-for-percentiles warm-up calls, timed all the same
    first_pass_median_ms: float | None
    first_pass_p99_ms: float | None

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for JSON."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Throughput:
    """Messages handled back to back in one thread."""

    messages: int
    seconds: float
    per_second: float
    cpu_share: float  # CPU time / wall time (< 0.9: other processes took the core)
    per_cpu_second: float  # messages per second of CPU time this process got

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for JSON."""
        return asdict(self)


def percentile(ordered: Sequence[int], share: float) -> int:
    """Nearest-rank percentile of already sorted values (``share`` in 0..1)."""
    if not ordered:
        raise ValueError("no values")
    rank = max(1, min(len(ordered), math.ceil(share * len(ordered))))
    return ordered[rank - 1]


def time_each(
    call: Callable[[str], object],
    items: Sequence[str],
    *,
    budget_s: float,
    warmup: int | None = None,
    min_calls: int = 20,
    max_passes: int = 3,
) -> Latency:
    """Time ``call`` on each item (cycling through ``items``) for about ``budget_s`` seconds.

    ``warmup`` calls come first, untimed (None: one full pass, so caches hold the mix's
    vocabulary as in a bot that has been running a while; cut short after twice the
    budget). Then items are timed one call at a time with ``perf_counter_ns`` and the
    garbage collector paused, until the budget is spent (but at least ``min_calls``) or
    ``max_passes`` passes are done.
    """
    if not items:
        raise ValueError("no items to time")
    clock = time.perf_counter_ns
    first: list[int] = []
    with gc_paused():
        warm_deadline = clock() + int(2 * budget_s * 1e9)
        for item in items[: len(items) if warmup is None else warmup]:
            started = clock()
            call(item)
            ended = clock()
            first.append(ended - started)
            if ended > warm_deadline:
                break
    first.sort()
    count = len(items)
    limit = count * max_passes
    times: list[int] = []
    best: dict[int, int] = {}
    with gc_paused():
        cpu_started, wall_started = time.process_time_ns(), clock()
        deadline = wall_started + int(budget_s * 1e9)
        index = 0
        while index < limit:
            item = items[index % count]
            started = clock()
            call(item)
            ended = clock()
            elapsed = ended - started
            times.append(elapsed)
            position = index % count
            if elapsed < best.get(position, elapsed + 1):
                best[position] = elapsed
            index += 1
            if ended >= deadline and index >= min_calls:
                break
        share = (time.process_time_ns() - cpu_started) / max(1, clock() - wall_started)
    times.sort()
    fastest = sorted(best.values())
    return Latency(
        calls=len(times),
        messages=len(fastest),
        passes=len(times) / len(fastest),
        median_ms=percentile(times, 0.5) / 1e6,
        p99_ms=percentile(times, 0.99) / 1e6,
        median_best_ms=percentile(fastest, 0.5) / 1e6,
        p99_best_ms=percentile(fastest, 0.99) / 1e6,
        first_pass_calls=len(first),
        first_pass_median_ms=percentile(first, 0.5) / 1e6 if first else None,
        first_pass_p99_ms=percentile(first, 0.99) / 1e6 if first else None,
        mean_ms=sum(times) / len(times) / 1e6,
        max_ms=times[-1] / 1e6,
        cpu_share=share,
    )


def throughput(
    call: Callable[[str], object], items: Sequence[str], *, seconds: float
) -> Throughput:
    """Messages per second through ``call``, passing over ``items`` for about ``seconds``."""
    if not items:
        raise ValueError("no items")
    clock = time.perf_counter_ns
    handled = 0
    with gc_paused():
        cpu_started = time.process_time_ns()
        started = clock()
        deadline = started + int(seconds * 1e9)
        now = started
        index, count = 0, len(items)
        while now < deadline:
            for _ in range(64):
                call(items[index])
                index = (index + 1) % count
            handled += 64
            now = clock()
        cpu = (time.process_time_ns() - cpu_started) / 1e9
    elapsed = (now - started) / 1e9
    return Throughput(handled, elapsed, handled / elapsed, cpu / elapsed, handled / cpu)


def wall_seconds(call: Callable[[], object]) -> float:
    """Seconds one call of ``call`` takes."""
    return timed(call)[0]


def timed(call: Callable[[], object]) -> tuple[float, float]:
    """Wall seconds and CPU seconds of one call of ``call``."""
    cpu_started = time.process_time_ns()
    started = time.perf_counter_ns()
    call()
    wall = (time.perf_counter_ns() - started) / 1e9
    return wall, (time.process_time_ns() - cpu_started) / 1e9


@contextmanager
def one_core() -> Iterator[int | None]:
    """Pin this process to one CPU for the block (yields the CPU, or None if unsupported)."""
    getter = getattr(os, "sched_getaffinity", None)
    setter = getattr(os, "sched_setaffinity", None)
    if getter is None or setter is None:
        yield None
        return
    before = getter(0)
    cpu = min(before)
    setter(0, {cpu})
    try:
        yield cpu
    finally:
        setter(0, before)


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (getrusage maxrss)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def current_rss_mb() -> float:
    """Resident set size right now, in MB (peak RSS where /proc is unavailable)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
    except OSError:
        return peak_rss_mb()
    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    affinity = getattr(os, "sched_getaffinity", None)
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = None
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpu": model,
        "cpu_count": os.cpu_count(),
        "usable_cpus": len(affinity(0)) if affinity else os.cpu_count(),
        "load_average_1min_at_start": load,
    }
