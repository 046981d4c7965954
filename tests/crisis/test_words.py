from __future__ import annotations

import pytest

from bot.crisis.detector import CrisisDetector
from bot.crisis.words import (
    Corrector,
    Segmenter,
    edit_distance,
    english_words,
    undoubled_readings,
    word_counts,
)


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("kill", "kill", 0), ("kil", "kill", 1), ("mysefl", "myself", 1), ("suicde", "suicide", 1),
     ("abc", "xyz", 3)],
)
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b, 5) == distance


def test_edit_distance_stops_early() -> None:
    assert edit_distance("overdose", "banana", 1) == 2


def test_corrector_finds_the_nearest_target_within_limits() -> None:
    corrector = Corrector(["suicide", "overdosed", "kill"])
    assert corrector.correct("suicde") == "suicide"
    assert corrector.correct("ovrdossed") == "overdosed"  # two edits allowed from 8 letters
    assert corrector.correct("kiwi") is None


def test_segmenter_splits_run_together_words() -> None:
    segmenter = Segmenter(["kill", "myself"], word_counts())
    assert segmenter.segment("killmyself") == ["kill", "myself"]
    assert segmenter.segment("qqqqzzzz") is None


def test_segmenter_leaves_drug_names_whole(rules_detector: CrisisDetector) -> None:
    # "propranolol" once came apart as "prop ra no lol": a negation and a joke marker.
    for name in ("propranolol", "lexapro", "wellbutrin", "adderall", "buspirone"):
        assert rules_detector.tokens(name) == [name]
    # Run-together and spaced-out words still come apart into chat words.
    assert rules_detector.tokens("imgonnakillmyself") == ["im", "gonna", "kill", "myself"]
    assert rules_detector.tokens("m y  b f  w o n t  w a k e  u p") == [
        "my", "bf", "wont", "wake", "up",
    ]


def test_word_list_knows_inflections() -> None:
    words = english_words()
    assert {"skills", "skilled", "diet", "therapist", "overdue", "banging"} <= words


def test_corrector_prefers_a_dropped_double_letter_on_ties() -> None:
    corrector = Corrector(["pills", "pile", "cutting", "muting"])
    assert corrector.correct("pils") == "pills"
    assert corrector.correct("cuting") == "cutting"


def test_stretched_words_are_read_every_way_fewest_changes_first() -> None:
    readings = undoubled_readings("diiee")
    assert readings[0] in {"diee", "diie"}
    assert readings[-1] == "die"
    assert undoubled_readings("kpins") == []


def test_corrector_prefers_a_left_out_letter_on_ties() -> None:
    corrector = Corrector(["overdosing", "overdoing"])
    assert corrector.correct("overdosng") == "overdosing"
