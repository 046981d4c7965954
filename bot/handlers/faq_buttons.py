"""The buttons under FAQ answers, "did you mean" and fallbacks, and the messages they make.

Every button keeps what it needs in its ``custom_id`` (``faq:show:dosage``,
``faq:vote:dosage:0``), so answers posted before a restart still work after it. The
``FaqButtons`` cog only registers them; ``Members`` posts them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any, Self

import discord
from discord.ext import commands

from bot.client import FaqBot, Services, services_of
from bot.faq.models import Entry, FaqDocument
from bot.faq.outcome import Candidate
from bot.handlers.embeds import (
    answer_embed,
    clarify_embed,
    fallback_embed,
    handoff_embed,
    question_from_embed,
    topics_embed,
)
from bot.pipeline import Reply
from bot.store.questions import ANSWER
from bot.text_limits import BUTTON_LABEL_MAX, SELECT_DESCRIPTION_MAX, SELECT_LABEL_MAX, one_line

log = logging.getLogger(__name__)

ENTRY_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
MAX_RELATED = 3
MAX_CLARIFY = 4
MAX_SELECT_OPTIONS = 25
# The member chose the entry themselves: as sure as a match gets.
PICKED_SCORE = 100.0
NO_MENTIONS = discord.AllowedMentions.none()

Payload = tuple[discord.Embed, discord.ui.View]


# --- what gets posted -------------------------------------------------------------------------


def answer_view(entry: Entry, document: FaqDocument) -> discord.ui.View:
    """Helpful / Not helpful, Talk to staff, and up to three related entries."""
    view = discord.ui.View(timeout=None)
    view.add_item(VoteButton(entry.id, helpful=True))
    view.add_item(VoteButton(entry.id, helpful=False))
    view.add_item(TalkToStaffButton(entry.id))
    known = {item.id for item in document.entries}
    related = [entry_id for entry_id in entry.related if entry_id in known][:MAX_RELATED]
    for entry_id in related:
        title = document.entry(entry_id).question
        view.add_item(ShowEntryButton(entry_id, label=title, related=True))
    return view


def clarify_view(candidates: Sequence[Candidate], document: FaqDocument) -> discord.ui.View:
    """One button per candidate entry, then "None of these"."""
    view = discord.ui.View(timeout=None)
    for candidate in candidates[:MAX_CLARIFY]:
        try:
            title = document.entry(candidate.entry_id).question
        except KeyError:
            continue
        view.add_item(ShowEntryButton(candidate.entry_id, label=title))
    view.add_item(NoneOfTheseButton())
    return view


def topics_view(document: FaqDocument, *, talk_to_staff: bool = False) -> discord.ui.View:
    """A topic picker, with "Talk to staff" under a fallback."""
    view = discord.ui.View(timeout=None)
    if talk_to_staff:
        view.add_item(TalkToStaffButton(None))
    if document.entries:
        view.add_item(TopicSelect(document))
    return view


def entry_payload(entry: Entry, document: FaqDocument, *, safety_note: bool = False) -> Payload:
    """Embed and buttons for one answered entry."""
    return answer_embed(entry, document, safety_note=safety_note), answer_view(entry, document)


def reply_payload(reply: Reply, document: FaqDocument) -> Payload | None:
    """Embed and buttons for a pipeline reply; None for a crisis (the crisis cog replies)."""
    match = reply.match
    if reply.kind == "crisis" or match is None:
        return None
    if reply.kind == "answer" and match.entry_id is not None:
        entry = document.entry(match.entry_id)
        return entry_payload(entry, document, safety_note=reply.assessment.safety_note)
    if reply.kind == "clarify" and match.candidates:
        candidates = match.candidates[:MAX_CLARIFY]
        return clarify_embed(reply.query, candidates, document), clarify_view(candidates, document)
    return fallback_embed(reply.query, document), topics_view(document, talk_to_staff=True)


def topics_payload(document: FaqDocument) -> Payload:
    """The topic list and its picker."""
    return topics_embed(document), topics_view(document)


def log_reply(services: Services, reply: Reply, user_id: int) -> None:
    """Store one FAQ outcome in the question log (the store drops text for crisis)."""
    match = reply.match
    try:
        services.questions.record(
            reply.kind,
            reply.query,
            match.candidates[0].entry_id if match is not None and match.candidates else None,
            match.score if match is not None else 0.0,
            user_id=user_id,
            now=services.now(),
            candidates=[c.entry_id for c in match.candidates] if match is not None else (),
        )
    except Exception:  # a full disk must not stop the answer
        log.exception("could not log a %s question", reply.kind)


# --- buttons ----------------------------------------------------------------------------------


def _clicked_entry(services: Services, entry_id: str) -> Entry | None:
    try:
        return services.faq.document.entry(entry_id)
    except KeyError:
        return None


GONE = "That entry is no longer in the FAQ (it was changed since this message was posted)."


class ShowEntryButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
    template=rf"faq:(?P<kind>show|related):(?P<entry>{ENTRY_ID})",
):
    """Show one entry privately: a "did you mean" choice or a related entry."""

    def __init__(self, entry_id: str, *, label: str = "Show", related: bool = False) -> None:
        kind = "related" if related else "show"
        super().__init__(
            discord.ui.Button(
                label=one_line(label, BUTTON_LABEL_MAX),
                style=discord.ButtonStyle.secondary if related else discord.ButtonStyle.primary,
                custom_id=f"faq:{kind}:{entry_id}",
                row=2 if related else None,
            )
        )
        self.entry_id = entry_id
        self.related = related

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[discord.Client],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild from ``faq:show:<entry>`` or ``faq:related:<entry>``."""
        return cls(match["entry"], related=match["kind"] == "related")

    async def callback(self, interaction: discord.Interaction[discord.Client]) -> None:
        """Answer privately with the entry; a "did you mean" pick is logged as answered."""
        services = services_of(interaction.client)
        entry = _clicked_entry(services, self.entry_id)
        if entry is None:
            await interaction.response.send_message(GONE, ephemeral=True)
            return
        embed, view = entry_payload(entry, services.faq.document)
        question = _question_on(interaction.message) if not self.related else None
        await interaction.response.send_message(embed=embed, view=view, ephemeral=True)
        if question is not None:
            log_pick(services, question, entry.id, interaction.user.id)


