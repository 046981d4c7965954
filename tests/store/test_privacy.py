"""Forgetting a member across every store, and the retention sweep."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.store.audit import ReloadLog
from bot.store.database import Database
from bot.store.escalations import EscalationStore
from bot.store.feedback import FeedbackStore
from bot.store.privacy import forget_user, purge_expired
from bot.store.questions import QuestionLog
from tests.store.helpers import SECRET_TEXT, T0, crisis, discord_origin

ME = 7
OTHER = 8


def fill(db: Database, user_id: int, now: dt.datetime, text: str) -> int:
    escalation = EscalationStore(db).record(
        crisis(), discord_origin(user_id=user_id, message_id=user_id * 1000), text=text, now=now
    )
    FeedbackStore(db).record_vote("dosage", False, user_id=user_id, question=text, now=now)
    QuestionLog(db).record("fallback", text, None, 0.0, user_id=user_id, now=now)
    ReloadLog(db).record("command", str(user_id), "h", True, "ok", now)
    return escalation.id


def everything_on_disk(path: Path) -> bytes:
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_forget_user_deletes_everything_about_them_and_nothing_else(
    db: Database, db_path: Path
) -> None:
    mine = fill(db, ME, T0, SECRET_TEXT)
    fill(db, OTHER, T0, "someone else's question")

    counts = forget_user(db, ME)

    assert counts == {"escalations": 1, "feedback": 1, "questions": 1, "reloads": 1}
    kept = EscalationStore(db).get(mine)
    assert kept is not None
    assert (kept.level, kept.category, kept.state, kept.origin.user_id) == (
        1,
        "overdose",
        "pending",
        None,
    )
    for table, column in (("feedback_votes", "user_id"), ("questions", "user_id")):
        users = [row[0] for row in db.query(f"SELECT {column} FROM {table}")]
        assert users == [OTHER]
    assert [record.actor for record in ReloadLog(db).recent()].count(str(ME)) == 0
    assert [item.query for item in QuestionLog(db).unanswered()] == ["someone else's question"]
    assert SECRET_TEXT.encode() not in everything_on_disk(db_path)
    # Forgetting twice is harmless.
    assert forget_user(db, ME) == {"escalations": 0, "feedback": 0, "questions": 0, "reloads": 0}


def test_purge_expired_applies_one_retention_to_every_store(db: Database) -> None:
    old = fill(db, ME, T0, "old")
    EscalationStore(db).resolve(old, by=1, now=T0)
    recent = fill(db, OTHER, T0 + dt.timedelta(days=60), "recent")

    counts = purge_expired(db, dt.timedelta(days=30), now=T0 + dt.timedelta(days=61))

    assert counts == {"escalations": 1, "feedback": 1, "questions": 1, "reloads": 1}
    assert EscalationStore(db).get(old) is None
    assert EscalationStore(db).get(recent) is not None
    assert [item.query for item in QuestionLog(db).unanswered()] == ["recent"]
    assert [vote.question for vote in FeedbackStore(db).not_helpful()] == ["recent"]
