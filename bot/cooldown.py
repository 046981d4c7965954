"""A per-key cooldown (one event per period per member), kept in memory."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable


class Cooldown:
    """At most one event per ``period`` for each key; the clock is passed in, never read."""

    def __init__(self, period: dt.timedelta, *, max_keys: int = 10_000) -> None:
        self.period = period
        self._max_keys = max_keys
        self._last: dict[Hashable, dt.datetime] = {}

    def __len__(self) -> int:
        """How many keys are remembered."""
        return len(self._last)

    def remaining(self, key: Hashable, now: dt.datetime) -> dt.timedelta:
        """Time ``key`` still has to wait (zero when it may go now)."""
        last = self._last.get(key)
        if last is None:
            return dt.timedelta(0)
        return max(self.period - (now - last), dt.timedelta(0))

    def try_acquire(self, key: Hashable, now: dt.datetime) -> bool:
        """Record an event for ``key`` and return True, or return False while it cools down."""
        if self.period <= dt.timedelta(0):
            return True
        if self.remaining(key, now) > dt.timedelta(0):
            return False
        if len(self._last) >= self._max_keys:
            self._forget_expired(now)
        self._last[key] = now
        return True

    def reset(self, key: Hashable) -> None:
        """Forget ``key`` (its next event goes through at once)."""
        self._last.pop(key, None)

    def _forget_expired(self, now: dt.datetime) -> None:
        expired = [key for key, last in self._last.items() if now - last >= self.period]
        for key in expired:
            del self._last[key]
        if len(self._last) >= self._max_keys:
            # Everyone is still cooling down: drop the oldest half rather than grow forever.
            oldest = sorted(self._last, key=self._last.__getitem__)[: self._max_keys // 2]
            for key in oldest:
                del self._last[key]
