"""Read what the report needs from the stores, for one period, in one place."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.store.feedback import EntryVotes, NotHelpfulVote
from bot.store.questions import LoggedQuestion
from bot.store.report_queries import votes_between
from bot.store.stores import Stores


@dataclass(frozen=True, slots=True)
class Traffic:
    """The logged questions and votes of one period (``since`` <= time <= ``until``)."""

    since: dt.datetime
    until: dt.datetime
    questions: tuple[LoggedQuestion, ...]  # oldest first
    votes: tuple[EntryVotes, ...]
    not_helpful: tuple[NotHelpfulVote, ...]


def load_traffic(stores: Stores, *, since: dt.datetime, until: dt.datetime) -> Traffic:
    """Questions and votes logged from ``since`` up to ``until``."""
    questions = [q for q in stores.questions.list_questions(since=since) if q.asked_at <= until]
    questions.reverse()
    not_helpful = tuple(v for v in stores.feedback.not_helpful(since=since) if v.voted_at <= until)
    return Traffic(
        since=since,
        until=until,
        questions=tuple(questions),
        votes=tuple(votes_between(stores.db, since, until)),
        not_helpful=not_helpful,
    )
