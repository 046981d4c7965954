"""Discord embeds for everything the bot posts: answers, "did you mean", fallbacks, handoffs.

Builders only: they turn core results into ``discord.Embed`` objects cut to Discord's limits,
and never send anything. Buttons live with the cogs that handle their clicks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

import discord

from bot.crisis.messages import safety_line
from bot.faq.models import Entry, FaqDocument
from bot.faq.outcome import Candidate
from bot.render import SOURCES_FIELD_NAME, answer_footer, sources_field
from bot.text_limits import (
    EMBED_DESCRIPTION_MAX,
    EMBED_FIELD_NAME_MAX,
    EMBED_FIELD_VALUE_MAX,
    EMBED_FIELDS_MAX,
    EMBED_FOOTER_MAX,
    EMBED_TITLE_MAX,
    EMBED_TOTAL_MAX,
    clean_user_text,
    discord_length,
    one_line,
    truncate,
)

ANSWER_COLOUR = discord.Colour.from_rgb(46, 125, 140)
CLARIFY_COLOUR = discord.Colour.from_rgb(214, 162, 58)
FALLBACK_COLOUR = discord.Colour.light_grey()
HANDOFF_COLOUR = discord.Colour.blurple()
ALERT_COLOURS = {1: discord.Colour.red(), 2: discord.Colour.orange()}
CLAIMED_COLOUR = discord.Colour.gold()
RESOLVED_COLOUR = discord.Colour.green()

QUESTION_ECHO_MAX = 300


_MARKDOWN_CHARS = re.compile(r"([\\*_~|`\[\]()<>#-])")
_ESCAPED_CHAR = re.compile(r"\\(.)")


def quoted_question(text: str) -> str:
    """A member's question on one line, cut, with every Markdown character escaped.

    Escaping keeps a member from dressing up the bot's own embed (masked links, headings);
    mentions inside embeds never ping, so nothing else is needed.
    """
    plain = one_line(text, QUESTION_ECHO_MAX).replace("“", '"').replace("”", '"')
    return _MARKDOWN_CHARS.sub(r"\\\1", plain)


def fit_embed(embed: discord.Embed) -> discord.Embed:
    """Cut the description until the whole embed fits Discord's 6000-character total."""
    excess = _embed_length(embed) - EMBED_TOTAL_MAX
    if excess > 0 and embed.description:
        keep = max(discord_length(embed.description) - excess, 0)
        embed.description = truncate(embed.description, keep)
    return embed


def _embed_length(embed: discord.Embed) -> int:
    parts: list[str] = [embed.title or "", embed.description or "", embed.footer.text or ""]
    parts.append(embed.author.name or "")
    for field in embed.fields:
        parts.extend((field.name or "", field.value or ""))
    return sum(discord_length(part) for part in parts)


def answer_embed(
    entry: Entry, document: FaqDocument, *, safety_note: bool = False
) -> discord.Embed:
    """The answer to one FAQ entry: question, answer, numbered sources, reviewed date."""
    extra = f"\n\n**Safety:** {safety_line()}" if safety_note else ""
    room = EMBED_DESCRIPTION_MAX - discord_length(extra)
    embed = discord.Embed(
        title=truncate(entry.question, EMBED_TITLE_MAX),
        description=truncate(entry.answer, room) + extra,
        colour=ANSWER_COLOUR,
    )
    sources = sources_field(entry, document.sources)
    if sources:
        embed.add_field(
            name=SOURCES_FIELD_NAME,
            value=truncate(sources, EMBED_FIELD_VALUE_MAX),
            inline=False,
        )
    embed.set_footer(text=truncate(answer_footer(entry), EMBED_FOOTER_MAX))
    return fit_embed(embed)


def _numbered(lines: Iterable[str]) -> str:
    return "\n".join(f"{number}. {line}" for number, line in enumerate(lines, start=1))


