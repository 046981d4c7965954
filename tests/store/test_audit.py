"""The FAQ reload audit log."""

from __future__ import annotations

import datetime as dt

from bot.store.audit import ReloadLog
from bot.store.database import Database
from tests.store.helpers import T0


def test_reloads_are_recorded_newest_first(db: Database) -> None:
    log = ReloadLog(db)
    good = log.record("startup", None, "abc123", True, "15 entries", T0)
    bad = log.record(
        "command", "424242", "def456", False, "faq.yaml:12: unknown field", T0 + dt.timedelta(1)
    )

    assert (good.trigger, good.ok, good.reloaded_at) == ("startup", True, T0)
    assert log.recent() == [bad, good]
    assert log.recent(limit=1) == [bad]
    assert (bad.actor, bad.file_hash, bad.summary) == (
        "424242",
        "def456",
        "faq.yaml:12: unknown field",
    )


def test_forget_removes_the_actor_and_keeps_the_reload(db: Database) -> None:
    log = ReloadLog(db)
    log.record("command", "424242", "h", True, "ok", T0)
    log.record("command", "99", "h", True, "ok", T0)

    assert log.forget_user(424242) == 1
    assert sorted(str(record.actor) for record in log.recent()) == ["99", "None"]


def test_purge(db: Database) -> None:
    log = ReloadLog(db)
    log.record("watcher", None, "h", True, "ok", T0)
    log.record("watcher", None, "h", True, "ok", T0 + dt.timedelta(days=40))
    assert log.purge_older_than(T0 + dt.timedelta(days=30)) == 1
    assert len(log.recent()) == 1
