"""Small builders shared by the store, escalation and alert tests."""

from __future__ import annotations

import datetime as dt

from bot.crisis.result import Category, CrisisResult
from bot.store.escalations import Origin

T0 = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.UTC)
SECRET_TEXT = "i took my whole bottle of kpins zebra-lantern-42"


def crisis(
    level: int = 1,
    category: Category = Category.OVERDOSE,
    terms: tuple[str, ...] = ("took", "whole bottle"),
) -> CrisisResult:
    """A crisis result as the detector would return it."""
    return CrisisResult(level=level, category=category, terms=terms)


def discord_origin(user_id: int | None = 111, message_id: int | None = 5001) -> Origin:
    """A message in a Discord guild channel."""
    return Origin(
        platform="discord",
        guild_id=900,
        channel_id=700,
        message_id=message_id,
        user_id=user_id,
        jump_url=None
        if message_id is None
        else f"https://discord.com/channels/900/700/{message_id}",
    )


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: dt.datetime = T0) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> dt.datetime:
        self.now += dt.timedelta(**delta)
        return self.now
