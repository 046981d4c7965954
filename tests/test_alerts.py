"""The staff alert: every field staff need, and never the message text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.alerts import (
    ALERTS_24H,
    CATEGORY,
    CHANNEL,
    DM_SENT,
    FIELD_NAMES,
    LEVEL,
    MATCHED_TERMS,
    REPLY_SENT,
    STATE,
    TIME,
    USER,
    WHERE,
    build_alert,
    reping_text,
)
from bot.crisis.result import Category
from bot.store.database import open_database
from bot.store.escalations import EscalationStore, Origin
from bot.text_limits import EMBED_FIELD_VALUE_MAX, EMBED_TITLE_MAX
from tests.store.helpers import SECRET_TEXT, T0, crisis, discord_origin

ROLE = "<@&333>"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EscalationStore]:
    db = open_database(tmp_path / "alerts.sqlite3")
    yield EscalationStore(db)
    db.close()


def test_alert_has_every_field_in_order_and_no_message_text(store: EscalationStore) -> None:
    escalation = store.record(crisis(), discord_origin(user_id=42), text=SECRET_TEXT, now=T0)
    store.note_reply(escalation.id, reply_sent=True, dm_sent=False)
    escalation = store.get(escalation.id) or escalation

    alert = build_alert(escalation, alerts_24h=3, staff_role_mention=ROLE)

    assert tuple(name for name, _ in alert.fields) == FIELD_NAMES
    assert all(value.strip() for _, value in alert.fields)
    assert alert.field(LEVEL).startswith("1")
    assert alert.field(CATEGORY) == "Overdose or poisoning"
    assert alert.field(MATCHED_TERMS) == "took, whole bottle"
    assert alert.field(WHERE) == "https://discord.com/channels/900/700/5001"
    assert alert.field(USER) == "<@42> (42)"
    assert alert.field(CHANNEL) == "<#700> (700)"
    assert alert.field(TIME) == "2025-03-01T12:00:00Z"
    assert alert.field(REPLY_SENT) == "yes"
    assert alert.field(DM_SENT).startswith("no")
    assert alert.field(ALERTS_24H) == "3"
    assert alert.field(STATE) == "unclaimed"
    assert f"#{escalation.id}" in alert.title
    assert "\n" not in alert.summary
    everything = " ".join([alert.title, alert.summary, alert.as_text(), alert.message_content])
    assert SECRET_TEXT not in everything
    assert "zebra" not in everything


def test_the_ping_is_the_staff_role_only(store: EscalationStore) -> None:
    escalation = store.record(crisis(), discord_origin(), now=T0)
    with_role = build_alert(escalation, alerts_24h=1, staff_role_mention=ROLE)
    without = build_alert(escalation, alerts_24h=1, staff_role_mention=None)
    assert with_role.message_content.startswith(ROLE)
    assert without.ping is None
    assert "<@&" not in without.message_content


def test_reply_and_dm_states_before_and_after_the_reply(store: EscalationStore) -> None:
    escalation = store.record(crisis(), discord_origin(), now=T0)
    before = build_alert(escalation, alerts_24h=1, staff_role_mention=None)
    assert (before.field(REPLY_SENT), before.field(DM_SENT)) == ("not known yet", "not known yet")

    store.note_reply(escalation.id, reply_sent=False, dm_sent=None)
    failed = build_alert(
        store.get(escalation.id) or escalation, alerts_24h=1, staff_role_mention=None
    )
    assert failed.field(REPLY_SENT).startswith("NO")
    assert failed.field(DM_SENT) == "not tried"


def test_claimed_and_resolved_alerts_say_who(store: EscalationStore) -> None:
    escalation = store.record(crisis(), discord_origin(), now=T0)
    store.mark_delivered(escalation.id, 1, T0)
    claimed = store.claim(escalation.id, by=555, now=T0 + dt.timedelta(minutes=3))
    assert claimed is not None
    assert build_alert(claimed, alerts_24h=1, staff_role_mention=None).field(STATE) == (
        "claimed by <@555> at 2025-03-01T12:03:00Z"
    )
    resolved = store.resolve(escalation.id, by=556, now=T0 + dt.timedelta(minutes=9))
    assert resolved is not None
    assert build_alert(resolved, alerts_24h=1, staff_role_mention=None).field(STATE) == (
        "resolved by <@556> at 2025-03-01T12:09:00Z"
    )


def test_console_alert(store: EscalationStore) -> None:
    escalation = store.record(
        crisis(level=2, category=Category.SELF_HARM, terms=("cut myself",)),
        Origin.console(),
        now=T0,
    )
    alert = build_alert(escalation, alerts_24h=1, staff_role_mention=None)
    assert alert.field(WHERE) == "console chat"
    assert alert.field(USER) == "console user"
    assert alert.field(LEVEL).startswith("2")
    assert alert.field(CATEGORY) == "Self-harm"
    text = alert.as_text()
    for name, value in alert.fields:
        assert f"{name}:" in text
        assert value in text
    assert text.splitlines()[:2] == [alert.title, alert.summary]


def test_a_forgotten_user_shows_nothing_personal(store: EscalationStore) -> None:
    escalation = store.record(crisis(), discord_origin(user_id=42), now=T0)
    store.forget_user(42)
    alert = build_alert(
        store.get(escalation.id) or escalation, alerts_24h=0, staff_role_mention=None
    )
    assert "42" not in alert.field(USER)
    assert alert.field(MATCHED_TERMS) == "(none kept)"
    assert "5001" not in alert.as_text()


def test_values_fit_discord_limits(store: EscalationStore) -> None:
    terms = tuple(f"term number {index}" for index in range(300))
    escalation = store.record(crisis(terms=terms), discord_origin(), now=T0)
    alert = build_alert(escalation, alerts_24h=1, staff_role_mention=ROLE)
    assert len(alert.title) <= EMBED_TITLE_MAX
    assert all(len(value) <= EMBED_FIELD_VALUE_MAX for _, value in alert.fields)
    assert alert.field(MATCHED_TERMS).startswith("term number 0, term number 1")


def test_reping_text(store: EscalationStore) -> None:
    escalation = store.record(crisis(), discord_origin(), now=T0)
    text = reping_text(escalation, staff_role_mention=ROLE, now=T0 + dt.timedelta(minutes=12))
    assert text.startswith(ROLE)
    assert f"#{escalation.id}" in text
    assert "12 min" in text
    assert SECRET_TEXT not in text
