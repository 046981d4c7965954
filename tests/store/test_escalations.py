"""The escalation outbox against a real SQLite file."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pytest

from bot.crisis.result import Category
from bot.store.database import Database, open_database
from bot.store.escalations import (
    MAX_RETRY_DELAY,
    EscalationStore,
    Origin,
    format_escalations,
    retry_delay,
)
from tests.store.helpers import SECRET_TEXT, T0, crisis, discord_origin


def raw_rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Read through a second, independent connection."""
    with closing(sqlite3.connect(path)) as other:
        return other.execute(sql).fetchall()


def child_env(repo: Path) -> dict[str, str]:
    """The environment for a child Python that imports the bot from this checkout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(repo), env.get("PYTHONPATH")]))
    return env


def file_bytes(path: Path) -> bytes:
    """Everything SQLite keeps on disk for this database."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_record_is_committed_and_visible_to_another_connection(
    escalations: EscalationStore, db_path: Path
) -> None:
    stored = escalations.record(crisis(), discord_origin(), now=T0)

    rows = raw_rows(db_path, "SELECT id, state, level, category, user_id FROM escalations")
    assert rows == [(stored.id, "pending", 1, "overdose", 111)]
    assert stored.created_at == T0
    assert stored.terms == ("took", "whole bottle")
    assert stored.origin == discord_origin()


def test_crash_between_recording_and_delivering_leaves_it_pending_and_due(
    db_path: Path,
) -> None:
    # A separate process records an escalation and dies at once: no close, no checkpoint.
    script = textwrap.dedent(
        f"""
        import datetime as dt, os
        from bot.crisis.result import Category, CrisisResult
        from bot.store.database import open_database
        from bot.store.escalations import EscalationStore, Origin
        db = open_database({str(db_path)!r})
        EscalationStore(db).record(
            CrisisResult(1, Category.SUICIDE, ("kms",)),
            Origin("discord", 1, 2, 3, 4),
            now=dt.datetime(2025, 3, 1, 12, tzinfo=dt.UTC),
        )
        os._exit(9)
        """
    )
    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", script], check=False, timeout=60, cwd=repo, env=child_env(repo)
    )
    assert result.returncode == 9

    db = open_database(db_path)
    try:
        due = EscalationStore(db).due_for_delivery(T0 + dt.timedelta(seconds=1))
        assert [(item.state, item.category, item.origin.user_id) for item in due] == [
            ("pending", "suicide", 4)
        ]
    finally:
        db.close()


def test_closed_without_delivery_is_still_due_after_reopening(db_path: Path) -> None:
    db = open_database(db_path)
    first = EscalationStore(db).record(crisis(), discord_origin(), now=T0)
    db.close()

    db = open_database(db_path)
    try:
        store = EscalationStore(db)
        assert [item.id for item in store.due_for_delivery(T0)] == [first.id]
        assert store.mark_delivered(first.id, 9001, T0)
        assert store.due_for_delivery(T0 + dt.timedelta(hours=1)) == []
    finally:
        db.close()


def test_due_for_delivery_is_oldest_first(escalations: EscalationStore) -> None:
    later = escalations.record(
        crisis(), discord_origin(user_id=2), now=T0 + dt.timedelta(seconds=5)
    )
    earlier = escalations.record(crisis(), discord_origin(user_id=1), now=T0)
    due = escalations.due_for_delivery(T0 + dt.timedelta(seconds=10))
    assert [item.id for item in due] == [earlier.id, later.id]
    # Nothing is due before it was made.
    assert escalations.due_for_delivery(T0 - dt.timedelta(seconds=1)) == []


def test_mark_delivered_succeeds_exactly_once(escalations: EscalationStore) -> None:
    stored = escalations.record(crisis(), discord_origin(), now=T0)

    assert escalations.mark_delivered(stored.id, 9001, T0) is True
    assert escalations.mark_delivered(stored.id, 9002, T0) is False

    after = escalations.get(stored.id)
    assert after is not None
    assert after.state == "delivered"
    assert after.alert_message_id == 9001
    assert after.delivered_at == T0


def test_two_connections_racing_to_deliver_get_one_success(db_path: Path) -> None:
    first_db = open_database(db_path)
    second_db = open_database(db_path)
    try:
        stored = EscalationStore(first_db).record(crisis(), discord_origin(), now=T0)
        results = [
            EscalationStore(first_db).mark_delivered(stored.id, 1, T0),
            EscalationStore(second_db).mark_delivered(stored.id, 2, T0),
        ]
        assert sorted(results) == [False, True]
    finally:
        first_db.close()
        second_db.close()


