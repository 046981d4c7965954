"""The real bot process on moderator commands in ``/faq``: who may use them and what they do."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.store.audit import ReloadLog, ReloadRecord
from bot.store.database import open_database
from tests.conftest import VALID_FAQ
from tests.e2e.conftest import StartBot
from tests.fakediscord import BotLauncher, BotProcess, FakeDiscord, InteractionRecord
from tests.fakediscord.interactions import CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE
from tests.fakediscord.messages import EPHEMERAL

INTERACTION_DEADLINE = 3.0
REFUSAL = "This command is for moderators"
NEW_ENTRY = """\
  - id: tapering
    question: Should I stop Klonopin suddenly?
    aliases: [can i quit klonopin cold turkey]
    answer: Do not stop suddenly; talk to your healthcare provider about a taper plan.
    sources: [statpearls]
    reviewed: 2025-02-01
    reviewed_by: Test Team
"""


@pytest.fixture
def faq_path(tmp_path: Path) -> Path:
    """The FAQ file the bot reads, which the tests edit as a moderator would."""
    path = tmp_path / "faq.yaml"
    path.write_text(VALID_FAQ, encoding="utf-8")
    return path


@pytest.fixture
async def bot(start_bot: StartBot, fake_discord: FakeDiscord, faq_path: Path) -> BotProcess:
    """The bot, connected; interactions must be answered within 3 s."""
    fake_discord.interaction_timeout = INTERACTION_DEADLINE
    process = await start_bot({"FAQ_PATH": str(faq_path), "FAQ_COOLDOWN_SECONDS": "0"})
    await fake_discord.wait_ready()
    return process


async def run(server: FakeDiscord, user: str, command: str, **options: str) -> InteractionRecord:
    """``user`` runs ``/command``; returns the interaction once the bot finished answering."""
    record = await server.send_slash_command(command, options, user_id=server.user(user).id)
    return await server.wait_for_interaction_response(record, completed=True)


def add_entry(faq_path: Path, entry: str) -> None:
    """A moderator adds an entry to the FAQ file."""
    faq_path.write_text(VALID_FAQ + entry, encoding="utf-8")


def reload_log(launcher: BotLauncher) -> list[ReloadRecord]:
    """The reloads the bot recorded in its database."""
    with open_database(launcher.workdir / "data" / "bot.db", migrate_schema=False) as database:
        return ReloadLog(database).recent()


def answer_text(record: InteractionRecord) -> str:
    """What the member reads: the response message's content."""
    assert record.original is not None
    return str(record.original["content"])


def is_private(record: InteractionRecord) -> bool:
    """Whether only the member who ran the command sees the answer."""
    return record.original is not None and bool(record.original["flags"] & EPHEMERAL)


def answered_in_time(server: FakeDiscord) -> None:
    """No interaction callback came too late (the server answers 404 10062 after 3 s)."""
    late = [r for r in server.requests_to("POST", "/interactions/*/callback") if r.status != 200]
    assert late == []


@pytest.mark.e2e
async def test_reload_is_refused_to_a_member_and_works_for_moderators(
    bot: BotProcess, fake_discord: FakeDiscord, faq_path: Path, bot_launcher: BotLauncher
) -> None:
    add_entry(faq_path, NEW_ENTRY)
    help_channel = fake_discord.channel("help").id

    refused = await run(fake_discord, "alice", "faq reload")
    by_role = await run(fake_discord, "mona", "faq reload")  # has MODERATOR_ROLE_ID
    by_owner = await run(fake_discord, "owner", "faq reload")  # has Manage Server
    asked = await fake_discord.send_message(
        help_channel, fake_discord.user("bob").id, "Should I stop Klonopin suddenly?"
    )
    answer = await fake_discord.wait_for_message(help_channel, after=int(asked["id"]))

    assert refused.response_type == CHANNEL_MESSAGE
    assert is_private(refused)
    assert answer_text(refused).startswith(REFUSAL)
    assert by_role.response_type == DEFERRED_CHANNEL_MESSAGE
    assert is_private(by_role)
    # (The file watcher may have swapped the edit in first; the count is what matters.)
    assert answer_text(by_role).startswith("✅ reloaded faq.yaml: 3 entries")
    assert is_private(by_owner)
    assert answer_text(by_owner).startswith("✅ reloaded faq.yaml: 3 entries")
    assert answer["embeds"][0]["title"] == "Should I stop Klonopin suddenly?"
    by_command = [
        record.actor for record in reload_log(bot_launcher) if record.trigger == "command"
    ]
    moderators = [str(fake_discord.user(name).id) for name in ("owner", "mona")]
    assert by_command == moderators  # newest first; the member's command never ran
    answered_in_time(fake_discord)


