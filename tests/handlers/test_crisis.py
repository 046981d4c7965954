"""A crisis anywhere the bot can read: the reply, the DM, the record, and the staff alert."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from bot.crisis.messages import crisis_reminder, crisis_reply
from bot.store.escalations import Escalation, EscalationStore
from tests.handlers.conftest import CRISIS_PHRASES, World
from tests.handlers.helpers import button_labels, field, pings_nobody

OVERDOSE = "i took my whole bottle"
OVERDOSE_REPLY = crisis_reply(CRISIS_PHRASES["whole bottle"])


def only_escalation(world: World) -> Escalation:
    [escalation] = world.services.escalations.list_recent()
    return escalation


async def test_a_crisis_in_an_ordinary_channel_gets_a_reply_a_dm_and_a_staff_alert(
    world: World,
) -> None:
    await world.alice.send(world.general, OVERDOSE)

    [reply] = world.bot_messages(world.general)
    assert reply.content == OVERDOSE_REPLY
    assert "911" in reply.content
    assert "801-872-8480" in reply.content
    assert OVERDOSE not in reply.content  # never quotes the message
    [dm] = world.bot_messages(world.alice.user.dm_channel)
    assert dm.content == OVERDOSE_REPLY

    [alert] = world.bot_messages(world.staff)
    assert alert.content.startswith(world.staff_role.mention)
    embed = alert.embeds[0]
    assert field(embed, "Matched terms") == "whole bottle"
    assert world.alice.mention in field(embed, "User")
    assert field(embed, "Reply sent") == "yes"
    assert field(embed, "DM sent") == "yes"
    assert field(embed, "Alerts for this user in 24 h") == "1"
    [jump] = [url for url in (field(embed, "Where"),) if url.startswith("https://discord.com/")]
    assert jump.endswith(f"/{world.general.id}/{world.general.history()[0].id}")
    assert button_labels(alert) == ["Claim", "Resolve"]
    assert only_escalation(world).state == "delivered"


async def test_the_staff_alert_pings_only_the_staff_role(world: World) -> None:
    await world.alice.send(world.general, f"@everyone @here <@&{world.sam.id}> {OVERDOSE}")

    [alert_body] = world.posts_to(world.staff)
    assert alert_body["allowed_mentions"] == {"parse": [], "roles": [world.staff_role.id]}
    [reply_body] = world.posts_to(world.general)
    assert pings_nobody(reply_body)


async def test_the_escalation_is_stored_before_anything_is_sent(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    requests_when_recorded: list[int] = []
    original = EscalationStore.record

    def record(self: EscalationStore, *args: Any, **kwargs: Any) -> Escalation:
        requests_when_recorded.append(len(world.posts_to(world.general)))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(EscalationStore, "record", record)

    await world.alice.send(world.general, OVERDOSE)

    assert requests_when_recorded == [0]
    assert len(world.posts_to(world.general)) == 1


async def test_a_failed_reply_still_alerts_staff_and_says_so(world: World) -> None:
    world.env.inject_error("POST", f"/channels/{world.general.id}/messages", status=403)

    await world.alice.send(world.general, OVERDOSE)

    [alert] = world.bot_messages(world.staff)
    assert field(alert.embeds[0], "Reply sent") == "NO: the reply failed"


async def test_closed_dms_still_alert_staff(world: World) -> None:
    world.env.inject_error("POST", "/users/@me/channels", status=403, code=50007)

    await world.alice.send(world.general, OVERDOSE)

    assert len(world.bot_messages(world.general)) == 1
    [alert] = world.bot_messages(world.staff)
    assert field(alert.embeds[0], "DM sent") == "no (DMs closed or failed)"


async def test_a_non_question_crisis_in_a_help_channel_still_escalates(world: World) -> None:
    await world.alice.send(world.help, OVERDOSE)

    [reply] = world.bot_messages(world.help)
    assert reply.content == OVERDOSE_REPLY
    assert len(world.bot_messages(world.staff)) == 1


async def test_a_crisis_addressed_to_the_bot_gets_the_crisis_reply_not_an_faq_answer(
    world: World,
) -> None:
    await world.alice.send(world.general, f"{world.bot_mention} what is klonopin, {OVERDOSE}")

    [reply] = world.bot_messages(world.general)
    assert reply.content == OVERDOSE_REPLY
    assert reply.embeds == []


async def test_a_crisis_in_a_dm_is_answered_there_and_alerted(world: World) -> None:
    await world.alice.send_dm(OVERDOSE)

    [reply] = world.bot_messages(world.alice.user.dm_channel)
    assert reply.content == OVERDOSE_REPLY
    [alert] = world.bot_messages(world.staff)
    assert field(alert.embeds[0], "DM sent") == "yes"


async def test_an_edit_into_a_crisis_escalates_once(world: World) -> None:
    message = await world.alice.send(world.general, "rough night")
    assert world.bot_messages(world.general) == []

    await world.alice.edit(message, OVERDOSE)
    await world.alice.edit(message, f"{OVERDOSE}.")  # same level again: no second alert

    assert [m.content for m in world.bot_messages(world.general)] == [OVERDOSE_REPLY]
    assert len(world.bot_messages(world.staff)) == 1


async def test_slash_ask_with_a_crisis_replies_and_alerts(world: World) -> None:
    result = await world.alice.slash(world.general, "faq ask", question=OVERDOSE, private=True)

    assert result.ephemeral
    assert result.response is not None
    assert result.response.content == OVERDOSE_REPLY
    assert len(world.bot_messages(world.staff)) == 1


async def test_a_repeat_within_the_cooldown_gets_the_reminder_without_a_new_alert(
    world: World,
) -> None:
    await world.alice.send(world.general, OVERDOSE)
    await world.env.advance_time(60)
    await world.alice.send(world.general, f"still: {OVERDOSE}")

    replies = [m.content for m in world.bot_messages(world.general)]
    assert replies == [OVERDOSE_REPLY, crisis_reminder(CRISIS_PHRASES["whole bottle"])]
    assert len(world.bot_messages(world.staff)) == 1


async def test_crisis_replies_are_never_held_back_by_the_faq_cooldown(world: World) -> None:
    await world.alice.send(world.general, f"{world.bot_mention} what is klonopin?")
    await world.alice.send(world.general, OVERDOSE)

    contents = [m.content for m in world.bot_messages(world.general)]
    assert contents[-1] == OVERDOSE_REPLY


async def test_bots_are_not_checked(world: World) -> None:
    helper = world.guild.add_member(world.env.create_user("helper-bot", bot=True))

    await helper.send(world.general, OVERDOSE)

    assert world.bot_messages(world.general) == []
    assert world.services.escalations.list_recent() == []


async def test_a_locked_database_delays_the_alert_but_never_the_reply(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = EscalationStore.record
    locked = [True]

    def record_unless_locked(self: EscalationStore, *args: Any, **kwargs: Any) -> Escalation:
        if locked[0]:
            raise sqlite3.OperationalError("database is locked")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(EscalationStore, "record", record_unless_locked)

    await world.alice.send(world.general, OVERDOSE)
    assert [m.content for m in world.bot_messages(world.general)] == [OVERDOSE_REPLY]
    assert world.bot_messages(world.staff) == []

    locked[0] = False  # the other process lets go of the database
    await world.env.advance_time(30)  # the next delivery pass stores it, then alerts

    [alert] = world.bot_messages(world.staff)
    assert field(alert.embeds[0], "Matched terms") == "whole bottle"


async def test_a_failing_escalation_service_never_stops_the_reply(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(world.services.escalation_service, "handle", broken)

    await world.alice.send(world.general, OVERDOSE)

    assert [m.content for m in world.bot_messages(world.general)] == [OVERDOSE_REPLY]
