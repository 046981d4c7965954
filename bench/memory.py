"""Memory of one bot-sized process, measured in a fresh interpreter so nothing else counts.

``python -m bench.memory FAQ_PATH QUERIES_PATH [--no-detector-trace]`` loads the FAQ
through the real loader, builds the matcher and the crisis detector, answers every query
(one per line) through the pipeline, and prints one JSON object:

- resident set size (RSS) of the bare interpreter, after the imports, after loading,
  after building and after answering, and the peak (``getrusage`` maxrss) over the run;
- then, with the RSS figures already taken, ``tracemalloc``'s peak while building a second
  matcher and a second detector from the same document (Python allocations only; the
  word lists both share are already loaded, so this is the index itself).
"""

from __future__ import annotations

import json
import sys
import time
import tracemalloc
from pathlib import Path

from bench.measure import current_rss_mb, peak_rss_mb


def measure(faq_path: Path, queries: list[str], *, trace_detector: bool = True) -> dict[str, float]:
    """Memory figures for a process that serves ``faq_path``."""
    figures: dict[str, float] = {"rss_bare_interpreter_mb": current_rss_mb()}
    from bot.crisis.detector import load_detector
    from bot.faq.loader import load_faq
    from bot.faq.matcher import FaqMatcher
    from bot.pipeline import Pipeline

    figures["rss_after_imports_mb"] = current_rss_mb()
    started = time.perf_counter()
    document = load_faq(faq_path)
    figures["load_seconds"] = time.perf_counter() - started
    figures["rss_after_load_mb"] = current_rss_mb()
    started = time.perf_counter()
    matcher = FaqMatcher(document)
    figures["build_seconds"] = time.perf_counter() - started
    figures["rss_after_matcher_mb"] = current_rss_mb()
    detector = load_detector()
    detector.warm_up()
    figures["rss_after_detector_mb"] = current_rss_mb()
    pipeline = Pipeline(matcher, detector)
    for query in queries:
        pipeline.respond(query)
    figures["rss_after_queries_mb"] = current_rss_mb()
    figures["peak_rss_mb"] = peak_rss_mb()

    tracemalloc.start()
    second = FaqMatcher(document)
    figures["tracemalloc_matcher_build_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    figures["tracemalloc_matcher_retained_mb"] = tracemalloc.get_traced_memory()[0] / 2**20
    del second
    tracemalloc.stop()
    if not trace_detector:
        return figures
    tracemalloc.start()
    other = load_detector()
    other.warm_up()
    figures["tracemalloc_detector_build_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    del other
    tracemalloc.stop()
    return figures


def main(argv: list[str] | None = None) -> int:
    """Entry point: ``python -m bench.memory FAQ_PATH QUERIES_PATH [--no-detector-trace]``."""
    args = sys.argv[1:] if argv is None else argv
    trace_detector = "--no-detector-trace" not in args
    args = [arg for arg in args if arg != "--no-detector-trace"]
    if len(args) != 2:
        print("usage: python -m bench.memory FAQ_PATH QUERIES_PATH", file=sys.stderr)
        return 2
    queries = Path(args[1]).read_text(encoding="utf-8").splitlines()
    print(json.dumps(measure(Path(args[0]), queries, trace_detector=trace_detector)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