def test_retry_delay_doubles_from_two_seconds_and_caps_at_five_minutes() -> None:
    delays = [retry_delay(attempt).total_seconds() for attempt in range(1, 12)]
    assert delays[:5] == [2, 4, 8, 16, 32]
    assert delays == sorted(delays)
    assert max(delays) == MAX_RETRY_DELAY.total_seconds() == 300
    assert retry_delay(10_000) == MAX_RETRY_DELAY


def test_failures_back_off_and_are_retried_when_due(escalations: EscalationStore) -> None:
    stored = escalations.record(crisis(), discord_origin(), now=T0)
    now = T0
    waits = []
    for attempt in range(1, 10):
        failed = escalations.record_failure(stored.id, "Forbidden: 403 Missing Access", now)
        assert failed is not None
        assert failed.attempts == attempt
        assert failed.last_error == "Forbidden: 403 Missing Access"
        wait = failed.next_attempt_at - now
        waits.append(wait.total_seconds())
        # Not due until the back-off has passed, due once it has.
        assert escalations.due_for_delivery(now + wait - dt.timedelta(milliseconds=1)) == []
        assert [item.id for item in escalations.due_for_delivery(now + wait)] == [stored.id]
        now += wait
    assert waits == [2, 4, 8, 16, 32, 64, 128, 256, 300]

    assert escalations.mark_delivered(stored.id, 77, now)
    delivered = escalations.get(stored.id)
    assert delivered is not None
    assert delivered.last_error is None
    assert delivered.attempts == 9


def test_long_error_is_cut_and_failure_after_delivery_changes_nothing(
    escalations: EscalationStore,
) -> None:
    stored = escalations.record(crisis(), discord_origin(), now=T0)
    failed = escalations.record_failure(stored.id, "x" * 5000, T0)
    assert failed is not None
    assert failed.last_error is not None
    assert len(failed.last_error) == 500
    escalations.mark_delivered(stored.id, 5, T0)
    after = escalations.record_failure(stored.id, "late failure", T0)
    assert after is not None
    assert (after.state, after.attempts) == ("delivered", 1)
    assert escalations.record_failure(999_999, "unknown", T0) is None


def test_begin_delivery_lets_one_path_deliver_at_a_time(escalations: EscalationStore) -> None:
    stored = escalations.record(crisis(), discord_origin(), now=T0)
    hold = dt.timedelta(seconds=15)

    taken = escalations.begin_delivery(stored.id, T0, hold=hold)
    assert taken is not None
    assert taken.id == stored.id
    assert escalations.begin_delivery(stored.id, T0 + dt.timedelta(seconds=1), hold=hold) is None
    assert escalations.due_for_delivery(T0 + dt.timedelta(seconds=14)) == []
    # The process died mid-delivery: the hold runs out and it is due again.
    assert [item.id for item in escalations.due_for_delivery(T0 + hold)] == [stored.id]
    assert escalations.begin_delivery(stored.id, T0 + hold, hold=hold) is not None
    escalations.mark_delivered(stored.id, 1, T0 + hold)
    assert escalations.begin_delivery(stored.id, T0 + 10 * hold) is None


def test_claim_and_resolve(escalations: EscalationStore) -> None:
    stored = escalations.record(crisis(), discord_origin(), now=T0)
    escalations.mark_delivered(stored.id, 1, T0)
    claim_time = T0 + dt.timedelta(minutes=2)

    claimed = escalations.claim(stored.id, by=555, now=claim_time)
    assert claimed is not None
    assert (claimed.state, claimed.claimed_by, claimed.claimed_at) == ("claimed", 555, claim_time)
    assert escalations.claim(stored.id, by=666, now=claim_time) is None

    resolved = escalations.resolve(stored.id, by=666, now=claim_time + dt.timedelta(minutes=5))
    assert resolved is not None
    assert (resolved.state, resolved.resolved_by, resolved.claimed_by) == ("resolved", 666, 555)
    assert not resolved.open
    assert escalations.resolve(stored.id, by=666, now=claim_time) is None
    assert escalations.claim(stored.id, by=777, now=claim_time) is None
    assert escalations.claim(424242, by=1, now=claim_time) is None


def test_a_claim_racing_delivery_keeps_both(escalations: EscalationStore) -> None:
    stored = escalations.record(crisis(), discord_origin(), now=T0)
    assert escalations.claim(stored.id, by=555, now=T0) is not None
    assert escalations.mark_delivered(stored.id, 42, T0)
    after = escalations.get(stored.id)
    assert after is not None
    assert (after.state, after.alert_message_id) == ("claimed", 42)