def _question_on(message: discord.Message | None) -> str | None:
    if message is None or not message.embeds:
        return None
    return question_from_embed(message.embeds[0])


def log_pick(services: Services, question: str, entry_id: str, user_id: int) -> None:
    """Log a question answered by the member's own pick (a topic or a "did you mean")."""
    try:
        services.questions.record(
            ANSWER, question, entry_id, PICKED_SCORE, user_id=user_id, now=services.now()
        )
    except Exception:
        log.exception("could not log a picked entry")


class VoteButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
    template=rf"faq:vote:(?P<entry>{ENTRY_ID}):(?P<helpful>[01])",
):
    """Helpful / Not helpful under an answer."""

    def __init__(self, entry_id: str, *, helpful: bool) -> None:
        super().__init__(
            discord.ui.Button(
                label="Helpful" if helpful else "Not helpful",
                emoji="👍" if helpful else "👎",
                style=discord.ButtonStyle.success if helpful else discord.ButtonStyle.secondary,
                custom_id=f"faq:vote:{entry_id}:{int(helpful)}",
            )
        )
        self.entry_id = entry_id
        self.helpful = helpful

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[discord.Client],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild from ``faq:vote:<entry>:<1|0>``."""
        return cls(match["entry"], helpful=match["helpful"] == "1")

    async def callback(self, interaction: discord.Interaction[discord.Client]) -> None:
        """Store the vote (one per member per answer: a second click replaces it)."""
        services = services_of(interaction.client)
        message = interaction.message
        answer_id = message.id if message is not None else None
        question = None
        if answer_id is not None and not self.helpful:
            question = services.recent.question_for(answer_id, interaction.user.id)
        try:
            services.feedback.record_vote(
                self.entry_id,
                self.helpful,
                user_id=interaction.user.id,
                question=question,
                now=services.now(),
                answer_id=answer_id,
            )
        except Exception:
            log.exception("could not store a vote")
            await interaction.response.send_message(
                "Sorry, I couldn't save that just now.", ephemeral=True
            )
            return
        thanks = (
            "Thanks, glad it helped."
            if self.helpful
            else "Thanks for telling us. Moderators use these votes to improve the FAQ. "
            "Press **Talk to staff** if you'd like a person to help."
        )
        await interaction.response.send_message(thanks, ephemeral=True)


class TalkToStaffButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
    template=rf"faq:staff:(?P<entry>(?:{ENTRY_ID})?)",
):
    """Ask for a person: posts a non-urgent handoff in the staff channel (no ping)."""

    def __init__(self, entry_id: str | None) -> None:
        super().__init__(
            discord.ui.Button(
                label="Talk to staff",
                emoji="💬",
                style=discord.ButtonStyle.secondary,
                custom_id=f"faq:staff:{entry_id or ''}",
            )
        )
        self.entry_id = entry_id or None

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[discord.Client],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild from ``faq:staff:<entry or nothing>``."""
        return cls(match["entry"] or None)

    async def callback(self, interaction: discord.Interaction[discord.Client]) -> None:
        """Post the handoff once per member per cool-down, and tell the member."""
        services = services_of(interaction.client)
        user = interaction.user
        if not services.handoffs.try_acquire(user.id, services.now()):
            await interaction.response.send_message(
                "I've already let the staff team know. Someone will reach out to you soon.",
                ephemeral=True,
            )
            return
        entry = _clicked_entry(services, self.entry_id) if self.entry_id else None
        topic = entry.question if entry is not None else "A question the FAQ couldn't answer"
        message = interaction.message
        embed = handoff_embed(
            member=user,
            channel_id=interaction.channel_id,
            jump_url=message.jump_url if message is not None else None,
            topic=topic,
            question=_question_on(message),
            at=services.now(),
        )
        channel = interaction.client.get_channel(services.config.staff_channel_id)
        try:
            if not isinstance(channel, discord.abc.Messageable):
                raise LookupError("staff channel not found")
            await channel.send(embed=embed, allowed_mentions=NO_MENTIONS)
        except (discord.HTTPException, LookupError) as error:
            log.warning("handoff to staff failed (%s)", type(error).__name__)
            services.handoffs.reset(user.id)
            await interaction.response.send_message(
                "I couldn't reach the staff team just now. Please message a moderator "
                "directly. If this is an emergency, call 911.",
                ephemeral=True,
            )
            return
        log.info("handoff to staff posted for a member in channel %s", interaction.channel_id)
        await interaction.response.send_message(
            "I've let the staff team know. Someone will reach out to you here or by DM.",
            ephemeral=True,
        )


class NoneOfTheseButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=r"faq:none"
):
    """None of the "did you mean" candidates fits: stored so moderators can add an answer."""

    def __init__(self) -> None:
        super().__init__(
            discord.ui.Button(
                label="None of these", style=discord.ButtonStyle.secondary, custom_id="faq:none"
            )
        )

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[discord.Client],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild (nothing to parse)."""
        return cls()

    async def callback(self, interaction: discord.Interaction[discord.Client]) -> None:
        """Log the click with the question and candidates, and offer topics and staff."""
        services = services_of(interaction.client)
        message = interaction.message
        candidates = _candidates_on(message)
        try:
            services.questions.record_none_of_these(
                _question_on(message), candidates, interaction.user.id, services.now()
            )
        except Exception:
            log.exception("could not log a 'None of these' click")
        document = services.faq.document
        view = topics_view(document, talk_to_staff=True)
        await interaction.response.send_message(
            "Thanks, noted: moderators review these to improve the FAQ. "
            "You can browse the topics below or talk to a person.",
            view=view,
            ephemeral=True,
        )


def _candidates_on(message: discord.Message | None) -> list[str]:
    """Entry ids offered by the "did you mean" buttons on ``message``."""
    if message is None:
        return []
    found: list[str] = []
    for row in message.components:
        for child in getattr(row, "children", ()):
            custom_id = getattr(child, "custom_id", None) or ""
            if custom_id.startswith("faq:show:"):
                found.append(custom_id.removeprefix("faq:show:"))
    return found


class TopicSelect(
    discord.ui.DynamicItem[discord.ui.Select[discord.ui.View]], template=r"faq:topics"
):
    """Pick any FAQ topic from a list."""

    def __init__(self, document: FaqDocument | None = None) -> None:
        options = [
            discord.SelectOption(
                label=one_line(entry.question, SELECT_LABEL_MAX),
                value=entry.id,
                description=one_line(entry.answer, SELECT_DESCRIPTION_MAX),
            )
            for entry in (document.entries if document is not None else [])[:MAX_SELECT_OPTIONS]
        ]
        super().__init__(
            discord.ui.Select(
                custom_id="faq:topics",
                placeholder="Pick a topic",
                options=options or [discord.SelectOption(label="-", value="-")],
                row=4,
            )
        )

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[discord.Client],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild (the chosen value comes with the interaction)."""
        return cls()

    async def callback(self, interaction: discord.Interaction[discord.Client]) -> None:
        """Show the chosen entry privately."""
        services = services_of(interaction.client)
        values = self.item.values
        entry = _clicked_entry(services, values[0]) if values else None
        if entry is None:
            await interaction.response.send_message(GONE, ephemeral=True)
            return
        embed, view = entry_payload(entry, services.faq.document)
        await interaction.response.send_message(embed=embed, view=view, ephemeral=True)


DYNAMIC_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (
    ShowEntryButton,
    VoteButton,
    TalkToStaffButton,
    NoneOfTheseButton,
    TopicSelect,
)


class FaqButtons(commands.Cog):
    """Registers the FAQ buttons so clicks work on any message, before or after a restart."""

    def __init__(self, bot: FaqBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        """Register the buttons."""
        self.bot.add_dynamic_items(*DYNAMIC_ITEMS)

    async def cog_unload(self) -> None:
        """Unregister the buttons."""
        self.bot.remove_dynamic_items(*DYNAMIC_ITEMS)


async def setup(bot: commands.Bot) -> None:
    """Add the cog (extension entry point)."""
    if not isinstance(bot, FaqBot):
        raise TypeError("the FAQ buttons extension needs a FaqBot")
    await bot.add_cog(FaqButtons(bot))
