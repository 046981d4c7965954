"""The FAQ as the matcher sees it: analysed fields, term weights and an inverted index.

Built once per FAQ document; every query then touches only the entries that share a
rare term with it, so the work per query grows with the number of plausible entries,
not with the size of the FAQ.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Literal

from bot.faq.analysis import TextAnalyser, surface_words
from bot.faq.models import Entry, FaqDocument
from bot.faq.stemming import light_stem
from bot.faq.wordlists import GENERIC_WORDS, QUESTION_WORDS, is_english_word, is_stopword
from bot.gc_pause import collector_paused

FieldKind = Literal["question", "alias", "keyword"]

QUESTION_WORD_SHARE = 0.5
GENERIC_WORD_SHARE = 0.3
# A real English word the FAQ never uses ("drive", "pregnant") is evidence the question is
# about something else, but ordinary chat words are common: it weighs a bit less than the
# rarest FAQ term. An unknown non-word (a drug or brand name the FAQ does not know) weighs
# like the rarest term, and a topic the synonyms table names but no entry covers
# ("pregnancy", another drug) weighs triple: questions about it must fall back.
UNKNOWN_WORD_SHARE = 0.75
OFF_TOPIC_SHARE = 3.0
# How strongly a term ties an entry: full when it is in the question or the keywords,
# partly when only aliases use it.
ALIAS_STRENGTH = 0.6


@dataclass(frozen=True, slots=True)
class Field:
    """One text of an entry the matcher compares messages with."""

    kind: FieldKind
    text: str
    terms: tuple[str, ...]  # distinct, in order; a tuple holds 10k entries in far less memory
    weight: float  # total weight of ``terms``


@dataclass(frozen=True, slots=True)
class IndexedEntry:
    """An entry's fields and how strongly each of its terms ties it."""

    entry_id: str
    position: int
    fields: tuple[Field, ...]
    strength: Mapping[str, float]
    term_fields: Mapping[str, tuple[int, ...]]  # term -> positions in ``fields``


def rarity_weight(entries_with_term: float, entry_count: int) -> float:
    """BM25-style inverse document frequency: rare terms weigh more, universal ones ~0."""
    n, df = entry_count, entries_with_term
    return math.log(1.0 + (n - df + 0.5) / (df + 0.5))


_RawField = tuple[FieldKind, str, tuple[str, ...]]


@cache
def _generic_terms() -> frozenset[str]:
    return frozenset(light_stem(word) for word in GENERIC_WORDS)


def _share(term: str) -> float:
    """How much of its rarity a term keeps: ways of asking and generic words count less.

    A canonical phrase made only of question words and filler ("how much", "what is")
    is a way of asking, like the question word itself.
    """
    if term in QUESTION_WORDS or _is_question_phrase(term):
        return QUESTION_WORD_SHARE
    if term in _generic_terms():
        return GENERIC_WORD_SHARE
    return 1.0


@cache
def _is_question_phrase(term: str) -> bool:
    parts = term.split("_")
    return (
        len(parts) > 1
        and any(part in QUESTION_WORDS for part in parts)
        and all(part in QUESTION_WORDS or is_stopword(part) for part in parts)
    )


def _strengths(raw: list[_RawField]) -> dict[str, float]:
    """How strongly each term ties the entry: its question and keywords name its concepts.

    Aliases show how people ask, so their other words ("my", "prescribed", "benzo" in
    "help for my benzo addiction") tie the entry only partly, however many aliases use
    them: otherwise the words an author happens to repeat would outweigh another entry's
    key concept.
    """
    strength: dict[str, float] = {}
    for kind, _, terms in raw:
        if kind != "alias":
            strength.update(dict.fromkeys(terms, 1.0))
    for kind, _, terms in raw:
        if kind == "alias":
            for term in terms:
                strength.setdefault(term, ALIAS_STRENGTH)
    return strength


def _texts(entry: Entry) -> list[tuple[FieldKind, str]]:
    texts: list[tuple[FieldKind, str]] = [("question", entry.question)]
    texts += [("alias", alias) for alias in entry.aliases]
    texts += [("keyword", keyword) for keyword in entry.keywords]
    return texts


