"""The real bot process on crisis messages: replies, DMs, staff alerts that survive failures.

Every message in every channel goes through the real crisis detector; staff alerts go to the
staff channel from the durable outbox in SQLite, so they survive a 403 and a SIGKILL. The
tests read that outbox through the project's own store to know when the bot has recorded a
failed attempt, never by sleeping.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.store.database import open_database
from bot.store.escalations import Escalation, EscalationStore
from tests.conftest import VALID_FAQ
from tests.e2e.conftest import StartBot
from tests.fakediscord import BotLauncher, BotProcess, FakeDiscord, pings
from tests.fakediscord.interactions import UPDATE_MESSAGE

INTERACTION_DEADLINE = 3.0
CENTER_LINE = "801-872-8480"
OVERDOSE = "i took my whole bottle of klonopin"
SUICIDE = "i want to kill myself tonight"


@pytest.fixture
def bot_env(tmp_path: Path, fake_discord: FakeDiscord) -> dict[str, str]:
    """Settings for every start in a test (restarts share the database)."""
    faq = tmp_path / "faq.yaml"
    faq.write_text(VALID_FAQ, encoding="utf-8")
    fake_discord.interaction_timeout = INTERACTION_DEADLINE
    return {"FAQ_PATH": str(faq), "FAQ_COOLDOWN_SECONDS": "0"}


@pytest.fixture
async def bot(
    start_bot: StartBot, fake_discord: FakeDiscord, bot_env: dict[str, str]
) -> BotProcess:
    """The bot, connected."""
    process = await start_bot(bot_env)
    await fake_discord.wait_ready()
    return process


@pytest.fixture
def outbox(bot: BotProcess, bot_launcher: BotLauncher) -> Iterator[EscalationStore]:
    """The running bot's escalation store, read from its database file."""
    database = open_database(bot_launcher.workdir / "data" / "bot.db", migrate_schema=False)
    try:
        yield EscalationStore(database)
    finally:
        database.close()


def staff_alerts(server: FakeDiscord) -> list[dict[str, Any]]:
    """Crisis alerts the bot posted in the staff channel (re-pings have no embed)."""
    return [m for m in server.bot_messages(server.channel("staff").id) if m["embeds"]]


def escalation_id(alert: dict[str, Any]) -> int:
    """The escalation an alert is about, from its Claim button."""
    for row in alert["components"]:
        for button in row["components"]:
            if button["custom_id"].startswith("esc:claim:"):
                return int(button["custom_id"].rpartition(":")[2])
    raise AssertionError("the alert has no Claim button")


def field(embed: dict[str, Any], name: str) -> str:
    """The value of the embed field called ``name``."""
    for item in embed.get("fields", []):
        if item["name"] == name:
            return str(item["value"])
    raise KeyError(name)


def alert_statuses(server: FakeDiscord) -> list[int]:
    """The status of every post the bot tried in the staff channel, in order."""
    path = f"/channels/{server.channel('staff').id}/messages"
    return [r.status for r in server.requests_to("POST", path)]


async def wait_for_alert(
    server: FakeDiscord, number: int, *, within: float = 5.0
) -> dict[str, Any]:
    """Wait (up to ``within`` seconds) for the staff alert of escalation ``number``."""
    return await server.wait_for_message(
        server.channel("staff").id,
        predicate=lambda m: bool(m["embeds"]) and escalation_id(m) == number,
        timeout=within,
    )


@pytest.mark.e2e
async def test_a_crisis_in_an_ordinary_channel_gets_help_and_alerts_only_the_staff_role(
    bot: BotProcess, fake_discord: FakeDiscord
) -> None:
    general = fake_discord.channel("general").id
    alice, bob = fake_discord.user("alice").id, fake_discord.user("bob").id
    staff_role = fake_discord.role("staff").id

    overdose = await fake_discord.send_message(general, alice, f"@everyone {OVERDOSE}")
    first = await fake_discord.wait_for_message(general, after=int(overdose["id"]))
    suicide = await fake_discord.send_message(general, bob, SUICIDE)
    second = await fake_discord.wait_for_message(general, after=int(suicide["id"]))
    dm = await fake_discord.wait_for_dm(alice)
    alerts = [await wait_for_alert(fake_discord, 1), await wait_for_alert(fake_discord, 2)]

    # A medical emergency: 911 first. Suicidal thoughts: 988 first. The center's line in both.
    assert first["message_reference"]["message_id"] == overdose["id"]
    assert first["content"].splitlines()[0].startswith("**Please call 911 now.**")
    assert "988" in second["content"].split("911")[0]
    assert CENTER_LINE in first["content"]
    assert CENTER_LINE in second["content"]
    assert dm["content"] == first["content"]  # the same resources, in private
    for reply in (first, second, dm):
        assert pings(reply).nobody
        assert fake_discord.sent_body(int(reply["id"]))["allowed_mentions"]["parse"] == []
    for alert, who, message in zip(alerts, (alice, bob), (overdose, suicide), strict=True):
        assert alert["content"].startswith(f"<@&{staff_role}>")
        assert pings(alert).roles == {staff_role}
        assert pings(alert).users == set()
        assert not pings(alert).everyone
        body = fake_discord.sent_body(int(alert["id"]))
        assert body["allowed_mentions"] == {"parse": [], "roles": [staff_role]}
        [embed] = alert["embeds"]
        assert field(embed, "User") == f"<@{who}> ({who})"
        assert field(embed, "Where").endswith(f"/{general}/{message['id']}")
        assert field(embed, "Reply sent") == "yes"
        assert field(embed, "State") == "unclaimed"
    assert field(alerts[0]["embeds"][0], "Level").startswith("1")
    assert field(alerts[0]["embeds"][0], "DM sent") == "yes"


