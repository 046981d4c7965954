"""Deleting a member's data on request, and the daily retention sweep, across every store."""

from __future__ import annotations

import datetime as dt
import logging

from bot.store.audit import ReloadLog
from bot.store.database import Database
from bot.store.escalations import EscalationStore
from bot.store.feedback import FeedbackStore
from bot.store.questions import QuestionLog
from bot.store.timestamps import utc_now

log = logging.getLogger(__name__)


def forget_user(db: Database, user_id: int) -> dict[str, int]:
    """Delete what is stored about ``user_id``, all or nothing; return rows touched per store.

    Votes and logged questions are deleted. Escalations stay for staff, reduced to id, time,
    level, category, state and channel: no user id, message link, matched terms or text.
    """
    with db.transaction():
        counts = {
            "escalations": EscalationStore(db).forget_user(user_id),
            "feedback": FeedbackStore(db).forget_user(user_id),
            "questions": QuestionLog(db).forget_user(user_id),
            "reloads": ReloadLog(db).forget_user(user_id),
        }
    _drop_old_copies(db)
    log.info("forgot a user on request: %s", _summary(counts))
    return counts


def purge_expired(
    db: Database, retention: dt.timedelta, now: dt.datetime | None = None
) -> dict[str, int]:
    """Remove data older than ``retention``; return rows touched per store.

    Resolved escalations past retention are deleted; open ones only lose stored text.
    """
    cutoff = (now or utc_now()) - retention
    with db.transaction():
        counts = {
            "escalations": EscalationStore(db).purge_older_than(cutoff),
            "feedback": FeedbackStore(db).purge_older_than(cutoff),
            "questions": QuestionLog(db).purge_older_than(cutoff),
            "reloads": ReloadLog(db).purge_older_than(cutoff),
        }
    _drop_old_copies(db)
    log.info("retention sweep: %s", _summary(counts))
    return counts


def _drop_old_copies(db: Database) -> None:
    """Empty the WAL so earlier versions of the changed rows are gone from disk too."""
    if not db.in_transaction and not db.checkpoint():
        log.warning("WAL checkpoint was blocked by a reader; old row copies remain until the next")


def _summary(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {count}" for name, count in counts.items())
