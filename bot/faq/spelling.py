"""Word-by-word typo correction against the FAQ's own vocabulary.

Only words the FAQ could use are candidates, so a typo can only ever be corrected into
a word that means something here. Real English words and short words are left alone:
"dogs" stays "dogs" rather than becoming "dose".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.faq.wordlists import is_english_word

MIN_LENGTH = 4  # shorter words are too easy to turn into something else
LONG_WORD = 7  # words this long may be two edits away
_CACHE_LIMIT = 8192


def max_edits(word: str) -> int:
    """How many edits (insert, delete, substitute, swap) a word of this length may be off by."""
    return 2 if len(word) >= LONG_WORD else 1


class SpellCorrector:
    """Corrects single words to the closest vocabulary word within a small edit distance."""

    def __init__(
        self,
        vocabulary: Iterable[str],
        *,
        is_real_word: Callable[[str], bool] = is_english_word,
    ) -> None:
        counts = Counter(word for word in vocabulary if word.isalpha())
        self._known = frozenset(counts)
        self._is_real_word = is_real_word
        # Candidates are grouped by first letter (typos rarely hit it), most frequent
        # first so that ties go to the word the FAQ uses most.
        buckets: dict[str, list[str]] = {}
        for word, _ in counts.most_common():
            if len(word) >= MIN_LENGTH - 1:
                buckets.setdefault(word[0], []).append(word)
        self._buckets = {letter: tuple(words) for letter, words in buckets.items()}
        self._cache: dict[str, str] = {}

    def knows(self, word: str) -> bool:
        """True when ``word`` is in the vocabulary as it is."""
        return word in self._known

    def correct(self, word: str) -> str:
        """The vocabulary word ``word`` was probably meant to be, or ``word`` itself."""
        if word in self._known or len(word) < MIN_LENGTH or not word.isalpha():
            return word
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        corrected = word if self._is_real_word(word) else self._closest(word)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[word] = corrected
        return corrected

    def _closest(self, word: str) -> str:
        limit = max_edits(word)
        bucket = self._buckets.get(word[0], ())
        found = process.extractOne(word, bucket, scorer=OSA.distance, score_cutoff=limit)
        return found[0] if found is not None else word