class FaqIndex:
    """Analysed entries with term weights and term -> entries postings."""

    def __init__(self, document: FaqDocument) -> None:
        with collector_paused():
            self._build(document)

    def _build(self, document: FaqDocument) -> None:
        tokenised = [
            [(kind, text, surface_words(text)) for kind, text in _texts(entry)]
            for entry in document.entries
        ]
        self.analyser = TextAnalyser(
            document.synonyms,
            (word for texts in tokenised for _, _, words in texts for word in words),
            compounds=[keyword for entry in document.entries for keyword in entry.keywords],
        )
        analysed: list[list[_RawField]] = []
        document_frequency: dict[str, int] = {}
        spread: dict[str, float] = {}  # entries using a term, weighed by how strongly
        for texts in tokenised:
            raw: list[_RawField] = []
            for kind, text, words in texts:
                terms = tuple(
                    dict.fromkeys(t for t, _ in self.analyser.analyse(words, correct=False))
                )
                if terms:
                    raw.append((kind, text, terms))
            analysed.append(raw)
            for term, tie in _strengths(raw).items():
                document_frequency[term] = document_frequency.get(term, 0) + 1
                spread[term] = spread.get(term, 0.0) + tie

        count = len(document.entries)
        self.entry_count = count
        self.document_frequency: Mapping[str, int] = document_frequency
        self.rarest_weight = rarity_weight(1, max(count, 2))
        # Rarity counts each entry by how strongly the term ties it: a concept that other
        # entries' aliases only mention in passing ("years" in "been on it for years, how
        # do i taper") stays telling for the entry it is about.
        self.weights: Mapping[str, float] = {
            term: rarity_weight(max(tie, 1.0), count) * _share(term) for term, tie in spread.items()
        }
        # Canonical terms of the synonyms table that no entry uses: topics the FAQ names
        # only to recognise questions it cannot answer.
        self.off_topic = self.analyser.canonical_terms - document_frequency.keys()
        # Terms every entry uses: what the whole FAQ is about ("klonopin").
        self.subject_terms = frozenset(
            term for term, df in document_frequency.items() if count > 1 and df == count
        )

        entries: list[IndexedEntry] = []
        postings: dict[str, list[int]] = {}
        for position, (entry, raw) in enumerate(zip(document.entries, analysed, strict=True)):
            fields = tuple(
                Field(kind, text, terms, sum(self.weights[t] for t in terms))
                for kind, text, terms in raw
            )
            strength = _strengths(raw)
            term_fields: dict[str, list[int]] = {}
            for number, field in enumerate(fields):
                for term in field.terms:
                    term_fields.setdefault(term, []).append(number)
            entries.append(
                IndexedEntry(
                    entry.id,
                    position,
                    fields,
                    strength,
                    {term: tuple(numbers) for term, numbers in term_fields.items()},
                )
            )
            for term in strength:
                postings.setdefault(term, []).append(position)
        self.entries: tuple[IndexedEntry, ...] = tuple(entries)
        self.postings: Mapping[str, tuple[int, ...]] = {
            term: tuple(items) for term, items in postings.items()
        }
        self.sorted_terms: tuple[str, ...] = tuple(sorted(document_frequency))

    def terms_starting_with(self, prefix: str, limit: int) -> list[str]:
        """Up to ``limit`` FAQ terms that start with ``prefix``, most widely used first."""
        terms = self.sorted_terms
        position = bisect.bisect_left(terms, prefix)
        found: list[str] = []
        while position < len(terms) and terms[position].startswith(prefix):
            found.append(terms[position])
            position += 1
        found.sort(key=lambda term: -self.document_frequency[term])
        return found[:limit]

    def is_content(self, term: str) -> bool:
        """True for a term that says what a question is about (not a way of asking)."""
        return _share(term) == 1.0

    def is_unknown(self, term: str) -> bool:
        """True for a content word the FAQ never uses and does not name as a topic."""
        return term not in self.weights and term not in self.off_topic and _share(term) == 1.0

    def weight(self, term: str, word: str) -> float:
        """Weight of ``term`` (found as ``word`` in a message): rare FAQ terms weigh most."""
        known = self.weights.get(term)
        if known is not None:
            return known
        if term in self.off_topic:
            return OFF_TOPIC_SHARE * self.rarest_weight
        share = _share(term)
        if share < 1.0:
            return share * self.rarest_weight
        if is_english_word(word):
            return UNKNOWN_WORD_SHARE * self.rarest_weight
        return self.rarest_weight
