"""Train the crisis model (``model.py``) from the labelled sets in ``tests/eval``.

    python -m bot.crisis.train                    # train on every set, write the shipped model
    python -m bot.crisis.train --hold-out crisis_holdout_i --out /tmp/m.json.gz

Crisis sets (``crisis_*.yaml``: ``expect: crisis`` with a ``category``, or ``expect: ok``)
give the crisis classes and hard look-alikes; every FAQ question (``faq_*.yaml``) is an
ordinary message. Training is plain averaged stochastic gradient descent on a multinomial
logistic regression, seeded, so the same data always gives the same file.

The alarm threshold is chosen the way the model works in the bot: behind the rules, on
messages nobody tuned it on. Cross-validation keeps every set (one author, one voice) in
a single fold, and a held-out message counts only when the rules let it pass, since the
detector asks the model about nothing else. The threshold is the lowest probability at
which the model adds alarms to no more than ``--max-added-false-alarms`` of the ordinary
messages in the sets outsiders wrote (``crisis_holdout_*``, ``crisis_train_*``): the
false-alarm budget is 2% in all, and the rules take most of it on sets they were never
tuned on.
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
    group: str = ""  # the set it comes from: cross-validation never splits a set
    asked: bool = True  # False when the rules decide alone and the model is not asked
    rules_alarm: bool = False  # the rules escalate it by themselves


class _Probe(CrisisModel):
    """A stand-in model that notes whether the detector asks it, and never raises an alarm."""

    def __init__(self) -> None:
        super().__init__((OK,), (0.0,), {}, 0.5)
        self.asked = False

    def verdict(self, tokens: Sequence[str]) -> None:
        """Note the question; leave the message to the rules."""
        self.asked = True


def load_examples(folder: Path, hold_out: Sequence[str] = ()) -> list[Example]:
    """Every labelled message under ``folder`` except the sets named in ``hold_out``."""
    rules = load_detector(statistical=False)
    probe = _Probe()
    detector = CrisisDetector(rules.lexicon, probe)
    examples: list[Example] = []
    for path in sorted(folder.glob("*.yaml")):
        if path.stem in hold_out:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        items = [
            (item["text"], item["category"] if item.get("expect") == "crisis" else OK)
            for item in data.get("messages", [])
        ]
        items += [(item["text"], OK) for item in data.get("questions", [])]
        for text, label in items:
            probe.asked = False
            alarm = detector.assess(text).crisis is not None
            examples.append(
                Example(_features(rules, text), label, path.stem, probe.asked, alarm)
            )
    return examples


def _features(detector: CrisisDetector, text: str) -> tuple[str, ...]:
    """The model's features of ``text``, read as the detector hands it to the model."""
    return tuple(features(detector.model_tokens(detector.tokens(text))))


def written_blind(group: str) -> bool:
    """True for sets outsiders wrote without seeing the rules: the threshold's yardstick."""
    return group.startswith(("crisis_holdout_", "crisis_train_"))


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


@dataclass(frozen=True, slots=True)
class ThresholdChoice:
    """The chosen threshold and what it gave on messages from sets the folds never saw."""

    threshold: float
    added_false_alarms: float  # ordinary messages the rules let pass and the model flags
    false_alarms: float  # rules and model together
    recall: float  # crisis messages escalated by rules or model
    model_recall: float  # crisis messages the rules miss that the model catches


def out_of_fold(
    examples: Sequence[Example], *, folds: int = 5,
    fit: Callable[[Sequence[Example]], CrisisModel] = train,
) -> list[tuple[Example, float | None]]:
    """Each example with the crisis probability a model trained without its set gives it.

    None when the detector would not ask the model (the rules decided). Sets are dealt
    to folds in name order, so every fold holds whole voices it was never trained on.
    """
    groups = sorted({example.group for example in examples})
    fold_of = {group: number % folds for number, group in enumerate(groups)}
    scored: list[tuple[Example, float | None]] = []
    for fold in range(folds):
        model = fit([e for e in examples if fold_of[e.group] != fold])
        ok = model.classes.index(OK)
        for example in examples:
            if fold_of[example.group] != fold:
                continue
            probability = None
            if example.asked:
                probability = 1.0 - model.probabilities_of(example.features)[ok]
            scored.append((example, probability))
    return scored


def choose_threshold(
    scored: Sequence[tuple[Example, float | None]], *, max_added_false_alarms: float = 0.005,
    floor: float = 0.5,
) -> ThresholdChoice:
    """The lowest threshold (not under ``floor``) keeping the model's added alarms in budget.

    ``scored`` comes from ``out_of_fold``; only sets ``written_blind`` count.
    """
    blind = [(e, p) for e, p in scored if written_blind(e.group)]
    ordinary = [(e, p) for e, p in blind if e.label == OK]
    crises = [(e, p) for e, p in blind if e.label != OK]
    # The model is asked only about what the rules let pass: a probability is its alarm.
    flagged = sorted((p for _, p in ordinary if p is not None), reverse=True)
    allowed = int(max_added_false_alarms * len(ordinary))
    threshold = flagged[allowed] + 1e-6 if allowed < len(flagged) else floor
    threshold = min(max(threshold, floor), 0.99)

    def alarm(example: Example, probability: float | None) -> bool:
        return example.rules_alarm or (probability is not None and probability >= threshold)

    missed_by_rules = [(e, p) for e, p in crises if not e.rules_alarm]
    return ThresholdChoice(
        threshold,
        _share(sum(p >= threshold for p in flagged), len(ordinary)),
        _share(sum(alarm(e, p) for e, p in ordinary), len(ordinary)),
        _share(sum(alarm(e, p) for e, p in crises), len(crises)),
        _share(sum(alarm(e, p) for e, p in missed_by_rules), len(missed_by_rules)),
    )


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def main(argv: Sequence[str] | None = None) -> int:
    """Train on ``tests/eval``, choose the threshold by cross-validation, write the model."""
    parser = argparse.ArgumentParser(prog="python -m bot.crisis.train", description=__doc__)
    parser.add_argument("--hold-out", action="append", default=[], help="set to leave out")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--max-added-false-alarms", type=float, default=0.005)
    args = parser.parse_args(argv)
    examples = load_examples(EVAL_DIR, args.hold_out)
    crises = sum(example.label != OK for example in examples)
    print(f"{len(examples)} messages: {crises} crisis, {len(examples) - crises} ordinary")
    choice = choose_threshold(
        out_of_fold(examples), max_added_false_alarms=args.max_added_false_alarms
    )
    print(
        f"threshold {choice.threshold:.3f}, on sets the folds never saw: rules + model "
        f"recall {choice.recall:.1%}, false alarms {choice.false_alarms:.2%} (the model "
        f"adds {choice.added_false_alarms:.2%} and catches {choice.model_recall:.1%} of "
        "what the rules miss)"
    )
    model = train(examples, threshold=choice.threshold)
    save_model(model, args.out)
    print(f"wrote {args.out} ({len(model.weights)} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
