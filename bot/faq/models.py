"""Validated shape of ``faq.yaml``: sources, entries, synonyms and matching thresholds.

Field-level rules live here (pydantic); rules that look across the whole document
(duplicate ids, unknown source keys, unknown related ids, clashing aliases) live in
``bot.faq.loader`` so they can be reported with line numbers.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

# Discord's embed limits, enforced when the file is validated rather than when sending.
EMBED_TITLE_MAX = 256
EMBED_DESCRIPTION_MAX = 4096
EMBED_FIELD_VALUE_MAX = 1024

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(_Strict):
    """One reference the answers cite."""

    title: str = Field(min_length=1, description="Title of the article, book or page.")
    authors: str | None = Field(
        default=None, description="Authors as printed, e.g. 'Maust, D. T., ...'."
    )
    year: int | None = Field(default=None, ge=1900, le=2100, description="Publication year.")
    journal: str | None = Field(default=None, description="Journal, book or site name.")
    doi: str | None = Field(default=None, description="DOI without the https://doi.org/ prefix.")
    url: str | None = Field(
        default=None, pattern=r"^https?://", description="Link readers can open."
    )

    def link(self) -> str | None:
        """Best link for readers: the URL, else the DOI as a link."""
        if self.url:
            return self.url
        if self.doi:
            return f"https://doi.org/{self.doi}"
        return None


class Entry(_Strict):
    """One question and its answer."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id: lower case words joined by '-'.")
    question: str = Field(
        min_length=3, max_length=EMBED_TITLE_MAX, description="The question as shown."
    )
    aliases: list[str] = Field(default_factory=list, description="Other ways people ask it.")
    keywords: list[str] = Field(
        default_factory=list, description="Key terms that point strongly at this entry."
    )
    answer: str = Field(
        min_length=1,
        max_length=EMBED_DESCRIPTION_MAX,
        description="Markdown answer written for chat.",
    )
    sources: list[str] = Field(min_length=1, description="Keys into the top-level sources table.")
    related: list[str] = Field(default_factory=list, description="Ids of related entries.")
    reviewed: dt.date = Field(description="Date the answer was last checked against its sources.")
    reviewed_by: str = Field(min_length=1, description="Who checked it.")


class Thresholds(_Strict):
    """Matching thresholds, on the matcher's 0-100 score scale."""

    answer: float = Field(default=70.0, ge=0, le=100, description="Answer at or above this score.")
    clarify: float = Field(
        default=55.0, ge=0, le=100, description="Offer 'did you mean' at or above this score."
    )
    margin: float = Field(
        default=8.0, ge=0, le=100, description="Ask which when the top two are closer than this."
    )


class Scope(_Strict):
    """What the FAQ is about, so questions about something else are not answered by mistake."""

    subject: list[str] = Field(
        default_factory=list,
        description="Canonical synonym terms naming the medicine the FAQ is about (klonopin).",
    )
    other_medicines: list[str] = Field(
        default_factory=list,
        description=(
            "Canonical synonym terms for medicines the answers mention only in passing "
            "(xanax, valium). A question naming one of them but no subject term is about "
            "that medicine: it gets 'did you mean' at most, never an answer."
        ),
    )
    never_in_passing: list[str] = Field(
        default_factory=list,
        description=(
            "Canonical synonym terms of not-covered topics that change every answer "
            "(pregnancy, age): they block an answer even when mentioned in a clause of "
            "their own. Other not-covered topics mentioned only in passing ('already on "
            "lithium btw, can klonopin cause mania') do not."
        ),
    )
    chat_topics: list[str] = Field(
        default_factory=list,
        description=(
            "Canonical synonym terms of not-covered topics that are chat, not medicine "
            "(small talk, the Discord server): they never change what an answer says, so "
            "when the FAQ model confirms the entry ranked first ('on kpins i talk to "
            "everyone in the discord call, why') they do not block the answer."
        ),
    )
    anchors: list[str] = Field(
        default_factory=list,
        description=(
            "Words, or canonical synonym terms with all their variants, that tie a message "
            "to the FAQ's subject (medicine names, dose, withdrawal, 'it'). A message with "
            "none of them ('who do i call to fix my sink') is never answered outright. "
            "Empty: every message may be answered."
        ),
    )


class FaqDocument(_Strict):
    """The whole knowledge base."""

    synonyms: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Canonical term -> words and slang that mean the same (klonopin: [kpin, ...]).",
    )
    thresholds: Thresholds = Field(default_factory=Thresholds)
    scope: Scope = Field(default_factory=Scope)
    sources: dict[str, Source] = Field(description="Reference table: key -> source.")
    entries: list[Entry] = Field(min_length=1)

    def entry(self, entry_id: str) -> Entry:
        """Look an entry up by id (KeyError when absent)."""
        for item in self.entries:
            if item.id == entry_id:
                return item
        raise KeyError(entry_id)
