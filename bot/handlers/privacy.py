"""Privacy: ``/privacy forget`` on request, and a daily sweep of data past its retention period."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.client import FaqBot, Services
from bot.store.privacy import forget_user, purge_expired

log = logging.getLogger(__name__)


def forget_summary(counts: dict[str, int]) -> str:
    """What a member reads after ``/privacy forget``."""
    questions = counts.get("questions", 0)
    votes = counts.get("feedback", 0)
    alerts = counts.get("escalations", 0)
    lines = [
        "Done. I deleted what I had stored about you:",
        f"• {questions} logged question(s)",
        f"• {votes} vote(s) on answers",
    ]
    if alerts:
        lines.append(
            f"• your name, message links and matched words from {alerts} safety alert(s); staff "
            "keep only that an alert happened (time, level, channel), never your message"
        )
    lines.append("Anything you ask from now on is stored again for up to the retention period.")
    return "\n".join(lines)


class Privacy(commands.Cog):
    """Lets every member delete their stored data."""

    privacy = app_commands.Group(name="privacy", description="Your data and this bot")

    def __init__(self, bot: FaqBot) -> None:
        self.bot = bot

    @property
    def services(self) -> Services:
        """The bot's services (read each time, so tests can swap them)."""
        return self.bot.services

    async def cog_load(self) -> None:
        """Start the daily retention sweep (its first run is at start-up)."""
        self.retention_sweep.start()

    async def cog_unload(self) -> None:
        """Stop the sweep."""
        self.retention_sweep.cancel()

    @tasks.loop(hours=24)
    async def retention_sweep(self) -> None:
        """Delete questions, votes and resolved alerts older than RETENTION_DAYS."""
        services = self.services
        try:
            purge_expired(services.database, services.config.retention, services.now())
        except Exception:  # a locked database today is retried tomorrow
            log.exception("retention sweep failed")

    @privacy.command(name="forget", description="Delete everything this bot stored about you")
    async def forget(self, interaction: discord.Interaction[discord.Client]) -> None:
        """Delete the member's questions, votes and links from alerts; confirm privately."""
        services = self.services
        user_id = interaction.user.id
        try:
            counts = forget_user(services.database, user_id)
        except Exception:
            log.exception("privacy forget failed")
            await interaction.response.send_message(
                "Sorry, I couldn't delete your data just now. Please try again in a minute, "
                "or ask a moderator.",
                ephemeral=True,
            )
            return
        services.recent.forget_user(user_id)
        await interaction.response.send_message(forget_summary(counts), ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    """Add the cog (extension entry point)."""
    if not isinstance(bot, FaqBot):
        raise TypeError("the privacy extension needs a FaqBot")
    await bot.add_cog(Privacy(bot))
