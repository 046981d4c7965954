"""The baselines the bot is measured against: plain fuzzy matching, BM25 and crisis keywords.

- ``FuzzyBaseline``: ``rapidfuzz.process.extractOne`` over the entries' texts. With
  ``processor=None`` and the default scorer (rapidfuzz's default *is* ``fuzz.WRatio``) over
  the questions only, it is the "plain extractOne" anchor of the design guide; the stronger
  variant adds every alias and rapidfuzz's ``default_process`` (lower case, no punctuation).
- ``Bm25Baseline``: Okapi BM25 (k1=1.5, b=0.75) over the normalised words of each entry's
  question and aliases, one document per entry, written here so it adds no dependency.
- ``keyword_crisis``: the plain crisis keyword list, matched as substrings.

Each baseline answers with ``(entry id or None, score)``: None when its best score is under
its cutoff. Cutoffs are tuned on the development set (``tune_cutoff``) and then applied
unchanged to the hold-out sets, the same way the matcher's thresholds were set.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from bot.faq.models import FaqDocument
from bot.faq.normalise import normalise_text

K1 = 1.5
B = 0.75

# The same "plain crisis keyword list" tests/eval/test_crisis_eval.py compares against.
CRISIS_KEYWORDS = (
    "suicide",
    "suicidal",
    "kill myself",
    "overdose",
    "want to die",
    "self harm",
    "cut myself",
    "seizure",
    "not breathing",
    "end my life",
)


def keyword_crisis(text: str) -> bool:
    """True when ``text`` contains one of ``CRISIS_KEYWORDS`` (case-folded substring)."""
    folded = text.casefold()
    return any(word in folded for word in CRISIS_KEYWORDS)


@dataclass(frozen=True, slots=True)
class Guess:
    """A baseline's best entry and its score; ``entry_id`` is None below the cutoff."""

    entry_id: str | None
    best_id: str | None
    score: float


class FuzzyBaseline:
    """``process.extractOne`` over entry texts; each text maps back to its entry."""

    def __init__(
        self,
        document: FaqDocument,
        *,
        aliases: bool,
        scorer: Callable[..., float] = fuzz.WRatio,
        processor: Callable[[str], str] | None = None,
        cutoff: float = 0.0,
    ) -> None:
        texts: list[str] = []
        owners: list[str] = []
        for entry in document.entries:
            for text in (entry.question, *(entry.aliases if aliases else ())):
                texts.append(text)
                owners.append(entry.id)
        self.texts = texts
        self.owners = owners
        self.scorer = scorer
        self.processor = processor
        self.cutoff = cutoff

    def best(self, question: str) -> Guess:
        """The entry whose text scores highest for ``question``."""
        found = process.extractOne(
            question, self.texts, scorer=self.scorer, processor=self.processor
        )
        if found is None:
            return Guess(None, None, 0.0)
        _, score, index = found
        owner = self.owners[index]
        return Guess(owner if score >= self.cutoff else None, owner, float(score))


class Bm25Baseline:
    """Okapi BM25 over each entry's question and aliases, with an inverted index."""

    def __init__(self, document: FaqDocument, *, cutoff: float = 0.0) -> None:
        self.ids = [entry.id for entry in document.entries]
        postings: dict[str, list[tuple[int, int]]] = {}
        lengths: list[int] = []
        for number, entry in enumerate(document.entries):
            words = normalise_text(" ".join((entry.question, *entry.aliases))).split()
            lengths.append(len(words))
            counts: dict[str, int] = {}
            for word in words:
                counts[word] = counts.get(word, 0) + 1
            for word, count in counts.items():
                postings.setdefault(word, []).append((number, count))
        count = len(lengths)
        average = sum(lengths) / count if count else 1.0
        self.norm = [K1 * (1 - B + B * length / average) for length in lengths]
        self.idf = {
            word: math.log(1.0 + (count - len(found) + 0.5) / (len(found) + 0.5))
            for word, found in postings.items()
        }
        self.postings = {word: tuple(found) for word, found in postings.items()}
        self.cutoff = cutoff

    def scores(self, question: str) -> dict[int, float]:
        """BM25 score of every entry that shares a word with ``question``."""
        totals: dict[int, float] = {}
        norm = self.norm
        for word in set(normalise_text(question).split()):
            found = self.postings.get(word)
            if found is None:
                continue
            idf = self.idf[word]
            for number, count in found:
                gain = idf * count * (K1 + 1) / (count + norm[number])
                totals[number] = totals.get(number, 0.0) + gain
        return totals

    def best(self, question: str) -> Guess:
        """The entry with the highest BM25 score for ``question``."""
        totals = self.scores(question)
        if not totals:
            return Guess(None, None, 0.0)
        number = max(totals, key=totals.__getitem__)
        score = totals[number]
        best_id = self.ids[number]
        return Guess(best_id if score >= self.cutoff else None, best_id, score)


def tune_cutoff(guesses: Sequence[Guess], expected: Sequence[str | None]) -> float:
    """The cutoff that handles the most messages right: the right answer, or no answer.

    ``guesses`` were made with no cutoff. Ties go to the higher cutoff (fewer answers).
    """
    candidates = sorted({g.score for g in guesses} | {0.0, math.inf})
    best_cutoff, best_right = 0.0, -1
    for cutoff in candidates:
        right = 0
        for guess, expect in zip(guesses, expected, strict=True):
            answered = guess.best_id is not None and guess.score >= cutoff
            if (answered and guess.best_id == expect) or (not answered and expect is None):
                right += 1
        if right >= best_right:
            best_cutoff, best_right = cutoff, right
    return best_cutoff


def default_processor() -> Callable[[str], str]:
    """The preprocessing rapidfuzz ships: lower case, punctuation to spaces, trimmed."""
    return utils.default_process
