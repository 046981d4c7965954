"""The load run's traffic: a seeded mix of questions, chatter, mentions, DMs and crises.

Every planned message carries what the bot must do with it, worked out with the bot's own
core (the shipped ``faq.yaml``, the crisis detector, the help-channel question test), so the
run checks the real process against the same rules it runs on: a help-channel question gets
the entry the matcher picks, a mention or DM gets exactly one reply, chatter gets nothing, a
crisis gets one reply, one DM and one staff alert. Crisis messages come from distinct members
so the 15-minute crisis-reply cooldown never turns one into a reminder.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bot.crisis.detector import load_detector
from bot.faq.loader import load_faq
from bot.faq.matcher import FaqMatcher
from bot.faq.models import FaqDocument
from bot.pipeline import Pipeline
from bot.questions import looks_like_question
from tests.load.traffic import CRISIS_TEXTS

Kind = Literal["help", "mention", "dm", "chatter", "crisis"]
KINDS: tuple[Kind, ...] = ("help", "mention", "dm", "chatter", "crisis")
# Shares of the mix, by kind (a busy community: much chatter, a crisis now and then).
SHARES: dict[Kind, float] = {
    "help": 0.30,
    "mention": 0.15,
    "dm": 0.05,
    "chatter": 0.40,
    "crisis": 0.10,
}

CHATTER = (
    "good morning everyone",
    "day 12 of my taper and feeling ok today",
    "thanks for the support yesterday, it helped",
    "anyone else watching the game tonight",
    "lol same here",
    "my therapist is really skilled, glad i found her",
    "sleep was rough but i got a few hours",
    "walked my dog this morning, felt good to be outside",
    "congrats on 30 days!",
    "that workout was killing me lol",
    "i'm dying to see the new movie",
    "made soup for the week",
    "checking in, still here",
    "the weather is finally nice",
    "proud of you all",
    "just got back from my appointment",
)
CRISIS_PREFIXES = ("", "please help ", "honestly ", "")


@dataclass(frozen=True, slots=True)
class Planned:
    """One message the load run sends, and what the bot must do with it."""

    index: int
    kind: Kind
    text: str
    author: int  # index into the member list
    expected_entry: str | None = None  # help: the entry whose answer must come back
    room: int = 0  # which of the help (or chat) channels it goes to
    in_help: bool = False  # chatter posted in a help channel (the bot must stay silent there)

    @property
    def wants_reply(self) -> bool:
        """Whether the bot must reply to this message (exactly once)."""
        return self.kind != "chatter"


@dataclass(frozen=True, slots=True)
class Plan:
    """The whole run: messages in sending order and how many distinct members it needs."""

    messages: tuple[Planned, ...]
    members: int
    excluded: int  # candidate texts left out because the bot's own rules disagreed


def _questions(document: FaqDocument) -> list[str]:
    return [text for entry in document.entries for text in (entry.question, *entry.aliases)]


def plan_traffic(
    count: int, *, seed: int, faq_path: Path, rooms: int = 1, lexicon: Path | None = None
) -> Plan:
    """``count`` messages in a seeded random order over ``rooms`` help and chat channels."""
    rng = random.Random(seed)
    document = load_faq(faq_path)
    detector = load_detector(lexicon)
    pipeline = Pipeline(FaqMatcher(document), detector)
    excluded = 0

    help_pool: list[tuple[str, str]] = []
    ask_pool: list[str] = []
    for text in _questions(document):
        reply = pipeline.respond(text)
        if reply.crisis is not None:
            excluded += 1
            continue
        ask_pool.append(text)
        if reply.kind == "answer" and reply.entry_id and looks_like_question(text):
            help_pool.append((text, reply.entry_id))
        else:
            excluded += 1
    chatter = [t for t in CHATTER if detector.assess(t).crisis is None]
    excluded += len(CHATTER) - len(chatter)
    # Chatter the help-channel rule leaves alone: not a question, or no confident answer.
    help_chatter = [
        t for t in chatter if not looks_like_question(t) or pipeline.respond(t).kind != "answer"
    ]
    crises = [
        prefix + text
        for text in CRISIS_TEXTS
        for prefix in CRISIS_PREFIXES
        if detector.assess(prefix + text).crisis is not None
    ]

    kinds = rng.choices(KINDS, weights=[SHARES[k] for k in KINDS], k=count)
    regulars = 40  # members who ask and chat; every crisis gets a member of its own
    next_member = regulars
    messages: list[Planned] = []
    for index, kind in enumerate(kinds):
        author = rng.randrange(regulars)
        entry: str | None = None
        in_help = False
        if kind == "help":
            text, entry = rng.choice(help_pool)
        elif kind in ("mention", "dm"):
            text = rng.choice(ask_pool)
        elif kind == "chatter":
            in_help = rng.random() < 0.25
            text = rng.choice(help_chatter if in_help else chatter)
        else:
            text = rng.choice(crises)
            author, next_member = next_member, next_member + 1
        messages.append(Planned(index, kind, text, author, entry, rng.randrange(rooms), in_help))
    return Plan(tuple(messages), members=next_member, excluded=excluded)


def count_by_kind(messages: Sequence[Planned]) -> dict[Kind, int]:
    """How many planned messages of each kind."""
    return {kind: sum(1 for m in messages if m.kind == kind) for kind in KINDS}
