"""Helpful / Not helpful votes on FAQ answers, for the moderators' report.

A member's second vote on the same answer (same ``answer_id``) replaces the first, so
clicking both buttons, or one button twice, counts once. The question is kept only with a
"Not helpful" vote, where it tells moderators what the answer missed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.store.database import Database
from bot.store.timestamps import from_db, since_bound, to_db, utc_now


@dataclass(frozen=True, slots=True)
class EntryVotes:
    """Helpfulness of one FAQ entry."""

    entry_id: str
    helpful: int
    not_helpful: int

    @property
    def total(self) -> int:
        """All votes on the entry."""
        return self.helpful + self.not_helpful

    @property
    def helpful_share(self) -> float:
        """Helpful votes as a share of all votes (0.0 with no votes)."""
        return self.helpful / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class NotHelpfulVote:
    """A "Not helpful" vote with the question that got the answer."""

    voted_at: dt.datetime
    entry_id: str
    question: str | None


class FeedbackStore:
    """Votes on answers in SQLite; writes commit before returning."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def record_vote(
        self,
        entry_id: str,
        helpful: bool,
        *,
        user_id: int | None = None,
        question: str | None = None,
        now: dt.datetime | None = None,
        answer_id: int | None = None,
    ) -> None:
        """Store a vote on ``entry_id``; with ``answer_id`` and ``user_id`` a re-vote replaces it.

        ``question`` is stored only for a "Not helpful" vote; pass ``None`` for crisis messages.
        """
        self.db.execute(
            """
            INSERT INTO feedback_votes (voted_at, entry_id, helpful, user_id, answer_id, question)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (answer_id, user_id)
                WHERE answer_id IS NOT NULL AND user_id IS NOT NULL
            DO UPDATE SET
                voted_at = excluded.voted_at,
                entry_id = excluded.entry_id,
                helpful = excluded.helpful,
                question = excluded.question
            """,
            (
                to_db(now or utc_now()),
                entry_id,
                int(helpful),
                user_id,
                answer_id,
                None if helpful else question,
            ),
        )

    def votes_per_entry(self, since: dt.datetime | None = None) -> list[EntryVotes]:
        """Helpful and not-helpful counts per entry, most voted first."""
        rows = self.db.query(
            """
            SELECT entry_id, sum(helpful) AS helpful, sum(1 - helpful) AS not_helpful
            FROM feedback_votes WHERE voted_at >= ?
            GROUP BY entry_id ORDER BY count(*) DESC, entry_id
            """,
            (since_bound(since),),
        )
        return [EntryVotes(row["entry_id"], row["helpful"], row["not_helpful"]) for row in rows]

    def not_helpful(
        self, since: dt.datetime | None = None, limit: int | None = None
    ) -> list[NotHelpfulVote]:
        """Votes of "Not helpful" with their questions, newest first."""
        rows = self.db.query(
            """
            SELECT voted_at, entry_id, question FROM feedback_votes
            WHERE helpful = 0 AND voted_at >= ?
            ORDER BY voted_at DESC, id DESC LIMIT ?
            """,
            (since_bound(since), -1 if limit is None else max(0, limit)),
        )
        return [
            NotHelpfulVote(from_db(row["voted_at"]), row["entry_id"], row["question"])
            for row in rows
        ]

    def forget_user(self, user_id: int) -> int:
        """Delete every vote ``user_id`` cast; return how many."""
        return self.db.execute("DELETE FROM feedback_votes WHERE user_id = ?", (user_id,)).rowcount

    def purge_older_than(self, cutoff: dt.datetime) -> int:
        """Delete votes cast before ``cutoff``; return how many."""
        return self.db.execute(
            "DELETE FROM feedback_votes WHERE voted_at < ?", (to_db(cutoff),)
        ).rowcount
