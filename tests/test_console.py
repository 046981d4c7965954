"""The console chat: what a person typing in a terminal sees, turn by turn."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.console import GOODBYE, WELCOME, ConsoleChat, preview_staff_alert
from bot.crisis.messages import crisis_reply, safety_line
from bot.crisis.result import Assessment, Category, CrisisResult
from bot.faq.loader import load_faq
from bot.faq.models import FaqDocument
from bot.faq.outcome import Candidate, MatchOutcome
from bot.pipeline import Pipeline, Reply

OVERDOSE = CrisisResult(level=1, category=Category.OVERDOSE, terms=("whole bottle",))
FALLBACK = MatchOutcome("fallback", (Candidate("misuse", 20.0),))


class FakeMatcher:
    """Answers from a fixed table; anything else falls back."""

    def __init__(self, outcomes: dict[str, MatchOutcome]) -> None:
        self.outcomes = outcomes
        self.asked: list[str] = []

    def match(self, question: str) -> MatchOutcome:
        self.asked.append(question)
        return self.outcomes.get(question, FALLBACK)


class FakeDetector:
    """Flags the messages in its table."""

    def __init__(self, verdicts: dict[str, Assessment] | None = None) -> None:
        self.verdicts = verdicts or {}

    def assess(self, text: str) -> Assessment:
        return self.verdicts.get(text, Assessment())


OUTCOMES = {
    "what is kpin": MatchOutcome("answer", (Candidate("what-is-klonopin", 91.0),)),
    "benzos": MatchOutcome(
        "clarify", (Candidate("what-is-klonopin", 66.0), Candidate("misuse", 64.0))
    ),
    "can you overdose on benzos": MatchOutcome(
        "clarify", (Candidate("what-is-klonopin", 60.0), Candidate("misuse", 58.0))
    ),
}
VERDICTS = {
    "i took the whole bottle": Assessment(OVERDOSE),
    "can you overdose on benzos": Assessment(safety_note=True),
}


@pytest.fixture
def document(faq_file: Path) -> FaqDocument:
    return load_faq(faq_file)


@pytest.fixture
def matcher() -> FakeMatcher:
    return FakeMatcher(OUTCOMES)


@pytest.fixture
def chat(document: FaqDocument, matcher: FakeMatcher) -> ConsoleChat:
    return ConsoleChat(Pipeline(matcher, FakeDetector(VERDICTS)), document)


def test_answer_shows_question_answer_numbered_sources_and_footer(chat: ConsoleChat) -> None:
    text = chat.respond("what is kpin").text
    assert text.splitlines()[0] == "What is Klonopin?"
    assert "Klonopin is the brand name of clonazepam, a benzodiazepine." in text
    assert (
        "  1. Clonazepam. Basit, H., & Kahwaji, C. I. (2023). StatPearls. "
        "https://www.ncbi.nlm.nih.gov/books/NBK556010/"
    ) in text.splitlines()
    assert "Related: How many people misuse benzodiazepines?" in text
    assert text.splitlines()[-1].startswith("Reviewed 2025-01-15.")
    assert safety_line() not in text


def test_clarify_lists_numbered_choices_and_a_number_picks_one(
    chat: ConsoleChat, matcher: FakeMatcher
) -> None:
    text = chat.respond("benzos").text
    assert "  1. What is Klonopin?" in text
    assert "  2. How many people misuse benzodiazepines?" in text
    picked = chat.respond("2").text
    assert picked.splitlines()[0] == "How many people misuse benzodiazepines?"
    assert "1. Benzodiazepine Use and Misuse Among Adults in the United States." in picked
    assert matcher.asked == ["benzos"]
    # The choice was used up: a later number is an ordinary message again.
    chat.respond("2")
    assert matcher.asked == ["benzos", "2"]


def test_a_number_out_of_range_asks_again_and_keeps_the_choices(chat: ConsoleChat) -> None:
    chat.respond("benzos")
    assert chat.respond("7").text == "Type a number from 1 to 2, or ask a question."
    assert chat.respond("1").text.startswith("What is Klonopin?")


def test_zero_means_none_of_these(chat: ConsoleChat, matcher: FakeMatcher) -> None:
    chat.respond("benzos")
    assert "ask" in chat.respond("0").text
    chat.respond("1")
    assert matcher.asked == ["benzos", "1"]


def test_fallback_says_so_and_lists_the_topics(chat: ConsoleChat) -> None:
    text = chat.respond("what time is the meeting").text
    assert text.startswith("Sorry, the FAQ has no answer to that.")
    assert "  1. What is Klonopin?" in text
    assert "  2. How many people misuse benzodiazepines?" in text
    assert chat.respond("1").text.startswith("What is Klonopin?")


def test_topics_command_lists_every_question(chat: ConsoleChat, matcher: FakeMatcher) -> None:
    text = chat.respond("/topics").text
    assert "  1. What is Klonopin?\n  2. How many people misuse benzodiazepines?" in text
    assert chat.respond("2").text.startswith("How many people misuse benzodiazepines?")
    assert matcher.asked == []


def test_crisis_prints_the_reply_then_the_staff_alert(chat: ConsoleChat) -> None:
    text = chat.respond("i took the whole bottle").text
    reply, alert = text.split("\n\n", 1)
    assert reply == crisis_reply(OVERDOSE)
    assert alert.startswith("STAFF ALERT")
    assert "Level 1 · overdose · matched: whole bottle" in alert


def test_crisis_hook_gets_the_reply_and_supplies_the_alert(
    document: FaqDocument, matcher: FakeMatcher
) -> None:
    seen: list[Reply] = []

    def record(reply: Reply) -> str:
        seen.append(reply)
        return "escalation #7 recorded"

    chat = ConsoleChat(Pipeline(matcher, FakeDetector(VERDICTS)), document, on_crisis=record)
    text = chat.respond("i took the whole bottle").text
    assert text == f"{crisis_reply(OVERDOSE)}\n\nescalation #7 recorded"
    assert [reply.crisis for reply in seen] == [OVERDOSE]
    assert matcher.asked == []


def test_crisis_hook_may_return_nothing(document: FaqDocument, matcher: FakeMatcher) -> None:
    chat = ConsoleChat(
        Pipeline(matcher, FakeDetector(VERDICTS)), document, on_crisis=lambda reply: None
    )
    assert chat.respond("i took the whole bottle").text == crisis_reply(OVERDOSE)


def test_safety_note_is_added_and_survives_a_clarify_pick(chat: ConsoleChat) -> None:
    clarify = chat.respond("can you overdose on benzos").text
    assert clarify.startswith(safety_line())
    assert safety_line() in chat.respond("1").text


def test_safety_note_on_a_direct_answer(document: FaqDocument) -> None:
    matcher = FakeMatcher({"overdose?": OUTCOMES["what is kpin"]})
    detector = FakeDetector({"overdose?": Assessment(safety_note=True)})
    text = ConsoleChat(Pipeline(matcher, detector), document).respond("overdose?").text
    assert f"a benzodiazepine.\n\n{safety_line()}" in text


def test_default_alert_preview_names_level_category_and_terms() -> None:
    reply = Reply("crisis", "x", None, Assessment(OVERDOSE))
    preview = preview_staff_alert(reply)
    assert preview is not None
    assert "nothing was sent" in preview
    assert "Level 1 · overdose · matched: whole bottle" in preview


def _run(chat: ConsoleChat, typed: str) -> str:
    out = io.StringIO()
    chat.run(io.StringIO(typed), out)
    return out.getvalue()


def test_run_quits_on_quit_without_reading_further(chat: ConsoleChat, matcher: FakeMatcher) -> None:
    output = _run(chat, "what is kpin\n/quit\nbenzos\n")
    assert output.startswith(WELCOME)
    assert "What is Klonopin?" in output
    assert output.rstrip().endswith(GOODBYE)
    assert matcher.asked == ["what is kpin"]


def test_run_ends_at_end_of_input_and_skips_blank_lines(
    chat: ConsoleChat, matcher: FakeMatcher
) -> None:
    output = _run(chat, "\n   \nbenzos\n2")
    assert "Did you mean" in output
    assert "How many people misuse benzodiazepines?\n\nA 2019 study" in output
    assert output.rstrip().endswith(GOODBYE)
    assert matcher.asked == ["benzos"]
    assert "> " not in output  # no prompts when the input is not a terminal
