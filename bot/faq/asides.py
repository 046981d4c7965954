"""Topics mentioned in passing: "already on lithium btw but can klonopin cause mania".

A topic the FAQ does not cover (another drug, insurance, a dream) normally stops the bot
from answering, because the question is probably about it. But people often mention such a
topic in a clause of its own while asking about the FAQ's medicine in another. Such a
mention is an aside: it no longer blocks the answer and weighs like a generic word.

It is an aside only when every clause that mentions it names none of the medicine words,
and some other clause does. Clauses end at sentence punctuation and at words that turn to
another topic ("but", "btw", "also"), not at commas: "im breastfeeding, what dose is safe"
is one question. Topics that change every answer (pregnancy, age) are never asides.
"is klonopin more addictive than weed" asks about Klonopin: what follows "than" is only
the yardstick, an aside when the part before it names the medicine ("is weed less
addictive than klonopin" is about weed and stays unanswered); so is what follows
"compared to" or "compared with". Only these cut: "like", "vs" and "with" keep the other
drug in the question ("klonopin with weed").
"can i take klonopin with zoloft" keeps "zoloft" in the Klonopin clause, so it still
never gets an answer.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping

from bot.faq.analysis import TextAnalyser, surface_words

# Words that introduce what something is compared to, like "than" ("compared to weed").
_YARDSTICK = re.compile(r"\s(?:compared (?:to|with)|in comparison (?:to|with))\s", re.IGNORECASE)

# Clause breaks: punctuation, and words that turn to another topic.
_CLAUSE_BREAK = re.compile(
    r"[.?!;\n]+|\s(?:but|btw|also|though|tho|anyway|anyways)\s", re.IGNORECASE
)


def mentioned_in_passing(
    text: str,
    weights: Mapping[str, float],
    *,
    off_topic: Collection[str],
    analyser: TextAnalyser,
    medicine_terms: Collection[str],
    medicine_words: Collection[str],
    never: Collection[str] = (),
) -> list[str]:
    """The not-covered topics of ``weights`` that ``text`` mentions only in passing.

    Topics in ``never`` (pregnancy, age) change every answer: never a mere aside.
    """
    topics = [term for term in weights if term in off_topic and term not in never]
    if not topics:
        return []
    clauses: list[str] = []
    yardsticks: set[int] = set()  # clauses that only say what something is compared to
    for part in _CLAUSE_BREAK.split(f" {text} "):
        if not part or not part.strip():
            continue
        head, _, tail = _YARDSTICK.sub(" than ", part).partition(" than ")
        if tail.strip() and head.strip():
            clauses.append(head)
            yardsticks.add(len(clauses))
            clauses.append(tail)
        else:
            clauses.append(part)
    if len(clauses) < 2:
        return []
    read = [_clause(part, analyser, medicine_terms, medicine_words) for part in clauses]
    passing: list[str] = []
    for topic in topics:
        holders = [number for number, (terms, _) in enumerate(read) if topic in terms]
        if not holders or any(read[number][1] for number in holders):
            continue
        compared = any(n - 1 in yardsticks or n + 1 in yardsticks for n in holders)
        # One half of a comparison: an aside only as its yardstick ("than weed").
        if compared and not all(n in yardsticks and read[n - 1][1] for n in holders):
            continue
        if any(names for number, (_, names) in enumerate(read) if number not in holders):
            passing.append(topic)
    return passing


def _clause(
    text: str,
    analyser: TextAnalyser,
    medicine_terms: Collection[str],
    medicine_words: Collection[str],
) -> tuple[set[str], bool]:
    """A clause's terms, and whether it names the FAQ's medicine."""
    words = surface_words(text)
    terms = {term for term, _ in analyser.analyse(words)}
    names = not terms.isdisjoint(medicine_terms) or any(word in medicine_words for word in words)
    return terms, names


def single_words(variants: Iterable[str]) -> frozenset[str]:
    """The variants that are one word once normalised ("k-pin" and "kpins", not "k pin")."""
    found: set[str] = set()
    for variant in variants:
        words = surface_words(variant)
        if len(words) == 1:
            found.add(words[0])
    return frozenset(found)
