"""Text folding for FAQ matching: case, accents, apostrophes and punctuation."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"['’`´ʼ]")
_NON_WORD = re.compile(r"[^a-z0-9.]+|(?<![0-9])\.|\.(?![0-9])")


def normalise_text(text: str) -> str:
    """Fold ``text`` to lower-case ASCII words separated by single spaces.

    Decimal points inside numbers survive ("0.5 mg" stays "0.5 mg"); apostrophes are
    dropped so "don't" and "dont" meet.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _APOSTROPHES.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text).split())
