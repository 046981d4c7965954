"""Fold a chat message into plain tokens before crisis matching.

The steps undo the ways people (deliberately or not) disguise words: compatibility forms,
invisible characters, accents and Zalgo marks, look-alike letters from other scripts,
leetspeak inside words, separators between letters ("k.i.l.l"), stretched letters
("diiiie"), spaced-out letters ("k i l l") and a few emoji. Numbers keep their digits
("800mg" becomes "800 mg", "0.5" stays "0.5") so quantities survive.

The result is lower-case ASCII words, numbers and the clause marks ``. , ? ! ;`` separated
by single spaces. ``normalise`` is idempotent: normalising twice changes nothing.
"""

from __future__ import annotations

import re
import unicodedata

# Default-ignorable code points (Unicode DerivedCoreProperties): zero-width characters,
# soft hyphen, bidi controls, variation selectors, Hangul fillers, tag characters...
_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff]"
)

# Emoji that stand for a word in crisis talk. The skull is deliberately absent: in chat
# it nearly always means "I'm laughing".
_EMOJI_WORDS = {
    "\U0001f48a": " pill ",  # pill
    "\U0001f52b": " gun ",  # pistol
    "\U0001f52a": " knife ",  # kitchen knife
    "\U0001fa92": " razor ",  # razor
    "\U0001faa2": " rope ",  # knot
    "\U0001f37a": " beer ",  # beer mug
    "\U0001f37b": " beer ",  # clinking beer mugs
    "\U0001f377": " wine ",  # wine glass
    "\U0001f943": " whiskey ",  # tumbler glass
    "\U0001f378": " cocktail ",  # cocktail glass
    "\U0001f379": " cocktail ",  # tropical drink
    "\U0001f37e": " champagne ",  # bottle with popping cork
    "\U0001f942": " champagne ",  # clinking glasses
    "\U0001f602": " lol ",  # face with tears of joy
    "\U0001f923": " lol ",  # rolling on the floor laughing
    "\U0001faa6": " grave ",  # headstone
    "\u26b0": " coffin ",  # coffin
}

# Three or more pill emoji in a row ("💊💊💊💊") stand for many pills.
_PILL_RUN = re.compile("(?:\U0001f48a\\s*){3,}")

# Letters from other scripts (and Latin variants that do not decompose) that look like
# a Latin letter. Applied after case folding, so only lower-case forms are needed.
_CONFUSABLES = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "г": "r", "д": "d", "е": "e", "ё": "e", "и": "u",
        "і": "i", "ї": "i", "ј": "j", "к": "k", "л": "n", "м": "m", "н": "h", "о": "o",
        "п": "n", "р": "p", "с": "c", "т": "t", "у": "y", "ў": "y", "х": "x", "ц": "u",
        "ш": "w", "щ": "w", "ъ": "b", "ы": "bi", "ь": "b", "э": "e", "ѕ": "s",
        "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ɡ": "g", "ү": "y", "ҡ": "k",
        # Greek
        "α": "a", "β": "b", "γ": "y", "δ": "d", "ε": "e", "ζ": "z", "η": "n", "ι": "i",
        "κ": "k", "μ": "u", "ν": "v", "ο": "o", "π": "n", "ρ": "p", "σ": "o", "ς": "c",
        "τ": "t", "υ": "u", "χ": "x", "ω": "w",
        # Latin letters without a decomposition
        "ı": "i", "ɩ": "i", "ȷ": "j", "ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ŧ": "t",
        "ƅ": "b", "ɑ": "a", "ǝ": "e", "ɛ": "e", "ɪ": "i", "ʟ": "l", "ᴏ": "o", "ꜱ": "s",
        "æ": "ae", "œ": "oe", "þ": "th",
        # Small capitals (no compatibility decomposition, so NFKC keeps them)
        "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h",
        "ᴊ": "j", "ᴋ": "k", "ᴍ": "m", "ɴ": "n", "ᴘ": "p", "ʀ": "r", "ᴛ": "t", "ᴜ": "u",
        "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z",
        # Armenian
        "օ": "o", "ս": "u", "հ": "h", "ո": "n", "ց": "g", "ա": "w",
    }
)

