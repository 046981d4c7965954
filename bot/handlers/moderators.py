"""Moderator tools: ``/faqmod reload``, ``/faqmod test`` and ``/faqmod stats``, answered privately.

The commands live in their own top-level group because Discord applies ``default_permissions``
to top-level commands only: members without Manage Server never see them, and the check below
also lets in the configured moderator role (grant it the commands under Server Settings >
Integrations). Anyone else who reaches them is refused with a clear private message.

A changed ``faq.yaml`` is also picked up by itself: the file is checked every few seconds and
reloaded the same way, with the result posted to the moderator log channel.
"""

from __future__ import annotations

import datetime as dt
import logging

import discord
from discord import app_commands
from discord.ext import commands, tasks
from discord.utils import format_dt

from bot.client import FaqBot, Services
from bot.handlers.embeds import add_fields, fit_embed
from bot.live_faq import ReloadOutcome
from bot.text_limits import EMBED_DESCRIPTION_MAX, MESSAGE_CONTENT_MAX, one_line, truncate

log = logging.getLogger(__name__)

GROUP_NAME = "faqmod"
TEST_CANDIDATES = 5
STATS_WINDOW = dt.timedelta(days=7)
WATCH_SECONDS = 10.0
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
    """FAQ reload, test and statistics for moderators."""

    mod = app_commands.Group(
        name=GROUP_NAME,
        description="FAQ tools for moderators",
        default_permissions=discord.Permissions(manage_guild=True),
        guild_only=True,
    )

    def __init__(self, bot: FaqBot) -> None:
        self.bot = bot

    @property
    def services(self) -> Services:
        """The bot's services (read each time, so tests can swap them)."""
        return self.bot.services

    async def cog_load(self) -> None:
        """Start watching ``faq.yaml`` for edits."""
        self.watch_faq.start()

    async def cog_unload(self) -> None:
        """Stop watching."""
        self.watch_faq.cancel()

    async def interaction_check(self, interaction: discord.Interaction[discord.Client], /) -> bool:
        """Only Manage Server or the moderator role: checked before anything runs."""
        if not is_moderator(interaction.user, self.services.config.moderator_role_id):
            raise NotModeratorError(REFUSED)
        return True

    # --- reload -----------------------------------------------------------------------------

    @mod.command(name="reload", description="Re-read faq.yaml; keeps the old FAQ if it has errors")
    async def reload(self, interaction: discord.Interaction[discord.Client]) -> None:
        """Validate and swap in ``faq.yaml``; report every problem line by line, privately."""
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

    # --- test -------------------------------------------------------------------------------

    @mod.command(name="test", description="Show how the FAQ would answer a question")
    @app_commands.describe(question="A question, as a member would write it")
    async def test(
        self,
        interaction: discord.Interaction[discord.Client],
        question: app_commands.Range[str, 1, 500],
    ) -> None:
        """Top candidates with scores and what matched; nothing is logged or escalated."""
        await interaction.response.send_message(
            embed=test_embed(self.services, question), ephemeral=True
        )

    # --- stats ------------------------------------------------------------------------------

    @mod.command(name="stats", description="Questions, votes and alerts of the last 7 days")
    async def stats(self, interaction: discord.Interaction[discord.Client]) -> None:
        """Counts from the stores, privately."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        await interaction.followup.send(embed=stats_embed(self.services), ephemeral=True)


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
