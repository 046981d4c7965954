"""Results of matching a question against the FAQ."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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
