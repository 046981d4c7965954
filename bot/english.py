"""The real-English word list shared by the FAQ matcher and the crisis detector.

Webster's 2nd and GCIDE from the ``english-words`` package (shipped with it, nothing is
downloaded). About 50 MB as Python strings, so it is loaded once per process, lazily.
"""

from __future__ import annotations

from functools import cache


@cache
def dictionary_words() -> frozenset[str]:
    """Lower-case alphabetic English words (no inflections), loaded once."""
    from english_words import get_english_words_set

    words: set[str] = get_english_words_set(["web2", "gcide"], lower=True, alpha=True)
    return frozenset(words)
