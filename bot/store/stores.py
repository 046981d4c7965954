"""Every store over one database, opened together: what the bot and the CLI wire in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from bot.store.audit import ReloadLog
from bot.store.database import DEFAULT_BUSY_TIMEOUT, Database, open_database
from bot.store.escalations import EscalationStore
from bot.store.feedback import FeedbackStore
from bot.store.questions import QuestionLog


@dataclass(frozen=True, slots=True)
class Stores:
    """The open database and a store for each kind of record in it."""

    db: Database
    escalations: EscalationStore
    feedback: FeedbackStore
    questions: QuestionLog
    reloads: ReloadLog

    @classmethod
    def open(cls, path: Path | str, *, busy_timeout: dt.timedelta = DEFAULT_BUSY_TIMEOUT) -> Stores:
        """Open (and migrate) the database at ``path`` and build every store over it."""
        return cls.over(open_database(path, busy_timeout=busy_timeout))

    @classmethod
    def over(cls, db: Database) -> Stores:
        """Every store over an already open database."""
        return cls(
            db=db,
            escalations=EscalationStore(db),
            feedback=FeedbackStore(db),
            questions=QuestionLog(db),
            reloads=ReloadLog(db),
        )

    def close(self) -> None:
        """Close the database."""
        self.db.close()
