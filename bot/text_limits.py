"""Cut text to Discord's limits without leaving a broken mention, link or code block behind.

Discord measures lengths the way JavaScript does (UTF-16 code units), so an emoji can count
twice; ``discord_length`` does the same so a cut text is never rejected. Pure: no discord
import, usable by the console and the tests alike.
"""

from __future__ import annotations

import re
import unicodedata

MESSAGE_CONTENT_MAX = 2000
EMBED_TITLE_MAX = 256
EMBED_DESCRIPTION_MAX = 4096
EMBED_FIELD_NAME_MAX = 256
EMBED_FIELD_VALUE_MAX = 1024
EMBED_FOOTER_MAX = 2048
EMBED_FIELDS_MAX = 25
EMBED_TOTAL_MAX = 6000
CHOICE_NAME_MAX = 100
CHOICE_VALUE_MAX = 100
BUTTON_LABEL_MAX = 80
SELECT_LABEL_MAX = 100
SELECT_DESCRIPTION_MAX = 100
CUSTOM_ID_MAX = 100

ELLIPSIS = "…"

# An unfinished <@123>, <#123>, <@&123>, <:emoji:123> or <t:...> token at the very end.
_OPEN_TOKEN = re.compile(r"<[^<>\s]*$")
# An unfinished Markdown link at the very end: "[title" or "[title](https://exa".
_OPEN_LINK = re.compile(r"\[[^\[\]]*(\]\([^()\s]*)?$")
# Characters that must not start or end a cut: joiners and variation selectors.
_DANGLING = {"\u200d", "\ufe0e", "\ufe0f"}
# Bidirectional overrides and isolates: they can make echoed text read backwards.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_FENCE = "```"


def discord_length(text: str) -> int:
    """Length as Discord counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _prefix_within(text: str, budget: int) -> str:
    """Longest prefix of whole code points whose Discord length is at most ``budget``."""
    used = 0
    for index, char in enumerate(text):
        used += 2 if ord(char) > 0xFFFF else 1
        if used > budget:
            return text[:index]
    return text


def _tidy_cut(prefix: str) -> str:
    """Drop whatever a cut left half-written at the end of ``prefix``."""
    # Prefer a word boundary when one is reasonably close to the cut.
    boundary = max(prefix.rfind(" "), prefix.rfind("\n"))
    if boundary >= len(prefix) * 0.6:
        prefix = prefix[:boundary]
    prefix = _OPEN_TOKEN.sub("", prefix)
    prefix = _OPEN_LINK.sub("", prefix)
    if prefix.count(_FENCE) % 2 == 1:
        prefix = prefix[: prefix.rfind(_FENCE)]
    while prefix and (prefix[-1] in _DANGLING or unicodedata.combining(prefix[-1])):
        prefix = prefix[:-1]
    return prefix.rstrip()


def truncate(text: str, limit: int, *, ellipsis: str = ELLIPSIS) -> str:
    """Return ``text`` unchanged when it fits in ``limit``, else a tidy cut ending in ``ellipsis``.

    The result never exceeds ``limit`` as Discord counts it.
    """
    if limit <= 0:
        return ""
    if discord_length(text) <= limit:
        return text
    budget = limit - discord_length(ellipsis)
    if budget <= 0:
        return _prefix_within(ellipsis, limit)
    return _tidy_cut(_prefix_within(text, budget)) + ellipsis


def clean_user_text(text: str) -> str:
    """Remove control and bidi-override characters from user text before echoing it."""
    kept = [
        char
        for char in text
        if char in "\n\t" or (unicodedata.category(char) != "Cc" and char not in _BIDI_CONTROLS)
    ]
    return "".join(kept).strip()


def one_line(text: str, limit: int) -> str:
    """Collapse whitespace (newlines included) and cut to ``limit``: for titles and labels."""
    return truncate(" ".join(clean_user_text(text).split()), limit)
