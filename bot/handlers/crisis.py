"""Crisis check on every message and every edit the bot can read, in every channel.

Not only messages addressed to the bot: anyone writing "i took my whole bottle" anywhere gets
an immediate, calm reply with the right numbers, a DM with the same resources, and staff are
alerted. The escalation is recorded before anything is sent (``EscalationService.handle``),
so a crash after that point still alerts staff on restart. Replies never quote the message
and never ping anyone; logs carry ids, levels and categories, never message text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import discord
from discord.ext import commands

from bot.client import FaqBot, Services
from bot.crisis.messages import crisis_reminder, crisis_reply
from bot.crisis.result import CrisisResult
from bot.escalation import EscalationDecision
from bot.store.escalations import Origin
from bot.text_limits import MESSAGE_CONTENT_MAX, truncate

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()


@dataclass(frozen=True, slots=True)
class CrisisResponse:
    """What happened for one crisis message: the decision and whether reply and DM went out."""

    decision: EscalationDecision
    reply_sent: bool
    dm_sent: bool | None


def message_origin(message: discord.Message) -> Origin:
    """Where a Discord message came from (ids and its jump link, never its text)."""
    return Origin(
        platform="discord",
        guild_id=message.guild.id if message.guild is not None else None,
        channel_id=message.channel.id,
        message_id=message.id,
        user_id=message.author.id,
        jump_url=message.jump_url,
    )


def interaction_origin(interaction: discord.Interaction[discord.Client]) -> Origin:
    """Where a slash-command question came from (no message exists: link the channel)."""
    channel_id = interaction.channel_id
    guild_part = str(interaction.guild_id) if interaction.guild_id is not None else "@me"
    jump_url = (
        f"https://discord.com/channels/{guild_part}/{channel_id}"
        if channel_id is not None
        else None
    )
    return Origin(
        platform="discord",
        guild_id=interaction.guild_id,
        channel_id=channel_id,
        message_id=None,
        user_id=interaction.user.id,
        jump_url=jump_url,
    )


def reply_text(crisis: CrisisResult, decision: EscalationDecision) -> str:
    """The full crisis reply, or the short reminder within the cooldown."""
    text = crisis_reply(crisis) if decision.full_reply else crisis_reminder(crisis)
    return truncate(text, MESSAGE_CONTENT_MAX)


class Crisis(commands.Cog):
    """Runs the crisis detector on every message and edit, and acts on a crisis."""

    def __init__(self, bot: FaqBot) -> None:
        self.bot = bot

    @property
    def services(self) -> Services:
        """The bot's services (read each time, so tests can swap them)."""
        return self.bot.services

    def _should_check(self, message: discord.Message) -> bool:
        # Bots and webhooks are skipped: a proxied copy (PluralKit) repeats a message we saw.
        return not message.author.bot and message.webhook_id is None and bool(message.content)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Check every new message."""
        if self._should_check(message):
            await self.check_message(message)

    @commands.Cog.listener()
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        """Check every edit whose text changed (cached or not)."""
        message = payload.message
        if "content" not in payload.data or not self._should_check(message):
            return
        before = payload.cached_message
        if before is not None and before.content == message.content:
            return
        crisis = self.services.faq.detector.assess(message.content).crisis
        if crisis is None or self._already_answered(message.id, crisis):
            return
        await self.respond_to_message(message, crisis)

    def _already_answered(self, message_id: int, crisis: CrisisResult) -> bool:
        """True when this message was escalated before at the same or a more urgent level."""
        try:
            earlier = self.services.escalations.for_message("discord", message_id)
        except Exception:  # storage trouble: answering twice beats not answering
            log.exception("could not look up earlier escalations of an edited message")
            return False
        return any(item.level <= crisis.level for item in earlier)

    async def check_message(self, message: discord.Message) -> CrisisResponse | None:
        """Assess one message; on a crisis, record, reply, DM and wake the alert delivery."""
        crisis = self.services.faq.detector.assess(message.content).crisis
        if crisis is None:
            return None
        return await self.respond_to_message(message, crisis)

    async def respond_to_message(
        self, message: discord.Message, crisis: CrisisResult
    ) -> CrisisResponse:
        """Record first, then reply in the channel, then DM, then alert staff."""
        origin = message_origin(message)
        decision = self._decide(crisis, origin, message.content)
        text = reply_text(crisis, decision)
        reply_sent = await self._reply_in_channel(message, text)
        dm_sent: bool | None = None
        if message.guild is None:
            dm_sent = reply_sent  # the reply was the DM
        elif decision.full_reply:
            dm_sent = await self._send_dm(message.author, text)
        return self._finish(crisis, decision, reply_sent, dm_sent, origin)

    async def respond_to_interaction(
        self,
        interaction: discord.Interaction[discord.Client],
        crisis: CrisisResult,
        text: str,
        *,
        private: bool,
    ) -> CrisisResponse:
        """The same for a slash-command question: the reply is the interaction's answer.

        The interaction is deferred first, so a slow database can never make it expire
        (Discord allows 3 seconds); the escalation is still recorded before the reply.
        """
        try:
            await interaction.response.defer(ephemeral=private, thinking=True)
        except discord.HTTPException as error:  # staff must still hear about it
            log.warning("could not defer a crisis slash command (HTTP %s)", error.status)
        origin = interaction_origin(interaction)
        decision = self._decide(crisis, origin, text)
        answer = reply_text(crisis, decision)
        try:
            await interaction.followup.send(answer, ephemeral=private, allowed_mentions=NO_MENTIONS)
            reply_sent = True
        except discord.HTTPException as error:
            log.warning("crisis reply to a slash command failed (HTTP %s)", error.status)
            reply_sent = False
        dm_sent: bool | None = None
        if interaction.guild_id is not None and decision.full_reply:
            dm_sent = await self._send_dm(interaction.user, answer)
        return self._finish(crisis, decision, reply_sent, dm_sent, origin)

    def _decide(self, crisis: CrisisResult, origin: Origin, text: str) -> EscalationDecision:
        """Record the escalation; whatever goes wrong there, the member still gets the reply."""
        try:
            return self.services.escalation_service.handle(crisis, origin, text)
        except Exception:
            log.exception("escalation service failed: replying with the full crisis message")
            return EscalationDecision(escalation=None, full_reply=True, alerts_24h=0, unsaved=True)

    def _finish(
        self,
        crisis: CrisisResult,
        decision: EscalationDecision,
        reply_sent: bool,
        dm_sent: bool | None,
        origin: Origin,
    ) -> CrisisResponse:
        escalation = decision.escalation
        if escalation is not None:
            try:
                self.services.escalations.note_reply(
                    escalation.id, reply_sent=reply_sent, dm_sent=dm_sent
                )
            except Exception:  # the alert matters more than this detail
                log.exception("escalation %d: could not note the reply outcome", escalation.id)
        elif decision.unsaved:
            self._note_unsaved_reply(origin, reply_sent, dm_sent)
        log.warning(
            "crisis level %d %s in channel %s: escalation %s, full reply %s, reply sent %s, DM %s",
            crisis.level,
            crisis.category,
            origin.channel_id,
            escalation.id if escalation is not None else "none",
            decision.full_reply,
            reply_sent,
            dm_sent,
        )
        self.bot.dispatch("escalation_recorded")
        return CrisisResponse(decision, reply_sent, dm_sent)

    def _note_unsaved_reply(self, origin: Origin, reply_sent: bool, dm_sent: bool | None) -> None:
        """Storage was failing: keep the reply outcome with the escalation waiting in memory.

        If the escalation was stored meanwhile, note the outcome on the stored record instead.
        """
        services = self.services
        try:
            service = services.escalation_service
            if service.note_unsaved_reply(origin, reply_sent=reply_sent, dm_sent=dm_sent):
                return
            if origin.message_id is None:
                return
            stored = services.escalations.for_message(origin.platform, origin.message_id)
            if stored and stored[-1].reply_sent is None:
                services.escalations.note_reply(
                    stored[-1].id, reply_sent=reply_sent, dm_sent=dm_sent
                )
        except Exception:  # storage is still failing: the alert will say "unknown"
            log.warning("could not note the reply outcome of an unsaved escalation")

    async def _reply_in_channel(self, message: discord.Message, text: str) -> bool:
        try:
            await message.channel.send(
                text,
                reference=message.to_reference(fail_if_not_exists=False),
                mention_author=False,
                allowed_mentions=NO_MENTIONS,
            )
        except discord.HTTPException as error:
            log.warning(
                "crisis reply in channel %s failed (HTTP %s)", message.channel.id, error.status
            )
            return False
        return True

    async def _send_dm(self, user: discord.User | discord.Member, text: str) -> bool:
        try:
            await user.send(text, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as error:
            # 403 when the member does not accept DMs from server members: expected.
            log.info("crisis DM not delivered (HTTP %s)", error.status)
            return False
        return True


async def setup(bot: commands.Bot) -> None:
    """Add the cog (extension entry point)."""
    if not isinstance(bot, FaqBot):
        raise TypeError("the crisis extension needs a FaqBot")
    await bot.add_cog(Crisis(bot))