def test_resolve_without_claim(escalations: EscalationStore) -> None:
    stored = escalations.record(crisis(), discord_origin(), now=T0)
    escalations.mark_delivered(stored.id, 1, T0)
    resolved = escalations.resolve(stored.id, by=9, now=T0)
    assert resolved is not None
    assert (resolved.state, resolved.claimed_by) == ("resolved", None)


def test_reping_selects_delivered_unclaimed_alerts_past_the_interval(
    escalations: EscalationStore,
) -> None:
    interval = dt.timedelta(minutes=10)
    unclaimed = escalations.record(crisis(), discord_origin(user_id=1), now=T0)
    claimed = escalations.record(crisis(), discord_origin(user_id=2), now=T0)
    escalations.record(crisis(), discord_origin(user_id=3), now=T0)  # never delivered
    for item in (unclaimed, claimed):
        escalations.mark_delivered(item.id, 100 + item.id, T0)
    escalations.claim(claimed.id, by=9, now=T0 + dt.timedelta(minutes=1))

    def due_at(minutes: float) -> list[int]:
        moment = T0 + dt.timedelta(minutes=minutes)
        return [item.id for item in escalations.due_for_reping(interval, moment)]

    assert due_at(9.9) == []
    assert due_at(10) == [unclaimed.id]
    escalations.mark_repinged(unclaimed.id, T0 + dt.timedelta(minutes=10))
    assert due_at(19.9) == []
    assert due_at(20) == [unclaimed.id]
    escalations.claim(unclaimed.id, by=9, now=T0 + dt.timedelta(minutes=20))
    assert due_at(60) == []


def test_note_reply_is_stored(escalations: EscalationStore) -> None:
    stored = escalations.record(crisis(), discord_origin(), now=T0)
    assert (stored.reply_sent, stored.dm_sent) == (None, None)
    escalations.note_reply(stored.id, reply_sent=True, dm_sent=False)
    after = escalations.get(stored.id)
    assert after is not None
    assert (after.reply_sent, after.dm_sent) == (True, False)
    escalations.note_reply(stored.id, reply_sent=False, dm_sent=None)
    after = escalations.get(stored.id)
    assert after is not None
    assert (after.reply_sent, after.dm_sent) == (False, None)


def test_user_counts_and_last(escalations: EscalationStore) -> None:
    for minutes in (0, 30, 90):
        escalations.record(
            crisis(), discord_origin(user_id=7), now=T0 + dt.timedelta(minutes=minutes)
        )
    other = escalations.record(crisis(), discord_origin(user_id=8), now=T0 + dt.timedelta(hours=2))

    assert escalations.count_for_user(7, T0) == 3
    assert escalations.count_for_user(7, T0 + dt.timedelta(minutes=1)) == 2
    assert escalations.count_for_user(7, T0, until=T0 + dt.timedelta(minutes=30)) == 2
    assert escalations.count_for_user(99, T0) == 0
    last = escalations.last_for_user(7)
    assert last is not None
    assert last.created_at == T0 + dt.timedelta(minutes=90)
    assert escalations.last_for_user(8) == other
    assert escalations.last_for_user(99) is None


def test_list_recent_newest_first_with_state_filter(escalations: EscalationStore) -> None:
    ids = [
        escalations.record(crisis(), discord_origin(user_id=n), now=T0 + dt.timedelta(minutes=n)).id
        for n in range(5)
    ]
    escalations.mark_delivered(ids[1], 1, T0)
    assert [item.id for item in escalations.list_recent()] == ids[::-1]
    assert [item.id for item in escalations.list_recent(limit=2)] == ids[:-3:-1]
    assert [item.id for item in escalations.list_recent(state="delivered")] == [ids[1]]
    assert [item.id for item in escalations.list_recent(state="pending")] == [
        ids[4],
        ids[3],
        ids[2],
        ids[0],
    ]
    with pytest.raises(ValueError, match="unknown escalation state"):
        escalations.list_recent(state="lost")  # type: ignore[arg-type]


def test_message_text_is_stored_only_when_given(
    escalations: EscalationStore, db_path: Path
) -> None:
    without = escalations.record(crisis(), discord_origin(user_id=1), now=T0)
    assert without.message_text is None
    assert SECRET_TEXT.encode() not in file_bytes(db_path)

    with_text = escalations.record(crisis(), discord_origin(user_id=2), text=SECRET_TEXT, now=T0)
    assert with_text.message_text == SECRET_TEXT
    assert SECRET_TEXT.encode() in file_bytes(db_path)


def test_naive_datetimes_are_refused(escalations: EscalationStore) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        escalations.record(crisis(), discord_origin(), now=dt.datetime(2025, 1, 1))