# A message written in Cyrillic (it holds a Cyrillic letter that looks like no Latin one:
# "я", "ж", "ы", "л"...) is real Russian: its wholly Cyrillic words are transliterated
# ("выпил" -> "vypil", "таблетки" -> "tabletki") instead of folded as look-alikes. A Latin
# word with look-alike letters in it ("kіll") is still folded, and a message whose Cyrillic
# letters all look Latin ("і wаnt tо dіе") keeps the look-alike reading.
_CYRILLIC_WORD = re.compile("(?<![a-z])[\u0400-\u04ff]+(?![a-z])")
_CYRILLIC_LOOKALIKES = frozenset("авеёіїјкмнорстуўхѕԁԛԝһӏүҡ")
_RUSSIAN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
    }
)

# Currency signs used as letters, only between two letters ("mys€lf", "a£one"), so
# prices ("€20", "£5") keep their meaning.
_INNER_SYMBOLS = {"\u20ac": "e", "\u00a3": "l", "\u00a2": "c", "\u00a5": "y"}
_INNER_SYMBOL = re.compile("(?<=[a-z])[\u20ac\u00a3\u00a2\u00a5]+(?=[a-z])")

_APOSTROPHES = re.compile("['\u2018\u2019`\u00b4\u02bc\u02bb\u2032]")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                       "@": "a", "$": "s", "!": "i", "|": "l"})
_LEET_CHARS = "013457@$!|"
# A leet character counts as part of a word only when a letter (or another leet
# character) touches it on both sides: "k1ll", "t00k", "d!e", "$uicide" via the rule below.
_INNER_LEET = re.compile(r"(?<=[a-z])[013457@$!|]+(?=[a-z])")
_TRAILING_LEET = re.compile(r"(?<=[a-z])[013457]+$")
# A leading 0 or $ reads as a letter before two letters ("0verdosed", "$elf"), and a
# leading 0 also before the letters that end a short word ("0d", "0ded").
_LEADING_LEET = re.compile(r"^(?:0(?=[a-z]+$)|[0$](?=[a-z]{2}))")
_BETWEEN_LETTERS = re.compile(r"(?<=[a-z013457@$!|])[.\-_*~]+(?=[a-z013457@$!|])")
_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d{3})")
# "kpins + wine", "xanax & beer": a joining sign between words reads as "and" (not in "1+1").
_AND_SIGN = re.compile(r"(?<!\d)\s*[&+]+\s*(?!\d)")
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[a-z]+|[.,?!;]")
_NUMBER_WITH_UNIT = re.compile(r"^(?!0[a-z])\d+(?:[.]\d+)?[a-z]*$")
_MARKS = frozenset(".,?!;")
_REPEATS = re.compile(r"([a-z])\1{2,}")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# "kms" right after a number is kilometres ("ran 10 kms"), not "kill myself".
_KILOMETRES = re.compile(r"(?<=\d)(\s*)kms\b")
# Slash abbreviations of two letters ("s/h", "k/m") are one word: "sh".
_SLASH_PAIR = re.compile(r"(?<![a-z0-9])([a-z])/([a-z])(?![a-z0-9])")
# A multiplier written after a dose ("my old dose x3") keeps its number.
_MULTIPLIER = re.compile(r"^x\d+$")
# A leet digit written as a spaced-out letter ("s h 0 0 t"), only inside a run of letters.
_SPACED_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"}
# A leading 4 read as "a" in short function words ("4ll", "4n", "4nd"), never a unit.
_LEADING_FOUR = re.compile(r"^4(?=(?:ll|n|nd|ny|nother|lready|gain|fter)$)")


