"""The escalation policy: record first, one escalation per message, cooldown, storage faults."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from bot.crisis.result import Category
from bot.escalation import EscalationService
from bot.store.database import Database, open_database
from bot.store.escalations import EscalationStore, Origin
from tests.store.helpers import SECRET_TEXT, FakeClock, crisis, discord_origin

SHORT_WAIT = dt.timedelta(milliseconds=50)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "bot.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path, busy_timeout=SHORT_WAIT)
    yield database
    database.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def service(db: Database, clock: FakeClock) -> EscalationService:
    return EscalationService(EscalationStore(db), clock=clock)


def stored_rows(path: Path) -> list[tuple[int, int, str, int | None, str | None]]:
    """What another process would see: id, level, category, user id, message text."""
    with closing(sqlite3.connect(path)) as other:
        return other.execute(
            "SELECT id, level, category, user_id, message_text FROM escalations ORDER BY id"
        ).fetchall()


def test_the_record_is_committed_before_handle_returns(
    service: EscalationService, db_path: Path, clock: FakeClock
) -> None:
    decision = service.handle(crisis(), discord_origin(user_id=42), SECRET_TEXT)

    assert decision.full_reply
    assert decision.escalation is not None
    assert not decision.unsaved
    assert decision.alerts_24h == 1
    # Nothing else has run since handle() returned: another connection already sees it.
    assert stored_rows(db_path) == [(decision.escalation.id, 1, "overdose", 42, None)]
    assert decision.escalation.state == "pending"
    assert decision.escalation.created_at == clock.now


def test_one_message_with_many_terms_makes_one_escalation(
    service: EscalationService, db_path: Path
) -> None:
    many = crisis(terms=("took", "whole bottle", "cant breathe", "overdose"))
    decision = service.handle(many, discord_origin(), "text")
    assert decision.escalation is not None
    assert decision.escalation.terms == many.terms
    assert len(stored_rows(db_path)) == 1


def test_an_edit_of_the_same_message_escalates_again_only_if_more_urgent(
    db: Database, clock: FakeClock, db_path: Path
) -> None:
    service = EscalationService(EscalationStore(db), clock=clock, cooldown=dt.timedelta(0))
    origin = discord_origin(user_id=1, message_id=77)
    assert service.handle(crisis(level=2), origin, "t").escalation is not None
    clock.advance(hours=2)
    edited = service.handle(crisis(level=2), origin, "t")
    assert (edited.escalation, edited.full_reply) == (None, False)
    worse = service.handle(crisis(level=1), origin, "t")
    assert worse.escalation is not None
    assert worse.full_reply
    assert [row[1] for row in stored_rows(db_path)] == [2, 1]


def test_same_person_same_level_within_cooldown_gets_a_reminder_not_an_escalation(
    service: EscalationService, clock: FakeClock, db_path: Path
) -> None:
    first = service.handle(crisis(level=2), discord_origin(message_id=1), "t")
    assert first.full_reply

    clock.advance(minutes=14, seconds=59)
    again = service.handle(crisis(level=2), discord_origin(message_id=2), "t")

    assert again.escalation is None
    assert not again.full_reply
    assert not again.unsaved
    assert again.alerts_24h == 1
    assert len(stored_rows(db_path)) == 1


def test_lower_urgency_within_cooldown_is_held_back(
    service: EscalationService, clock: FakeClock, db_path: Path
) -> None:
    service.handle(crisis(level=1), discord_origin(message_id=1), "t")
    clock.advance(minutes=5)
    later = service.handle(
        crisis(level=2, category=Category.SELF_HARM), discord_origin(message_id=2), "t"
    )
    assert (later.escalation, later.full_reply) == (None, False)
    assert len(stored_rows(db_path)) == 1


def test_higher_urgency_always_escalates_with_a_full_reply(
    service: EscalationService, clock: FakeClock, db_path: Path
) -> None:
    service.handle(crisis(level=2, category=Category.SUICIDE), discord_origin(message_id=1), "t")
    clock.advance(minutes=1)
    worse = service.handle(
        crisis(level=1, category=Category.SUICIDE), discord_origin(message_id=2), "t"
    )

    assert worse.escalation is not None
    assert worse.full_reply
    assert worse.alerts_24h == 2
    assert [row[1] for row in stored_rows(db_path)] == [2, 1]
    # Now level 1 is the bar: more level 1 within the cooldown is held back.
    clock.advance(minutes=1)
    assert service.handle(crisis(level=1), discord_origin(message_id=3), "t").escalation is None


def test_after_the_cooldown_the_same_person_escalates_again(
    service: EscalationService, clock: FakeClock, db_path: Path
) -> None:
    service.handle(crisis(level=2), discord_origin(message_id=1), "t")
    clock.advance(minutes=10)
    service.handle(crisis(level=2), discord_origin(message_id=2), "t")  # held back
    clock.advance(minutes=5)  # 15 minutes after the escalation, 5 after the reminder
    later = service.handle(crisis(level=2), discord_origin(message_id=3), "t")

    assert later.escalation is not None
    assert later.full_reply
    assert later.alerts_24h == 2
    assert len(stored_rows(db_path)) == 2


def test_cooldown_is_per_person(service: EscalationService, db_path: Path) -> None:
    assert service.handle(crisis(), discord_origin(user_id=1, message_id=1), "t").full_reply
    assert service.handle(crisis(), discord_origin(user_id=2, message_id=2), "t").full_reply
    assert len(stored_rows(db_path)) == 2


def test_a_resolved_escalation_does_not_hold_back_a_new_crisis(
    service: EscalationService, clock: FakeClock, db_path: Path
) -> None:
    first = service.handle(crisis(), discord_origin(message_id=1), "t")
    assert first.escalation is not None
    service.store.resolve(first.escalation.id, by=9, now=clock.now)
    clock.advance(minutes=2)
    again = service.handle(crisis(), discord_origin(message_id=2), "t")
    assert again.escalation is not None
    assert again.full_reply


def test_the_cooldown_survives_a_restart(db_path: Path, clock: FakeClock) -> None:
    db = open_database(db_path)
    EscalationService(EscalationStore(db), clock=clock).handle(
        crisis(), discord_origin(message_id=1), "t"
    )
    db.close()
    clock.advance(minutes=3)
    db = open_database(db_path)
    try:
        decision = EscalationService(EscalationStore(db), clock=clock).handle(
            crisis(), discord_origin(message_id=2), "t"
        )
        assert (decision.escalation, decision.full_reply) == (None, False)
    finally:
        db.close()


def test_console_always_escalates(service: EscalationService, db_path: Path) -> None:
    decisions = [service.handle(crisis(), Origin.console(), "t") for _ in range(3)]
    assert all(decision.full_reply and decision.escalation for decision in decisions)
    assert [decision.alerts_24h for decision in decisions] == [1, 1, 1]
    assert len(stored_rows(db_path)) == 3


def test_alerts_in_24_hours_counts_only_the_last_day(
    service: EscalationService, clock: FakeClock
) -> None:
    counts = []
    for message_id in range(1, 5):
        counts.append(
            service.handle(crisis(), discord_origin(message_id=message_id), "t").alerts_24h
        )
        clock.advance(hours=10)
    # Escalations at 0 h, 10 h, 20 h and 30 h: the one at 30 h sees 10 h, 20 h and itself.
    assert counts == [1, 2, 3, 3]


def test_message_text_is_stored_only_when_configured(
    db: Database, db_path: Path, clock: FakeClock
) -> None:
    EscalationService(EscalationStore(db), clock=clock).handle(
        crisis(), discord_origin(user_id=1, message_id=1), SECRET_TEXT
    )
    EscalationService(EscalationStore(db), clock=clock, store_text=True).handle(
        crisis(), discord_origin(user_id=2, message_id=2), SECRET_TEXT
    )
    assert [row[4] for row in stored_rows(db_path)] == [None, SECRET_TEXT]


def test_locked_database_still_gets_a_full_reply_and_is_stored_once_unlocked(
    service: EscalationService, db_path: Path, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    locker = sqlite3.connect(db_path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        decision = service.handle(crisis(), discord_origin(user_id=5, message_id=1), SECRET_TEXT)

        assert decision.full_reply
        assert decision.unsaved
        assert decision.escalation is None
        assert decision.alerts_24h == 1
        assert service.unsaved_count == 1
        # The same person again while storage is down: still one escalation, a reminder.
        clock.advance(minutes=1)
        again = service.handle(crisis(), discord_origin(user_id=5, message_id=2), SECRET_TEXT)
        assert (again.full_reply, service.unsaved_count) == (False, 1)
        # Someone else: a full reply and a second queued escalation.
        other = service.handle(crisis(), discord_origin(user_id=6, message_id=3), SECRET_TEXT)
        assert other.full_reply
        assert service.unsaved_count == 2
        assert service.flush_unsaved() == 0
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert stored_rows(db_path) == []

    assert service.flush_unsaved() == 2
    assert service.unsaved_count == 0
    assert [row[3] for row in stored_rows(db_path)] == [5, 6]
    first = service.store.get(stored_rows(db_path)[0][0])
    assert first is not None
    assert first.created_at == clock.now - dt.timedelta(minutes=1)  # the time of the crisis
    assert first.state == "pending"
    assert service.flush_unsaved() == 0
    assert len(stored_rows(db_path)) == 2
    # The failure was logged, without the message text.
    assert any("could not store" in record.getMessage() for record in caplog.records)
    assert all(SECRET_TEXT not in record.getMessage() for record in caplog.records)


def test_the_next_message_flushes_what_waited_in_memory_first(
    service: EscalationService, db_path: Path, clock: FakeClock
) -> None:
    locker = sqlite3.connect(db_path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    service.handle(crisis(), discord_origin(user_id=5, message_id=1), "t")
    locker.execute("ROLLBACK")
    locker.close()

    clock.advance(minutes=1)
    decision = service.handle(crisis(), discord_origin(user_id=6, message_id=2), "t")

    assert decision.escalation is not None
    assert service.unsaved_count == 0
    assert [row[3] for row in stored_rows(db_path)] == [5, 6]


def test_full_disk_still_gets_a_full_reply_and_is_stored_once_space_returns(
    db: Database, db_path: Path, clock: FakeClock
) -> None:
    store = EscalationStore(db)
    service = EscalationService(store, clock=clock)
    pages = db.connection.execute("PRAGMA page_count").fetchone()[0]
    db.connection.execute(f"PRAGMA max_page_count = {pages}")

    def fill_the_disk() -> None:
        # Rows like the one the service will write, until SQLite reports the disk full.
        for user_id in range(1000, 100_000):
            store.record(crisis(), discord_origin(user_id, message_id=user_id), now=clock.now)

    with pytest.raises(sqlite3.OperationalError, match="full"):
        fill_the_disk()
    before = len(stored_rows(db_path))

    decision = service.handle(crisis(), discord_origin(user_id=5), SECRET_TEXT)
    assert (decision.full_reply, decision.unsaved, service.unsaved_count) == (True, True, 1)
    assert len(stored_rows(db_path)) == before

    db.connection.execute(f"PRAGMA max_page_count = {pages * 100}")
    assert service.flush_unsaved() == 1
    assert stored_rows(db_path)[-1][3] == 5


def test_logs_never_contain_message_text(
    service: EscalationService, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    decision = service.handle(crisis(), discord_origin(), SECRET_TEXT)
    clock.advance(minutes=1)
    service.handle(crisis(), discord_origin(message_id=2), SECRET_TEXT)
    assert decision.escalation is not None
    service.store.record_failure(decision.escalation.id, "HTTPException: 503", clock.now)
    service.store.mark_delivered(decision.escalation.id, 1, clock.now)
    service.store.claim(decision.escalation.id, 2, clock.now)
    service.store.resolve(decision.escalation.id, 2, clock.now)

    assert caplog.records
    assert all(SECRET_TEXT not in record.getMessage() for record in caplog.records)
    assert any(str(decision.escalation.id) in record.getMessage() for record in caplog.records)


def test_while_storage_is_down_handle_waits_on_it_at_most_once_a_second(
    service: EscalationService, db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    locker = sqlite3.connect(db_path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    tries: list[int] = []
    original = service.store.db.transaction

    def counted() -> object:
        tries.append(1)  # every write begins a transaction, which waits on the lock
        return original()

    monkeypatch.setattr(service.store.db, "transaction", counted)
    try:
        for user_id in (5, 6, 7):  # three people within the same second: one wait on the lock
            assert service.handle(
                crisis(), discord_origin(user_id, message_id=user_id), "t"
            ).unsaved
        assert len(tries) == 1
        clock.advance(seconds=1)
        service.handle(crisis(), discord_origin(8, message_id=8), "t")
        assert len(tries) == 2  # a second later it tries again
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert service.flush_unsaved() == 4
    assert [row[3] for row in stored_rows(db_path)] == [5, 6, 7, 8]


def test_the_reply_outcome_of_an_unsaved_escalation_is_stored_with_it(
    service: EscalationService, db_path: Path
) -> None:
    locker = sqlite3.connect(db_path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    origin = discord_origin(user_id=5, message_id=1)
    service.handle(crisis(), origin, "t")
    assert service.note_unsaved_reply(origin, reply_sent=True, dm_sent=False)
    assert not service.note_unsaved_reply(
        discord_origin(6, message_id=2), reply_sent=True, dm_sent=None
    )
    locker.execute("ROLLBACK")
    locker.close()

    assert service.flush_unsaved() == 1
    [stored] = service.store.list_recent()
    assert (stored.reply_sent, stored.dm_sent) == (True, False)
    assert not service.note_unsaved_reply(origin, reply_sent=True, dm_sent=False)  # stored now