@pytest.mark.e2e
async def test_test_stats_and_report_answer_moderators_privately(
    bot: BotProcess, fake_discord: FakeDiscord
) -> None:
    bot_id = fake_discord.bot_user.id
    general = fake_discord.channel("general").id
    asked = await fake_discord.send_message(
        general, fake_discord.user("alice").id, f"<@{bot_id}> how do I bake sourdough bread?"
    )
    await fake_discord.wait_for_message(general, after=int(asked["id"]))

    tested = await run(fake_discord, "mona", "faq test", question="what are kpins?")
    stats = await run(fake_discord, "mona", "faq stats")
    report = await run(fake_discord, "mona", "faq report")
    refused = await run(fake_discord, "bob", "faq report")

    assert is_private(tested)
    assert tested.original is not None
    assert (
        "**Decision:** answer → `what-is-klonopin`" in tested.original["embeds"][0]["description"]
    )
    assert is_private(stats)
    assert stats.original is not None
    assert stats.original["embeds"][0]["fields"][0]["value"].startswith("1 asked, 1 unanswered")
    assert is_private(report)
    assert report.original is not None
    [upload] = fake_discord.requests_to("POST", f"/webhooks/{bot_id}/{report.token}")
    assert upload.files == ("report.md", "report.html")
    assert upload.body["content"].startswith("FAQ report for the last 7 days")
    assert answer_text(refused).startswith(REFUSAL)
    assert refused.original is not None
    assert refused.original["attachments"] == []
    answered_in_time(fake_discord)


@pytest.mark.e2e
async def test_a_broken_edit_keeps_the_old_faq_answering_and_names_the_line(
    bot: BotProcess, fake_discord: FakeDiscord, faq_path: Path, bot_launcher: BotLauncher
) -> None:
    help_channel = fake_discord.channel("help").id
    # A moderator's slip: the new entry cites a source the table does not have.
    broken = VALID_FAQ + NEW_ENTRY.replace("sources: [statpearls]", "sources: [statpearl]")
    faq_path.write_text(broken, encoding="utf-8")  # noqa: ASYNC240 (a moderator's edit)
    bad_line = 1 + broken.splitlines().index("    sources: [statpearl]")

    refused = await run(fake_discord, "mona", "faq reload")
    asked = await fake_discord.send_message(
        help_channel, fake_discord.user("bob").id, "What is Klonopin?"
    )
    still = await fake_discord.wait_for_message(help_channel, after=int(asked["id"]))

    text = answer_text(refused)
    assert is_private(refused)
    assert f"faq.yaml:{bad_line}:" in text
    assert "statpearl" in text
    assert still["embeds"][0]["title"] == "What is Klonopin?"  # the last good FAQ answers

    add_entry(faq_path, NEW_ENTRY)  # the moderator fixes the line
    fixed = await run(fake_discord, "mona", "faq reload")
    asked = await fake_discord.send_message(
        help_channel, fake_discord.user("bob").id, "Should I stop Klonopin suddenly?"
    )
    answer = await fake_discord.wait_for_message(help_channel, after=int(asked["id"]))

    assert "reloaded faq.yaml: 3 entries" in answer_text(fixed)
    assert answer["embeds"][0]["title"] == "Should I stop Klonopin suddenly?"
    results = [record.ok for record in reload_log(bot_launcher)]
    assert False in results  # the refused reload is recorded too
    assert results[0] is True
    answered_in_time(fake_discord)
