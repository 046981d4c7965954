"""The benchmark runs end to end in its quick mode and its baselines behave as documented.

No timing is asserted: figures only have to exist and be sane (positive, ordered).
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench import run
from bench.baselines import Bm25Baseline, FuzzyBaseline, Guess, keyword_crisis, tune_cutoff
from bench.generate import generate_faq
from bench.measure import percentile
from bot.faq.loader import load_faq
from bot.faq.models import FaqDocument

ROOT = Path(__file__).resolve().parents[2]
Results = tuple[dict[str, Any], str]
CONTENDERS = {"pipeline", "crisis", "matcher", "extractone", "extractone_aliases", "bm25"}


@pytest.fixture(scope="module")
def quick_results(tmp_path_factory: pytest.TempPathFactory) -> Results:
    output = tmp_path_factory.mktemp("bench") / "results.json"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        status = run.main(["--quick", "--output", str(output)])
    assert status == 0
    return json.loads(output.read_text(encoding="utf-8")), printed.getvalue()


def test_quick_run_reports_latency_for_every_contender_at_every_size(
    quick_results: Results,
) -> None:
    results, _ = quick_results
    assert set(results["latency"]) == {"shipped", "300"}
    for contenders in results["latency"].values():
        assert set(contenders) == CONTENDERS
        for figures in contenders.values():
            assert figures["calls"] > 0
            assert 0 < figures["median_ms"] <= figures["p99_ms"] <= figures["max_ms"]


def test_quick_run_loads_the_shipped_and_a_generated_faq_through_the_real_loader(
    quick_results: Results,
) -> None:
    results, _ = quick_results
    shipped = load_faq(ROOT / "faq.yaml")
    assert results["load"]["shipped"]["entries"] == len(shipped.entries)
    assert results["load"]["300"]["entries"] == 300
    for figures in results["load"].values():
        assert figures["load_seconds_median"] > 0
        assert figures["build_seconds_median"] > 0
        assert figures["texts"] > figures["entries"]


def test_quick_run_measures_memory_in_a_fresh_process(quick_results: Results) -> None:
    results, _ = quick_results
    assert "300" in results["memory"]
    for figures in results["memory"].values():
        assert "error" not in figures
        assert figures["rss_after_imports_mb"] < figures["peak_rss_mb"]
        assert figures["tracemalloc_matcher_build_peak_mb"] > 0


def test_quick_run_reports_throughput_accuracy_and_every_target(quick_results: Results) -> None:
    results, printed = quick_results
    assert results["crisis_throughput"]["warm"]["per_second"] > 0
    assert results["machine"]["cpu_count"] >= 1
    faq_sets = {p.stem for p in (ROOT / "tests" / "eval").glob("faq_*.yaml")}
    crisis_sets = {p.stem for p in (ROOT / "tests" / "eval").glob("crisis_*.yaml")}
    assert set(results["accuracy"]["faq"]["sets"]) == faq_sets
    assert set(results["accuracy"]["crisis"]) == crisis_sets
    for methods in results["accuracy"]["faq"]["sets"].values():
        for rates in methods.values():
            assert 0 <= rates["correct_answer_rate"] <= rates["ranked_first_rate"] <= 1
            assert 0 <= rates["wrong_answer_rate"] <= 1
    assert len(results["targets"]) == 6
    assert {t["met"] for t in results["targets"]} <= {True, False, None}
    assert "| target | goal | measured | result |" in printed


def _document(entries: list[tuple[str, str, list[str]]]) -> FaqDocument:
    return FaqDocument.model_validate(
        {
            "sources": {"s": {"title": "Source"}},
            "entries": [
                {
                    "id": entry_id,
                    "question": question,
                    "aliases": aliases,
                    "answer": "An answer.",
                    "sources": ["s"],
                    "reviewed": "2025-01-01",
                    "reviewed_by": "tests",
                }
                for entry_id, question, aliases in entries
            ],
        }
    )


DOCUMENT = _document(
    [
        ("tinnitus", "Does klonopin cause tinnitus?", ["ringing ears on klonopin"]),
        ("sleep", "Does klonopin help sleep?", ["klonopin for insomnia"]),
        ("class", "Is klonopin a benzo?", ["what kind of drug is klonopin"]),
    ]
)


def test_bm25_ranks_the_entry_with_the_rare_word_first() -> None:
    bm25 = Bm25Baseline(DOCUMENT)
    assert bm25.best("my ears keep RINGING, is it the klonopin").best_id == "tinnitus"
    assert bm25.best("insomnia").best_id == "sleep"
    assert bm25.best("nothing in common here").best_id is None


def test_bm25_cutoff_turns_weak_matches_into_no_answer() -> None:
    bm25 = Bm25Baseline(DOCUMENT, cutoff=100.0)
    guess = bm25.best("insomnia")
    assert guess.best_id == "sleep"
    assert guess.entry_id is None


def test_extract_one_maps_aliases_back_to_their_entry() -> None:
    fuzzy = FuzzyBaseline(DOCUMENT, aliases=True)
    assert fuzzy.best("ringing ears on klonopin").entry_id == "tinnitus"
    assert FuzzyBaseline(DOCUMENT, aliases=False).texts == [e.question for e in DOCUMENT.entries]


def test_tuned_cutoff_keeps_confident_answers_and_drops_the_weak_wrong_ones() -> None:
    guesses = [Guess("a", "a", 90.0), Guess("b", "b", 80.0), Guess("c", "c", 40.0)]
    cutoff = tune_cutoff(guesses, ["a", "b", None])
    assert 40.0 < cutoff <= 80.0


def test_keyword_baseline_matches_substrings_like_a_plain_list_does() -> None:
    assert keyword_crisis("I want to DIE")
    assert keyword_crisis("my overdose scare years ago")  # no context: why it false-alarms
    assert not keyword_crisis("this commute is killing me")


def test_percentile_is_nearest_rank() -> None:
    values = list(range(1, 101))
    assert percentile(values, 0.5) == 50
    assert percentile(values, 0.99) == 99
    assert percentile([7], 0.99) == 7


def test_generated_faq_has_distinct_entries_and_keeps_the_shipped_ones() -> None:
    shipped = yaml.safe_load((ROOT / "faq.yaml").read_text(encoding="utf-8"))
    data = generate_faq(shipped, 120, seed=3)
    ids = [entry["id"] for entry in data["entries"]]
    assert len(ids) == len(set(ids)) == 120
    assert ids[: len(shipped["entries"])] == [entry["id"] for entry in shipped["entries"]]
    assert data["synonyms"] == shipped["synonyms"]
    assert all(len(entry["aliases"]) >= 5 for entry in data["entries"][len(shipped["entries"]) :])
    assert generate_faq(shipped, 120, seed=3) == data
