"""Render the results mapping of ``bench.run`` as Markdown tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

LATENCY_ORDER = ("pipeline", "crisis", "matcher", "extractone", "extractone_aliases", "bm25")
FAQ_METHODS = (
    ("bot", "bot (pipeline)"),
    ("extractone", "extractOne, questions"),
    ("extractone_aliases", "extractOne WRatio, + aliases"),
    ("bm25", "BM25, + aliases"),
)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _ms(value: float) -> str:
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    if value >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def _ratio(value: float) -> str:
    return f"{value:.2f}×" if value < 10 else f"{value:.0f}×"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _size_label(label: str, load: dict[str, Any]) -> str:
    entries = load.get("entries", "?")
    texts = load.get("texts", "?")
    name = "shipped faq.yaml" if label == "shipped" else "generated"
    return f"{name}: {entries:,} entries, {texts:,} texts"


def _machine(results: dict[str, Any]) -> str:
    m = results["machine"]
    load = m.get("load_average_1min_at_start")
    load_text = f", load average {load:.2f} at start" if load is not None else ""
    return (
        f"Measured {results['when']} ({results['mode']} run, {results['seconds']:.0f} s) on "
        f"{m['implementation']} {m['python']}, {m['platform']}, {m['cpu']}, "
        f"{m['cpu_count']} CPUs ({m['usable_cpus']} usable){load_text}. Times are wall "
        "clock; a *CPU share* under ~90% means other processes took the core meanwhile and "
        "the wall figures are inflated by that much."
    )


def _latency(results: dict[str, Any]) -> str:
    rows = []
    for label, contenders in results["latency"].items():
        first = True
        for key in LATENCY_ORDER:
            figures = contenders.get(key)
            if figures is None:
                continue
            first_pass = figures.get("first_pass_p99_ms")
            rows.append(
                [
                    _size_label(label, results["load"][label]) if first else "",
                    figures["label"],
                    _ms(figures["median_ms"]),
                    _ms(figures["p99_ms"]),
                    _ms(figures["p99_best_ms"]),
                    "–" if first_pass is None or key.startswith("extractone") else _ms(first_pass),
                    f"{figures['calls']:,}",
                    _ratio(figures["median_vs_pipeline"]),
                    _share(figures.get("cpu_share")),
                ]
            )
            first = False
    mix = results["query_mix"]
    intro = (
        f"Per message, in milliseconds. Mix: {mix['eval_questions']:,} evaluation questions "
        f"and {mix['chat']:,} chat messages, timed one call at a time, up to three passes "
        "after a warm-up pass (the extractOne baselines: as many calls as fit their time "
        "budget). *p99 best* takes each message's fastest pass first, so it shows the code's "
        "own tail without the moments another process had the core; *first pass p99* is the "
        "warm-up pass, when caches are still empty."
    )
    header = [
        "FAQ",
        "what",
        "median",
        "p99",
        "p99 best",
        "first pass p99",
        "calls",
        "median ÷ pipeline's",
        "CPU share",
    ]
    return intro + "\n\n" + _table(header, rows)


def _throughput(results: dict[str, Any]) -> str:
    t = results["crisis_throughput"]
    warm, fresh = t["warm"], t["first_pass_fresh_detector"]
    rows = [
        [
            f"{t['messages_in_mix']:,} messages, median {t['median_chars']} chars, "
            f"{t['long_messages']} long posts",
            f"{warm['per_second']:,.0f}",
            _share(warm.get("cpu_share")),
            f"{warm.get('per_cpu_second', 0):,.0f}",
            f"{fresh['per_second']:,.0f}",
        ]
    ]
    header = [
        "crisis check, one core",
        "msg/s (steady state)",
        "CPU share",
        "msg per CPU-second",
        "msg/s (first pass, fresh detector)",
    ]
    return _table(header, rows)


def _load(results: dict[str, Any]) -> str:
    rows = []
    for label, figures in results["load"].items():
        memory = results["memory"].get(label, {})
        rows.append(
            [
                _size_label(label, figures),
                f"{figures['file_bytes'] / 1e6:.2f} MB",
                f"{figures['load_seconds_median']:.3f} s ({figures['runs']}×, "
                f"CPU share {_share(figures.get('load_cpu_share'))})",
                f"{figures['build_seconds_median']:.3f} s",
                _mb(memory.get("rss_after_imports_mb")),
                _mb(memory.get("rss_after_load_mb")),
                _mb(memory.get("peak_rss_mb")),
                _mb(memory.get("tracemalloc_matcher_build_peak_mb")),
            ]
        )
    header = [
        "FAQ",
        "file",
        "load + validate (median)",
        "matcher build",
        "RSS after imports",
        "RSS after load",
        "peak RSS (whole run)",
        "tracemalloc peak, matcher build",
    ]
    note = (
        "Memory is measured in a fresh interpreter per FAQ (`python -m bench.memory`): load, "
        "build matcher and detector, answer the whole mix; peak RSS is getrusage maxrss."
    )
    for label, memory in results["memory"].items():
        detector = memory.get("tracemalloc_detector_build_peak_mb")
        if detector is not None:
            note += (
                f" Crisis detector (same for every FAQ; {label} process): RSS "
                f"{_mb(memory['rss_after_matcher_mb'])} before building it, "
                f"{_mb(memory['rss_after_detector_mb'])} after; tracemalloc peak of its build "
                f"{_mb(detector)}."
            )
    return _table(header, rows) + "\n\n" + note


def _share(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def _mb(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} MB"


def _faq_accuracy(results: dict[str, Any]) -> str:
    faq = results["accuracy"]["faq"]
    rows = []
    for name, methods in faq["sets"].items():
        first = True
        for key, label in FAQ_METHODS:
            rates = methods[key]
            rows.append(
                [
                    f"{name} ({rates['in_scope']} in scope / {rates['questions']})"
                    if first
                    else "",
                    label,
                    _pct(rates["correct_answer_rate"]),
                    _pct(rates["ranked_first_rate"]),
                    _pct(rates["wrong_answer_rate"]),
                ]
            )
            first = False
    cutoffs = ", ".join(f"{key} {value:.2f}" for key, value in faq["cutoffs"].items())
    note = (
        f"Baseline cutoffs tuned on {faq['tuned_on']} (most messages handled right: right "
        f"answer or no answer): {cutoffs}. Targets (issue 2): ≥ 90% correct, ≥ 95% ranked "
        "first, ≤ 1% wrong."
    )
    header = [
        "set",
        "method",
        "correct answers (in scope)",
        "ranked first (in scope)",
        "wrong answers (all)",
    ]
    return _table(header, rows) + "\n\n" + note


def _crisis_accuracy(results: dict[str, Any]) -> str:
    rows = []
    for name, figures in results["accuracy"]["crisis"].items():
        bot, keywords = figures["bot"], figures["keywords"]
        rows.append(
            [
                f"{name} ({figures['crisis_messages']} crisis / "
                f"{figures['ordinary_messages']} not)",
                _pct(bot["recall"]),
                _pct(bot["false_alarm_rate"]),
                _pct(bot["category_accuracy"]),
                _pct(keywords["recall"]),
                _pct(keywords["false_alarm_rate"]),
            ]
        )
    header = [
        "set",
        "bot recall",
        "bot false alarms",
        "bot category right",
        "keyword list recall",
        "keyword list false alarms",
    ]
    return _table(header, rows) + "\n\nTargets (issue 3): recall ≥ 98%, false alarms ≤ 2%."


def _targets(results: dict[str, Any]) -> str:
    rows = []
    for item in results["targets"]:
        value = item["measured"]
        if value is None:
            measured = "not measured"
        elif item["unit"] == "msg/s":
            measured = f"{value:,.0f} msg/s"
        elif item["unit"] == "ms":
            measured = f"{_ms(value)} ms"
        else:
            measured = f"{value:.2f} {item['unit']}"
        verdict = {True: "pass", False: "**miss**", None: "–"}[item["met"]]
        rows.append([item["target"], item["goal"], measured, verdict, item.get("note", "")])
    return _table(["target", "goal", "measured", "result", "also"], rows)


def render_markdown(results: dict[str, Any]) -> str:
    """All tables, with headings, ready to paste into a README."""
    parts = [
        _machine(results),
        "#### Targets",
        _targets(results),
        "#### Latency per message",
        _latency(results),
        "#### Crisis check throughput",
        _throughput(results),
        "#### Load, validate, build and memory",
        _load(results),
        "#### FAQ accuracy (shipped FAQ)",
        _faq_accuracy(results),
        "#### Crisis accuracy",
        _crisis_accuracy(results),
    ]
    return "\n\n".join(parts)