def test_forget_user_keeps_only_what_staff_need(
    escalations: EscalationStore, db: Database, db_path: Path
) -> None:
    mine = escalations.record(crisis(), discord_origin(user_id=7), text=SECRET_TEXT, now=T0)
    escalations.mark_delivered(mine.id, 4242, T0)
    theirs = escalations.record(crisis(), discord_origin(user_id=8, message_id=6000), now=T0)
    handled_by_me = escalations.record(crisis(), discord_origin(user_id=9, message_id=6001), now=T0)
    escalations.claim(handled_by_me.id, by=7, now=T0)

    assert escalations.forget_user(7) == 1
    db.checkpoint()

    kept = escalations.get(mine.id)
    assert kept is not None
    assert (kept.id, kept.level, kept.category, kept.created_at, kept.state) == (
        mine.id, 1, "overdose", T0, "delivered",
    )  # fmt: skip
    assert kept.origin.user_id is None
    assert kept.origin.message_id is None
    assert kept.origin.jump_url is None
    assert kept.message_text is None
    assert kept.terms == ()
    assert kept.alert_message_id == 4242
    assert escalations.count_for_user(7, T0) == 0
    assert escalations.get(theirs.id) == theirs
    other = escalations.get(handled_by_me.id)
    assert other is not None
    assert (other.state, other.claimed_by, other.origin.user_id) == ("claimed", None, 9)
    # Gone from the file, not just hidden: secure_delete plus an emptied WAL.
    assert SECRET_TEXT.encode() not in file_bytes(db_path)


def test_purge_removes_old_resolved_records_and_old_text(escalations: EscalationStore) -> None:
    cutoff = T0 + dt.timedelta(days=30)
    old_resolved = escalations.record(crisis(), discord_origin(user_id=1), text="a", now=T0)
    escalations.resolve(old_resolved.id, by=5, now=T0)
    old_open = escalations.record(crisis(), discord_origin(user_id=2), text="b", now=T0)
    new_resolved = escalations.record(crisis(), discord_origin(user_id=3), text="c", now=cutoff)
    escalations.resolve(new_resolved.id, by=5, now=cutoff)

    assert escalations.purge_older_than(cutoff) == 2

    assert escalations.get(old_resolved.id) is None
    still_open = escalations.get(old_open.id)
    assert still_open is not None
    assert (still_open.state, still_open.message_text, still_open.origin.user_id) == (
        "pending", None, 2,
    )  # fmt: skip
    recent = escalations.get(new_resolved.id)
    assert recent is not None
    assert recent.message_text == "c"


def test_format_escalations_table(escalations: EscalationStore) -> None:
    first = escalations.record(crisis(), discord_origin(user_id=7), text=SECRET_TEXT, now=T0)
    second = escalations.record(
        crisis(level=2, category=Category.SELF_HARM, terms=("cut myself",)),
        Origin.console(),
        now=T0 + dt.timedelta(minutes=1),
    )
    escalations.claim(first.id, by=555, now=T0)

    table = format_escalations(escalations.list_recent())
    lines = table.splitlines()
    assert lines[0].split()[:3] == ["ID", "CREATED", "(UTC)"]
    assert len(lines) == 3
    assert lines[1].split()[:6] == [
        str(second.id),
        "2025-03-01T12:01:00Z",
        "2",
        "self-harm",
        "pending",
        "console",
    ]
    assert "claimed by 555" in lines[2]
    assert "#700" in lines[2]
    assert SECRET_TEXT not in table
    assert "cut myself" not in table
    assert format_escalations([]) == "No escalations stored."


def test_after_a_restart_every_pending_escalation_is_due_at_once(
    escalations: EscalationStore,
) -> None:
    start = T0
    held = escalations.record(crisis(), discord_origin(1, message_id=1), now=start)
    backing_off = escalations.record(crisis(), discord_origin(2, message_id=2), now=start)
    delivered = escalations.record(crisis(), discord_origin(3, message_id=3), now=start)
    assert escalations.begin_delivery(held.id, start) is not None  # in flight when it died
    for _ in range(5):
        escalations.record_failure(backing_off.id, "HTTP 403", start)  # a long back-off
    escalations.mark_delivered(delivered.id, 99, start)
    restart = start + dt.timedelta(seconds=1)
    assert escalations.due_for_delivery(restart) == []

    assert escalations.release_after_restart(restart) == 2

    assert [item.id for item in escalations.due_for_delivery(restart)] == [held.id, backing_off.id]
    assert escalations.release_after_restart(restart) == 0
