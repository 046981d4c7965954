"""Platform-neutral text for FAQ answers: numbered sources, footer, topic list, embed size.

The Discord embed and the console chat both build on these, and the FAQ loader uses
them to check Discord's limits at validation time, so what is checked is what is sent.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.faq.models import Entry, FaqDocument, Source

SOURCES_FIELD_NAME = "Sources"
EMBED_TOTAL_MAX = 6000
DISCLAIMER = "Not medical advice: talk to your healthcare provider."


def _byline(source: Source) -> str:
    """``Authors (Year)``, ``Authors``, ``(Year)`` or empty."""
    parts = [source.authors or "", f"({source.year})" if source.year else ""]
    return " ".join(part for part in parts if part)


def source_text(source: Source) -> str:
    """One source as plain text: ``Title. Authors (Year). Journal. link``."""
    parts = [_sentence(part) for part in (source.title, _byline(source), source.journal) if part]
    link = source.link()
    return " ".join([*parts, link] if link else parts)


def _sentence(text: str) -> str:
    """``text`` ending with a full stop (or the punctuation it already has)."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _escape_link_text(text: str) -> str:
    """Keep square brackets in a title from breaking a Markdown link."""
    return text.replace("[", "(").replace("]", ")")


def source_markdown(source: Source) -> str:
    """One source as Markdown for chat: ``[Title](link) - Authors (Year)``."""
    link = source.link()
    title = f"[{_escape_link_text(source.title)}]({link})" if link else source.title
    byline = _byline(source)
    return f"{title} - {byline}" if byline else title


def entry_sources(entry: Entry, sources: Mapping[str, Source]) -> list[Source]:
    """The sources ``entry`` cites, in its order, skipping unknown keys."""
    return [sources[key] for key in entry.sources if key in sources]


def sources_text(entry: Entry, sources: Mapping[str, Source]) -> list[str]:
    """Numbered plain-text source lines (``1. Title. Authors (Year). ...``)."""
    return [
        f"{number}. {source_text(source)}"
        for number, source in enumerate(entry_sources(entry, sources), start=1)
    ]


def sources_field(entry: Entry, sources: Mapping[str, Source]) -> str:
    """The numbered Markdown sources field of an answer embed (Discord allows 1024 chars)."""
    return "\n".join(
        f"{number}. {source_markdown(source)}"
        for number, source in enumerate(entry_sources(entry, sources), start=1)
    )


def answer_footer(entry: Entry) -> str:
    """Footer under an answer: reviewed date and the one-line disclaimer."""
    return f"Reviewed {entry.reviewed.isoformat()}. {DISCLAIMER}"


def embed_length(entry: Entry, sources: Mapping[str, Source]) -> int:
    """Characters Discord counts toward its 6000 total for the answer embed of ``entry``."""
    return (
        len(entry.question)
        + len(entry.answer)
        + len(SOURCES_FIELD_NAME)
        + len(sources_field(entry, sources))
        + len(answer_footer(entry))
    )


def topic_lines(document: FaqDocument) -> list[str]:
    """Numbered list of every question the FAQ answers, in file order."""
    return [f"{number}. {entry.question}" for number, entry in enumerate(document.entries, 1)]
