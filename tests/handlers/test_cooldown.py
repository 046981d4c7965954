"""The per-member cooldown on FAQ replies."""

from __future__ import annotations

import datetime as dt

from bot.cooldown import Cooldown

START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def test_one_event_per_period_per_key() -> None:
    cooldown = Cooldown(dt.timedelta(seconds=5))

    assert cooldown.try_acquire("alice", START)
    assert not cooldown.try_acquire("alice", START + dt.timedelta(seconds=4))
    assert cooldown.try_acquire("bob", START + dt.timedelta(seconds=4))
    assert cooldown.remaining("alice", START + dt.timedelta(seconds=4)) == dt.timedelta(seconds=1)
    assert cooldown.try_acquire("alice", START + dt.timedelta(seconds=5))


def test_a_zero_period_never_holds_back() -> None:
    cooldown = Cooldown(dt.timedelta(0))

    assert cooldown.try_acquire(1, START)
    assert cooldown.try_acquire(1, START)


def test_memory_stays_bounded() -> None:
    cooldown = Cooldown(dt.timedelta(hours=1), max_keys=10)

    for key in range(100):
        assert cooldown.try_acquire(key, START + dt.timedelta(seconds=key))

    assert len(cooldown) <= 10
    assert not cooldown.try_acquire(99, START + dt.timedelta(seconds=100))
