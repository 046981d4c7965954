"""Logged rows grouped by question: what happened each time a wording was asked.

The question log has one row per event: the bot's reply (``answer``, ``clarify``,
``fallback``, ``crisis``), a "did you mean" pick (logged as ``answer`` with the question
text), and a "None of these" click. Rows with the same question once folded
(``normalise_text``) are one ``AskedQuestion``. An ``answer`` row for a wording that also
has ``clarify`` or ``fallback`` rows is a member's pick, not a direct answer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from bot.faq.normalise import normalise_text
from bot.store.questions import ANSWER, CLARIFY, FALLBACK, NONE_OF_THESE, LoggedQuestion


@dataclass(frozen=True, slots=True)
class AskedQuestion:
    """One question wording (folded) and everything that happened to it."""

    key: str  # normalise_text of the question
    text: str  # the wording people used most
    asked: int  # direct answers + clarify + fallback (picks and clicks are follow-ups)
    fell_back: int = 0
    clarified: int = 0
    picks: Mapping[str, int] = field(default_factory=dict)  # entry -> "did you mean" picks
    rejected: Mapping[str, int] = field(default_factory=dict)  # entry -> "None of these"
    top_scores: Mapping[str, float] = field(default_factory=dict)  # best candidate -> score
    none_of_these: int = 0

    @property
    def not_answered_directly(self) -> bool:
        """True when the bot asked "did you mean" or had no answer at least once."""
        return self.fell_back + self.clarified > 0 or self.none_of_these > 0


def unresolved_keys(rows: Iterable[LoggedQuestion]) -> set[str]:
    """Folded questions that had a ``clarify`` or ``fallback`` reply at least once."""
    return {
        normalise_text(row.query)
        for row in rows
        if row.kind in (CLARIFY, FALLBACK) and row.query is not None
    }


def group_by_question(rows: Iterable[LoggedQuestion]) -> list[AskedQuestion]:
    """One AskedQuestion per folded wording, most asked first (rows without text skipped)."""
    with_text = [row for row in rows if row.query is not None and normalise_text(row.query)]
    unresolved = unresolved_keys(with_text)
    builders: dict[str, _Builder] = {}
    for row in with_text:
        assert row.query is not None  # filtered above; keeps mypy informed
        key = normalise_text(row.query)
        builders.setdefault(key, _Builder(key)).add(row, picked=key in unresolved)
    grouped = [builder.build() for builder in builders.values()]
    grouped.sort(key=lambda q: (-q.asked, -q.none_of_these, q.key))
    return grouped


class _Builder:
    """Accumulates the rows of one wording."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.wordings: Counter[str] = Counter()
        self.asked = self.fell_back = self.clarified = self.none_of_these = 0
        self.picks: Counter[str] = Counter()
        self.rejected: Counter[str] = Counter()
        self.top_scores: dict[str, float] = {}

    def add(self, row: LoggedQuestion, *, picked: bool) -> None:
        assert row.query is not None
        self.wordings[row.query.strip()] += 1
        if row.kind == NONE_OF_THESE:
            self.none_of_these += 1
            self.rejected.update(dict.fromkeys(row.candidates, 1))
            return
        if row.kind == ANSWER and picked:
            if row.entry_id is not None:
                self.picks[row.entry_id] += 1
            return
        self.asked += 1
        if row.kind in (CLARIFY, FALLBACK):
            if row.kind == CLARIFY:
                self.clarified += 1
            else:
                self.fell_back += 1
            if row.entry_id is not None:
                best = self.top_scores.get(row.entry_id, 0.0)
                self.top_scores[row.entry_id] = max(best, row.score)

    def build(self) -> AskedQuestion:
        text = self.wordings.most_common(1)[0][0] if self.wordings else self.key
        return AskedQuestion(
            key=self.key,
            text=text,
            asked=self.asked,
            fell_back=self.fell_back,
            clarified=self.clarified,
            picks=dict(self.picks),
            rejected=dict(self.rejected),
            top_scores=dict(self.top_scores),
            none_of_these=self.none_of_these,
        )
