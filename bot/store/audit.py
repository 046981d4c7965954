"""The FAQ reload audit: every reload, good or bad, with its trigger, file hash and result."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from bot.store.database import Database
from bot.store.timestamps import from_db, to_db, utc_now


@dataclass(frozen=True, slots=True)
class ReloadRecord:
    """One recorded reload of ``faq.yaml``."""

    id: int
    reloaded_at: dt.datetime
    trigger: str
    actor: str | None
    file_hash: str
    ok: bool
    summary: str


class ReloadLog:
    """Reload records in SQLite; writes commit before returning."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def record(
        self,
        trigger: str,
        actor: str | None,
        file_hash: str,
        ok: bool,
        summary: str,
        now: dt.datetime | None = None,
    ) -> ReloadRecord:
        """Store one reload and return it.

        ``trigger`` says what started it ("watcher", "command", "startup"); ``actor`` is the
        Discord user id (as text) of whoever ran ``/faq reload``, or ``None``.
        """
        with self.db.transaction() as connection:
            cursor = connection.execute(
                """
                INSERT INTO reloads (reloaded_at, trigger, actor, file_hash, ok, summary)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                (to_db(now or utc_now()), trigger, actor, file_hash, int(ok), summary),
            )
            row = connection.execute(
                "SELECT * FROM reloads WHERE id = ?", (cursor.lastrowid,)
            ).fetchone()
        return _from_row(row)

    def recent(self, limit: int = 20) -> list[ReloadRecord]:
        """The newest reloads first."""
        rows = self.db.query(
            "SELECT * FROM reloads ORDER BY reloaded_at DESC, id DESC LIMIT ?", (max(0, limit),)
        )
        return [_from_row(row) for row in rows]

    def forget_user(self, user_id: int) -> int:
        """Remove ``user_id`` as the actor of reloads (the reloads stay); return how many."""
        return self.db.execute(
            "UPDATE reloads SET actor = NULL WHERE actor = ?", (str(user_id),)
        ).rowcount

    def purge_older_than(self, cutoff: dt.datetime) -> int:
        """Delete reload records older than ``cutoff``; return how many."""
        return self.db.execute(
            "DELETE FROM reloads WHERE reloaded_at < ?", (to_db(cutoff),)
        ).rowcount


def _from_row(row: sqlite3.Row) -> ReloadRecord:
    return ReloadRecord(
        id=row["id"],
        reloaded_at=from_db(row["reloaded_at"]),
        trigger=row["trigger"],
        actor=row["actor"],
        file_hash=row["file_hash"],
        ok=bool(row["ok"]),
        summary=row["summary"],
    )
