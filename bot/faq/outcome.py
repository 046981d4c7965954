"""Results of matching a question against the FAQ."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.faq.opinion import Offer, Opinion

MatchKind = Literal["answer", "clarify", "fallback"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One scored entry; ``matched`` says which text of the entry matched best."""

    entry_id: str
    score: float
    matched: str = ""


@dataclass(frozen=True, slots=True)
class MatchOutcome:
    """What the matcher decided: answer one entry, ask which, or fall back."""

    kind: MatchKind
    candidates: tuple[Candidate, ...]

    @property
    def entry_id(self) -> str | None:
        """The answered entry, only when ``kind`` is ``answer``."""
        return self.candidates[0].entry_id if self.kind == "answer" and self.candidates else None

    @property
    def score(self) -> float:
        """Score of the best candidate (0 when there is none)."""
        return self.candidates[0].score if self.candidates else 0.0


@dataclass(frozen=True, slots=True)
class Consultation:
    """The matcher's own decision, and what the FAQ model needs to give its opinion."""

    outcome: MatchOutcome
    best: tuple[Candidate, ...]  # the best few entries, whether or not the outcome offers them
    answerable: frozenset[str]  # of those, the ones the model may answer (none once answered)
    features: tuple[str, ...]  # what the model reads of the question (empty without one)
    final: bool = False  # the answer is an entry's own text: nothing may change it

    def offer(self) -> Offer:
        """The decision as ``second_opinion`` sees it (only the answer, when final)."""
        answered = self.outcome.kind == "answer"
        candidates = self.outcome.candidates if answered else self.best
        if self.final:
            candidates = candidates[:1]
        offered = tuple(candidate.entry_id for candidate in candidates)
        return Offer(answered, offered, self.answerable)

    def settled(self, opinion: Opinion) -> MatchOutcome:
        """The outcome once ``opinion`` is applied: the chosen entry goes first."""
        if opinion.action == "keep" or opinion.entry_id is None:
            return self.outcome
        candidates = self.outcome.candidates if self.outcome.kind == "answer" else self.best
        chosen = [c for c in candidates if c.entry_id == opinion.entry_id]
        if opinion.action == "answer":
            rest = [c for c in candidates if c.entry_id != opinion.entry_id]
            return MatchOutcome("answer", (*chosen, *rest))
        # "ask": the matcher's answer and the model's reading, side by side
        return MatchOutcome("clarify", (candidates[0], *chosen))