@pytest.mark.e2e
async def test_an_edit_that_becomes_a_crisis_escalates(
    bot: BotProcess, fake_discord: FakeDiscord
) -> None:
    general = fake_discord.channel("general").id
    alice = fake_discord.user("alice").id
    calm = await fake_discord.send_message(general, alice, "rough night but doing ok")

    await fake_discord.send_edit(int(calm["id"]), OVERDOSE)
    reply = await fake_discord.wait_for_message(general, after=int(calm["id"]))
    alert = await wait_for_alert(fake_discord, 1)

    assert reply["message_reference"]["message_id"] == calm["id"]
    assert "911" in reply["content"]
    assert field(alert["embeds"][0], "Where").endswith(f"/{calm['id']}")


@pytest.mark.e2e
async def test_a_staff_channel_refusing_twice_still_gets_the_alert_once(
    bot: BotProcess, fake_discord: FakeDiscord
) -> None:
    staff = fake_discord.channel("staff").id
    general = fake_discord.channel("general").id
    fault = fake_discord.forbid("POST", f"/channels/{staff}/messages", times=2)

    sent = await fake_discord.send_message(general, fake_discord.user("alice").id, OVERDOSE)
    reply = await fake_discord.wait_for_message(general, after=int(sent["id"]))
    await wait_for_alert(fake_discord, 1, within=15.0)  # retried after 2 s, then 4 s
    # A later crisis goes out in the next delivery pass: any duplicate of #1 would come first.
    await fake_discord.send_message(general, fake_discord.user("bob").id, SUICIDE)
    await wait_for_alert(fake_discord, 2)

    assert "911" in reply["content"]  # the member was helped at once, whatever staff's channel did
    assert fault.hits == 2
    assert alert_statuses(fake_discord) == [403, 403, 200, 200]
    assert [escalation_id(a) for a in staff_alerts(fake_discord)] == [1, 2]


@pytest.mark.e2e
async def test_alerts_pending_when_the_bot_is_killed_go_out_after_a_restart(
    bot: BotProcess,
    start_bot: StartBot,
    fake_discord: FakeDiscord,
    bot_env: dict[str, str],
    outbox: EscalationStore,
) -> None:
    general = fake_discord.channel("general").id
    staff_posts = f"/channels/{fake_discord.channel('staff').id}/messages"
    fake_discord.forbid("POST", staff_posts, times=None)  # e.g. the bot lost its permission
    for name, text in (("alice", OVERDOSE), ("bob", SUICIDE)):
        sent = await fake_discord.send_message(general, fake_discord.user(name).id, text)
        await fake_discord.wait_for_message(general, after=int(sent["id"]))

    def backing_off(items: list[Escalation]) -> bool:
        # Recorded, tried and refused, and not about to be tried again while we kill it.
        now = dt.datetime.now(dt.UTC)
        return len(items) == 2 and all(
            item.state == "pending"
            and item.attempts >= 1
            and dt.timedelta(seconds=0.5) < item.next_attempt_at - now < dt.timedelta(seconds=5)
            for item in items
        )

    await fake_discord.wait_until(
        lambda: backing_off(outbox.list_recent()), what="two refused, pending escalations"
    )
    assert await bot.kill() == -9
    fake_discord.clear_faults()  # the permission is back
    await start_bot(bot_env)
    await fake_discord.wait_ready()
    delivered = [await wait_for_alert(fake_discord, n, within=10.0) for n in (1, 2)]
    # A third crisis after the restart: any second delivery of #1 or #2 would come before it.
    sent = await fake_discord.send_message(general, fake_discord.user("mona").id, SUICIDE)
    await fake_discord.wait_for_message(general, after=int(sent["id"]))
    await wait_for_alert(fake_discord, 3)

    await fake_discord.wait_until(
        lambda: all(item.state == "delivered" for item in outbox.list_recent()),
        what="all three escalations to be marked delivered",
    )
    assert alert_statuses(fake_discord).count(200) == 3
    assert [escalation_id(a) for a in staff_alerts(fake_discord)] == [1, 2, 3]
    users = [field(alert["embeds"][0], "User") for alert in delivered]
    assert users == [
        f"<@{fake_discord.user('alice').id}> ({fake_discord.user('alice').id})",
        f"<@{fake_discord.user('bob').id}> ({fake_discord.user('bob').id})",
    ]


@pytest.mark.e2e
async def test_a_claim_click_updates_the_alert_in_place(
    bot: BotProcess, fake_discord: FakeDiscord
) -> None:
    general = fake_discord.channel("general").id
    sam = fake_discord.user("sam").id  # staff
    await fake_discord.send_message(general, fake_discord.user("alice").id, OVERDOSE)
    alert = await wait_for_alert(fake_discord, 1)

    click = await fake_discord.click_button(int(alert["id"]), "esc:claim:1", sam)
    await fake_discord.wait_for_interaction_response(click)

    assert click.response_type == UPDATE_MESSAGE
    updated = fake_discord.get_message(int(alert["id"]))
    assert updated is not None
    assert field(updated["embeds"][0], "State").startswith(f"claimed by <@{sam}> at ")
    with pytest.raises(ValueError, match="disabled"):
        await fake_discord.click_button(int(alert["id"]), "esc:claim:1", sam)
    assert len(staff_alerts(fake_discord)) == 1  # updated, not posted again
    assert [r.status for r in fake_discord.requests_to("POST", "/interactions/*/callback")] == [200]
