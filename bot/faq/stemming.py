"""A light, predictable English stemmer so "feeling", "feels" and "feel" meet.

Comparatives are left alone on purpose ("number" is not "numb" + "er"): the FAQ's synonyms
list the ones that matter ("dumber", "chattier").

Deliberately conservative: it only strips common inflections (plural, -ing, -ed, -ly,
-ness) and folds a final "e" and "y", applied the same way to the FAQ and to
messages. Meaning-level links ("addicted" -> "addiction") belong in the FAQ's synonyms.
"""

from __future__ import annotations

_VOWELS = frozenset("aeiouy")
_KEEP_DOUBLE = frozenset("lsz")
# Irregular forms the suffix rules cannot reach.
_IRREGULAR: dict[str, str] = {
    "use": "us",
    "used": "us",
    "uses": "us",
    "using": "us",
    "took": "tak",
    "taken": "tak",
    "felt": "feel",
    "made": "mak",
    "gave": "giv",
    "given": "giv",
    "went": "go",
    "gone": "go",
    "ate": "eat",
}


def _has_vowel(text: str) -> bool:
    return any(ch in _VOWELS for ch in text)


def _undouble(stem: str) -> str:
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in _KEEP_DOUBLE:
        return stem[:-1]
    return stem


def _strip_suffix(word: str) -> str:
    if word.endswith("ness") and len(word) - 4 >= 3:
        return word[:-4]
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(("ies", "ied")) and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ing") and len(word) - 3 >= 3 and _has_vowel(word[:-3]):
        return _undouble(word[:-3])
    if word.endswith("ed") and len(word) - 2 >= 3 and _has_vowel(word[:-2]):
        return _undouble(word[:-2])
    if word.endswith("ly") and len(word) - 2 >= 4:
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) - 1 >= 3:
        return word[:-1]
    return word


def light_stem(word: str) -> str:
    """Reduce ``word`` to a stem shared by its common inflections (``taking`` -> ``tak``)."""
    irregular = _IRREGULAR.get(word)
    if irregular is not None:
        return irregular
    if len(word) <= 3 or not word.isalpha():
        return word
    stem = _strip_suffix(word)
    if len(stem) > 3 and stem.endswith("e"):
        stem = stem[:-1]
    if len(stem) > 3 and stem.endswith("y") and stem[-2] not in _VOWELS:
        stem = stem[:-1] + "i"
    return stem
