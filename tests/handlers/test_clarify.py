""" "Did you mean": candidates as buttons, a pick answers, "None of these" is stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.client import Services
from bot.faq.matcher import FaqMatcher
from bot.faq.models import FaqDocument
from bot.faq.outcome import Candidate, MatchOutcome
from bot.store.questions import ANSWER, NONE_OF_THESE
from tests.handlers.conftest import SimClock, World, make_services
from tests.handlers.helpers import button_labels

UNSURE = "klonopin numbers"


class UnsureMatcher(FaqMatcher):
    """The real matcher, except that it is unsure about one question."""

    def match(self, question: str) -> MatchOutcome:
        if UNSURE in question:
            return MatchOutcome(
                "clarify",
                (Candidate("what-is-klonopin", 60.0), Candidate("misuse", 58.0)),
            )
        return super().match(question)


def unsure_matcher(document: FaqDocument) -> FaqMatcher:
    return UnsureMatcher(document)


@pytest.fixture
def services(faq_file: Path, tmp_path: Path, clock: SimClock) -> Iterator[Services]:
    built = make_services(faq_file, tmp_path / "bot.sqlite3", clock, matcher_factory=unsure_matcher)
    yield built
    built.database.close()


async def ask_unsure(world: World) -> None:
    await world.alice.send(world.general, f"{world.bot_mention} {UNSURE}")


async def test_clarify_offers_each_candidate_and_none_of_these(world: World) -> None:
    await ask_unsure(world)

    [reply] = world.bot_messages(world.general)
    assert reply.embeds[0].title == "Did you mean…"
    assert f"“{UNSURE}”" in (reply.embeds[0].description or "")
    assert button_labels(reply) == [
        "What is Klonopin?",
        "How many people misuse benzodiazepines?",
        "None of these",
    ]


async def test_picking_a_candidate_answers_privately_and_is_logged(world: World) -> None:
    await ask_unsure(world)
    [reply] = world.bot_messages(world.general)

    picked = await world.alice.click(reply, label="How many people misuse benzodiazepines?")

    assert picked.ephemeral
    assert picked.response is not None
    assert picked.response.embeds[0].title == "How many people misuse benzodiazepines?"
    latest = world.services.questions.list_questions()[0]
    assert (latest.kind, latest.query, latest.entry_id) == (ANSWER, UNSURE, "misuse")


async def test_none_of_these_is_stored_with_the_question_and_candidates(world: World) -> None:
    await ask_unsure(world)
    [reply] = world.bot_messages(world.general)

    result = await world.alice.click(reply, label="None of these")

    assert result.ephemeral
    [unanswered] = world.services.questions.unanswered()
    assert unanswered.kind == NONE_OF_THESE
    assert unanswered.query == UNSURE
    assert unanswered.candidates == ("what-is-klonopin", "misuse")


async def test_markdown_in_an_echoed_question_is_shown_not_obeyed(world: World) -> None:
    question = f"what about [click me](https://example.com) **{UNSURE}**?"
    await world.alice.send(world.general, f"{world.bot_mention} {question}")

    [reply] = world.bot_messages(world.general)
    description = reply.embeds[0].description or ""
    assert "](https://example.com)" not in description  # no masked link in the bot's embed
    assert "\\[click me\\]" in description
