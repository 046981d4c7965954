"""Simulated traffic: a week of members asking questions, written through the real stores.

Every message goes through the real pipeline (crisis check, then the FAQ) and is logged the
way the Discord handlers log it: the reply kind with the best candidate, a "did you mean"
pick as an ``answer`` row with the question, "None of these" with the offered entries,
Helpful / Not helpful votes. Simulated members know what they meant (the topic's entry):
offered it, they usually pick it; not offered, they often press "None of these"; they vote
Helpful on the right answer and Not helpful on a wrong one.

Demo: ``python -m bot.report.simulate --db data/demo.sqlite3`` then
``faq-bot report --db data/demo.sqlite3``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.pipeline import Pipeline, ReplyKind
from bot.report.traffic_week import WEEK, Topic
from bot.store.questions import ANSWER
from bot.store.stores import Stores
from bot.wiring import build_pipeline

PICKED_SCORE = 100.0  # what the handlers log for a member's own pick


@dataclass(frozen=True, slots=True)
class Behaviour:
    """How simulated members react, as probabilities."""

    pick_when_offered: float = 0.75
    none_of_these_when_not_offered: float = 0.6
    vote: float = 0.4
    helpful_when_right: float = 0.9
    helpful_when_wrong: float = 0.1


@dataclass(frozen=True, slots=True)
class SimulatedQuestion:
    """One simulated message and what came of it."""

    at: dt.datetime
    text: str
    topic: str
    intended: str | None
    kind: ReplyKind
    entry_id: str | None  # answered entry, or the member's pick after "did you mean"
    candidates: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Simulation:
    """Everything the simulation wrote, in time order."""

    questions: tuple[SimulatedQuestion, ...]

    def intended(self, text: str) -> str | None:
        """The entry that really answers ``text`` (None when the FAQ does not cover it)."""
        for question in self.questions:
            if question.text == text:
                return question.intended
        raise KeyError(text)


def simulate_traffic(
    stores: Stores,
    pipeline: Pipeline,
    *,
    end: dt.datetime,
    days: int = 7,
    seed: int = 5,
    topics: Sequence[Topic] = WEEK,
    behaviour: Behaviour | None = None,
) -> Simulation:
    """Write ``days`` days of simulated traffic ending at ``end`` into ``stores``."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible simulation, not security
    plan = _plan(rng, topics, end, days)
    player = _Player(stores, pipeline, rng, behaviour or Behaviour())
    return Simulation(tuple(player.play(at, topic, text) for at, topic, text in plan))


def _plan(
    rng: random.Random, topics: Sequence[Topic], end: dt.datetime, days: int
) -> list[tuple[dt.datetime, Topic, str]]:
    plan = []
    for day in range(days):
        start = end - dt.timedelta(days=days - day)
        for topic in topics:
            count = max(0, round(rng.gauss(topic.per_day, math.sqrt(topic.per_day))))
            for _ in range(count):
                at = start + dt.timedelta(seconds=rng.uniform(0, 86_400 - 120))
                plan.append((at, topic, rng.choice(topic.wordings)))
    plan.sort(key=lambda item: item[0])
    return plan


class _Player:
    """Sends one message through the pipeline and logs it like the handlers do."""

    def __init__(
        self, stores: Stores, pipeline: Pipeline, rng: random.Random, behaviour: Behaviour
    ) -> None:
        self.stores = stores
        self.pipeline = pipeline
        self.rng = rng
        self.behaviour = behaviour
        self.answer_ids = 0

    def play(self, at: dt.datetime, topic: Topic, text: str) -> SimulatedQuestion:
        user_id = 10_000 + self.rng.randrange(80)
        reply = self.pipeline.respond(text)
        match = reply.match
        candidates = tuple(c.entry_id for c in match.candidates) if match is not None else ()
        self.stores.questions.record(
            reply.kind,
            text,
            candidates[0] if candidates else None,
            match.score if match is not None else 0.0,
            user_id=user_id,
            now=at,
            candidates=candidates,
        )
        later = at + dt.timedelta(seconds=self.rng.uniform(5, 90))
        entry_id = reply.entry_id
        if reply.kind == "clarify":
            entry_id = self._clarify(text, topic.entry_id, candidates, user_id, later)
        if entry_id is not None:
            self._maybe_vote(text, topic.entry_id, entry_id, user_id, later)
        return SimulatedQuestion(
            at, text, topic.name, topic.entry_id, reply.kind, entry_id, candidates
        )

    def _clarify(
        self,
        text: str,
        intended: str | None,
        candidates: tuple[str, ...],
        user_id: int,
        at: dt.datetime,
    ) -> str | None:
        """The member picks what they meant, presses "None of these", or walks away."""
        if intended in candidates:
            if self.rng.random() < self.behaviour.pick_when_offered:
                self.stores.questions.record(
                    ANSWER, text, intended, PICKED_SCORE, user_id=user_id, now=at
                )
                return intended
        elif self.rng.random() < self.behaviour.none_of_these_when_not_offered:
            self.stores.questions.record_none_of_these(text, candidates, user_id, at)
        return None

    def _maybe_vote(
        self, text: str, intended: str | None, got: str, user_id: int, at: dt.datetime
    ) -> None:
        if self.rng.random() >= self.behaviour.vote:
            return
        right = got == intended
        chance = self.behaviour.helpful_when_right if right else self.behaviour.helpful_when_wrong
        self.answer_ids += 1
        self.stores.feedback.record_vote(
            got,
            self.rng.random() < chance,
            user_id=user_id,
            question=text,
            now=at + dt.timedelta(seconds=30),
            answer_id=self.answer_ids,
        )


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m bot.report.simulate``: fill a database with a simulated week."""
    parser = argparse.ArgumentParser(
        prog="python -m bot.report.simulate",
        description="Write a simulated week of questions into a database, for trying "
        "`faq-bot report` and `faq-bot suggest`.",
    )
    parser.add_argument("--db", type=Path, required=True, help="database file to write")
    parser.add_argument("--faq", type=Path, default=Path("faq.yaml"), help="FAQ file")
    parser.add_argument("--days", type=int, default=7, help="days of traffic (default 7)")
    parser.add_argument("--seed", type=int, default=5, help="random seed (default 5)")
    args = parser.parse_args(argv)
    stores = Stores.open(args.db)
    try:
        simulation = simulate_traffic(
            stores,
            build_pipeline(args.faq),
            end=dt.datetime.now(dt.UTC),
            days=args.days,
            seed=args.seed,
        )
    finally:
        stores.close()
    print(f"wrote {len(simulation.questions)} simulated questions to {args.db}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
