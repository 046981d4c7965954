"""Moderator commands: who may use them, reload that never empties the bot, test, stats."""

from __future__ import annotations

import re

import discord
import pytest
from discord import app_commands
from simcord.builders import RoleHandle

from tests.conftest import VALID_FAQ
from tests.handlers.conftest import World
from tests.handlers.helpers import field

NEW_ENTRY = """\
  - id: tapering
    question: Should I stop Klonopin suddenly?
    aliases: [can i quit klonopin cold turkey]
    answer: Do not stop suddenly; talk to your healthcare provider about a taper plan.
    sources: [statpearls]
    reviewed: 2025-02-01
    reviewed_by: Test Team
"""
BROKEN_ENTRY = """\
  - id: tapering
    question: Should I stop Klonopin suddenly?
    sources: [nowhere]
    reviewed: 2025-02-01
    reviewed_by: Test Team
"""


async def grant(world: World, role: RoleHandle) -> None:
    """Give ``role`` the moderator commands, as an admin does in Server Settings > Integrations."""
    commands = await world.bot.tree.fetch_commands()
    [group] = [command for command in commands if command.name == "faqmod"]
    world.guild.set_command_permissions(group, {role: True})


@pytest.fixture
async def granted(world: World) -> World:
    await grant(world, world.moderator_role)
    return world


def edit_faq(world: World, extra: str) -> None:
    world.services.faq.path.write_text(VALID_FAQ + extra, encoding="utf-8")


async def test_members_do_not_see_moderator_commands(world: World) -> None:
    visible = world.alice.available_commands(world.general)

    assert "faq ask" in visible
    assert not any(name.startswith("faqmod") for name in visible)


async def test_a_member_without_the_moderator_role_is_refused_reload(world: World) -> None:
    helpers = world.guild.create_role("Helpers")
    helper = world.guild.add_member(world.env.create_user("helper"), roles=[helpers])
    await grant(world, helpers)  # Discord shows them the command; the bot still refuses
    edit_faq(world, NEW_ENTRY)

    result = await helper.slash(world.general, "faqmod reload")

    assert result.ephemeral
    assert result.response is not None
    assert result.response.content.startswith("This command is for moderators")
    assert len(world.services.faq.document.entries) == 2  # nothing was reloaded
    [refusal] = world.env.errors  # the check refused it: the command body never ran
    assert isinstance(refusal, app_commands.CheckFailure)
    assert type(refusal).__name__ == "NotModeratorError"


async def test_manage_server_may_reload_without_the_role(world: World) -> None:
    admins = world.guild.create_role("Admins", permissions=discord.Permissions(manage_guild=True))
    admin = world.guild.add_member(world.env.create_user("admin"), roles=[admins])
    edit_faq(world, NEW_ENTRY)

    result = await admin.slash(world.general, "faqmod reload")

    assert result.ephemeral
    assert len(world.services.faq.document.entries) == 3


async def test_a_valid_edit_is_swapped_in_and_reported(granted: World) -> None:
    world = granted
    edit_faq(world, NEW_ENTRY)

    result = await world.mona.slash(world.general, "faqmod reload")

    assert result.ephemeral
    report = result.response
    assert report is not None
    assert report.content.startswith("✅ reloaded faq.yaml: 3 entries; added: tapering")
    await world.env.advance_time(10)
    await world.alice.send(world.general, f"{world.bot_mention} should I stop Klonopin suddenly?")
    assert world.bot_messages(world.general)[-1].embeds[0].title == (
        "Should I stop Klonopin suddenly?"
    )
    [record] = world.services.reloads.recent()
    assert (record.trigger, record.actor, record.ok) == ("command", str(world.mona.id), True)
    [log_post] = world.bot_messages(world.mod_log)
    assert "added: tapering" in log_post.content


async def test_a_broken_edit_keeps_the_old_faq_and_reports_each_line(granted: World) -> None:
    world = granted
    edit_faq(world, BROKEN_ENTRY)

    result = await world.mona.slash(world.general, "faqmod reload")

    report = result.response
    assert report is not None
    assert report.content.startswith("❌ refused:")
    problem_lines = [
        line
        for line in report.content.splitlines()
        if line.startswith(str(world.services.faq.path))
    ]
    assert problem_lines, report.content
    assert all(
        re.match(rf"{re.escape(str(world.services.faq.path))}:\d+: ", line)
        for line in problem_lines
    )
    assert any("answer" in line for line in problem_lines)
    assert any("nowhere" in line for line in problem_lines)
    assert len(world.services.faq.document.entries) == 2
    await world.alice.send(world.general, f"{world.bot_mention} what is klonopin?")
    assert world.bot_messages(world.general)[-1].embeds[0].title == "What is Klonopin?"
    assert world.services.reloads.recent()[0].ok is False


async def test_an_edited_file_is_picked_up_by_itself(world: World) -> None:
    edit_faq(world, NEW_ENTRY)

    await world.env.advance_time(11)

    assert len(world.services.faq.document.entries) == 3
    [log_post] = world.bot_messages(world.mod_log)
    assert "file change" in log_post.content
    assert world.services.reloads.recent()[0].trigger == "watcher"


async def test_a_broken_file_is_reported_once_not_on_every_check(world: World) -> None:
    edit_faq(world, BROKEN_ENTRY)

    await world.env.advance_time(35)

    [log_post] = world.bot_messages(world.mod_log)
    assert "refused" in log_post.content


async def test_faq_test_shows_candidates_scores_and_the_crisis_check(granted: World) -> None:
    world = granted

    result = await world.mona.slash(world.general, "faqmod test", question="what are kpins?")

    assert result.ephemeral
    assert result.response is not None
    embed = result.response.embeds[0]
    assert "**Decision:** answer → `what-is-klonopin`" in (embed.description or "")
    assert "**Crisis check:** nothing found." in (embed.description or "")
    top = embed.fields[0]
    assert re.fullmatch(r"1\. what-is-klonopin: \d+\.\d", top.name or "")
    assert "matched:" in (top.value or "")


async def test_faq_test_with_a_crisis_phrase_explains_but_never_escalates(
    granted: World,
) -> None:
    world = granted

    result = await world.mona.slash(world.general, "faqmod test", question="i took my whole bottle")

    assert result.response is not None
    assert "level 1 overdose" in (result.response.embeds[0].description or "")
    assert world.services.escalations.list_recent() == []
    assert world.bot_messages(world.staff) == []
    assert world.services.questions.list_questions() == []


async def test_faq_stats_counts_questions_votes_and_escalations(granted: World) -> None:
    world = granted
    await world.alice.send(world.general, f"{world.bot_mention} what is klonopin?")
    [answer] = world.bot_messages(world.general)
    await world.alice.click(answer, label="Helpful")
    await world.bob.send(world.general, f"{world.bot_mention} how do I bake bread?")
    await world.bob.send(world.general, "i took my whole bottle")

    result = await world.mona.slash(world.general, "faqmod stats")

    assert result.ephemeral
    stats = result.response
    assert stats is not None
    embed = stats.embeds[0]
    assert field(embed, "Questions").startswith("2 asked, 1 unanswered (50%)")
    assert field(embed, "Most asked") == "`what-is-klonopin`: 1"
    assert field(embed, "Votes") == "👍 1  👎 0"
    assert field(embed, "Crisis escalations").startswith("1 in total")