def clarify_embed(
    question: str, candidates: Sequence[Candidate], document: FaqDocument
) -> discord.Embed:
    """The "did you mean" message for a question that could be one of several entries."""
    titles = [_entry_title(document, candidate.entry_id) for candidate in candidates]
    description = (
        f"You asked: “{quoted_question(question)}”\n\n"
        f"I'm not sure which of these you mean:\n{_numbered(titles)}\n\n"
        "Pick one below, or press **None of these**."
    )
    embed = discord.Embed(
        title="Did you mean…",
        description=truncate(description, EMBED_DESCRIPTION_MAX),
        colour=CLARIFY_COLOUR,
    )
    return fit_embed(embed)


def question_from_embed(embed: discord.Embed) -> str | None:
    """The member's question echoed in a clarify or fallback embed (None when absent)."""
    text = embed.description or ""
    start = text.find("“")
    end = text.find("”", start + 1)
    if start < 0 or end < 0:
        return None
    return _ESCAPED_CHAR.sub(r"\1", text[start + 1 : end]) or None


def topics_text(document: FaqDocument, limit: int) -> str:
    """Numbered list of every question the FAQ answers, cut to ``limit``."""
    return truncate(_numbered(entry.question for entry in document.entries), limit)


def fallback_embed(question: str, document: FaqDocument) -> discord.Embed:
    """An honest "the FAQ has no answer", with the topics it does cover."""
    intro = (
        f"I couldn't find an answer to “{quoted_question(question)}” in the FAQ, "
        "and I'd rather say so than guess.\n\n**The FAQ covers:**\n"
    )
    outro = "\n\nPress **Talk to staff** if you'd like a person to help."
    room = EMBED_DESCRIPTION_MAX - discord_length(intro) - discord_length(outro)
    embed = discord.Embed(
        title="The FAQ doesn't answer that",
        description=intro + topics_text(document, room) + outro,
        colour=FALLBACK_COLOUR,
    )
    return fit_embed(embed)


def topics_embed(document: FaqDocument) -> discord.Embed:
    """Every topic the FAQ covers."""
    embed = discord.Embed(
        title="What the FAQ covers",
        description=topics_text(document, EMBED_DESCRIPTION_MAX),
        colour=ANSWER_COLOUR,
    )
    embed.set_footer(text="Ask with /faq ask, mention me, or pick a topic below.")
    return fit_embed(embed)


def _entry_title(document: FaqDocument, entry_id: str) -> str:
    try:
        return document.entry(entry_id).question
    except KeyError:
        return entry_id


def timestamp(moment: dt.datetime) -> str:
    """A Discord timestamp that every reader sees in their own time zone."""
    return discord.utils.format_dt(moment, style="f")


def handoff_embed(
    *,
    member: discord.abc.User,
    channel_id: int | None,
    jump_url: str | None,
    topic: str,
    question: str | None,
    at: dt.datetime,
) -> discord.Embed:
    """A member asked for a person: a calm, non-urgent note for the staff channel."""
    embed = discord.Embed(
        title="A member asked to talk to staff",
        description="Not a crisis alert: someone would like a person to follow up.",
        colour=HANDOFF_COLOUR,
        timestamp=at,
    )
    embed.add_field(name="Member", value=f"{member.mention} (`{member.id}`)", inline=True)
    if channel_id is not None:
        embed.add_field(name="Channel", value=f"<#{channel_id}>", inline=True)
    embed.add_field(name="About", value=truncate(topic, EMBED_FIELD_VALUE_MAX), inline=False)
    if question:
        embed.add_field(
            name="Their question",
            value=truncate(clean_user_text(question), EMBED_FIELD_VALUE_MAX),
            inline=False,
        )
    if jump_url:
        embed.add_field(name="Where", value=f"[Jump to the conversation]({jump_url})", inline=False)
    return fit_embed(embed)


def add_fields(embed: discord.Embed, fields: Iterable[tuple[str, str]], *, inline: bool) -> None:
    """Add ``(name, value)`` fields cut to Discord's limits, stopping at 25 fields."""
    for name, value in fields:
        if len(embed.fields) >= EMBED_FIELDS_MAX:
            return
        embed.add_field(
            name=truncate(name, EMBED_FIELD_NAME_MAX) or "\u200b",
            value=truncate(value, EMBED_FIELD_VALUE_MAX) or "\u200b",
            inline=inline,
        )
