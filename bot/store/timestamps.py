"""Times as the store keeps them: fixed-width UTC ISO text that sorts like the time it names.

Every timestamp column holds ``YYYY-MM-DDTHH:MM:SS.ffffffZ``. The fixed width means SQL can
compare and sort them as plain text, and ``substr(at, 1, 10)`` is the UTC day.
"""

from __future__ import annotations

import datetime as dt

_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def utc_now() -> dt.datetime:
    """The current time, timezone-aware in UTC."""
    return dt.datetime.now(dt.UTC)


def to_db(moment: dt.datetime) -> str:
    """Store form of an aware datetime; naive datetimes are refused, never guessed."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("the store needs timezone-aware datetimes (use datetime.now(UTC))")
    return moment.astimezone(dt.UTC).strftime(_FORMAT)


def from_db(text: str) -> dt.datetime:
    """Aware UTC datetime from its store form."""
    return dt.datetime.strptime(text, _FORMAT).replace(tzinfo=dt.UTC)


def optional_from_db(text: str | None) -> dt.datetime | None:
    """``from_db`` that passes ``None`` through."""
    return None if text is None else from_db(text)


def since_bound(since: dt.datetime | None) -> str:
    """Lower bound for ``column >= ?``: ``since`` in store form, or "" (before every time)."""
    return "" if since is None else to_db(since)


def iso_utc(moment: dt.datetime) -> str:
    """Readable UTC time for people: ``2025-01-31T14:05:09Z`` (seconds, no fraction)."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
