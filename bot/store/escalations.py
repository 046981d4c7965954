"""Crisis escalations: a durable outbox that staff alerts are delivered from.

An escalation is recorded (and committed) before the bot replies or alerts anyone, so a crash
at any later point leaves it ``pending`` and due, never lost. Delivery is retried with
exponential back-off until ``mark_delivered`` succeeds, and ``mark_delivered`` succeeds once
per escalation however many times it is called. States move one way::

    pending -> delivered -> claimed -> resolved

(``claim`` and ``resolve`` also work from earlier states, for a click that races delivery).
Message text is stored only when the caller passes it (off unless configured) and is never
logged; ``last_error`` holds delivery errors, never message text.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from bot.crisis.result import CrisisResult
from bot.store.database import Database
from bot.store.timestamps import from_db, iso_utc, optional_from_db, to_db, utc_now

log = logging.getLogger(__name__)

EscalationState = Literal["pending", "delivered", "claimed", "resolved"]
STATES: tuple[EscalationState, ...] = ("pending", "delivered", "claimed", "resolved")

FIRST_RETRY_DELAY = dt.timedelta(seconds=2)
MAX_RETRY_DELAY = dt.timedelta(minutes=5)
DEFAULT_DELIVERY_HOLD = dt.timedelta(seconds=15)
ERROR_MAX_CHARS = 500


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a crisis message came from; ids only, never the text."""

    platform: str  # "discord" | "console"
    guild_id: int | None
    channel_id: int | None
    message_id: int | None
    user_id: int | None
    jump_url: str | None = None

    @classmethod
    def console(cls) -> Origin:
        """The origin of a message typed into the console chat."""
        return cls(
            platform="console", guild_id=None, channel_id=None, message_id=None, user_id=None
        )


@dataclass(frozen=True, slots=True)
class Escalation:
    """One stored escalation, as read back from the database."""

    id: int
    created_at: dt.datetime
    level: int
    category: str
    terms: tuple[str, ...]
    origin: Origin
    state: EscalationState
    attempts: int
    last_error: str | None
    alert_message_id: int | None
    reply_sent: bool | None
    dm_sent: bool | None
    claimed_by: int | None
    claimed_at: dt.datetime | None
    resolved_by: int | None
    resolved_at: dt.datetime | None
    last_ping_at: dt.datetime | None
    next_attempt_at: dt.datetime
    delivered_at: dt.datetime | None = None
    message_text: str | None = None

    @property
    def delivered(self) -> bool:
        """True once the staff alert has been posted."""
        return self.delivered_at is not None

    @property
    def open(self) -> bool:
        """True until staff resolve it."""
        return self.state != "resolved"


def retry_delay(attempts: int) -> dt.timedelta:
    """Wait after ``attempts`` failed deliveries: 2 s, 4 s, 8 s ... capped at 5 minutes."""
    if attempts <= 0:
        return dt.timedelta(0)
    # Cap the exponent first so a long outage never builds an enormous number.
    seconds = FIRST_RETRY_DELAY.total_seconds() * 2 ** min(attempts - 1, 30)
    return min(dt.timedelta(seconds=seconds), MAX_RETRY_DELAY)


_COLUMNS = """
    id, created_at, level, category, terms, platform, guild_id, channel_id, message_id,
    user_id, jump_url, state, attempts, last_error, next_attempt_at, delivered_at,
    alert_message_id, reply_sent, dm_sent, claimed_by, claimed_at, resolved_by, resolved_at,
    last_ping_at, message_text
"""


