"""Opening every store at once."""

from __future__ import annotations

from pathlib import Path

from bot.store.stores import Stores
from tests.store.helpers import T0, crisis, discord_origin


def test_stores_share_one_database_that_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "data" / "bot.sqlite3"
    stores = Stores.open(path)
    escalation = stores.escalations.record(crisis(), discord_origin(), now=T0)
    stores.feedback.record_vote("dosage", True, user_id=1, question=None, now=T0)
    stores.questions.record("answer", None, "dosage", 92.0, user_id=1, now=T0)
    stores.reloads.record("startup", None, "hash", True, "15 entries", T0)
    stores.close()

    stores = Stores.open(path)
    try:
        assert stores.escalations.get(escalation.id) == escalation
        assert stores.feedback.votes_per_entry()[0].helpful == 1
        assert stores.questions.counts_per_entry() == [("dosage", 1)]
        assert [record.summary for record in stores.reloads.recent()] == ["15 entries"]
    finally:
        stores.close()
