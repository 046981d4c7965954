"""The statistical second opinion: what it adds to the rules, and what it may never undo."""

from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path

import pytest

from bot.crisis.detector import MODEL_LEVEL, MODEL_TERM, CrisisDetector, load_detector
from bot.crisis.lexicon import parse_lexicon
from bot.crisis.model import OK, CrisisModel, ModelFileError, load_model, read_model, save_model
from bot.crisis.result import Category
from bot.crisis.train import Example, train
from tests.crisis.test_lexicon import MINIMAL

CLASSES = (OK, "suicide", "overdose")
IDIOMS = "idioms: [kill myself laughing]\n"


def _model(threshold: float = 0.8) -> CrisisModel:
    """A hand-made model: "ledge" and "pills gone" read as crises, "pizza" as ordinary."""
    weights = {
        "ledge": [0.0, 6.0, 0.0],
        "pills gone": [0.0, 0.0, 6.0],
        "pizza": [6.0, 0.0, 0.0],
        "myself": [0.0, 6.0, 0.0],
    }
    return CrisisModel(CLASSES, [2.0, 0.0, 0.0], weights, threshold)


def _detector(model: CrisisModel | None) -> CrisisDetector:
    return CrisisDetector(parse_lexicon(MINIMAL + IDIOMS), model)


def test_the_model_catches_what_no_rule_names() -> None:
    result = _detector(_model()).assess("standing on the ledge again").crisis
    assert result is not None
    assert result.category is Category.SUICIDE
    assert result.level == MODEL_LEVEL
    # Staff see that the model raised it and the words that weighed most.
    assert result.terms[0] == MODEL_TERM
    assert "ledge" in result.terms
    assert _detector(None).assess("standing on the ledge again").crisis is None


def test_the_model_picks_the_category_it_reads() -> None:
    result = _detector(_model()).assess("my pills gone, all of them").crisis
    assert result is not None
    assert result.category is Category.OVERDOSE


def test_ordinary_words_outweigh_and_the_threshold_holds() -> None:
    assert _detector(_model()).assess("ledge of the pizza oven").crisis is None
    assert _detector(_model(threshold=0.999)).assess("standing on the ledge").crisis is None


def test_the_rules_judgement_stands() -> None:
    detector = _detector(_model())
    # A rule phrase negated ("not going to kill myself") or explained away by an idiom is
    # calm, even though the model leans on "myself".
    assert detector.assess("i am not going to kill myself").crisis is None
    assert detector.assess("i almost kill myself laughing at that").crisis is None
    # What the rules name, they report themselves: the rule's phrase, not the model's words.
    result = detector.assess("i want to kill myself").crisis
    assert result is not None
    assert result.terms == ("kill myself",)


def test_training_is_deterministic_and_learns_the_difference(tmp_path: Path) -> None:
    crisis = ["took the whole bottle", "swallowed every pill", "took all my pills at once"]
    ordinary = ["took my evening pill", "bottle of water please", "pill organiser for the week"]
    examples = [
        *(Example(tuple(text.split()), "overdose") for text in crisis * 20),
        *(Example(tuple(text.split()), OK) for text in ordinary * 20),
    ]
    first, second = train(examples), train(examples)
    assert first.to_json() == second.to_json()
    ok = first.classes.index(OK)
    assert first.probabilities(["took", "the", "whole", "bottle"])[ok] < 0.5
    assert first.probabilities(["took", "my", "evening", "pill"])[ok] > 0.5
    path, again = tmp_path / "model.json.gz", tmp_path / "again.json.gz"
    save_model(first, path)
    save_model(second, again)
    assert path.read_bytes() == again.read_bytes()  # the same model is the same file
    loaded = load_model(path)
    assert loaded is not None
    assert loaded.to_json() == first.to_json()


def test_without_a_model_file_the_rules_work_alone(tmp_path: Path) -> None:
    assert load_model(tmp_path / "missing.json.gz") is None
    assert load_detector(statistical=False).model is None


def test_a_broken_model_file_is_reported_and_never_stops_the_bot(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = tmp_path / "model.json.gz"
    broken.write_bytes(b"not gzip at all")
    with pytest.raises(ModelFileError, match="not a usable crisis model"):
        read_model(broken)
    with caplog.at_level(logging.WARNING):
        assert load_model(broken) is None
    assert "rules work alone" in caplog.text
    half = tmp_path / "half.json.gz"
    with gzip.open(half, "wt", encoding="utf-8") as handle:
        json.dump({"classes": ["ok", "suicide"], "bias": [0.0]}, handle)
    assert load_model(half) is None


def test_the_shipped_model_is_packaged_and_sane() -> None:
    model = load_model()
    assert model is not None
    assert 0.5 <= model.threshold < 1.0
    assert set(model.classes) == {OK, *(category.value for category in Category)}
