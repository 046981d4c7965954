"""What the crisis detector returns."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    """Crisis categories, each with its own first resource."""

    OVERDOSE = "overdose"
    COMBINATION = "combination"
    WITHDRAWAL = "withdrawal"
    SUICIDE = "suicide"
    SELF_HARM = "self-harm"
    THIRD_PARTY = "third-party"
    HARM_TO_OTHERS = "harm-to-others"


@dataclass(frozen=True, slots=True)
class CrisisResult:
    """A message that needs an emergency reply and a human: level 1 is the most urgent."""

    level: int
    category: Category
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Assessment:
    """The detector's verdict on one message.

    ``crisis`` is set when the message must escalate. ``safety_note`` is set for messages
    that touch a dangerous topic without being an emergency (a general question about
    overdose or withdrawal, a negated low-level phrase): they get the FAQ answer plus a
    short safety line.
    """

    crisis: CrisisResult | None = None
    safety_note: bool = False

    @property
    def escalates(self) -> bool:
        """True when staff must be alerted."""
        return self.crisis is not None
