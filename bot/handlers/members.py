"""FAQ answers for members: mentions, DMs, help channels, ``/faq ask`` and ``/faq topics``.

Help channels are for people, so there the bot answers only messages that read as questions,
and only when it is confident (an ``answer``); otherwise it stays silent. When mentioned or in
a DM it always replies: the answer, "did you mean", or an honest "the FAQ has no answer" (or
the topic list when the message asks nothing). A reply to one of its messages is answered when
it reads as a question, so "thanks!" under an answer gets no answer back.
A crisis is never handled here: the crisis cog replies to it (and a crisis is never subject to
the FAQ cooldown).

The ``/faq`` group is defined here; ``bot.handlers.moderators`` adds its moderator-only
commands (``reload``, ``test``, ``stats``, ``report``) to it when it loads.
"""

from __future__ import annotations

import logging
import math
import re
from typing import Literal, Protocol, runtime_checkable

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import FaqBot, Services
from bot.cooldown import Cooldown
from bot.crisis.messages import crisis_reply
from bot.crisis.result import CrisisResult
from bot.handlers.faq_buttons import (
    entry_payload,
    log_pick,
    log_reply,
    reply_payload,
    topics_payload,
)
from bot.questions import looks_like_question
from bot.text_limits import CHOICE_NAME_MAX, CHOICE_VALUE_MAX, one_line, truncate

log = logging.getLogger(__name__)

Route = Literal["dm", "mention", "reply", "help"]
NO_MENTIONS = discord.AllowedMentions.none()
MAX_CHOICES = 25
QUESTION_MAX = 500
FAQ_GROUP = "faq"
GREETING = "Hi! Ask me a question about Klonopin (clonazepam), or pick a topic below."


@runtime_checkable
class CrisisResponder(Protocol):
    """The crisis cog, as far as slash commands need it."""

    async def respond_to_interaction(
        self,
        interaction: discord.Interaction[discord.Client],
        crisis: CrisisResult,
        text: str,
        *,
        private: bool,
    ) -> object:
        """Record, reply, DM and alert for a crisis asked through a slash command."""
        ...


MENTION = re.compile(r"<@!?(\d+)>")


def _mentioned_ids(text: str) -> set[int]:
    return {int(found) for found in MENTION.findall(text)}


def strip_mention(text: str, user_id: int) -> str:
    """``text`` without mentions of the bot (``<@id>`` and ``<@!id>``)."""
    return re.sub(rf"<@!?{user_id}>", " ", text).strip()


