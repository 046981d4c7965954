"""Counts for the report: totals, questions per day, most asked entries, helpfulness."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from bot.faq.models import FaqDocument
from bot.faq.normalise import normalise_text
from bot.report.asked import unresolved_keys
from bot.report.model import DayFigures, EntryAsked, EntryHelpfulness, Totals
from bot.store.feedback import EntryVotes
from bot.store.questions import ANSWER, CLARIFY, CRISIS, FALLBACK, NONE_OF_THESE, LoggedQuestion

_PICK = "pick"


def _kinds(rows: Sequence[LoggedQuestion]) -> list[tuple[LoggedQuestion, str]]:
    """Each row with its kind, an ``answer`` after "did you mean" relabelled as a pick."""
    unresolved = unresolved_keys(rows)
    labelled = []
    for row in rows:
        kind = row.kind
        if kind == ANSWER and row.query is not None and normalise_text(row.query) in unresolved:
            kind = _PICK
        labelled.append((row, kind))
    return labelled


def totals(rows: Sequence[LoggedQuestion]) -> Totals:
    """Counts over every row of the period."""
    counts = Counter(kind for _, kind in _kinds(rows))
    return Totals(
        asked=counts[ANSWER] + counts[CLARIFY] + counts[FALLBACK],
        answered=counts[ANSWER],
        clarified=counts[CLARIFY],
        fell_back=counts[FALLBACK],
        picked=counts[_PICK],
        none_of_these=counts[NONE_OF_THESE],
        crisis=counts[CRISIS],
    )


def per_day(
    rows: Sequence[LoggedQuestion], since: dt.datetime, until: dt.datetime
) -> tuple[DayFigures, ...]:
    """Questions, fallbacks and "None of these" per UTC day, quiet days included."""
    asked: Counter[dt.date] = Counter()
    fell_back: Counter[dt.date] = Counter()
    rejected: Counter[dt.date] = Counter()
    for row, kind in _kinds(rows):
        day = row.asked_at.astimezone(dt.UTC).date()
        if kind in (ANSWER, CLARIFY, FALLBACK):
            asked[day] += 1
        if kind == FALLBACK:
            fell_back[day] += 1
        elif kind == NONE_OF_THESE:
            rejected[day] += 1
    first = since.astimezone(dt.UTC).date()
    last = until.astimezone(dt.UTC).date()
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    return tuple(DayFigures(day, asked[day], fell_back[day], rejected[day]) for day in days)


def most_asked(rows: Sequence[LoggedQuestion], document: FaqDocument) -> tuple[EntryAsked, ...]:
    """Entries by how often they were the answer (direct or picked), most first."""
    counts: Counter[str] = Counter(
        row.entry_id for row, kind in _kinds(rows) if kind in (ANSWER, _PICK) and row.entry_id
    )
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(EntryAsked(entry_id, _question(document, entry_id), n) for entry_id, n in ranked)


def helpfulness(votes: Sequence[EntryVotes], document: FaqDocument) -> tuple[EntryHelpfulness, ...]:
    """Votes per entry, the least helpful share first (ties: most votes first)."""
    rows = [
        EntryHelpfulness(
            v.entry_id, v.helpful, v.not_helpful, question=_question(document, v.entry_id)
        )
        for v in votes
    ]
    rows.sort(key=lambda h: (h.helpful_share, -h.total, h.entry_id))
    return tuple(rows)


def _question(document: FaqDocument, entry_id: str) -> str:
    """The entry's question, or a note when the entry has since been removed."""
    try:
        return document.entry(entry_id).question
    except KeyError:
        return "(no longer in the FAQ)"
