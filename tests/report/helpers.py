"""Builders for hand-written question logs."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence

from bot.report.commands import register
from bot.store.stores import Stores

NOW = dt.datetime(2026, 3, 8, 18, 0, tzinfo=dt.UTC)


def at(minutes_ago: float) -> dt.datetime:
    """A moment ``minutes_ago`` before NOW."""
    return NOW - dt.timedelta(minutes=minutes_ago)


def clarify_then_pick(
    stores: Stores,
    text: str,
    offered: Sequence[str],
    picked: str | None,
    *,
    score: float = 50.0,
    minutes_ago: float = 60,
) -> None:
    """A "did you mean" reply offering ``offered``; the member picks ``picked`` (or walks away)."""
    stores.questions.record(
        "clarify", text, offered[0], score, now=at(minutes_ago), candidates=offered
    )
    if picked is not None:
        stores.questions.record("answer", text, picked, 100.0, now=at(minutes_ago - 1))


def fallback(
    stores: Stores, text: str, best: str | None, score: float, *, minutes_ago: float = 60
) -> None:
    """A question the FAQ had no answer for; ``best`` was its best candidate."""
    stores.questions.record(
        "fallback",
        text,
        best,
        score,
        now=at(minutes_ago),
        candidates=[best] if best else [],
    )


def none_of_these(
    stores: Stores, text: str, offered: Sequence[str], *, minutes_ago: float = 60
) -> None:
    """A "did you mean" offering ``offered``, then "None of these"."""
    stores.questions.record(
        "clarify", text, offered[0], 50.0, now=at(minutes_ago), candidates=offered
    )
    stores.questions.record_none_of_these(text, offered, now=at(minutes_ago - 1))


def command_parser() -> argparse.ArgumentParser:
    """A ``faq-bot`` parser with only the report commands, as cli.py will wire them."""
    parser = argparse.ArgumentParser(prog="faq-bot")
    register(parser.add_subparsers())
    return parser
