"""The moderators' report as plain, frozen data: what renderers show and tests check."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from bot.store.feedback import EntryVotes

# How sure a suggestion is that a question belongs to an entry, strongest first.
#   picked:         someone who asked this picked the entry from "did you mean"
#   similar-picked: people asking a similar question (same cluster) picked it
#   best-guess:     the bot's own best candidate, nobody confirmed or rejected it
Basis = Literal["picked", "similar-picked", "best-guess"]
BASIS_RANK: dict[Basis, int] = {"picked": 0, "similar-picked": 1, "best-guess": 2}


@dataclass(frozen=True, slots=True)
class Totals:
    """Counts over the whole period."""

    asked: int  # questions the FAQ handled (picks and "None of these" are follow-ups)
    answered: int
    clarified: int
    fell_back: int
    picked: int  # "did you mean" choices a member picked
    none_of_these: int
    crisis: int  # crisis messages (their text is never stored)

    @property
    def fallback_rate(self) -> float:
        """Share of questions the FAQ had no answer for (0.0 when nobody asked)."""
        return self.fell_back / self.asked if self.asked else 0.0


@dataclass(frozen=True, slots=True)
class EntryAsked:
    """How often one entry was given as the answer (directly or picked)."""

    entry_id: str
    question: str
    asked: int


@dataclass(frozen=True, slots=True)
class DayFigures:
    """One UTC day: questions, fallbacks and "None of these" clicks."""

    day: dt.date
    asked: int
    fell_back: int
    none_of_these: int

    @property
    def rate(self) -> float:
        """Share of the day's questions that fell back (0.0 on a quiet day)."""
        return self.fell_back / self.asked if self.asked else 0.0


@dataclass(frozen=True, slots=True)
class EntryHelpfulness(EntryVotes):
    """Helpful and Not helpful votes on one entry, with the entry's question."""

    question: str = ""

    @property
    def share(self) -> float:
        """Helpful votes as a share of all votes (0.0 with none)."""
        return self.helpful_share


@dataclass(frozen=True, slots=True)
class QuestionCluster:
    """Similar questions the FAQ could not answer directly."""

    representative: str
    asked: int
    examples: tuple[str, ...]  # other wordings, most asked first
    fell_back: int
    clarified: int
    picked: int
    none_of_these: int
    likely_entry: str | None  # the entry the evidence points at, if any
    not_covered: tuple[str, ...]  # topics the FAQ marks as not covered that they mention


@dataclass(frozen=True, slots=True)
class AliasSuggestion:
    """A question worth adding to an entry's aliases."""

    entry_id: str
    text: str
    asked: int  # including the near-duplicate variants folded into it
    basis: Basis
    score: float  # the best score the entry got for it when it was asked
    variants: tuple[str, ...] = ()

    def note(self) -> str:
        """Why it is suggested, in a few words (no question text)."""
        times = f"asked {self.asked}×"
        if self.basis == "picked":
            return f"{times}; the asker picked this entry from 'did you mean'"
        if self.basis == "similar-picked":
            return f"{times}; people asking a similar question picked this entry"
        return f"{times}; the bot's best guess (score {self.score:.0f}), not confirmed"


@dataclass(frozen=True, slots=True)
class WithheldSuggestion:
    """A near miss that is not offered as an alias, and why."""

    entry_id: str
    text: str
    asked: int
    reason: str


@dataclass(frozen=True, slots=True)
class Asked:
    """A question text and how many times it was asked or clicked."""

    text: str
    count: int


@dataclass(frozen=True, slots=True)
class EntryNearMisses:
    """For one entry: questions that nearly matched it, and questions it did not satisfy."""

    entry_id: str
    question: str
    suggestions: tuple[AliasSuggestion, ...]
    withheld: tuple[WithheldSuggestion, ...]
    rejected: tuple[Asked, ...]  # "None of these" while this entry was offered
    not_helpful: tuple[Asked, ...]  # "Not helpful" votes on its answer


@dataclass(frozen=True, slots=True)
class ChangedAnswer:
    """A question answered today that would get another answer with the suggestions."""

    text: str
    before: str | None
    after: str | None


@dataclass(frozen=True, slots=True)
class AliasPreview:
    """What adding every suggested alias would do, checked with the real matcher."""

    aliases: int
    questions: int  # the near-miss questions the suggestions came from
    now_answered: int  # of those, answered with the suggested entry afterwards
    still_not_answered: tuple[str, ...]
    changed_answers: tuple[ChangedAnswer, ...]


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the moderators' report shows, for one period."""

    generated_at: dt.datetime
    since: dt.datetime
    days: int
    totals: Totals
    most_asked: tuple[EntryAsked, ...]
    per_day: tuple[DayFigures, ...]
    helpfulness: tuple[EntryHelpfulness, ...]
    clusters: tuple[QuestionCluster, ...]
    near_misses: tuple[EntryNearMisses, ...]
    preview: AliasPreview

    @property
    def suggestions(self) -> tuple[AliasSuggestion, ...]:
        """Every suggested alias, entry by entry."""
        return tuple(s for entry in self.near_misses for s in entry.suggestions)
