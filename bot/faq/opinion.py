"""What the FAQ model's second opinion may change in the matcher's decision.

A pure rule over three things: what the matcher decided (answered, or left open with the
entries it offered), the entry the model reads and how sure it is, and how sure it must
be (``Trust``). Kept apart from both so the bot and the training that chooses ``Trust``
(``train.py``) apply exactly the same rule.

- The matcher left the question open ("did you mean" or "I don't know") and the model
  reads the entry ranked first at least ``confirm`` surely: answer it.
- ... or reads another offered entry at least ``pick`` surely: answer that one.
- The matcher answered, but the model reads another offered entry at least ``dissent``
  surely: the two disagree, so ask "did you mean" with both rather than risk a wrong answer.
- Anything else, including an entry the matcher did not offer: the matcher's decision stands.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

NEVER = 1.01  # a trust level no probability reaches: that change is never made


@dataclass(frozen=True, slots=True)
class Trust:
    """How sure the model must be (0-1) to make each change."""

    confirm: float
    pick: float = NEVER
    dissent: float = NEVER


@dataclass(frozen=True, slots=True)
class Offer:
    """What the matcher decided, as the second opinion sees it."""

    answered: bool
    offered: tuple[str, ...]  # entry ids, best first (the answered one first)
    answerable: frozenset[str]  # of those, the ones the model may answer (scope rules)


@dataclass(frozen=True, slots=True)
class Opinion:
    """Keep the matcher's decision, answer ``entry_id``, or ask about it too."""

    action: Literal["keep", "answer", "ask"]
    entry_id: str | None = None


KEEP = Opinion("keep")


def second_opinion(offer: Offer, reading: str, probability: float, trust: Trust) -> Opinion:
    """Apply the rule of this module to one question."""
    if reading not in offer.offered:
        return KEEP
    first = reading == offer.offered[0]
    if offer.answered:
        if not first and probability >= trust.dissent:
            return Opinion("ask", reading)
        return KEEP
    if reading not in offer.answerable:
        return KEEP
    needed = trust.confirm if first else trust.pick
    return Opinion("answer", reading) if probability >= needed else KEEP