class Members(commands.Cog):
    """Answers members' questions from the FAQ."""

    faq = app_commands.Group(name=FAQ_GROUP, description="Answers from the community FAQ")

    def __init__(self, bot: FaqBot) -> None:
        self.bot = bot
        self.cooldown = Cooldown(bot.services.config.faq_cooldown)

    @property
    def services(self) -> Services:
        """The bot's services (read each time, so tests can swap them)."""
        return self.bot.services

    # --- messages ---------------------------------------------------------------------------

    def route(self, message: discord.Message) -> Route | None:
        """Why the bot may answer ``message``: a DM, a mention, a help channel, or not at all."""
        me = self.bot.user
        if message.author.bot or me is None:
            return None
        if message.guild is None:
            return "dm"
        if self._mentions_me(message, me.id):
            return "mention"
        reference = message.reference
        replied = reference.resolved if reference is not None else None
        if isinstance(replied, discord.Message) and replied.author.id == me.id:
            return "reply"
        channel = message.channel
        parent_id = getattr(channel, "parent_id", None)
        help_ids = self.services.config.help_channel_ids
        if channel.id in help_ids or (parent_id is not None and parent_id in help_ids):
            return "help"
        return None

    def _mentions_me(self, message: discord.Message, my_id: int) -> bool:
        """A mention of the bot, or of the bot's own role."""
        if my_id in _mentioned_ids(message.content):
            return True
        guild = message.guild
        own_role = guild.self_role if guild is not None else None
        return own_role is not None and f"<@&{own_role.id}>" in message.content

    def _question_text(self, message: discord.Message, my_id: int) -> str:
        text = strip_mention(message.content, my_id)
        guild = message.guild
        own_role = guild.self_role if guild is not None else None
        if own_role is not None:
            text = text.replace(f"<@&{own_role.id}>", " ").strip()
        return text

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Answer a DM, a mention, or a question in a help channel."""
        route = self.route(message)
        me = self.bot.user
        if route is None or me is None:
            return
        question = self._question_text(message, me.id)
        if not question:
            if route != "help" and self._may_answer(message.author.id):
                embed, view = topics_payload(self.services.faq.document)
                await self._reply(message, GREETING, embed, view)
            return
        is_question = looks_like_question(question)
        if route in ("help", "reply") and not is_question:
            return  # chatter, or "thanks!" under one of the bot's answers
        reply = self.services.faq.pipeline.respond(question)
        if reply.kind == "crisis":
            if route != "help":
                log_reply(self.services, reply, message.author.id)
            return  # the crisis cog answers it, without a cooldown
        if route == "help" and reply.kind != "answer":
            return  # not confident: stay silent among people
        if not self._may_answer(message.author.id):
            log.info("FAQ cooldown: skipped a %s reply", reply.kind)
            return
        document = self.services.faq.document
        if reply.kind == "fallback" and not is_question:
            # "thanks @bot" or a few keywords: offer the topics rather than "no answer".
            embed, view = topics_payload(document)
            await self._reply(message, GREETING, embed, view)
            return
        log_reply(self.services, reply, message.author.id)
        payload = reply_payload(reply, document)
        if payload is None:
            return
        sent = await self._reply(message, None, *payload)
        if sent is not None:
            self.services.recent.remember(sent.id, message.author.id, reply.query)
        log.info("answered a %s question (%s, %s)", route, reply.kind, reply.entry_id or "-")

    def _may_answer(self, user_id: int) -> bool:
        return self.cooldown.try_acquire(user_id, self.services.now())

    async def _reply(
        self,
        message: discord.Message,
        content: str | None,
        embed: discord.Embed,
        view: discord.ui.View,
    ) -> discord.Message | None:
        try:
            return await message.channel.send(
                content,
                embed=embed,
                view=view,
                reference=message.to_reference(fail_if_not_exists=False),
                mention_author=False,
                allowed_mentions=NO_MENTIONS,
            )
        except discord.HTTPException as error:
            log.warning(
                "could not answer in channel %s (HTTP %s)", message.channel.id, error.status
            )
            return None

    # --- slash commands ---------------------------------------------------------------------

    @faq.command(name="ask", description="Ask the FAQ a question in your own words")
    @app_commands.describe(
        question="Your question (or pick a topic from the list)",
        private="Only you see the answer (default: no)",
    )
    async def ask(
        self,
        interaction: discord.Interaction[discord.Client],
        question: app_commands.Range[str, 1, QUESTION_MAX],
        private: bool = False,
    ) -> None:
        """``/faq ask``: the answer, "did you mean", or an honest fallback."""
        services = self.services
        document = services.faq.document
        reply = services.faq.pipeline.respond(question)
        crisis = reply.crisis
        if crisis is not None:
            log_reply(services, reply, interaction.user.id)
            responder = self.bot.get_cog("Crisis")
            if isinstance(responder, CrisisResponder):
                await responder.respond_to_interaction(
                    interaction, crisis, question, private=private
                )
            else:  # never leave a crisis unanswered, even with the crisis cog unloaded
                log.error("the crisis cog is not loaded: replying without a staff alert")
                await interaction.response.send_message(
                    crisis_reply(crisis), ephemeral=private, allowed_mentions=NO_MENTIONS
                )
            return
        if not self._may_answer(interaction.user.id):
            wait = self.cooldown.remaining(interaction.user.id, services.now())
            await interaction.response.send_message(
                f"You're asking quickly: try again in {math.ceil(wait.total_seconds())} s.",
                ephemeral=True,
            )
            return
        known = {entry.id for entry in document.entries}
        if question in known:
            # Picked from the autocomplete list, whose values are entry ids.
            entry = document.entry(question)
            log_pick(services, entry.question, entry.id, interaction.user.id)
            payload: tuple[discord.Embed, discord.ui.View] | None = entry_payload(entry, document)
            asked = entry.question
        else:
            log_reply(services, reply, interaction.user.id)
            payload = reply_payload(reply, document)
            asked = reply.query
        if payload is None:
            return
        embed, view = payload
        response = await interaction.response.send_message(
            embed=embed, view=view, ephemeral=private
        )
        if response.message_id is not None:
            services.recent.remember(response.message_id, interaction.user.id, asked)

    @ask.autocomplete("question")
    async def ask_autocomplete(
        self, interaction: discord.Interaction[discord.Client], current: str
    ) -> list[app_commands.Choice[str]]:
        """Entries that match what is typed so far, best first (at most 25)."""
        faq = self.services.faq
        document = faq.document
        ids = [
            candidate.entry_id
            for candidate in (faq.matcher.search(current, MAX_CHOICES) if current.strip() else [])
            if candidate.score > 0
        ] or [entry.id for entry in document.entries]
        choices: list[app_commands.Choice[str]] = []
        for entry_id in ids[:MAX_CHOICES]:
            try:
                title = document.entry(entry_id).question
            except KeyError:
                continue
            choices.append(
                app_commands.Choice(
                    name=one_line(title, CHOICE_NAME_MAX),
                    value=truncate(entry_id, CHOICE_VALUE_MAX),
                )
            )
        return choices

    @faq.command(name="topics", description="List everything the FAQ covers")
    async def topics(self, interaction: discord.Interaction[discord.Client]) -> None:
        """``/faq topics``: the topic list with a picker, privately."""
        embed, view = topics_payload(self.services.faq.document)
        await interaction.response.send_message(embed=embed, view=view, ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    """Add the cog (extension entry point)."""
    if not isinstance(bot, FaqBot):
        raise TypeError("the members extension needs a FaqBot")
    await bot.add_cog(Members(bot))
