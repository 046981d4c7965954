"""The question log behind the moderators' report."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.store.database import Database
from bot.store.questions import DailyFallbackRate, QuestionLog
from tests.store.helpers import SECRET_TEXT, T0

DAY = dt.timedelta(days=1)


def test_crisis_messages_never_keep_their_text(db: Database) -> None:
    log = QuestionLog(db)
    log.record("crisis", SECRET_TEXT, "dosage", 0.0, user_id=1, now=T0, candidates=["dosage"])

    (logged,) = log.list_questions()
    assert (logged.kind, logged.query, logged.entry_id, logged.candidates) == (
        "crisis", None, None, (),
    )  # fmt: skip
    assert SECRET_TEXT not in str(db.query("SELECT * FROM questions")[0][:])


def test_unknown_kind_is_refused(db: Database) -> None:
    with pytest.raises(ValueError, match="unknown question kind"):
        QuestionLog(db).record("answered", "q", None, 1.0, user_id=None, now=T0)


def test_counts_per_entry_counts_answers_only(db: Database) -> None:
    log = QuestionLog(db)
    for _ in range(3):
        log.record("answer", None, "dosage", 91.0, user_id=None, now=T0)
    log.record("answer", None, "mania", 88.0, user_id=None, now=T0)
    log.record("clarify", "xanax or kpin", "xanax-comparison", 60.0, user_id=None, now=T0)

    assert log.counts_per_entry() == [("dosage", 3), ("mania", 1)]
    assert log.counts_per_entry(T0 + DAY) == []


def test_fallback_rate_per_day(db: Database) -> None:
    log = QuestionLog(db)
    # Day one: 4 questions, 1 fallback, 1 "None of these", 1 crisis that is not a question.
    for kind in ("answer", "answer", "clarify", "fallback"):
        log.record(kind, "q", None, 50.0, user_id=None, now=T0)
    log.record_none_of_these("q", ["dosage", "mania"], None, T0 + dt.timedelta(minutes=1))
    log.record("crisis", None, None, 0.0, user_id=None, now=T0)
    # Day two: 2 questions, both fallbacks.
    log.record("fallback", "a", None, 10.0, user_id=None, now=T0 + DAY)
    log.record("fallback", "b", None, 10.0, user_id=None, now=T0 + DAY)

    rates = log.fallback_rate_per_day()
    assert rates == [
        DailyFallbackRate(T0.date(), questions=4, fallbacks=1, none_of_these=1),
        DailyFallbackRate((T0 + DAY).date(), questions=2, fallbacks=2, none_of_these=0),
    ]
    assert [rate.rate for rate in rates] == [0.25, 1.0]
    assert log.fallback_rate_per_day(T0 + DAY) == rates[1:]


def test_unanswered_lists_fallbacks_and_none_of_these_newest_first(db: Database) -> None:
    log = QuestionLog(db)
    log.record("fallback", "can my cat take it", "dosage", 31.0, user_id=5, now=T0)
    log.record("answer", "is 2mg a lot", "dosage", 95.0, user_id=5, now=T0)
    log.record_none_of_these("kpin vs xans", ["xanax-comparison", "dosage"], 6, T0 + DAY)

    unanswered = log.unanswered()
    assert [(item.kind, item.query, item.asked_at) for item in unanswered] == [
        ("none-of-these", "kpin vs xans", T0 + DAY),
        ("fallback", "can my cat take it", T0),
    ]
    assert unanswered[0].candidates == ("xanax-comparison", "dosage")
    assert unanswered[0].entry_id == "xanax-comparison"
    assert unanswered[1].entry_id == "dosage"
    assert unanswered[1].score == 31.0
    assert len(log.unanswered(limit=1)) == 1
    assert [item.kind for item in log.list_questions(kinds=["answer"])] == ["answer"]


def test_forget_and_purge(db: Database) -> None:
    log = QuestionLog(db)
    log.record("fallback", "mine", None, 0.0, user_id=1, now=T0)
    log.record("fallback", "theirs", None, 0.0, user_id=2, now=T0 + 10 * DAY)

    assert log.forget_user(1) == 1
    assert [item.query for item in log.unanswered()] == ["theirs"]
    assert log.purge_older_than(T0 + 11 * DAY) == 1
    assert log.list_questions() == []
