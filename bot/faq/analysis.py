"""Turn text into the terms the FAQ matcher compares: the same pipeline for FAQ and messages.

normalise -> split numbers from units ("2mg" -> "2 mg") -> correct typos word by word ->
stem -> replace synonym words and phrases by their canonical term -> drop filler words and
bare numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from bot.faq.normalise import normalise_text, normalised_words, split_numbers
from bot.faq.spelling import SpellCorrector
from bot.faq.stemming import light_stem
from bot.faq.wordlists import (
    CONTRACTIONS,
    FILLER_PHRASES,
    INTENSIFIERS,
    QUESTION_WORDS,
    STOPWORDS,
    is_english_word,
    is_stopword,
)

_NUMBER = re.compile(r"^[0-9.]+$")
_DIGIT = re.compile(r"\d")
_FILLER = "hello"  # a stopword: phrases mapped to it vanish
_STEM_CACHE_LIMIT = 200_000
_CONTRACTED = frozenset(CONTRACTIONS)
# "ardu's" -> "ardu", but "what's" stays a contraction of "what is".
_POSSESSIVE = re.compile(
    r"\b(?!(?:what|that|it|he|she|who|where|how|there|here|when|why|let)['’`]s\b)"
    r"([a-z0-9]+)['’`]s\b",
    re.IGNORECASE,
)


def surface_words(text: str) -> list[str]:
    """Normalised words of ``text``: numbers split from letters, contractions expanded.

    A per cent sign becomes the word ("what % of" -> "what percent of").
    """
    if "'" in text or "’" in text or "`" in text:
        text = _POSSESSIVE.sub(r"\1", text)
    if "%" in text:
        text = text.replace("%", " percent ")
    words = normalised_words(text)
    if _DIGIT.search(text):
        words = split_numbers(words)
    if _CONTRACTED.isdisjoint(words):
        return words
    return [part for word in words for part in CONTRACTIONS.get(word, (word,))]


def _phrase_words(text: str) -> list[str]:
    """Words of a synonym, key term or filler phrase as messages are matched against them.

    Intensifiers are dropped from messages before phrases are looked up ("feel so low"
    is read as "feel low"), so they are dropped from the phrases too; a phrase made only
    of intensifiers keeps its words.
    """
    words = surface_words(text)
    kept = [word for word in words if word not in INTENSIFIERS]
    return kept or words


def canonical_term(term: str) -> str:
    """The single token a canonical synonym term stands for ("panic attack" -> "panic_attack")."""
    return "_".join(normalise_text(term).split())


def _claims_other_word(
    words: Sequence[str], stems: tuple[str, ...], group: frozenset[str], taken: frozenset[str]
) -> bool:
    """True when a one-word variant's stem is also another real word's stem.

    "downer" -> "down" is a word of its own; "stats" -> "stat" is also the stem of "state".
    """
    if len(words) != 1 or stems[0] == words[0] or stems[0] in group:
        return False
    stem = stems[0]
    if stem in taken or is_english_word(stem):
        return True
    with_e = stem + "e"
    return not words[0].startswith(with_e) and is_english_word(with_e)


class TextAnalyser:
    """Maps words to canonical, stemmed terms using the FAQ's synonyms and vocabulary."""

    def __init__(
        self,
        synonyms: Mapping[str, Sequence[str]],
        vocabulary: Iterable[str],
        *,
        compounds: Iterable[str] = (),
    ) -> None:
        self._stems: dict[str, str] = {}
        known = [word for word in vocabulary if not is_stopword(word)]
        taken = frozenset(known) | STOPWORDS | QUESTION_WORDS
        # Phrases are looked up by their exact words and by their stems, so "withdrawals"
        # finds "withdrawal"; a single word whose stem is another real word ("downer" ->
        # "down", "bars" -> "bar") is only found as written.
        self._exact: dict[tuple[str, ...], str] = {}
        self._stemmed: dict[tuple[str, ...], str] = {}
        for canonical, variants in synonyms.items():
            term = canonical_term(canonical)
            group = [_phrase_words(variant) for variant in (canonical, *variants)]
            singles = frozenset(words[0] for words in group if len(words) == 1)
            for words in group:
                if not words:
                    continue
                known.extend(word for word in words if not is_stopword(word))
                self._exact.setdefault(tuple(words), term)
                stems = self._stem_all(words)
                if not _claims_other_word(words, stems, singles, taken):
                    self._stemmed.setdefault(stems, term)
        self._canonical = frozenset(self._exact.values())
        # Multi-word key terms ("reaction time") count only as a whole: "what time is it"
        # must not look like a question about reaction times.
        for compound in compounds:
            words = _phrase_words(compound)
            content = [self.stem(word) for word in words if not is_stopword(word)]
            if len(content) > 1:
                self._stemmed.setdefault(self._stem_all(words), "_".join(content))
        for filler in FILLER_PHRASES:
            words = _phrase_words(filler)
            self._exact.setdefault(tuple(words), _FILLER)
            self._stemmed.setdefault(self._stem_all(words), _FILLER)
        # Phrase lengths by first word (and by first stem), longest first, so a lookup
        # tries only the lengths that can match there.
        lengths: dict[str, set[int]] = {}
        for key in (*self._exact, *self._stemmed):
            lengths.setdefault(key[0], set()).add(len(key))
        self._lengths = {
            first: tuple(sorted(sizes, reverse=True)) for first, sizes in lengths.items()
        }
        self.speller = SpellCorrector(known)

    @property
    def canonical_terms(self) -> frozenset[str]:
        """Every canonical term the synonyms table defines."""
        return self._canonical

    def stem(self, word: str) -> str:
        """Stem of ``word`` (question words stay whole), memoised."""
        stem = self._stems.get(word)
        if stem is None:
            stem = word if word in QUESTION_WORDS else light_stem(word)
            if len(self._stems) < _STEM_CACHE_LIMIT:
                self._stems[word] = stem
        return stem

    def _stem_all(self, words: Sequence[str]) -> tuple[str, ...]:
        known = self._stems
        return tuple([known.get(word) or self.stem(word) for word in words])

    def terms(self, text: str) -> tuple[str, ...]:
        """Canonical terms of ``text`` in order (repeats kept)."""
        return tuple(term for term, _ in self.analyse(surface_words(text)))

    def analyse(self, words: Sequence[str], *, correct: bool = True) -> list[tuple[str, str]]:
        """``(term, word it came from)`` for already normalised ``words``, in order."""
        words = tuple(
            self.speller.correct(word) if correct and not is_stopword(word) else word
            for word in words
            if word not in INTENSIFIERS
        )
        stems = self._stem_all(words)
        out: list[tuple[str, str]] = []
        i, count = 0, len(stems)
        while i < count:
            size, canonical = self._phrase_at(words, stems, i)
            if size:
                if not is_stopword(canonical):
                    out.append((canonical, " ".join(words[i : i + size])))
                i += size
                continue
            word = words[i]
            if len(word) > 1 and not is_stopword(word) and not _NUMBER.match(word):
                out.append((stems[i], word))
            i += 1
        return out

    def _phrase_at(
        self, words: tuple[str, ...], stems: tuple[str, ...], start: int
    ) -> tuple[int, str]:
        """Length and canonical term of the longest phrase starting at ``start`` (0 if none)."""
        by_word = self._lengths.get(words[start], ())
        by_stem = self._lengths.get(stems[start], ()) if stems[start] != words[start] else ()
        if not by_word and not by_stem:
            return 0, ""
        sizes = by_word or by_stem
        if by_word and by_stem:
            sizes = tuple(sorted({*by_word, *by_stem}, reverse=True))
        room = len(stems) - start
        # A filler word is only ever the synonym it is listed as: "called" is not "call".
        by_stem_too = not is_stopword(words[start])
        for size in sizes:
            if size > room:
                continue
            canonical = self._exact.get(words[start : start + size])
            if canonical is None and (size > 1 or by_stem_too):
                canonical = self._stemmed.get(stems[start : start + size])
            if canonical is not None:
                return size, canonical
        return 0, ""
