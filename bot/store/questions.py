"""What people asked and how the FAQ did, for the moderators' report.

One row per question the pipeline handled (``answer``, ``clarify``, ``fallback``, ``crisis``)
and per "None of these" click. The question text is kept only for non-crisis messages: for
``crisis`` it is dropped here whatever the caller passes. ``entry_id`` is the answered entry,
or for ``clarify`` and ``fallback`` the best candidate, so the report can offer the question
as an alias for the entry it nearly matched.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from bot.store.database import Database
from bot.store.timestamps import from_db, since_bound, to_db, utc_now

ANSWER = "answer"
CLARIFY = "clarify"
FALLBACK = "fallback"
CRISIS = "crisis"
NONE_OF_THESE = "none-of-these"
KINDS = frozenset({ANSWER, CLARIFY, FALLBACK, CRISIS, NONE_OF_THESE})
UNANSWERED_KINDS = (FALLBACK, NONE_OF_THESE)


@dataclass(frozen=True, slots=True)
class LoggedQuestion:
    """One logged question (no user id: the report never needs it)."""

    id: int
    asked_at: dt.datetime
    kind: str
    query: str | None
    entry_id: str | None
    score: float
    candidates: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DailyFallbackRate:
    """How one UTC day went: questions asked, fallbacks and "None of these" clicks."""

    day: dt.date
    questions: int
    fallbacks: int
    none_of_these: int

    @property
    def rate(self) -> float:
        """Share of the day's questions the FAQ could not answer (0.0 on a quiet day)."""
        return self.fallbacks / self.questions if self.questions else 0.0


class QuestionLog:
    """The question log in SQLite; writes commit before returning."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def record(
        self,
        kind: str,
        query: str | None,
        entry_id: str | None,
        score: float,
        *,
        user_id: int | None = None,
        now: dt.datetime | None = None,
        candidates: Sequence[str] = (),
    ) -> None:
        """Log one handled message; ``kind`` is the pipeline's reply kind."""
        if kind not in KINDS:
            raise ValueError(f"unknown question kind {kind!r}; expected one of {sorted(KINDS)}")
        crisis = kind == CRISIS
        self.db.execute(
            """
            INSERT INTO questions (asked_at, kind, query, entry_id, score, candidates, user_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            (
                to_db(now or utc_now()),
                kind,
                None if crisis else query,
                None if crisis else entry_id,
                float(score),
                json.dumps([] if crisis else list(candidates)),
                user_id,
            ),
        )

    def record_none_of_these(
        self,
        query: str | None,
        candidates: Sequence[str],
        user_id: int | None = None,
        now: dt.datetime | None = None,
    ) -> None:
        """Log a "None of these" click on a clarify question that offered ``candidates``."""
        self.record(
            NONE_OF_THESE,
            query,
            candidates[0] if candidates else None,
            0.0,
            user_id=user_id,
            now=now,
            candidates=candidates,
        )

    def list_questions(
        self,
        *,
        kinds: Collection[str] | None = None,
        since: dt.datetime | None = None,
        limit: int | None = None,
    ) -> list[LoggedQuestion]:
        """Logged questions, newest first, optionally only some kinds and since a time."""
        sql = "SELECT * FROM questions WHERE asked_at >= ?"
        params: list[object] = [since_bound(since)]
        if kinds is not None:
            chosen = sorted(kinds)
            sql += f" AND kind IN ({', '.join('?' for _ in chosen)})"
            params += chosen
        sql += " ORDER BY asked_at DESC, id DESC LIMIT ?"
        params.append(-1 if limit is None else max(0, limit))
        return [_from_row(row) for row in self.db.query(sql, params)]

    def unanswered(
        self, since: dt.datetime | None = None, limit: int | None = None
    ) -> list[LoggedQuestion]:
        """Fallbacks and "None of these" clicks, newest first."""
        return self.list_questions(kinds=UNANSWERED_KINDS, since=since, limit=limit)

    def counts_per_entry(self, since: dt.datetime | None = None) -> list[tuple[str, int]]:
        """How often each entry was the answer, most asked first."""
        rows = self.db.query(
            """
            SELECT entry_id, count(*) AS asked FROM questions
            WHERE kind = ? AND entry_id IS NOT NULL AND asked_at >= ?
            GROUP BY entry_id ORDER BY asked DESC, entry_id
            """,
            (ANSWER, since_bound(since)),
        )
        return [(row["entry_id"], row["asked"]) for row in rows]

    def fallback_rate_per_day(self, since: dt.datetime | None = None) -> list[DailyFallbackRate]:
        """Per UTC day, oldest first: FAQ questions (not crisis), fallbacks, "None of these"."""
        rows = self.db.query(
            """
            SELECT substr(asked_at, 1, 10) AS day,
                   sum(kind IN (?, ?, ?)) AS questions,
                   sum(kind = ?) AS fallbacks,
                   sum(kind = ?) AS none_of_these
            FROM questions WHERE asked_at >= ? AND kind != ?
            GROUP BY day ORDER BY day
            """,
            (ANSWER, CLARIFY, FALLBACK, FALLBACK, NONE_OF_THESE, since_bound(since), CRISIS),
        )
        return [
            DailyFallbackRate(
                dt.date.fromisoformat(row["day"]),
                row["questions"],
                row["fallbacks"],
                row["none_of_these"],
            )
            for row in rows
        ]

    def forget_user(self, user_id: int) -> int:
        """Delete everything ``user_id`` asked; return how many rows."""
        return self.db.execute("DELETE FROM questions WHERE user_id = ?", (user_id,)).rowcount

    def purge_older_than(self, cutoff: dt.datetime) -> int:
        """Delete questions logged before ``cutoff``; return how many."""
        return self.db.execute(
            "DELETE FROM questions WHERE asked_at < ?", (to_db(cutoff),)
        ).rowcount


def _from_row(row: sqlite3.Row) -> LoggedQuestion:
    return LoggedQuestion(
        id=row["id"],
        asked_at=from_db(row["asked_at"]),
        kind=row["kind"],
        query=row["query"],
        entry_id=row["entry_id"],
        score=row["score"],
        candidates=tuple(json.loads(row["candidates"])),
    )
