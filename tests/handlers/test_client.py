"""The bot's wiring: intents, default mentions, loaded handlers, synced commands, exit codes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import discord
import pytest
from pydantic import SecretStr

from bot.client import EXTENSIONS, FaqBot, bot_intents, run_bot
from bot.settings import Settings
from tests.handlers.conftest import World


def test_intents_are_the_four_the_bot_needs() -> None:
    intents = bot_intents()

    assert intents.message_content  # privileged: turned on in the developer portal
    assert intents.guilds
    assert intents.guild_messages
    assert intents.dm_messages
    assert not intents.members
    assert not intents.presences


def test_nothing_pings_unless_a_message_says_so(simcord_bot: FaqBot) -> None:
    assert simcord_bot.allowed_mentions is not None
    assert dict(simcord_bot.allowed_mentions.to_dict()) == {"parse": []}


async def test_every_handler_is_loaded_and_members_see_their_commands(world: World) -> None:
    assert set(world.bot.extensions) == set(EXTENSIONS)
    visible = set(world.alice.available_commands(world.general))

    assert {"faq ask", "faq topics", "privacy forget"} <= visible


async def test_commands_sync_to_one_server_when_guild_id_is_set(world: World) -> None:
    config = dataclasses.replace(world.services.config, guild_id=world.guild.id)
    world.bot.services = dataclasses.replace(world.services, config=config)

    await world.bot.sync_commands()

    synced = await world.bot.tree.fetch_commands(guild=discord.Object(id=world.guild.id))
    assert {command.name for command in synced} == {"faq", "privacy"}
    [faq] = [command for command in synced if command.name == "faq"]
    assert [option.name for option in faq.options] == [
        "ask",
        "topics",
        "reload",
        "test",
        "stats",
        "report",
    ]


def settings_for(tmp_path: Path, faq_path: Path, token: str | None) -> Settings:
    return Settings(
        discord_token=SecretStr(token) if token else None,
        staff_channel_id=10,
        staff_role_id=20,
        faq_path=faq_path,
        database_path=tmp_path / "bot.sqlite3",
        _env_file=None,
    )


def test_run_bot_without_a_token_stops_with_a_clear_line(
    tmp_path: Path, faq_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_bot(settings_for(tmp_path, faq_file, None)) == 2
    assert "DISCORD_TOKEN is not set" in capsys.readouterr().err


def test_run_bot_with_a_broken_faq_prints_each_problem_and_never_connects(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "faq.yaml"
    broken.write_text("entries:\n  - id: x\n", encoding="utf-8")

    assert run_bot(settings_for(tmp_path, broken, "not-a-real-token")) == 2
    err = capsys.readouterr().err
    assert f"{broken}:" in err
    assert "not-a-real-token" not in err
