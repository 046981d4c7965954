"""A member's own dosing told as context: "4 years on 1mg daily, how does it work?".

People in recovery often open with their regimen ("been on .5 twice a day for 3 yrs",
"3mg a day for 9 years") before asking something else entirely. Those words are the
dosage entry's words, so they would pull the question towards dosage. A regimen told
without asking about the dose ("is that a lot", "normal dose", "max") is context: the
matcher weighs its words like an aside.
"""

from __future__ import annotations

from collections.abc import Sequence

_UNITS = frozenset({"mg", "mgs", "milligram", "milligrams"})
_TIMES = frozenset({"twice", "once", "thrice"})
_PER = frozenset({"a", "per", "each", "every"})
_PERIODS = frozenset({"day", "night", "daily", "nightly"})
#: Words that ask about the dose itself: then the regimen is the question.
_DOSE_ASKED = frozenset(
    {
        "dose", "doses", "dosage", "dosages", "dosing", "much", "lot", "alot", "max",
        "maximum", "limit", "normal", "typical", "usual", "standard", "safe", "high",
        "higher", "highest", "low", "lower", "lowest", "strong", "stronger", "too", "many",
        "enough", "increase", "raise", "allowed", "insane", "crazy", "heavy", "big", "small",
    }
)


def regimen_words(words: Sequence[str]) -> list[str]:
    """The words of every regimen ("1 mg daily", "5 twice a day", "on 2 mg") in ``words``."""
    found: list[str] = []
    for start, word in enumerate(words):
        if not word.isdigit():
            continue
        end = start + 1
        if end < len(words) and words[end] in _UNITS:
            end += 1
        if end < len(words) and words[end] in _TIMES:
            end += 1
        if end < len(words) and words[end] in _PERIODS:
            end += 1
        elif end + 1 < len(words) and words[end] in _PER and words[end + 1] in _PERIODS:
            end += 2
        told_daily = end > start + 1 and words[end - 1] in _PERIODS
        on_amount = start > 0 and words[start - 1] == "on" and end > start + 1
        if told_daily or on_amount:
            found.extend(words[start:end])
    return found


def asks_about_dose(words: Sequence[str]) -> bool:
    """True when the message asks about the amount itself ("is that a lot", "max dose")."""
    return not _DOSE_ASKED.isdisjoint(words)
