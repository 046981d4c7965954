"""Staff alerts: delivered once despite failures and restarts, re-pinged, claimed, resolved."""

from __future__ import annotations

import discord

from bot.client import FaqBot
from bot.crisis.result import Category, CrisisResult
from bot.store.escalations import Origin
from tests.handlers.conftest import World
from tests.handlers.helpers import custom_ids, field

OVERDOSE = "i took my whole bottle"


def alert_posts(world: World) -> list[dict[str, object]]:
    return [body for body in world.posts_to(world.staff) if body.get("embeds")]


def claim_button_disabled(message: discord.Message) -> bool:
    for row in message.components:
        for child in getattr(row, "children", ()):
            if isinstance(child, discord.Button) and child.label == "Claim":
                return child.disabled
    raise AssertionError("no Claim button")


async def test_staff_claim_updates_the_alert_in_place(world: World) -> None:
    await world.alice.send(world.general, OVERDOSE)
    [alert] = world.bot_messages(world.staff)

    result = await world.sam.click(alert, label="Claim")

    assert result.response is not None
    [updated] = world.bot_messages(world.staff)
    assert updated.id == alert.id
    assert field(updated.embeds[0], "State").startswith(f"claimed by {world.sam.mention}")
    assert claim_button_disabled(updated)
    escalation = world.services.escalations.list_recent()[0]
    assert (escalation.state, escalation.claimed_by) == ("claimed", world.sam.id)
    [logged] = world.bot_messages(world.mod_log)
    assert (
        logged.content == f"Crisis alert #{escalation.id} (level 1) claimed by {world.sam.mention}."
    )


async def test_resolve_closes_the_alert(world: World) -> None:
    await world.alice.send(world.general, OVERDOSE)
    [alert] = world.bot_messages(world.staff)

    await world.sam.click(alert, label="Resolve")

    [updated] = world.bot_messages(world.staff)
    assert field(updated.embeds[0], "State").startswith(f"resolved by {world.sam.mention}")
    assert world.services.escalations.list_recent()[0].state == "resolved"


async def test_a_member_without_the_staff_role_cannot_claim(world: World) -> None:
    await world.alice.send(world.general, OVERDOSE)
    [alert] = world.bot_messages(world.staff)

    result = await world.mona.click(alert, label="Claim")  # a moderator, not staff

    assert result.ephemeral
    assert result.response is not None
    assert "Only members with the staff role" in result.response.content
    assert world.services.escalations.list_recent()[0].state == "delivered"
    [unchanged] = world.bot_messages(world.staff)
    assert field(unchanged.embeds[0], "State") == "unclaimed"


async def test_a_403_from_the_staff_channel_is_retried_and_delivered_once(world: World) -> None:
    world.env.inject_error(
        "POST", f"/channels/{world.staff.id}/messages", status=403, code=50013, times=2
    )

    await world.alice.send(world.general, OVERDOSE)
    assert world.bot_messages(world.staff) == []
    escalation = world.services.escalations.list_recent()[0]
    assert (escalation.state, escalation.attempts) == ("pending", 1)
    assert "Forbidden" in (escalation.last_error or "")

    await world.env.advance_time(60)

    [alert] = world.bot_messages(world.staff)
    assert alert.embeds[0].title is not None
    delivered = world.services.escalations.list_recent()[0]
    assert delivered.state == "delivered"
    assert delivered.alert_message_id == alert.id
    assert len(alert_posts(world)) == 3  # two refused attempts, one delivery

    await world.env.advance_time(60)
    assert len(world.bot_messages(world.staff)) == 1


async def test_a_deleted_staff_channel_keeps_the_escalation_pending(world: World) -> None:
    world.env.inject_error(
        "POST", f"/channels/{world.staff.id}/messages", status=404, code=10003, times=None
    )

    await world.alice.send(world.general, OVERDOSE)
    await world.env.advance_time(120)

    escalation = world.services.escalations.list_recent()[0]
    assert escalation.state == "pending"
    assert escalation.attempts >= 3
    assert [m.content for m in world.bot_messages(world.general)]  # the member still got help


async def test_pending_escalations_are_delivered_after_a_restart(world: World) -> None:
    escalation = world.services.escalations.record(
        CrisisResult(1, Category.SUICIDE, ("kill myself",)),
        Origin("discord", world.guild.id, world.general.id, 123, world.alice.id, None),
        now=world.env.now(),
    )

    await world.env.restart_bot(FaqBot(world.services))
    await world.env.advance_time(1)
    # The bot died before noting its reply: the alert waits a few seconds for that, no more.
    assert world.bot_messages(world.staff) == []
    await world.env.advance_time(10)

    [alert] = world.bot_messages(world.staff)
    assert f"esc:claim:{escalation.id}" in custom_ids(alert)
    assert world.services.escalations.get(escalation.id).state == "delivered"  # type: ignore[union-attr]


async def test_claim_still_works_after_a_restart(world: World) -> None:
    await world.alice.send(world.general, OVERDOSE)
    [alert] = world.bot_messages(world.staff)

    await world.env.restart_bot(FaqBot(world.services))
    await world.sam.click(alert, label="Claim")

    [updated] = world.bot_messages(world.staff)
    assert field(updated.embeds[0], "State").startswith(f"claimed by {world.sam.mention}")


async def test_unclaimed_alerts_are_repinged_pinging_only_the_staff_role(world: World) -> None:
    await world.alice.send(world.general, OVERDOSE)
    [alert] = world.bot_messages(world.staff)

    await world.env.advance_time(9 * 60)
    assert len(world.bot_messages(world.staff)) == 1
    await world.env.advance_time(60 + 5)

    [_, reping] = world.bot_messages(world.staff)
    assert reping.content.startswith(world.staff_role.mention)
    assert "still unclaimed" in reping.content
    assert reping.reference is not None
    assert reping.reference.message_id == alert.id
    reping_body = world.posts_to(world.staff)[-1]
    assert reping_body["allowed_mentions"] == {"parse": [], "roles": [world.staff_role.id]}


async def test_a_claimed_alert_is_not_repinged(world: World) -> None:
    await world.alice.send(world.general, OVERDOSE)
    [alert] = world.bot_messages(world.staff)
    await world.sam.click(alert, label="Claim")

    await world.env.advance_time(30 * 60)

    assert len(world.bot_messages(world.staff)) == 1


async def test_a_more_urgent_edit_alerts_again(world: World) -> None:
    message = await world.alice.send(world.general, "i want to hurt myself")
    await world.alice.edit(message, f"i want to hurt myself, {OVERDOSE}")

    alerts = world.bot_messages(world.staff)
    assert [field(a.embeds[0], "Level")[0] for a in alerts] == ["2", "1"]
