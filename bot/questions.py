"""Does a chat message read as a question? Decides what the bot may answer in help channels.

Help channels are busy with chatter ("thanks!", "same here", "day 12 today"); the bot only
speaks up there when someone asks something. Pure text logic, no discord import.
"""

from __future__ import annotations

import re

_MENTION = re.compile(r"<(@[!&]?|#)\d+>")
_URL = re.compile(r"https?://\S+")
_CODE = re.compile(r"```.*?```|`[^`]*`", re.DOTALL)
_QUOTE_LINE = re.compile(r"^>.*$", re.MULTILINE)
_WORD = re.compile(r"[a-z0-9']+")

# A message that starts with one of these reads as a question even without "?".
_OPENERS = frozenset(
    {
        "what", "whats", "what's", "how", "hows", "how's", "why", "when", "where", "who",
        "whom", "whose", "which", "is", "isnt", "isn't", "are", "arent", "aren't", "am", "was",
        "were", "do", "does", "doesnt", "doesn't", "did", "didnt", "didn't", "dont", "don't",
        "can", "cant", "can't", "could", "couldnt", "should", "shouldnt", "shouldn't", "would",
        "wouldnt", "will", "wont", "won't", "may", "might", "has", "have", "had", "anyone",
        "anybody", "somebody", "someone", "any",
    }
)  # fmt: skip

# Phrases anywhere in the message that ask for information.
_ASKING_PHRASES = (
    "anyone know",
    "does anyone",
    "do you know",
    "any idea",
    "any advice",
    "any tips",
    "i wonder",
    "wondering",
    "not sure if",
    "not sure whether",
    "can someone",
    "could someone",
    "can anyone",
    "could anyone",
    "tell me about",
    "explain",
    "is it true",
    "want to know",
    "need to know",
    "looking for info",
    "difference between",
)

_ASKING = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in _ASKING_PHRASES) + r")\b")

# Short replies that end in "?" but ask nothing the FAQ could answer.
_CHATTER = frozenset({"really", "what", "huh", "why", "how", "ok", "okay", "right", "sure", "you"})


def _prose(text: str) -> str:
    """The user's own words: no quotes, code, links or mentions; lower case."""
    text = _QUOTE_LINE.sub(" ", text)
    text = _CODE.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _MENTION.sub(" ", text)
    return text.casefold().replace("\u2019", "'")


def looks_like_question(text: str) -> bool:
    """True when ``text`` reads as a question someone wants answered."""
    prose = _prose(text)
    words = _WORD.findall(prose)
    if not words:
        return False
    if "?" in prose:
        # "really?" or "why?" alone is conversation, not a question for the FAQ.
        return len(words) > 1 or words[0] not in _CHATTER
    if len(words) < 3:
        return False
    if words[0] in _OPENERS:
        return True
    return _ASKING.search(" ".join(words)) is not None
