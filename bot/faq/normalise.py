"""Text folding for FAQ matching: case, accents, apostrophes and punctuation."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"['’`´ʼ]")
_NON_WORD = re.compile(r"[^a-z0-9.]+|(?<![0-9])\.|\.(?![0-9])")
_NUMBER_UNIT = re.compile(r"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)")


def normalised_words(text: str) -> list[str]:
    """The words of ``text`` after folding (see ``normalise_text``)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    text = _APOSTROPHES.sub("", text)
    return _NON_WORD.sub(" ", text).split()


def normalise_text(text: str) -> str:
    """Fold ``text`` to lower-case ASCII words separated by single spaces.

    Decimal points inside numbers survive ("0.5 mg" stays "0.5 mg"); apostrophes are
    dropped so "don't" and "dont" meet.
    """
    return " ".join(normalised_words(text))


def split_numbers(words: list[str]) -> list[str]:
    """Split numbers from the letters glued to them: ``["2mg"]`` -> ``["2", "mg"]``."""
    return _NUMBER_UNIT.sub(" ", " ".join(words)).split()
