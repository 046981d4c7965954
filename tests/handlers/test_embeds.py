"""Answer embeds stay within Discord's limits whatever the FAQ holds."""

from __future__ import annotations

import datetime as dt

import discord

from bot.crisis.messages import safety_line
from bot.faq.models import Entry, FaqDocument, Source
from bot.handlers.embeds import answer_embed, fallback_embed, question_from_embed, quoted_question

MAX_ANSWER = "word " * 819 + "end."  # 4099 characters: just over the description limit


def document_with(answer: str) -> FaqDocument:
    entry = Entry(
        id="long",
        question="Q" * 256,
        answer=answer[:4096],
        sources=["s"],
        reviewed=dt.date(2025, 1, 1),
        reviewed_by="Test",
    )
    source = Source(title="T" * 300, url="https://example.org/" + "p" * 600)
    return FaqDocument(sources={"s": source}, entries=[entry])


def embed_total(embed: discord.Embed) -> int:
    """Characters Discord counts toward the 6000 total of one embed."""
    parts = [embed.title or "", embed.description or "", embed.footer.text or ""]
    parts += [(f.name or "") + (f.value or "") for f in embed.fields]
    return sum(len(part) for part in parts)


def test_the_longest_answer_with_the_safety_line_fits() -> None:
    document = document_with(MAX_ANSWER)

    embed = answer_embed(document.entries[0], document, safety_note=True)

    assert len(embed.description or "") <= 4096
    assert safety_line() in (embed.description or "")  # the safety line is never the part cut
    assert all(len(f.value or "") <= 1024 for f in embed.fields)
    assert embed_total(embed) <= 6000


def test_a_fallback_for_a_huge_question_fits() -> None:
    document = document_with("short")

    embed = fallback_embed("why " * 2000, document)

    assert len(embed.description or "") <= 4096


def test_an_echoed_question_reads_back_exactly() -> None:
    question = 'is [this](http://x) *bold* \\ "quoted" @everyone?'
    description = f"You asked: “{quoted_question(question)}”"

    assert question_from_embed(discord.Embed(description=description)) == question
