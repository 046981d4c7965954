"""Moderator tools in the ``/faq`` group: ``reload``, ``test``, ``stats`` and ``report``.

Members and moderators share one ``/faq`` group (``ask`` and ``topics`` come from the members
cog). Discord's ``default_permissions`` applies to a top-level command only, so it cannot
hide these subcommands from members: every member sees them in the command picker. They are
guarded at run time instead: the cog's ``interaction_check`` lets in members with Manage
Server or ``MODERATOR_ROLE_ID`` and refuses anyone else with a private message, before the
command does anything. A server can still hide them per command under Server Settings >
Integrations > (the bot) > ``/faq reload`` and so on. Every answer is private (ephemeral).

The commands are built from this cog's methods and added to the members' group when the cog
loads, so load ``bot.handlers.members`` first (``bot.client.EXTENSIONS`` does).

A changed ``faq.yaml`` is also picked up by itself: the file is checked every 10 seconds and
reloaded the same way, with the result posted to the moderator log channel.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands, tasks
from discord.utils import format_dt

from bot.client import FaqBot, Services
from bot.handlers.embeds import add_fields, fit_embed
from bot.handlers.members import FAQ_GROUP
from bot.live_faq import ReloadOutcome
from bot.report.build import build_report
from bot.report.html import render_html
from bot.report.markdown import render_markdown
from bot.store.stores import Stores
from bot.text_limits import EMBED_DESCRIPTION_MAX, MESSAGE_CONTENT_MAX, one_line, truncate

log = logging.getLogger(__name__)

TEST_CANDIDATES = 5
STATS_WINDOW = dt.timedelta(days=7)
WATCH_SECONDS = 10.0
REPORT_DAYS = 7
REPORT_MAX_DAYS = 90
REPORT_FAILED = "Sorry, I couldn't build the report; the details are in the bot's log."
NO_MENTIONS = discord.AllowedMentions.none()
REFUSED = (
    "This command is for moderators: it needs Manage Server or the moderator role. "
    "If you think you should have it, ask a server admin."
)


class NotModeratorError(app_commands.CheckFailure):
    """The member has neither Manage Server nor the moderator role."""


def is_moderator(user: discord.abc.User, moderator_role_id: int | None) -> bool:
    """True for members with Manage Server or the configured moderator role."""
    if not isinstance(user, discord.Member):
        return False
    if user.guild_permissions.manage_guild:
        return True
    return moderator_role_id is not None and any(
        role.id == moderator_role_id for role in user.roles
    )


def reload_report(outcome: ReloadOutcome) -> str:
    """What a moderator reads after a reload: the summary, then each problem on its line."""
    lines = [("✅ " if outcome.ok else "❌ ") + outcome.summary()]
    problems = outcome.problems if not outcome.ok else outcome.warnings
    if problems:
        lines.append("```")
        lines.extend(str(problem) for problem in problems)
        lines.append("```")
    text = "\n".join(lines)
    if len(text) > MESSAGE_CONTENT_MAX:
        hint = "\n…more: run `faq-bot check` for the full list.\n```"
        text = truncate(text, MESSAGE_CONTENT_MAX - len(hint), ellipsis="") + hint
    return text


class Moderators(commands.Cog):
    """FAQ reload, test, statistics and report for moderators, in the ``/faq`` group."""

    def __init__(self, bot: FaqBot) -> None:
        self.bot = bot
        self._group: app_commands.Group | None = None
        self.commands: tuple[app_commands.Command[Any, Any, None], ...] = (
            app_commands.Command(
                name="reload",
                description="Moderators: re-read faq.yaml; keeps the old FAQ if it has errors",
                callback=self.reload,
            ),
            app_commands.Command(
                name="test",
                description="Moderators: show how the FAQ would answer a question",
                callback=self.test,
            ),
            app_commands.Command(
                name="stats",
                description="Moderators: questions, votes and alerts of the last 7 days",
                callback=self.stats,
            ),
            app_commands.Command(
                name="report",
                description="Moderators: what people asked and what the FAQ could not answer",
                callback=self.report,
            ),
        )

    @property
    def services(self) -> Services:
        """The bot's services (read each time, so tests can swap them)."""
        return self.bot.services

    async def cog_load(self) -> None:
        """Add the moderator commands to ``/faq`` and start watching ``faq.yaml`` for edits."""
        group = self.bot.tree.get_command(FAQ_GROUP)
        if not isinstance(group, app_commands.Group):
            raise RuntimeError(
                f"the /{FAQ_GROUP} group is missing: load bot.handlers.members before "
                "bot.handlers.moderators"
            )
        for command in self.commands:
            group.add_command(command)
        self._group = group
        self.watch_faq.start()

    async def cog_unload(self) -> None:
        """Stop watching and take the moderator commands out of ``/faq``."""
        self.watch_faq.cancel()
        if self._group is not None:
            for command in self.commands:
                self._group.remove_command(command.name)
            self._group = None

    async def interaction_check(self, interaction: discord.Interaction[discord.Client], /) -> bool:
        """Only Manage Server or the moderator role: checked before any command runs."""
        if not is_moderator(interaction.user, self.services.config.moderator_role_id):
            raise NotModeratorError(REFUSED)
        return True

    # --- reload -----------------------------------------------------------------------------

    async def reload(self, interaction: discord.Interaction[discord.Client]) -> None:
        """``/faq reload``: validate and swap in ``faq.yaml``; report each problem, privately."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        outcome = self.services.faq.reload(trigger="command")
        self._record(outcome, actor=interaction.user.id)
        await interaction.followup.send(reload_report(outcome), ephemeral=True)
        await self._post_to_mod_log(outcome, who=interaction.user.mention)

    @tasks.loop(seconds=WATCH_SECONDS)
    async def watch_faq(self) -> None:
        """Reload when the file changed on disk (each version is tried once)."""
        try:
            outcome = self.services.faq.reload_if_changed(trigger="watcher")
        except Exception:
            log.exception("checking faq.yaml for changes failed")
            return
        if outcome is None:
            return
        self._record(outcome, actor=None)
        await self._post_to_mod_log(outcome, who="file change")

    @watch_faq.before_loop
    async def _wait_until_ready(self) -> None:
        await self.bot.wait_until_ready()

    def _record(self, outcome: ReloadOutcome, *, actor: int | None) -> None:
        log.info("FAQ %s (%s)", outcome.summary(), outcome.trigger)
        try:
            self.services.reloads.record(
                outcome.trigger,
                str(actor) if actor is not None else None,
                outcome.file_hash or "",
                outcome.ok,
                outcome.summary(),
                now=self.services.now(),
            )
        except Exception:
            log.exception("could not record the reload")
        self.bot.dispatch("faq_reloaded", outcome)

    async def _post_to_mod_log(self, outcome: ReloadOutcome, *, who: str) -> None:
        channel_id = self.services.config.mod_log_channel_id
        if channel_id is None:
            return
        channel = self.bot.get_channel(channel_id)
        if not isinstance(channel, discord.abc.Messageable):
            log.warning("MOD_LOG_CHANNEL_ID %s is not a channel the bot can see", channel_id)
            return
        text = truncate(f"FAQ reload ({who}):\n{reload_report(outcome)}", MESSAGE_CONTENT_MAX)
        try:
            await channel.send(text, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as error:
            log.warning("could not post to the moderator log (HTTP %s)", error.status)

    # --- test, stats, report ----------------------------------------------------------------

    @app_commands.describe(question="A question, as a member would write it")
    async def test(
        self,
        interaction: discord.Interaction[discord.Client],
        question: app_commands.Range[str, 1, 500],
    ) -> None:
        """``/faq test``: top candidates with scores and what matched; nothing is logged."""
        await interaction.response.send_message(
            embed=test_embed(self.services, question), ephemeral=True
        )

    async def stats(self, interaction: discord.Interaction[discord.Client]) -> None:
        """``/faq stats``: counts from the stores, privately."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        await interaction.followup.send(embed=stats_embed(self.services), ephemeral=True)

    @app_commands.describe(days=f"How many days back to look (default {REPORT_DAYS})")
    async def report(
        self,
        interaction: discord.Interaction[discord.Client],
        days: app_commands.Range[int, 1, REPORT_MAX_DAYS] = REPORT_DAYS,
    ) -> None:
        """``/faq report``: the moderators' report as report.md and report.html, privately."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        services = self.services
        try:
            # Clustering the questions can take a moment: keep the gateway responsive.
            files = await asyncio.to_thread(report_files, services, days)
        except Exception:
            log.exception("building the FAQ report failed")
            await interaction.followup.send(REPORT_FAILED, ephemeral=True)
            return
        await interaction.followup.send(
            report_message(days),
            files=[discord.File(io.BytesIO(data), filename=name) for name, data in files],
            ephemeral=True,
        )


def test_embed(services: Services, question: str) -> discord.Embed:
    """What the bot would do with ``question``: decision, candidates, crisis check."""
    faq = services.faq
    document = faq.document
    outcome = faq.matcher.match(question)
    assessment = faq.detector.assess(question)
    lines = [
        f"**Decision:** {outcome.kind}" + (f" → `{outcome.entry_id}`" if outcome.entry_id else "")
    ]
    thresholds = document.thresholds
    lines.append(
        f"Thresholds: answer ≥ {thresholds.answer:g}, clarify ≥ {thresholds.clarify:g}, "
        f"margin {thresholds.margin:g}"
    )
    crisis = assessment.crisis
    if crisis is not None:
        lines.append(
            f"**Crisis check:** level {crisis.level} {crisis.category} "
            f"({', '.join(crisis.terms)}): a member writing this gets the crisis reply and "
            "staff are alerted, before any FAQ answer."
        )
    elif assessment.safety_note:
        lines.append("**Crisis check:** no crisis; the answer gets the safety line.")
    else:
        lines.append("**Crisis check:** nothing found.")
    embed = discord.Embed(
        title=one_line(f"Test: {question}", 256),
        description=truncate("\n".join(lines), EMBED_DESCRIPTION_MAX),
        colour=discord.Colour.blurple(),
    )
    candidates = faq.matcher.search(question, limit=TEST_CANDIDATES)
    fields = []
    for rank, candidate in enumerate(candidates, start=1):
        try:
            title = document.entry(candidate.entry_id).question
        except KeyError:
            title = candidate.entry_id
        matched = f"\nmatched: “{candidate.matched}”" if candidate.matched else ""
        fields.append((f"{rank}. {candidate.entry_id}: {candidate.score:.1f}", f"{title}{matched}"))
    if not fields:
        fields.append(("No candidates", "Nothing in the FAQ scored for this question."))
    add_fields(embed, fields, inline=False)
    return fit_embed(embed)


def stats_embed(services: Services) -> discord.Embed:
    """Questions, fallbacks, votes and escalations of the last seven days."""
    now = services.now()
    since = now - STATS_WINDOW
    days = services.questions.fallback_rate_per_day(since)
    asked = sum(day.questions for day in days)
    fallbacks = sum(day.fallbacks for day in days)
    none_of_these = sum(day.none_of_these for day in days)
    top = services.questions.counts_per_entry(since)[:5]
    votes = services.feedback.votes_per_entry(since)
    helpful = sum(item.helpful for item in votes)
    not_helpful = sum(item.not_helpful for item in votes)
    recent = [
        item for item in services.escalations.list_recent(limit=1000) if item.created_at >= since
    ]
    by_state = {
        state: sum(1 for item in recent if item.state == state)
        for state in ("pending", "delivered", "claimed", "resolved")
    }
    faq = services.faq.snapshot
    embed = discord.Embed(title="FAQ bot: the last 7 days", colour=discord.Colour.blurple())
    rate = f" ({fallbacks / asked:.0%})" if asked else ""
    fields = [
        (
            "Questions",
            f"{asked} asked, {fallbacks} unanswered{rate}, {none_of_these} “None of these”",
        ),
        (
            "Most asked",
            "\n".join(f"`{entry_id}`: {count}" for entry_id, count in top) or "none yet",
        ),
        ("Votes", f"👍 {helpful}  👎 {not_helpful}"),
        (
            "Crisis escalations",
            f"{len(recent)} in total: {by_state['pending']} waiting for delivery, "
            f"{by_state['delivered']} unclaimed, {by_state['claimed']} claimed, "
            f"{by_state['resolved']} resolved",
        ),
        (
            "FAQ",
            f"{len(faq.document.entries)} entries, loaded {format_dt(faq.loaded_at, 'R')}",
        ),
    ]
    unsaved = services.escalation_service.unsaved_count
    if unsaved:
        fields.append(("⚠️ Not yet stored", f"{unsaved} escalation(s) wait for the database"))
    add_fields(embed, fields, inline=False)
    return fit_embed(embed)


async def setup(bot: commands.Bot) -> None:
    """Add the cog (extension entry point)."""
    if not isinstance(bot, FaqBot):
        raise TypeError("the moderators extension needs a FaqBot")
    await bot.add_cog(Moderators(bot))


def report_files(services: Services, days: int) -> list[tuple[str, bytes]]:
    """The report on the last ``days`` days as ``report.md`` and ``report.html``."""
    faq = services.faq
    report = build_report(
        Stores.over(services.database),
        faq.document,
        now=services.now(),
        days=days,
        matcher=faq.matcher,
        is_crisis=lambda text: faq.detector.assess(text).crisis is not None,
    )
    return [
        ("report.md", render_markdown(report).encode("utf-8")),
        ("report.html", render_html(report).encode("utf-8")),
    ]


def report_message(days: int) -> str:
    """The line above the attached report files."""
    span = "today" if days == 1 else f"the last {days} days"
    return (
        f"FAQ report for {span}: **report.md** reads here in Discord, **report.html** (with "
        "charts) opens in a browser. It quotes what members asked: keep it among moderators."
    )
