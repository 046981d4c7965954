"""The escalation policy between the crisis detector and the adapters that reply and alert.

For each crisis message the service decides whether it makes a new escalation and whether
the person gets the full crisis reply, and records the escalation *before* it returns, so
the adapter acts only on something that survives a crash:

- one message makes at most one escalation, however many crisis terms it holds (an edit of
  the same message makes a new one only if its level is more urgent);
- the same person within the cooldown (15 minutes) at the same or a less urgent level makes
  no new escalation and gets a short reminder instead of the full reply; a more urgent level
  (level 1 is the most urgent) always makes a new escalation and a full reply; escalations
  staff have resolved do not hold back a new one;
- the console (no user id) always escalates;
- when the database cannot be written (locked, disk full) the service never raises: the
  decision still asks for the full reply, and the escalation waits in memory until
  ``flush_unsaved`` (the staff-alert delivery calls it every second, and ``handle`` at most
  once per ``STORAGE_RETRY``) manages to store it. Each failed write can cost a busy
  timeout, so while storage is down ``handle`` does not wait on it for every message.

Logs carry ids, levels and categories only, never message text.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from bot.crisis.result import CrisisResult
from bot.store.escalations import Escalation, EscalationStore, Origin
from bot.store.timestamps import utc_now

log = logging.getLogger(__name__)

DEFAULT_COOLDOWN = dt.timedelta(minutes=15)
ALERT_COUNT_WINDOW = dt.timedelta(hours=24)
DEFAULT_MAX_UNSAVED = 10_000
# While storage is failing, ``handle`` tries it again no more often than this.
STORAGE_RETRY = dt.timedelta(seconds=1)

Clock = Callable[[], dt.datetime]


@dataclass(frozen=True, slots=True)
class EscalationDecision:
    """What the adapter does with one crisis message.

    ``escalation`` is the stored record to alert staff about, or ``None`` when no new
    escalation was made (within the cooldown) or it could not be stored yet (``unsaved``).
    ``full_reply`` False means: send the short reminder, not the full crisis reply.
    ``alerts_24h`` counts this person's escalations in the last 24 hours, this one included.
    """

    escalation: Escalation | None
    full_reply: bool
    alerts_24h: int
    unsaved: bool = False


@dataclass(frozen=True, slots=True)
class _Recent:
    """What the cooldown needs to know about an earlier escalation."""

    level: int
    resolved: bool = False


@dataclass(frozen=True, slots=True)
class _Unsaved:
    """A crisis the database refused, kept in memory until it can be stored."""

    crisis: CrisisResult
    origin: Origin
    text: str | None
    created_at: dt.datetime
    # Whether the crisis reply (and DM) went out, once the adapter has said so.
    reply_sent: bool | None = None
    dm_sent: bool | None = None


def _held_back(level: int, recent: Iterable[_Recent]) -> bool:
    """True when an open earlier escalation is at least as urgent as ``level`` (1 = most)."""
    return any(not item.resolved and item.level <= level for item in recent)


class EscalationService:
    """Decides and records escalations; adapters reply and alert from its decisions."""

    def __init__(
        self,
        store: EscalationStore,
        *,
        cooldown: dt.timedelta = DEFAULT_COOLDOWN,
        store_text: bool = False,
        clock: Clock = utc_now,
        max_unsaved: int = DEFAULT_MAX_UNSAVED,
    ) -> None:
        self.store = store
        self.cooldown = cooldown
        self.store_text = store_text
        self._clock = clock
        self._max_unsaved = max_unsaved
        self._unsaved: deque[_Unsaved] = deque()
        self._retry_storage_at: dt.datetime | None = None

    @property
    def unsaved_count(self) -> int:
        """How many escalations wait in memory for the database to accept them."""
        return len(self._unsaved)

    def handle(self, crisis: CrisisResult, origin: Origin, text: str) -> EscalationDecision:
        """Decide on one crisis message and record its escalation before returning."""
        now = self._clock()
        kept_text = text if self.store_text else None
        if self._unsaved:
            if self._retry_storage_at is None or now >= self._retry_storage_at:
                self.flush_unsaved()
            if self._unsaved:
                # Storage is still failing: do not wait on it a second time for this message.
                return self._keep_unsaved(crisis, origin, kept_text, now)
        try:
            return self._decide_and_record(crisis, origin, kept_text, now)
        except sqlite3.Error as exc:
            self._retry_storage_at = now + STORAGE_RETRY
            log.error(
                "could not store a level %d %s escalation (%s): %s; kept in memory to retry",
                crisis.level,
                crisis.category,
                origin.platform,
                _describe(exc),
            )
            return self._keep_unsaved(crisis, origin, kept_text, now)

    def flush_unsaved(self) -> int:
        """Store the escalations kept in memory, oldest first; return how many were stored."""
        stored = 0
        while self._unsaved:
            item = self._unsaved[0]
            try:
                with self.store.db.transaction():
                    stored_item = self.store.record(
                        item.crisis, item.origin, text=item.text, now=item.created_at
                    )
                    if item.reply_sent is not None:
                        self.store.note_reply(
                            stored_item.id, reply_sent=item.reply_sent, dm_sent=item.dm_sent
                        )
            except sqlite3.Error as exc:
                self._retry_storage_at = self._clock() + STORAGE_RETRY
                log.warning(
                    "still cannot store %d escalation(s) kept in memory: %s",
                    len(self._unsaved),
                    _describe(exc),
                )
                break
            self._unsaved.popleft()
            stored += 1
        if stored:
            log.info("stored %d escalation(s) that had been kept in memory", stored)
        return stored

    def note_unsaved_reply(self, origin: Origin, *, reply_sent: bool, dm_sent: bool | None) -> bool:
        """Keep the reply outcome with the escalation from ``origin`` still waiting in memory.

        Stored with it, so its staff alert says whether the member was answered and goes out
        without waiting for a note that would never come. False if it is no longer waiting.
        """
        for index in range(len(self._unsaved) - 1, -1, -1):
            item = self._unsaved[index]
            if item.origin == origin:
                self._unsaved[index] = replace(item, reply_sent=reply_sent, dm_sent=dm_sent)
                return True
        return False

    # -- internals ---------------------------------------------------------------------------

    def _decide_and_record(
        self, crisis: CrisisResult, origin: Origin, text: str | None, now: dt.datetime
    ) -> EscalationDecision:
        with self.store.db.transaction():
            earlier = self._earlier_from_db(origin, now)
            if _held_back(crisis.level, earlier):
                log.info(
                    "level %d %s crisis held back (same message, or same person within the "
                    "cooldown): no new escalation",
                    crisis.level,
                    crisis.category,
                )
                return EscalationDecision(
                    escalation=None, full_reply=False, alerts_24h=self._count_24h(origin, now)
                )
            escalation = self.store.record(crisis, origin, text=text, now=now)
            # The console has no user id to count by: its one alert is this one.
            alerts = 1 if origin.user_id is None else self._count_24h(origin, now)
            return EscalationDecision(escalation=escalation, full_reply=True, alerts_24h=alerts)

    def _earlier_from_db(self, origin: Origin, now: dt.datetime) -> list[_Recent]:
        """Earlier escalations that may hold this one back: same message, or same person."""
        earlier: list[_Recent] = []
        if origin.message_id is not None:
            # Same message (an edit): held back at any age unless it became more urgent.
            earlier += [
                _Recent(item.level)
                for item in self.store.for_message(origin.platform, origin.message_id)
            ]
        if origin.user_id is not None and self.cooldown > dt.timedelta(0):
            earlier += [
                _Recent(item.level, resolved=item.state == "resolved")
                for item in self.store.recent_for_user(origin.user_id, now - self.cooldown)
                if now - item.created_at < self.cooldown
            ]
        return earlier

    def _earlier_in_memory(self, origin: Origin, now: dt.datetime) -> list[_Recent]:
        return [
            _Recent(item.crisis.level)
            for item in self._unsaved
            if (
                origin.message_id is not None
                and item.origin.platform == origin.platform
                and item.origin.message_id == origin.message_id
            )
            or (
                origin.user_id is not None
                and item.origin.user_id == origin.user_id
                and now - item.created_at < self.cooldown
            )
        ]

    def _count_24h(self, origin: Origin, now: dt.datetime) -> int:
        """Stored escalations for this person in the last 24 hours (0 without a user id)."""
        if origin.user_id is None:
            return 0
        return self.store.count_for_user(origin.user_id, now - ALERT_COUNT_WINDOW)

    def _keep_unsaved(
        self, crisis: CrisisResult, origin: Origin, text: str | None, now: dt.datetime
    ) -> EscalationDecision:
        """The database is failing: decide from what can still be read, and queue the record."""
        earlier = self._earlier_in_memory(origin, now)
        stored_24h = 0
        try:
            # A lock held by another writer still lets WAL readers through.
            earlier += self._earlier_from_db(origin, now)
            stored_24h = self._count_24h(origin, now)
        except sqlite3.Error:
            log.debug("cooldown check could not read the database; using memory only")
        waiting_24h = sum(
            1
            for item in self._unsaved
            if origin.user_id is not None
            and item.origin.user_id == origin.user_id
            and now - item.created_at < ALERT_COUNT_WINDOW
        )
        if _held_back(crisis.level, earlier):
            return EscalationDecision(
                escalation=None,
                full_reply=False,
                alerts_24h=stored_24h + waiting_24h,
                unsaved=True,
            )
        if len(self._unsaved) >= self._max_unsaved:
            dropped = self._unsaved.popleft()
            log.error(
                "too many unsaved escalations; dropped the oldest (level %d, %s)",
                dropped.crisis.level,
                dropped.crisis.category,
            )
        self._unsaved.append(_Unsaved(crisis, origin, text, now))
        return EscalationDecision(
            escalation=None,
            full_reply=True,
            alerts_24h=stored_24h + waiting_24h + 1,
            unsaved=True,
        )


def _describe(exc: sqlite3.Error) -> str:
    """An error for the log: its class and SQLite's own message (bound values never appear)."""
    return f"{type(exc).__name__}: {exc}"
