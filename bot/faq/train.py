"""Train the FAQ model (``model.py``) from the labelled questions in ``tests/eval``.

    python -m bot.faq.train                       # train on every set, write the shipped model
    python -m bot.faq.train --hold-out faq_holdout_v --out /tmp/m.json.gz

Every ``faq_*.yaml`` question with its ``expect`` (an entry id, or null for "the FAQ does
not answer this") is an example, and so is each question and alias of ``faq.yaml``. The
features are read through the matcher of ``faq.yaml``, as the bot reads them.

The trust levels (``opinion.Trust``) are chosen by cross-validation over whole sets: each
set, written by one author, is held out in one fold, so the model is judged on voices it
never saw. Every question gets the matcher's own decision and the reading of a model that
never saw its set; each combination of levels is then applied (``opinion.second_opinion``,
the rule the bot uses) and the one with the most right answers, less ``--wrong-cost`` (10)
per wrong answer, wins: a wrong medical answer is worse than "I don't know".
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.faq.loader import load_faq
from bot.faq.matcher import FaqMatcher
from bot.faq.model import MODEL_PATH, NONE, FaqModel, save_model
from bot.faq.opinion import NEVER, Offer, Trust, second_opinion
from bot.linear import fit

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = ROOT / "tests" / "eval"
FAQ_PATH = ROOT / "faq.yaml"
CONFIRM_LEVELS = tuple(round(0.5 + 0.05 * step, 2) for step in range(10))  # 0.50 ... 0.95
OTHER_LEVELS = (0.7, 0.8, 0.9, 0.95, NEVER)  # pick and dissent, or never


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled question: its text, the model's features of it and its entry (or none)."""

    text: str
    features: tuple[str, ...]
    label: str
    group: str  # the set it comes from: folds never split a set


def load_examples(
    matcher: FaqMatcher, folder: Path, hold_out: Sequence[str] = ()
) -> list[Example]:
    """Every labelled question under ``folder`` (but ``hold_out``), and the FAQ's own texts."""
    known = {entry.id for entry in matcher.document.entries}
    examples: list[Example] = []
    for path in sorted(folder.glob("faq_*.yaml")):
        if path.stem in hold_out:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("questions", []):
            label = item.get("expect") or NONE
            if label in known or label == NONE:
                examples.append(_example(matcher, item["text"], label, path.stem))
    for entry in matcher.document.entries:
        for text in (entry.question, *entry.aliases):
            examples.append(_example(matcher, text, entry.id, "faq.yaml"))
    return examples


def _example(matcher: FaqMatcher, text: str, label: str, group: str) -> Example:
    return Example(text, tuple(matcher.features(text)), label, group)


def classes_of(matcher: FaqMatcher) -> tuple[str, ...]:
    """The model's classes: ``none`` and every entry id, in the FAQ's order."""
    return (NONE, *(entry.id for entry in matcher.document.entries))


def train(
    examples: Sequence[Example], classes: Sequence[str], *, trust: Trust | None = None
) -> FaqModel:
    """Fit the model on ``examples``."""
    bias, weights = fit([(example.features, example.label) for example in examples], classes)
    return FaqModel(classes, bias, weights, trust or Trust(confirm=0.8))


@dataclass(frozen=True, slots=True)
class Reading:
    """One question the folds held out: the matcher's decision and the model's reading."""

    label: str
    offer: Offer
    entry_id: str  # what the model read
    probability: float


def held_out_readings(
    matcher: FaqMatcher, examples: Sequence[Example], *, folds: int = 5
) -> list[Reading]:
    """Each question of the evaluation sets, read by a model trained without its set."""
    groups = sorted({example.group for example in examples if example.group != "faq.yaml"})
    fold_of = {group: number % folds for number, group in enumerate(groups)}
    classes = classes_of(matcher)
    readings: list[Reading] = []
    for fold in range(folds):
        model = train([e for e in examples if fold_of.get(e.group, -1) != fold], classes)
        for example in (e for e in examples if fold_of.get(e.group, -1) == fold):
            offer = matcher.consult(example.text).offer()
            entry_id, probability = model.reading(example.features)
            readings.append(Reading(example.label, offer, entry_id, probability))
    return readings


@dataclass(frozen=True, slots=True)
class Result:
    """What a set of trust levels did on held-out questions."""

    trust: Trust
    right: int  # answered with the right entry
    wrong: int  # answered with a wrong entry, or answered when the FAQ has no answer


def apply(trust: Trust, readings: Sequence[Reading]) -> Result:
    """Right and wrong answers over ``readings`` with the model at ``trust``."""
    right = wrong = 0
    for reading in readings:
        opinion = second_opinion(reading.offer, reading.entry_id, reading.probability, trust)
        if opinion.action == "answer":
            answered: str | None = opinion.entry_id
        elif opinion.action == "ask":
            answered = None
        else:
            answered = reading.offer.offered[0] if reading.offer.answered else None
        if answered is not None:
            if answered == reading.label:
                right += 1
            else:
                wrong += 1
    return Result(trust, right, wrong)


def choose_trust(readings: Sequence[Reading], wrong_cost: float) -> tuple[Result, Result]:
    """The best trust levels (right less ``wrong_cost`` per wrong), and the matcher alone.

    Ties go to the higher levels: the surer the model, the better.
    """
    alone = apply(Trust(NEVER), readings)
    grid = [
        apply(Trust(confirm, pick, dissent), readings)
        for confirm, pick, dissent in itertools.product(CONFIRM_LEVELS, OTHER_LEVELS, OTHER_LEVELS)
    ]
    best = max(
        reversed(grid),
        key=lambda r: (r.right - wrong_cost * r.wrong, r.trust.confirm, r.trust.pick),
    )
    return best, alone


def main(argv: Sequence[str] | None = None) -> int:
    """Train on ``tests/eval``, choose the trust levels over held-out sets, write the model."""
    parser = argparse.ArgumentParser(prog="python -m bot.faq.train", description=__doc__)
    parser.add_argument("--hold-out", action="append", default=[], help="set to leave out")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--faq", type=Path, default=FAQ_PATH)
    parser.add_argument(
        "--wrong-cost", type=float, default=10.0,
        help="how many right answers one wrong answer costs when choosing the trust levels",
    )
    args = parser.parse_args(argv)
    matcher = FaqMatcher(load_faq(args.faq))
    examples = load_examples(matcher, EVAL_DIR, args.hold_out)
    unanswerable = sum(example.label == NONE for example in examples)
    print(f"{len(examples)} questions: {unanswerable} the FAQ does not answer")
    readings = held_out_readings(matcher, examples)
    best, alone = choose_trust(readings, args.wrong_cost)
    trust = best.trust
    print(
        f"trust: confirm {trust.confirm:.2f}, pick {trust.pick:.2f}, dissent {trust.dissent:.2f} "
        f"(above 1: never)\non {len(readings)} questions of sets it had not seen: "
        f"{best.right} right and {best.wrong} wrong answers "
        f"(the matcher alone: {alone.right} right, {alone.wrong} wrong)"
    )
    model = train(examples, classes_of(matcher), trust=trust)
    save_model(model, args.out)
    print(f"wrote {args.out} ({len(model.weights)} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
