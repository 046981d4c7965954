"""One message in, one decision out: crisis check first, then the FAQ.

Used by the Discord handlers and the console chat alike. Pure: it never sends,
stores or logs anything; callers act on the ``Reply`` it returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from bot.crisis.result import Assessment, CrisisResult
from bot.faq.outcome import MatchOutcome

ReplyKind = Literal["answer", "clarify", "fallback", "crisis"]


class QuestionMatcher(Protocol):
    """Anything that matches a question against the FAQ."""

    def match(self, question: str) -> MatchOutcome:
        """Return the matcher's decision for ``question``."""
        ...


class CrisisDetector(Protocol):
    """Anything that assesses a message for crisis content."""

    def assess(self, text: str) -> Assessment:
        """Return the verdict for ``text``."""
        ...


@dataclass(frozen=True, slots=True)
class Reply:
    """The pipeline's decision for one message."""

    kind: ReplyKind
    query: str
    match: MatchOutcome | None
    assessment: Assessment

    @property
    def crisis(self) -> CrisisResult | None:
        """The crisis found, if any."""
        return self.assessment.crisis

    @property
    def entry_id(self) -> str | None:
        """The answered FAQ entry, if any."""
        return self.match.entry_id if self.match is not None else None


class Pipeline:
    """Crisis detection, then FAQ matching."""

    def __init__(self, matcher: QuestionMatcher, detector: CrisisDetector) -> None:
        self.matcher = matcher
        self.detector = detector

    def respond(self, text: str) -> Reply:
        """Decide how to answer ``text``: a crisis always wins over the FAQ."""
        assessment = self.detector.assess(text)
        if assessment.crisis is not None:
            return Reply(kind="crisis", query=text, match=None, assessment=assessment)
        outcome = self.matcher.match(text)
        return Reply(kind=outcome.kind, query=text, match=outcome, assessment=assessment)