def _optional_bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def _from_row(row: sqlite3.Row) -> Escalation:
    return Escalation(
        id=row["id"],
        created_at=from_db(row["created_at"]),
        level=row["level"],
        category=row["category"],
        terms=tuple(json.loads(row["terms"])),
        origin=Origin(
            platform=row["platform"],
            guild_id=row["guild_id"],
            channel_id=row["channel_id"],
            message_id=row["message_id"],
            user_id=row["user_id"],
            jump_url=row["jump_url"],
        ),
        state=row["state"],
        attempts=row["attempts"],
        last_error=row["last_error"],
        alert_message_id=row["alert_message_id"],
        reply_sent=_optional_bool(row["reply_sent"]),
        dm_sent=_optional_bool(row["dm_sent"]),
        claimed_by=row["claimed_by"],
        claimed_at=optional_from_db(row["claimed_at"]),
        resolved_by=row["resolved_by"],
        resolved_at=optional_from_db(row["resolved_at"]),
        last_ping_at=optional_from_db(row["last_ping_at"]),
        next_attempt_at=from_db(row["next_attempt_at"]),
        delivered_at=optional_from_db(row["delivered_at"]),
        message_text=row["message_text"],
    )


class EscalationStore:
    """Escalations in SQLite; every write method commits before it returns."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- recording ---------------------------------------------------------------------------

    def record(
        self,
        crisis: CrisisResult,
        origin: Origin,
        *,
        text: str | None = None,
        now: dt.datetime | None = None,
    ) -> Escalation:
        """Store a new pending escalation, due for delivery at once, and return it.

        ``text`` is the message text, stored only when given (callers pass it only when
        storing text is configured).
        """
        moment = to_db(now or utc_now())
        with self.db.transaction() as connection:
            cursor = connection.execute(
                """
                INSERT INTO escalations (
                    created_at, level, category, terms, platform, guild_id, channel_id,
                    message_id, user_id, jump_url, state, next_attempt_at, message_text
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
                """,
                (
                    moment,
                    int(crisis.level),
                    str(crisis.category),
                    json.dumps(list(crisis.terms)),
                    origin.platform,
                    origin.guild_id,
                    origin.channel_id,
                    origin.message_id,
                    origin.user_id,
                    origin.jump_url,
                    moment,
                    text,
                ),
            )
            escalation_id = cursor.lastrowid
            assert escalation_id is not None
            escalation = self._get_in(connection, escalation_id)
        assert escalation is not None
        log.info(
            "escalation %d recorded: level %d, %s, %s",
            escalation.id,
            escalation.level,
            escalation.category,
            escalation.origin.platform,
        )
        return escalation

    def note_reply(self, escalation_id: int, *, reply_sent: bool, dm_sent: bool | None) -> None:
        """Record whether the crisis reply (and the DM, ``None`` if not tried) went through."""
        self.db.execute(
            "UPDATE escalations SET reply_sent = ?, dm_sent = ? WHERE id = ?",
            (int(reply_sent), None if dm_sent is None else int(dm_sent), escalation_id),
        )

    # -- delivery ----------------------------------------------------------------------------

    def due_for_delivery(self, now: dt.datetime | None = None) -> list[Escalation]:
        """Pending escalations whose next attempt is due, oldest first."""
        rows = self.db.query(
            f"""
            SELECT {_COLUMNS} FROM escalations
            WHERE state = 'pending' AND next_attempt_at <= ?
            ORDER BY created_at, id
            """,  # noqa: S608 - a constant column list, no user input
            (to_db(now or utc_now()),),
        )
        return [_from_row(row) for row in rows]

    def pending_count(self) -> int:
        """How many escalations still wait for their staff alert (due or backing off)."""
        row = self.db.query_one("SELECT count(*) FROM escalations WHERE state = 'pending'")
        return int(row[0]) if row is not None else 0

    def begin_delivery(
        self,
        escalation_id: int,
        now: dt.datetime | None = None,
        *,
        hold: dt.timedelta = DEFAULT_DELIVERY_HOLD,
    ) -> Escalation | None:
        """Take a due escalation for delivery, or return ``None`` if it is not due or not pending.

        Pushes its next attempt ``hold`` into the future, so a second delivery path in the same
        process (the immediate send and the retry loop) skips it while this one is in flight.
        If the process dies mid-delivery it becomes due again when the hold runs out.
        """
        moment = now or utc_now()
        with self.db.transaction() as connection:
            cursor = connection.execute(
                """
                UPDATE escalations SET next_attempt_at = ?
                WHERE id = ? AND state = 'pending' AND next_attempt_at <= ?
                """,
                (to_db(moment + hold), escalation_id, to_db(moment)),
            )
            if cursor.rowcount != 1:
                return None
            return self._get_in(connection, escalation_id)

    def release_after_restart(self, now: dt.datetime | None = None) -> int:
        """Make every pending escalation due now; return how many were waiting.

        Called once at start-up: nothing is in flight any more, so neither the hold of a
        delivery the previous process was making when it died nor a back-off from before the
        restart should delay an alert. A crash between posting and ``mark_delivered`` is
        covered by the alert's nonce (Discord returns the first message for a repeated one).
        """
        moment = to_db(now or utc_now())
        cursor = self.db.execute(
            "UPDATE escalations SET next_attempt_at = ? WHERE state = 'pending' "
            "AND next_attempt_at > ?",
            (moment, moment),
        )
        return cursor.rowcount

    def record_failure(
        self, escalation_id: int, error: str, now: dt.datetime | None = None
    ) -> Escalation | None:
        """Count a failed delivery attempt and schedule the next one with back-off.

        ``error`` describes the failure (an exception class and status, never message text);
        it is cut to 500 characters. Returns the updated escalation, or ``None`` if unknown.
        An escalation that is no longer pending is returned unchanged.
        """
        moment = now or utc_now()
        with self.db.transaction() as connection:
            current = self._get_in(connection, escalation_id)
            if current is None or current.state != "pending":
                return current
            attempts = current.attempts + 1
            connection.execute(
                """
                UPDATE escalations SET attempts = ?, last_error = ?, next_attempt_at = ?
                WHERE id = ?
                """,
                (
                    attempts,
                    error[:ERROR_MAX_CHARS],
                    to_db(moment + retry_delay(attempts)),
                    escalation_id,
                ),
            )
            updated = self._get_in(connection, escalation_id)
        log.warning(
            "escalation %d: delivery attempt %d failed; retrying in %s",
            escalation_id,
            attempts,
            retry_delay(attempts),
        )
        return updated

    def mark_delivered(
        self,
        escalation_id: int,
        alert_message_id: int | None,
        now: dt.datetime | None = None,
    ) -> bool:
        """Record that the staff alert was posted; False if it had been recorded already.

        A conditional update makes this the exactly-once guard: of any number of calls for
        one escalation, exactly one returns True.
        """
        moment = to_db(now or utc_now())
        cursor = self.db.execute(
            """
            UPDATE escalations SET
                delivered_at = ?,
                alert_message_id = ?,
                last_ping_at = ?,
                last_error = NULL,
                state = CASE WHEN state = 'pending' THEN 'delivered' ELSE state END
            WHERE id = ? AND delivered_at IS NULL
            """,
            (moment, alert_message_id, moment, escalation_id),
        )
        delivered = cursor.rowcount == 1
        if delivered:
            log.info("escalation %d delivered to staff", escalation_id)
        return delivered

    # -- staff actions -----------------------------------------------------------------------

    def claim(
        self, escalation_id: int, by: int, now: dt.datetime | None = None
    ) -> Escalation | None:
        """Staff member ``by`` takes the escalation; ``None`` if already claimed or resolved."""
        with self.db.transaction() as connection:
            cursor = connection.execute(
                """
                UPDATE escalations SET state = 'claimed', claimed_by = ?, claimed_at = ?
                WHERE id = ? AND state IN ('pending', 'delivered')
                """,
                (by, to_db(now or utc_now()), escalation_id),
            )
            if cursor.rowcount != 1:
                return None
            claimed = self._get_in(connection, escalation_id)
        log.info("escalation %d claimed by staff %d", escalation_id, by)
        return claimed

    def resolve(
        self, escalation_id: int, by: int, now: dt.datetime | None = None
    ) -> Escalation | None:
        """Staff member ``by`` closes the escalation; ``None`` if already resolved or unknown."""
        with self.db.transaction() as connection:
            cursor = connection.execute(
                """
                UPDATE escalations SET state = 'resolved', resolved_by = ?, resolved_at = ?
                WHERE id = ? AND state != 'resolved'
                """,
                (by, to_db(now or utc_now()), escalation_id),
            )
            if cursor.rowcount != 1:
                return None
            resolved = self._get_in(connection, escalation_id)
        log.info("escalation %d resolved by staff %d", escalation_id, by)
        return resolved

    def due_for_reping(
        self, interval: dt.timedelta, now: dt.datetime | None = None
    ) -> list[Escalation]:
        """Delivered, unclaimed escalations whose last ping is at least ``interval`` old."""
        cutoff = to_db((now or utc_now()) - interval)
        rows = self.db.query(
            f"""
            SELECT {_COLUMNS} FROM escalations
            WHERE state = 'delivered' AND coalesce(last_ping_at, delivered_at) <= ?
            ORDER BY created_at, id
            """,  # noqa: S608 - a constant column list, no user input
            (cutoff,),
        )
        return [_from_row(row) for row in rows]

    def mark_repinged(self, escalation_id: int, now: dt.datetime | None = None) -> None:
        """Record that staff were pinged again about an unclaimed escalation."""
        self.db.execute(
            "UPDATE escalations SET last_ping_at = ? WHERE id = ? AND state = 'delivered'",
            (to_db(now or utc_now()), escalation_id),
        )

    # -- reading -----------------------------------------------------------------------------

    def get(self, escalation_id: int) -> Escalation | None:
        """The escalation with this id, or ``None``."""
        row = self.db.query_one(
            f"SELECT {_COLUMNS} FROM escalations WHERE id = ?",  # noqa: S608
            (escalation_id,),
        )
        return None if row is None else _from_row(row)

    def count_for_user(
        self, user_id: int, since: dt.datetime, until: dt.datetime | None = None
    ) -> int:
        """How many escalations ``user_id`` has had since ``since`` (and up to ``until``)."""
        sql = "SELECT count(*) FROM escalations WHERE user_id = ? AND created_at >= ?"
        params: list[object] = [user_id, to_db(since)]
        if until is not None:
            sql += " AND created_at <= ?"
            params.append(to_db(until))
        row = self.db.query_one(sql, params)
        return int(row[0]) if row is not None else 0

    def last_for_user(self, user_id: int) -> Escalation | None:
        """The most recent escalation for ``user_id``, or ``None``."""
        row = self.db.query_one(
            f"""
            SELECT {_COLUMNS} FROM escalations WHERE user_id = ?
            ORDER BY created_at DESC, id DESC LIMIT 1
            """,  # noqa: S608 - a constant column list, no user input
            (user_id,),
        )
        return None if row is None else _from_row(row)

    def recent_for_user(self, user_id: int, since: dt.datetime) -> list[Escalation]:
        """``user_id``'s escalations created at or after ``since``, newest first."""
        rows = self.db.query(
            f"""
            SELECT {_COLUMNS} FROM escalations WHERE user_id = ? AND created_at >= ?
            ORDER BY created_at DESC, id DESC
            """,  # noqa: S608 - a constant column list, no user input
            (user_id, to_db(since)),
        )
        return [_from_row(row) for row in rows]

    def for_message(self, platform: str, message_id: int) -> list[Escalation]:
        """Escalations made from one message (an edited message can make a second)."""
        rows = self.db.query(
            f"""
            SELECT {_COLUMNS} FROM escalations WHERE platform = ? AND message_id = ?
            ORDER BY created_at, id
            """,  # noqa: S608 - a constant column list, no user input
            (platform, message_id),
        )
        return [_from_row(row) for row in rows]

    def list_recent(
        self, limit: int = 50, state: EscalationState | None = None
    ) -> list[Escalation]:
        """The newest escalations first, optionally only those in ``state``."""
        if state is not None and state not in STATES:
            raise ValueError(f"unknown escalation state {state!r}; expected one of {STATES}")
        where = "" if state is None else "WHERE state = ?"
        params: list[object] = [] if state is None else [state]
        rows = self.db.query(
            f"""
            SELECT {_COLUMNS} FROM escalations {where}
            ORDER BY created_at DESC, id DESC LIMIT ?
            """,  # noqa: S608 - constant SQL fragments, values bound
            [*params, max(0, limit)],
        )
        return [_from_row(row) for row in rows]

    # -- privacy and retention ---------------------------------------------------------------

    def forget_user(self, user_id: int) -> int:
        """Unlink ``user_id`` from every escalation; return how many records were changed.

        Staff keep what they need to account for an alert (id, time, level, category, state,
        channel and their own alert message); the user id, message id, jump link, matched
        terms and any stored text go. Staff actions by ``user_id`` lose the name too.
        """
        with self.db.transaction() as connection:
            changed = connection.execute(
                """
                UPDATE escalations SET
                    user_id = NULL, message_id = NULL, jump_url = NULL,
                    terms = '[]', message_text = NULL
                WHERE user_id = ?
                """,
                (user_id,),
            ).rowcount
            connection.execute(
                "UPDATE escalations SET claimed_by = NULL WHERE claimed_by = ?", (user_id,)
            )
            connection.execute(
                "UPDATE escalations SET resolved_by = NULL WHERE resolved_by = ?", (user_id,)
            )
        return changed

    def purge_older_than(self, cutoff: dt.datetime) -> int:
        """Apply retention to escalations created before ``cutoff``; return records touched.

        Resolved ones are deleted; older ones still open (staff must still act) lose their
        message text but stay.
        """
        moment = to_db(cutoff)
        with self.db.transaction() as connection:
            deleted = connection.execute(
                "DELETE FROM escalations WHERE state = 'resolved' AND created_at < ?", (moment,)
            ).rowcount
            scrubbed = connection.execute(
                """
                UPDATE escalations SET message_text = NULL
                WHERE created_at < ? AND message_text IS NOT NULL
                """,
                (moment,),
            ).rowcount
        return deleted + scrubbed

    @staticmethod
    def _get_in(connection: sqlite3.Connection, escalation_id: int) -> Escalation | None:
        row = connection.execute(
            f"SELECT {_COLUMNS} FROM escalations WHERE id = ?",  # noqa: S608
            (escalation_id,),
        ).fetchone()
        return None if row is None else _from_row(row)


def _where(escalation: Escalation) -> str:
    if escalation.origin.platform == "console":
        return "console"
    if escalation.origin.channel_id is not None:
        return f"#{escalation.origin.channel_id}"
    return escalation.origin.platform


def _handled_by(escalation: Escalation) -> str:
    if escalation.state == "resolved":
        return f"resolved by {escalation.resolved_by or '?'}"
    if escalation.state == "claimed":
        return f"claimed by {escalation.claimed_by or '?'}"
    if escalation.state == "pending" and escalation.attempts:
        return f"{escalation.attempts} failed attempt(s)"
    return ""


def format_escalations(escalations: Sequence[Escalation]) -> str:
    """A plain-text table of escalations for ``faq-bot escalations`` (never message text)."""
    if not escalations:
        return "No escalations stored."
    header = ("ID", "CREATED (UTC)", "LVL", "CATEGORY", "STATE", "WHERE", "USER", "NOTE")
    rows = [
        (
            str(item.id),
            iso_utc(item.created_at),
            str(item.level),
            item.category,
            item.state,
            _where(item),
            "-" if item.origin.user_id is None else str(item.origin.user_id),
            _handled_by(item),
        )
        for item in escalations
    ]
    widths = [max(len(row[column]) for row in (header, *rows)) for column in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in (header, *rows)
    ]
    return "\n".join(lines)
