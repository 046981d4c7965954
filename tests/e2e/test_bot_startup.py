"""The real bot process starting against the fake Discord with the shipped ``faq.yaml``."""

from __future__ import annotations

import pytest

from bot.faq.loader import load_faq
from bot.render import answer_footer
from tests.e2e.conftest import StartBot
from tests.fakediscord import BotLauncher, BotProcess, FakeDiscord, pings
from tests.fakediscord.process import REPO_ROOT
from tests.fakediscord.world import INTENT_MESSAGE_CONTENT

FAQ_SUBCOMMANDS = ["ask", "topics", "reload", "test", "stats", "report"]


@pytest.mark.e2e
async def test_start_up_ready_and_slash_command_sync(
    start_bot: StartBot, fake_discord: FakeDiscord
) -> None:
    process = await start_bot()
    session = await fake_discord.wait_ready()
    synced = await fake_discord.wait_for_commands("faq", "privacy")

    logins = [(r.method, r.path, r.status) for r in fake_discord.requests[:2]]
    assert logins == [("GET", "/users/@me", 200), ("GET", "/oauth2/applications/@me", 200)]
    assert session.intents & INTENT_MESSAGE_CONTENT
    assert fake_discord.stats.identifies == 1
    faq = synced["faq"]
    assert faq["guild_id"] == str(fake_discord.guild_id)  # GUILD_ID: synced at once
    assert [option["name"] for option in faq["options"]] == FAQ_SUBCOMMANDS
    assert faq["default_member_permissions"] is None  # members need /faq ask
    assert fake_discord.may_use_command("faq", fake_discord.user("alice").id)
    assert [option["name"] for option in synced["privacy"]["options"]] == ["forget"]
    assert fake_discord.token not in process.stderr()  # the token is never logged


@pytest.mark.e2e
async def test_the_shipped_faq_answers_in_the_help_channel(
    start_bot: StartBot, fake_discord: FakeDiscord
) -> None:
    entry = load_faq(REPO_ROOT / "faq.yaml").entry("what-is-klonopin")
    await start_bot()
    await fake_discord.wait_ready()
    help_channel = fake_discord.channel("help").id

    sent = await fake_discord.send_message(
        help_channel, fake_discord.user("alice").id, "What is Klonopin?"
    )
    answer = await fake_discord.wait_for_message(help_channel, after=int(sent["id"]))

    [embed] = answer["embeds"]
    assert embed["title"] == entry.question
    assert embed["footer"]["text"] == answer_footer(entry)
    [sources] = [item for item in embed["fields"] if item["name"] == "Sources"]
    numbers = [line.split(". ", 1)[0] for line in sources["value"].splitlines()]
    assert numbers == [str(n) for n in range(1, len(entry.sources) + 1)]
    assert "](https://" in sources["value"]  # linked
    assert pings(answer).nobody


@pytest.mark.e2e
async def test_a_missing_setting_stops_start_up_with_one_line_naming_it(
    bot_launcher: BotLauncher,
) -> None:
    process: BotProcess = await bot_launcher.start({"STAFF_CHANNEL_ID": None}, watched=False)

    assert await process.wait() == 2
    [line] = process.stderr().strip().splitlines()
    assert "STAFF_CHANNEL_ID" in line
    assert not bot_launcher.server.requests  # never reached Discord
