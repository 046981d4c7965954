"""Hold the FAQ matcher to every evaluation set in this folder (``faq_*.yaml``).

Each file lists messages with the entry that should answer them (or null when the FAQ has
no answer). On the shipped ``faq.yaml``, per development set (``faq_dev*.yaml``):

- at least 90% of in-scope messages answered with the right entry,
- the right entry ranked first for at least 95% of them,
- at most 1% of all messages answered wrongly (a wrong entry, or any answer at all to an
  out-of-scope message).

The matcher is the one the bot ships (``bot.wiring.matcher_for``): with the FAQ model,
which is trained on these very files, so these figures are not unseen-data figures.
Hold-out files (``holdout`` in the name) were written blind and measured blind once; their
first readings are in the README. Only their figures are printed, never their messages, and
they are held to regression floors a little under what they reach now (all were later used
for tuning), not to the targets.

A figures line per file is printed next to plain ``rapidfuzz.process.extractOne`` over the
questions, the baseline to beat.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from rapidfuzz import process

from bot.faq.loader import load_faq
from bot.faq.matcher import FaqMatcher
from bot.faq.models import FaqDocument
from bot.wiring import matcher_for

EVAL_DIR = Path(__file__).parent
FAQ_PATH = EVAL_DIR.parent.parent / "faq.yaml"
EVAL_FILES = sorted(EVAL_DIR.glob("faq_*.yaml"))

MIN_CORRECT = 0.90
MIN_TOP1 = 0.95
MAX_WRONG = 0.01


@dataclass(frozen=True)
class Floor:
    """The least a hold-out set must keep: a regression guard, not the target."""

    correct: float
    top1: float
    wrong: float


# Every hold-out set was written blind and measured blind once (figures in the README and
# tests/eval/README.md); all of them were later used for tuning, E and G last. They are held
# to regression floors a little under what they reach now; the targets are printed.
HOLDOUT_FLOORS = {
    "faq_holdout_a.yaml": Floor(correct=0.96, top1=0.97, wrong=0.02),
    "faq_holdout_b.yaml": Floor(correct=0.94, top1=0.97, wrong=0.02),
    "faq_holdout_c.yaml": Floor(correct=0.93, top1=0.95, wrong=0.02),
    "faq_holdout_d.yaml": Floor(correct=0.87, top1=0.93, wrong=0.02),
    "faq_holdout_e.yaml": Floor(correct=0.92, top1=0.96, wrong=0.02),
    "faq_holdout_f.yaml": Floor(correct=0.96, top1=0.97, wrong=0.02),
    "faq_holdout_g.yaml": Floor(correct=0.91, top1=0.95, wrong=0.02),
    # H was written after the last tuning round, measured once (84.2 / 97.5 / 0.0), then
    # tuned on.
    "faq_holdout_h.yaml": Floor(correct=0.86, top1=0.95, wrong=0.02),
    # I was written blind this session and measured once (88.3 / 93.3 / 2.1), then tuned on.
    "faq_holdout_i.yaml": Floor(correct=0.86, top1=0.92, wrong=0.025),
    # J was written blind this session and measured once (88.9 / 97.2 / 0.8).
    "faq_holdout_j.yaml": Floor(correct=0.86, top1=0.95, wrong=0.015),
    # K was written blind this session and measured once (88.9 / 96.7 / 1.2).
    "faq_holdout_k.yaml": Floor(correct=0.86, top1=0.94, wrong=0.015),
    # L and M were written blind on 2026-11-24 and measured once at ce7ab56 (L 86.7 / 97.8 /
    # 0.8, M 76.1 / 93.3 / 1.7), then tuned on.
    "faq_holdout_l.yaml": Floor(correct=0.88, top1=0.96, wrong=0.015),
    "faq_holdout_m.yaml": Floor(correct=0.80, top1=0.92, wrong=0.03),
    # N was written blind on 2026-11-24 and measured once at af27ae2 (91.1 / 96.7 / 1.7).
    "faq_holdout_n.yaml": Floor(correct=0.89, top1=0.95, wrong=0.02),
    # Q (320, support-group and code-switching voices) was written blind on 2026-11-24 and
    # read once at ffb1fd5 (70.0 / 85.0 / 3.1), then tuned on.
    "faq_holdout_q.yaml": Floor(correct=0.80, top1=0.93, wrong=0.02),
    # R and S (320 each, an even mix of voices; carers, clinical and recovery jargon, British,
    # Irish, Indian and Nigerian English) were written blind and read once at b080fa7
    # (R 88.8 / 97.1 / 1.6, S 81.2 / 95.0 / 2.8), then tuned on.
    "faq_holdout_r.yaml": Floor(correct=0.86, top1=0.95, wrong=0.02),
    "faq_holdout_s.yaml": Floor(correct=0.80, top1=0.95, wrong=0.015),
    # O and P were written blind, read once at ce7ab56 (O 68.3 / 89.4 / 2.5, P 87.8 / 95.0 /
    # 2.1) and once at b64f0c4, the session's final reading (O 77.8 / 94.4 / 2.1, P 89.4 /
    # 96.7 / 1.7), then tuned on.
    "faq_holdout_o.yaml": Floor(correct=0.78, top1=0.94, wrong=0.02),
    "faq_holdout_p.yaml": Floor(correct=0.89, top1=0.96, wrong=0.01),
    # T and U (an even mix; twenty members' voices) were written blind and read once at
    # 7db68e2, the session's last FAQ commit (T 89.4 / 97.2 / 1.2, U 87.8 / 97.2 / 0.8);
    # at ce7ab56 they read T 85.6 / 96.1 / 1.7, U 84.4 / 97.2 / 1.2.
    "faq_holdout_t.yaml": Floor(correct=0.87, top1=0.96, wrong=0.015),
    "faq_holdout_u.yaml": Floor(correct=0.86, top1=0.96, wrong=0.01),
    # V (long-time patients 50-75, nurses; autocorrect) and W (teens, gamers, slang) were
    # written blind on 2026-11-24 (session 4) and read once at 2b6689e (V 83.3 / 95.7 / 0.8,
    # W 85.2 / 94.3 / 2.1), then used for training the FAQ model and tuning.
    "faq_holdout_v.yaml": Floor(correct=0.90, top1=0.94, wrong=0.015),
    "faq_holdout_w.yaml": Floor(correct=0.88, top1=0.93, wrong=0.025),
    # Training authors A (an even mix, 420) and B (long stories, terse follow-ups,
    # code-switching, 420), written blind on 2026-11-24 and read once at b698504 (A 89.4 /
    # 97.2 / 0.2, B 82.8 / 95.6 / 0.7), then training data for the FAQ model.
    "faq_train_a.yaml": Floor(correct=0.90, top1=0.95, wrong=0.01),
    "faq_train_b.yaml": Floor(correct=0.84, top1=0.94, wrong=0.015),
    # C (English from everywhere, other brand names) read once at d37e028 (90.8 / 96.4 / 1.0),
    # D (phone typing, close out-of-scope questions) once at the next commit's tree (88.6 /
    # 95.6 / 1.7); both then trained on.
    "faq_train_c.yaml": Floor(correct=0.90, top1=0.95, wrong=0.015),
    "faq_train_d.yaml": Floor(correct=0.88, top1=0.94, wrong=0.02),
    # E (carers, clinicians, negative questions) and F (teens, memes, other drugs named)
    # read once at 5a39338 (E 90.6 / 95.6 / 0.2, F 91.4 / 96.9 / 0.7), then trained on.
    "faq_train_e.yaml": Floor(correct=0.90, top1=0.95, wrong=0.01),
    # X and Y, the fourth session's final reading: written blind at its start, read for
    # figures at 2b6689e (X 81.0 / 95.7 / 2.5, Y 81.9 / 94.3 / 1.2) and once at f3336fb, the
    # last FAQ change (X 89.0 / 97.1 / 0.8, Y 92.4 / 96.7 / 0.8); then trained on.
    "faq_holdout_x.yaml": Floor(correct=0.88, top1=0.95, wrong=0.015),
    "faq_holdout_y.yaml": Floor(correct=0.90, top1=0.95, wrong=0.015),
    # Z (twenty invented members), written after the last FAQ change and read once at
    # b51d340 as a confirmation (95.2 / 98.6 / 0.4); not tuned or trained on.
    "faq_holdout_z.yaml": Floor(correct=0.92, top1=0.96, wrong=0.01),
    "faq_train_f.yaml": Floor(correct=0.90, top1=0.95, wrong=0.015),
}
DEFAULT_HOLDOUT_FLOOR = Floor(correct=0.70, top1=0.85, wrong=0.05)


@dataclass(frozen=True)
class Item:
    text: str
    expect: str | None


@dataclass(frozen=True)
class Figures:
    in_scope: int
    total: int
    correct: int
    top1: int
    wrong: int

    @property
    def correct_rate(self) -> float:
        return self.correct / self.in_scope if self.in_scope else 1.0

    @property
    def top1_rate(self) -> float:
        return self.top1 / self.in_scope if self.in_scope else 1.0

    @property
    def wrong_rate(self) -> float:
        return self.wrong / self.total if self.total else 0.0

    def line(self) -> str:
        return (
            f"answered correctly {self.correct_rate:6.1%}  ranked first {self.top1_rate:6.1%}  "
            f"wrong answers {self.wrong_rate:5.1%} ({self.wrong}/{self.total})"
        )


def load_items(path: Path) -> list[Item]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Item(str(item["text"]), item.get("expect")) for item in data["questions"]]


def is_blind(path: Path) -> bool:
    return "holdout" in path.name or path.name.startswith("faq_train_")


@pytest.fixture(scope="module")
def document() -> FaqDocument:
    return load_faq(FAQ_PATH)


@pytest.fixture(scope="module")
def matcher(document: FaqDocument) -> FaqMatcher:
    return matcher_for(document)


def measure_matcher(matcher: FaqMatcher, items: Sequence[Item]) -> tuple[Figures, list[str]]:
    """Figures for the matcher, and a description of each miss (texts included)."""
    correct = top1 = wrong = 0
    misses: list[str] = []
    for item in items:
        outcome = matcher.match(item.text)
        first = outcome.candidates[0].entry_id if outcome.candidates else None
        answered = outcome.entry_id
        if item.expect is not None and first == item.expect:
            top1 += 1
        if answered is not None and answered == item.expect:
            correct += 1
        elif answered is not None:
            wrong += 1
            misses.append(f"WRONG ANSWER {answered} (expected {item.expect}): {item.text!r}")
        elif item.expect is not None:
            misses.append(f"{outcome.kind} (expected {item.expect}, first {first}): {item.text!r}")
    in_scope = sum(1 for item in items if item.expect is not None)
    return Figures(in_scope, len(items), correct, top1, wrong), misses


def measure_baseline(document: FaqDocument, items: Sequence[Item]) -> Figures:
    """Plain extractOne over the questions: it always answers its best guess."""
    questions = [entry.question for entry in document.entries]
    correct = wrong = 0
    for item in items:
        found = process.extractOne(item.text, questions)
        guess = document.entries[found[2]].id if found is not None else None
        if guess is not None and guess == item.expect:
            correct += 1
        elif guess is not None:
            wrong += 1
    in_scope = sum(1 for item in items if item.expect is not None)
    return Figures(in_scope, len(items), correct, correct, wrong)


@pytest.mark.parametrize("path", EVAL_FILES, ids=[path.name for path in EVAL_FILES])
def test_matcher_meets_the_targets(
    path: Path,
    document: FaqDocument,
    matcher: FaqMatcher,
    capsys: pytest.CaptureFixture[str],
) -> None:
    items = load_items(path)
    known = {entry.id for entry in document.entries}
    unknown = sorted({item.expect for item in items if item.expect and item.expect not in known})
    assert not unknown, f"{path.name} expects entries that faq.yaml does not have: {unknown}"
    assert any(item.expect is None for item in items), f"{path.name} has no out-of-scope items"

    figures, misses = measure_matcher(matcher, items)
    baseline = measure_baseline(document, items)
    with capsys.disabled():
        print(f"\n{path.name}: {len(items)} messages, {figures.in_scope} in scope")
        print(f"  matcher   {figures.line()}")
        print(f"  baseline  {baseline.line()}  (rapidfuzz extractOne over the questions)")

    if is_blind(path):
        floor = HOLDOUT_FLOORS.get(path.name, DEFAULT_HOLDOUT_FLOOR)
        assert figures.correct_rate >= floor.correct, "correct answers fell below the floor"
        assert figures.top1_rate >= floor.top1, "right entry first fell below the floor"
        assert figures.wrong_rate <= floor.wrong, "wrong answers rose above the ceiling"
        return
    shown = "\n" + "\n".join(misses)
    assert figures.correct_rate >= MIN_CORRECT, f"too few correct answers{shown}"
    assert figures.top1_rate >= MIN_TOP1, f"right entry ranked first too rarely{shown}"
    assert figures.wrong_rate <= MAX_WRONG, f"too many wrong answers{shown}"


def test_matcher_beats_the_baseline_on_the_dev_set(
    document: FaqDocument, matcher: FaqMatcher
) -> None:
    items = load_items(EVAL_DIR / "faq_dev.yaml")
    figures, _ = measure_matcher(matcher, items)
    baseline = measure_baseline(document, items)
    assert figures.top1_rate > baseline.top1_rate + 0.3
    assert figures.wrong < baseline.wrong
