"""Train the crisis model (``model.py``) from the labelled sets in ``tests/eval``.

    python -m bot.crisis.train                    # train on every set, write the shipped model
    python -m bot.crisis.train --hold-out crisis_holdout_i --out /tmp/m.json.gz

Crisis sets (``crisis_*.yaml``: ``expect: crisis`` with a ``category``, or ``expect: ok``)
give the crisis classes and hard look-alikes; every FAQ question (``faq_*.yaml``) is an
ordinary message. Training is plain averaged stochastic gradient descent on a multinomial
logistic regression, seeded, so the same data always gives the same file. The alarm
threshold is chosen by cross-validation: the lowest probability at which messages the
folds never saw raise no more than ``--max-false-alarms`` of ordinary messages.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.crisis.detector import CrisisDetector, load_detector
from bot.crisis.model import MODEL_PATH, OK, CrisisModel, features, save_model
from bot.crisis.result import Category
from bot.linear import fit

EVAL_DIR = Path(__file__).resolve().parents[2] / "tests" / "eval"
CLASSES = (OK, *(category.value for category in Category))


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled message, already cut into model features."""

    features: tuple[str, ...]
    label: str


def load_examples(folder: Path, hold_out: Sequence[str] = ()) -> list[Example]:
    """Every labelled message under ``folder`` except the sets named in ``hold_out``."""
    detector = load_detector(statistical=False)
    examples: list[Example] = []
    for path in sorted(folder.glob("*.yaml")):
        if path.stem in hold_out:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("messages", []):
            label = item["category"] if item.get("expect") == "crisis" else OK
            examples.append(Example(_features(detector, item["text"]), label))
        for item in data.get("questions", []):
            examples.append(Example(_features(detector, item["text"]), OK))
    return examples


def _features(detector: CrisisDetector, text: str) -> tuple[str, ...]:
    """The model's features of ``text``, read as the detector hands it to the model."""
    return tuple(features(detector.model_tokens(detector.tokens(text))))


def train(
    examples: Sequence[Example], *, epochs: int = 12, rate: float = 0.2, min_count: int = 2,
    threshold: float = 0.5, seed: int = 7,
) -> CrisisModel:
    """Fit the model; features seen fewer than ``min_count`` times are left out."""
    bias, weights = fit(
        [(example.features, example.label) for example in examples], CLASSES,
        epochs=epochs, rate=rate, min_count=min_count, seed=seed,
    )
    return CrisisModel(CLASSES, bias, weights, threshold)


def choose_threshold(
    examples: Sequence[Example], *, folds: int = 5, max_false_alarms: float = 0.015,
    fit: Callable[[Sequence[Example]], CrisisModel] = train,
) -> tuple[float, float]:
    """The lowest alarm threshold keeping cross-validated false alarms under the limit.

    Returns the threshold and the cross-validated recall of crisis messages at it.
    """
    scored: list[tuple[float, bool]] = []  # (probability of crisis, is a crisis)
    for fold in range(folds):
        train_part = [e for n, e in enumerate(examples) if n % folds != fold]
        test_part = [e for n, e in enumerate(examples) if n % folds == fold]
        model = fit(train_part)
        for example in test_part:
            ok = model.classes.index(OK)
            probability = 1.0 - model.probabilities_of(example.features)[ok]
            scored.append((probability, example.label != OK))
    ordinary = sorted((p for p, crisis in scored if not crisis), reverse=True)
    allowed = int(max_false_alarms * len(ordinary))
    threshold = ordinary[allowed] + 1e-6 if allowed < len(ordinary) else 0.5
    threshold = max(threshold, 0.5)
    crises = [p for p, crisis in scored if crisis]
    recall = sum(p >= threshold for p in crises) / max(1, len(crises))
    return threshold, recall


def main(argv: Sequence[str] | None = None) -> int:
    """Train on ``tests/eval``, choose the threshold by cross-validation, write the model."""
    parser = argparse.ArgumentParser(prog="python -m bot.crisis.train", description=__doc__)
    parser.add_argument("--hold-out", action="append", default=[], help="set to leave out")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--max-false-alarms", type=float, default=0.015)
    args = parser.parse_args(argv)
    examples = load_examples(EVAL_DIR, args.hold_out)
    crises = sum(example.label != OK for example in examples)
    print(f"{len(examples)} messages: {crises} crisis, {len(examples) - crises} ordinary")
    threshold, recall = choose_threshold(examples, max_false_alarms=args.max_false_alarms)
    print(f"threshold {threshold:.3f}: cross-validated recall {recall:.1%} of crisis messages")
    model = train(examples, threshold=threshold)
    save_model(model, args.out)
    print(f"wrote {args.out} ({len(model.weights)} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