def _fold_chunk(chunk: str) -> str:
    """Undo separators and leetspeak inside one whitespace-delimited chunk."""
    chunk = _LEADING_FOUR.sub("a", chunk)
    if (
        not any("a" <= ch <= "z" for ch in chunk)
        or _NUMBER_WITH_UNIT.match(chunk)
        or _MULTIPLIER.match(chunk)
    ):
        return chunk
    chunk = _BETWEEN_LETTERS.sub("", chunk)
    if any(ch in _LEET_CHARS for ch in chunk):
        chunk = _LEADING_LEET.sub(lambda m: m.group().translate(_LEET), chunk)
        chunk = _INNER_LEET.sub(lambda m: m.group().translate(_LEET), chunk)
        chunk = _TRAILING_LEET.sub(lambda m: m.group().translate(_LEET), chunk)
    return chunk


def _merge_clause_marks(tokens: list[str]) -> list[str]:
    """Keep one mark per run of punctuation, preferring "?" ("?!?" -> "?", "..." -> ".")."""
    out: list[str] = []
    for tok in tokens:
        if tok in _MARKS and out and out[-1] in _MARKS:
            if tok == "?":
                out[-1] = "?"
            continue
        out.append(tok)
    return out


def _join_spelled_out(tokens: list[str]) -> list[str]:
    """Join runs of three or more single letters ("k i l l" -> "kill").

    A single leet digit inside such a run reads as its letter ("s h 0 0 t" -> "shoot"),
    but only between letters and when the run holds at least three real letters.
    """
    out: list[str] = []
    run: list[str] = []
    for tok in [*tokens, ""]:
        if len(tok) == 1 and (tok.isalpha() or (tok in _SPACED_LEET and run)):
            run.append(tok)
            continue
        trailing: list[str] = []
        while run and not run[-1].isalpha():
            trailing.insert(0, run.pop())
        if len(run) >= 3 and sum(ch.isalpha() for ch in run) >= 3:
            out.append("".join(_SPACED_LEET.get(ch, ch) for ch in run))
        else:
            out.extend(run)
        out.extend(trailing)
        run = []
        if tok:
            out.append(tok)
    return out


def _transliterate_russian(text: str) -> str:
    """Spell the wholly Cyrillic words of a Russian message in Latin letters."""
    words = _CYRILLIC_WORD.findall(text)
    if not any(ch not in _CYRILLIC_LOOKALIKES for word in words for ch in word):
        return text
    return _CYRILLIC_WORD.sub(lambda m: m.group().translate(_RUSSIAN), text)


def normalise(text: str) -> str:
    """Fold ``text`` into space-separated lower-case ASCII tokens (idempotent)."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        text = _IGNORABLE.sub("", text)
        text = _PILL_RUN.sub(" many pills ", text)
        for emoji, word in _EMOJI_WORDS.items():
            if emoji in text:
                text = text.replace(emoji, word)
    text = text.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = _transliterate_russian(text)
        text = text.translate(_CONFUSABLES)
        text = _INNER_SYMBOL.sub(
            lambda m: "".join(_INNER_SYMBOLS[ch] for ch in m.group()), text
        )
        text = _APOSTROPHES.sub("", text)
        text = _NON_ASCII.sub(" ", text)
    else:
        text = _APOSTROPHES.sub("", text)
    text = _DIGIT_COMMA.sub("", text)
    if "kms" in text:
        text = _KILOMETRES.sub(r"\1km", text)
    if "/" in text:
        text = _SLASH_PAIR.sub(r"\1\2", text)
    if "&" in text or "+" in text:
        text = _AND_SIGN.sub(" and ", text)
    chunks = [_fold_chunk(chunk) for chunk in text.split()]
    tokens = _TOKEN.findall(" ".join(chunks))
    tokens = _merge_clause_marks(_join_spelled_out(tokens))
    return _REPEATS.sub(r"\1\1", " ".join(tokens))
