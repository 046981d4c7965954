"""Helpful / Not helpful votes."""

from __future__ import annotations

import datetime as dt

from bot.store.database import Database
from bot.store.feedback import EntryVotes, FeedbackStore
from tests.store.helpers import T0


def test_votes_per_entry_most_voted_first(db: Database) -> None:
    votes = FeedbackStore(db)
    for user, helpful in ((1, True), (2, True), (3, False)):
        votes.record_vote("dosage", helpful, user_id=user, question="is 2mg a lot", now=T0)
    votes.record_vote("mania", False, user_id=4, question="can it cause mania", now=T0)

    assert votes.votes_per_entry() == [EntryVotes("dosage", 2, 1), EntryVotes("mania", 0, 1)]
    dosage = votes.votes_per_entry()[0]
    assert dosage.total == 3
    assert round(dosage.helpful_share, 3) == 0.667
    assert EntryVotes("x", 0, 0).helpful_share == 0.0


def test_question_is_kept_only_with_not_helpful_votes(db: Database) -> None:
    votes = FeedbackStore(db)
    votes.record_vote("dosage", True, user_id=1, question="is 2mg a lot", now=T0)
    votes.record_vote("dosage", False, user_id=2, question="how much is too much", now=T0)

    unhelpful = votes.not_helpful()
    assert [(vote.entry_id, vote.question, vote.voted_at) for vote in unhelpful] == [
        ("dosage", "how much is too much", T0)
    ]
    stored = db.query("SELECT question FROM feedback_votes ORDER BY id")
    assert [row[0] for row in stored] == [None, "how much is too much"]


def test_a_second_vote_on_the_same_answer_replaces_the_first(db: Database) -> None:
    votes = FeedbackStore(db)
    votes.record_vote("dosage", True, user_id=1, question="q", now=T0, answer_id=777)
    votes.record_vote("dosage", True, user_id=1, question="q", now=T0, answer_id=777)
    votes.record_vote("dosage", False, user_id=1, question="q", now=T0, answer_id=777)
    votes.record_vote("dosage", True, user_id=2, question="q", now=T0, answer_id=777)

    assert votes.votes_per_entry() == [EntryVotes("dosage", 1, 1)]


def test_since_limits_the_report(db: Database) -> None:
    votes = FeedbackStore(db)
    votes.record_vote("dosage", False, user_id=1, question="old", now=T0)
    votes.record_vote("dosage", False, user_id=1, question="new", now=T0 + dt.timedelta(days=3))

    since = T0 + dt.timedelta(days=1)
    assert votes.votes_per_entry(since) == [EntryVotes("dosage", 0, 1)]
    assert [vote.question for vote in votes.not_helpful(since)] == ["new"]
    assert [vote.question for vote in votes.not_helpful(limit=1)] == ["new"]


def test_forget_and_purge(db: Database) -> None:
    votes = FeedbackStore(db)
    votes.record_vote("dosage", False, user_id=1, question="mine", now=T0)
    votes.record_vote("dosage", False, user_id=2, question="theirs", now=T0 + dt.timedelta(days=10))

    assert votes.forget_user(1) == 1
    assert [vote.question for vote in votes.not_helpful()] == ["theirs"]
    assert votes.purge_older_than(T0 + dt.timedelta(days=5)) == 0
    assert votes.purge_older_than(T0 + dt.timedelta(days=11)) == 1
    assert votes.votes_per_entry() == []
