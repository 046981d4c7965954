"""Suggested aliases as YAML a moderator can paste into ``faq.yaml``.

The output maps each entry id to a list of aliases. Suggestions that someone confirmed (the
asker, or people asking a similar question, picked the entry from "did you mean") are live
list items. The bot's unconfirmed best guesses are written as comments, so pasting the
output never adds an alias nobody checked: uncomment the ones that fit. Each line ends with
a comment saying how often it was asked. Questions are written as JSON strings, which are
valid YAML double-quoted strings, so no wording can break the file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from bot.report.model import AliasSuggestion, EntryNearMisses
from bot.report.wording import one_line

CONFIRMED = frozenset({"picked", "similar-picked"})


def _item(suggestion: AliasSuggestion, *, commented: bool) -> str:
    text = json.dumps(one_line(suggestion.text, 200), ensure_ascii=False)
    prefix = "  # - " if commented else "  - "
    return f"{prefix}{text}  # {suggestion.note()}"


def render_alias_yaml(entries: Sequence[EntryNearMisses], *, period: str = "") -> str:
    """YAML text: ``entry-id: [aliases]``, confirmed ones live, guesses commented out."""
    lines = [
        f"# Suggested aliases from the questions people asked{f', {period}' if period else ''}.",
        "# Read each one: does the entry's answer really answer it? Copy the lines you keep",
        "# under that entry's `aliases:` in faq.yaml, then run `faq-bot check`.",
        "# Lines starting with '# -' are the bot's own guesses that nobody confirmed:",
        "# remove the '# ' in front of the ones that fit (and of their entry id line).",
    ]
    body: list[str] = []
    for entry in entries:
        if not entry.suggestions:
            continue
        live = [s for s in entry.suggestions if s.basis in CONFIRMED]
        guesses = [s for s in entry.suggestions if s.basis not in CONFIRMED]
        if live:
            body.append(f"{entry.entry_id}:")
        else:
            body.append(f"# {entry.entry_id}:")
        body += [_item(s, commented=False) for s in live]
        body += [_item(s, commented=True) for s in guesses]
    if not body:
        lines += ["# Nothing to suggest: no near misses in this period.", "{}"]
    elif all(line.lstrip().startswith("#") for line in body):
        lines += [*body, "{}"]  # only commented guesses: still a valid, empty mapping
    else:
        lines += body
    return "\n".join(lines) + "\n"
