"""Moderator commands in ``/faq``: who may use them, a reload that never empties the bot, test,
stats and the report."""

from __future__ import annotations

import re
import sys

import discord
import pytest
from discord import app_commands

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


def edit_faq(world: World, extra: str) -> None:
    world.services.faq.path.write_text(VALID_FAQ + extra, encoding="utf-8")


async def test_members_see_the_moderator_commands_in_the_shared_group(world: World) -> None:
    # default_permissions only applies to top-level commands, so Discord lists them for
    # everyone; the bot's own check is what keeps members out (next tests).
    visible = world.alice.available_commands(world.general)

    assert {"faq ask", "faq topics", "faq reload", "faq test", "faq stats", "faq report"} <= set(
        visible
    )
    assert not any(name.startswith("faqmod") for name in visible)


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("faq reload", {}),
        ("faq test", {"question": "what is klonopin?"}),
        ("faq stats", {}),
        ("faq report", {}),
    ],
)
async def test_a_member_without_the_moderator_role_is_refused(
    world: World, command: str, options: dict[str, str]
) -> None:
    edit_faq(world, NEW_ENTRY)

    result = await world.alice.slash(world.general, command, **options)

    assert result.ephemeral
    assert result.response is not None
    assert result.response.content.startswith("This command is for moderators")
    assert result.response.embeds == []
    assert result.response.attachments == []
    assert len(world.services.faq.document.entries) == 2  # nothing was reloaded
    assert world.services.reloads.recent() == []
    [refusal] = world.env.errors  # the check refused it: the command body never ran
    assert isinstance(refusal, app_commands.CheckFailure)
    assert type(refusal).__name__ == "NotModeratorError"


async def test_another_role_is_refused_too(world: World) -> None:
    helpers = world.guild.create_role("Helpers")
    helper = world.guild.add_member(world.env.create_user("helper"), roles=[helpers])
    edit_faq(world, NEW_ENTRY)

    result = await helper.slash(world.general, "faq reload")

    assert result.response is not None
    assert result.response.content.startswith("This command is for moderators")
    assert len(world.services.faq.document.entries) == 2
    assert [type(error).__name__ for error in world.env.errors] == ["NotModeratorError"]


async def test_the_moderator_role_may_reload(world: World) -> None:
    edit_faq(world, NEW_ENTRY)

    result = await world.mona.slash(world.general, "faq reload")

    assert result.ephemeral
    assert result.response is not None
    assert result.response.content.startswith("✅")
    assert len(world.services.faq.document.entries) == 3
    assert world.env.errors == []


async def test_manage_server_may_reload_without_the_role(world: World) -> None:
    admins = world.guild.create_role("Admins", permissions=discord.Permissions(manage_guild=True))
    admin = world.guild.add_member(world.env.create_user("admin"), roles=[admins])
    edit_faq(world, NEW_ENTRY)

    result = await admin.slash(world.general, "faq reload")

    assert result.ephemeral
    assert len(world.services.faq.document.entries) == 3


async def test_a_valid_edit_is_swapped_in_and_reported(world: World) -> None:
    edit_faq(world, NEW_ENTRY)

    result = await world.mona.slash(world.general, "faq reload")

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


async def test_a_broken_edit_keeps_the_old_faq_and_reports_each_line(world: World) -> None:
    edit_faq(world, BROKEN_ENTRY)

    result = await world.mona.slash(world.general, "faq reload")

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


async def test_faq_test_shows_candidates_scores_and_the_crisis_check(world: World) -> None:

    result = await world.mona.slash(world.general, "faq test", question="what are kpins?")

    assert result.ephemeral
    assert result.response is not None
    embed = result.response.embeds[0]
    assert "**Decision:** answer → `what-is-klonopin`" in (embed.description or "")
    assert "**Crisis check:** nothing found." in (embed.description or "")
    top = embed.fields[0]
    assert re.fullmatch(r"1\. what-is-klonopin: \d+\.\d", top.name or "")
    assert "matched:" in (top.value or "")


async def test_faq_test_with_a_crisis_phrase_explains_but_never_escalates(world: World) -> None:

    result = await world.mona.slash(world.general, "faq test", question="i took my whole bottle")

    assert result.response is not None
    assert "level 1 overdose" in (result.response.embeds[0].description or "")
    assert world.services.escalations.list_recent() == []
    assert world.bot_messages(world.staff) == []
    assert world.services.questions.list_questions() == []


async def test_faq_stats_counts_questions_votes_and_escalations(world: World) -> None:
    await world.alice.send(world.general, f"{world.bot_mention} what is klonopin?")
    [answer] = world.bot_messages(world.general)
    await world.alice.click(answer, label="Helpful")
    await world.bob.send(world.general, f"{world.bot_mention} how do I bake bread?")
    await world.bob.send(world.general, "i took my whole bottle")

    result = await world.mona.slash(world.general, "faq stats")

    assert result.ephemeral
    stats = result.response
    assert stats is not None
    embed = stats.embeds[0]
    assert field(embed, "Questions").startswith("2 asked, 1 unanswered (50%)")
    assert field(embed, "Most asked") == "`what-is-klonopin`: 1"
    assert field(embed, "Votes") == "👍 1  👎 0"
    assert field(embed, "Crisis escalations").startswith("1 in total")


async def test_faq_report_attaches_markdown_and_html_privately(world: World) -> None:
    await world.alice.send(world.general, f"{world.bot_mention} what is klonopin?")
    await world.bob.send(world.general, f"{world.bot_mention} how do I bake sourdough bread?")
    await world.bob.send(world.general, "i took my whole bottle")

    result = await world.mona.slash(world.general, "faq report")

    assert result.ephemeral
    message = result.response
    assert message is not None
    assert message.content.startswith("FAQ report for the last 7 days")
    files = {attachment.filename: attachment for attachment in message.attachments}
    assert set(files) == {"report.md", "report.html"}
    markdown = (await files["report.md"].read()).decode("utf-8")
    html = (await files["report.html"].read()).decode("utf-8")
    assert markdown.startswith("# FAQ report")
    assert "bake sourdough bread" in markdown
    assert "bake sourdough bread" in html
    assert "whole bottle" not in markdown  # crisis text is never stored, so never reported
    assert world.env.errors == []


async def test_a_report_that_cannot_be_built_says_so_privately(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("database is locked")

    # The module discord.py loaded as the extension (load_extension imports it afresh).
    monkeypatch.setattr(sys.modules["bot.handlers.moderators"], "build_report", broken)

    result = await world.mona.slash(world.general, "faq report")

    assert result.ephemeral
    assert result.response is not None
    assert (
        result.response.content
        == "Sorry, I couldn't build the report; the details are in the bot's log."
    )
    assert result.response.attachments == []
