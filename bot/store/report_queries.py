"""Read-only queries for the moderators' report that the stores do not offer themselves."""

from __future__ import annotations

import datetime as dt

from bot.store.database import Database
from bot.store.feedback import EntryVotes
from bot.store.timestamps import to_db


def votes_between(db: Database, since: dt.datetime, until: dt.datetime) -> list[EntryVotes]:
    """Helpful and not-helpful counts per entry for votes cast in ``[since, until]``."""
    rows = db.query(
        """
        SELECT entry_id, sum(helpful) AS helpful, sum(1 - helpful) AS not_helpful
        FROM feedback_votes WHERE voted_at >= ? AND voted_at <= ?
        GROUP BY entry_id ORDER BY count(*) DESC, entry_id
        """,
        (to_db(since), to_db(until)),
    )
    return [EntryVotes(row["entry_id"], row["helpful"], row["not_helpful"]) for row in rows]
