"""What a staff alert says, independent of where it is shown.

``build_alert`` turns a stored escalation into a title, a one-line summary and named fields;
the Discord handler renders them as an embed, the console chat prints ``as_text()``. It shows
the lexicon terms that matched, never the message text. No discord import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.store.escalations import Escalation
from bot.store.timestamps import iso_utc, utc_now
from bot.text_limits import EMBED_FIELD_VALUE_MAX, EMBED_TITLE_MAX, truncate

LEVEL = "Level"
CATEGORY = "Category"
MATCHED_TERMS = "Matched terms"
WHERE = "Where"
USER = "User"
CHANNEL = "Channel"
TIME = "Time (UTC)"
REPLY_SENT = "Reply sent"
DM_SENT = "DM sent"
ALERTS_24H = "Alerts for this user in 24 h"
STATE = "State"

FIELD_NAMES = (
    LEVEL,
    CATEGORY,
    MATCHED_TERMS,
    WHERE,
    USER,
    CHANNEL,
    TIME,
    REPLY_SENT,
    DM_SENT,
    ALERTS_24H,
    STATE,
)

CATEGORY_LABELS = {
    "overdose": "Overdose or poisoning",
    "combination": "Dangerous combination (alcohol or opioids)",
    "withdrawal": "Withdrawal emergency",
    "suicide": "Suicidal thoughts",
    "self-harm": "Self-harm",
    "third-party": "Someone else in danger",
    "harm-to-others": "Harm to others",
}

_LEVEL_TEXT = {1: "1 (most urgent: act now)", 2: "2 (urgent)"}


@dataclass(frozen=True, slots=True)
class AlertContent:
    """A staff alert: title, one-line summary, and ``(name, value)`` fields in display order."""

    escalation_id: int
    level: int
    title: str
    summary: str
    fields: tuple[tuple[str, str], ...]
    ping: str | None = None

    @property
    def message_content(self) -> str:
        """The plain message text that goes with the embed: the staff ping and the title."""
        return f"{self.ping} {self.title}" if self.ping else self.title

    def field(self, name: str) -> str:
        """The value of the field called ``name``."""
        for field_name, value in self.fields:
            if field_name == name:
                return value
        raise KeyError(name)

    def as_text(self) -> str:
        """The alert as plain text, for the console chat and logs-free previews."""
        width = max(len(name) for name, _ in self.fields)
        lines = [self.title, self.summary]
        lines += [f"  {name + ':':<{width + 1}} {value}" for name, value in self.fields]
        return "\n".join(lines)


def category_label(category: str) -> str:
    """A readable name for a crisis category (unknown ones pass through)."""
    return CATEGORY_LABELS.get(category, category)


def build_alert(
    escalation: Escalation,
    *,
    alerts_24h: int,
    staff_role_mention: str | None = None,
) -> AlertContent:
    """The staff alert for ``escalation`` (its current state: re-render after claim/resolve)."""
    label = category_label(escalation.category)
    icon = "\N{POLICE CARS REVOLVING LIGHT}" if escalation.level == 1 else "\N{WARNING SIGN}"
    title = truncate(
        f"{icon} Crisis alert #{escalation.id}: level {escalation.level}, {label}",
        EMBED_TITLE_MAX,
    )
    fields = (
        (LEVEL, _LEVEL_TEXT.get(escalation.level, str(escalation.level))),
        (CATEGORY, label),
        (MATCHED_TERMS, _terms(escalation.terms)),
        (WHERE, _where(escalation)),
        (USER, _user(escalation)),
        (CHANNEL, _channel(escalation)),
        (TIME, iso_utc(escalation.created_at)),
        (REPLY_SENT, _reply_sent(escalation)),
        (DM_SENT, _dm_sent(escalation)),
        (ALERTS_24H, str(alerts_24h)),
        (STATE, _state(escalation)),
    )
    summary = " · ".join(
        [
            f"Level {escalation.level}",
            label,
            _user(escalation),
            "console" if _is_console(escalation) else _channel(escalation),
            iso_utc(escalation.created_at),
        ]
    )
    return AlertContent(
        escalation_id=escalation.id,
        level=escalation.level,
        title=title,
        summary=summary,
        fields=tuple((name, truncate(value, EMBED_FIELD_VALUE_MAX)) for name, value in fields),
        ping=staff_role_mention,
    )


def reping_text(
    escalation: Escalation, *, staff_role_mention: str | None, now: dt.datetime | None = None
) -> str:
    """The reminder posted when an alert stays unclaimed."""
    waited = (now or utc_now()) - escalation.created_at
    minutes = max(1, int(waited.total_seconds() // 60))
    text = (
        f"Crisis alert #{escalation.id} (level {escalation.level}, "
        f"{category_label(escalation.category)}) is still unclaimed after {minutes} min."
    )
    return f"{staff_role_mention} {text}" if staff_role_mention else text


def _is_console(escalation: Escalation) -> bool:
    return escalation.origin.platform == "console"


def _terms(terms: tuple[str, ...]) -> str:
    return ", ".join(terms) if terms else "(none kept)"


def _where(escalation: Escalation) -> str:
    if _is_console(escalation):
        return "console chat"
    if escalation.origin.jump_url:
        return escalation.origin.jump_url
    return "no link (direct message or removed)"


def _user(escalation: Escalation) -> str:
    user_id = escalation.origin.user_id
    if user_id is None:
        return "console user" if _is_console(escalation) else "not kept"
    return f"<@{user_id}> ({user_id})"


def _channel(escalation: Escalation) -> str:
    if _is_console(escalation):
        return "console"
    channel_id = escalation.origin.channel_id
    if channel_id is None:
        return "unknown"
    return f"<#{channel_id}> ({channel_id})"


def _reply_sent(escalation: Escalation) -> str:
    if escalation.reply_sent is None:
        return "not known yet"
    return "yes" if escalation.reply_sent else "NO: the reply failed"


def _dm_sent(escalation: Escalation) -> str:
    if escalation.reply_sent is None and escalation.dm_sent is None:
        return "not known yet"
    if escalation.dm_sent is None:
        return "not tried"
    return "yes" if escalation.dm_sent else "no (DMs closed or failed)"


def _state(escalation: Escalation) -> str:
    if escalation.state == "resolved":
        by = f"<@{escalation.resolved_by}>" if escalation.resolved_by else "staff"
        when = f" at {iso_utc(escalation.resolved_at)}" if escalation.resolved_at else ""
        return f"resolved by {by}{when}"
    if escalation.state == "claimed":
        by = f"<@{escalation.claimed_by}>" if escalation.claimed_by else "staff"
        when = f" at {iso_utc(escalation.claimed_at)}" if escalation.claimed_at else ""
        return f"claimed by {by}{when}"
    return "unclaimed"
