"""The console chat: the Discord bot's conversation, in a terminal, through the same Pipeline.

``ConsoleChat.respond`` turns one typed line into the text to print (pure apart from
the "did you mean" choices it remembers); ``ConsoleChat.run`` is the read-print loop
with injectable streams. Crisis replies are followed by the staff alert that would be
sent; ``on_crisis`` lets the caller record the escalation and supply that alert text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from bot.crisis.messages import crisis_reply, safety_line
from bot.crisis.result import CrisisResult
from bot.faq.models import Entry, FaqDocument
from bot.pipeline import Pipeline, Reply
from bot.render import DISCLAIMER, sources_text, topic_lines

CrisisHook = Callable[[Reply], str | None]

MAX_CHOICES = 3
QUIT_COMMANDS = frozenset({"/quit", "/exit"})
TOPICS_COMMAND = "/topics"
HELP_COMMAND = "/help"

WELCOME = (
    "Klonopin FAQ chat. Ask a question in your own words; "
    "/topics lists what I can answer, /quit leaves."
)
HELP = (
    "Type a question and press Enter. When I list numbered choices, type a number to pick one.\n"
    "/topics lists every question I can answer; /quit (or end of input) leaves."
)
GOODBYE = "Goodbye. Take care."


@dataclass(frozen=True, slots=True)
class Turn:
    """What the chat says back to one line, and whether the conversation ends."""

    text: str
    leave: bool = False


def describe_crisis(result: CrisisResult) -> str:
    """One line for staff: level, category and the terms that matched."""
    terms = ", ".join(result.terms) if result.terms else "none"
    return f"Level {result.level} · {result.category.value} · matched: {terms}"


def preview_staff_alert(reply: Reply) -> str | None:
    """The default crisis hook: show what staff would be sent, record nothing."""
    if reply.crisis is None:
        return None
    return (
        "STAFF ALERT (console preview: nothing was sent)\n"
        f"{describe_crisis(reply.crisis)}\n"
        "Staff would get a link to the message and Claim / Resolve buttons."
    )


def render_answer(entry: Entry, document: FaqDocument, *, safety_note: bool = False) -> str:
    """An answer as the console shows it: question, answer, numbered sources, footer."""
    lines = [entry.question, "", entry.answer]
    if safety_note:
        lines += ["", safety_line()]
    sources = sources_text(entry, document.sources)
    if sources:
        lines += ["", "Sources:", *(f"  {line}" for line in sources)]
    related = [document.entry(rid).question for rid in entry.related if _has(document, rid)]
    if related:
        lines += ["", "Related: " + " | ".join(related)]
    lines += ["", f"Reviewed {entry.reviewed.isoformat()}. {DISCLAIMER}"]
    return "\n".join(lines)


def render_choices(intro: str, questions: Sequence[str], outro: str) -> str:
    """A numbered list of questions between an introduction and a closing line."""
    numbered = [f"  {number}. {question}" for number, question in enumerate(questions, 1)]
    return "\n".join([intro, *numbered, outro])


def render_topics(document: FaqDocument) -> str:
    """Every topic, numbered, with how to pick one."""
    lines = [f"  {line}" for line in topic_lines(document)]
    return "\n".join(
        ["These are the questions I can answer:", *lines, "Type a number to read one."]
    )


def render_crisis(reply: Reply, alert: str | None) -> str:
    """The crisis reply and, below it, the staff alert text (when there is one)."""
    if reply.crisis is None:
        return ""
    text = crisis_reply(reply.crisis)
    return f"{text}\n\n{alert}" if alert else text


def _has(document: FaqDocument, entry_id: str) -> bool:
    return any(entry.id == entry_id for entry in document.entries)


class ConsoleChat:
    """One console conversation over a pipeline and the FAQ it answers from."""

    def __init__(
        self,
        pipeline: Pipeline,
        document: FaqDocument,
        *,
        on_crisis: CrisisHook = preview_staff_alert,
    ) -> None:
        self.pipeline = pipeline
        self.document = document
        self.on_crisis = on_crisis
        self._choices: tuple[str, ...] = ()
        self._choices_need_safety = False

    def respond(self, line: str) -> Turn:
        """What to print for one typed line."""
        text = line.strip()
        command = text.casefold()
        if command in QUIT_COMMANDS:
            return Turn(GOODBYE, leave=True)
        if command == HELP_COMMAND:
            return Turn(HELP)
        if command == TOPICS_COMMAND:
            self._offer(tuple(entry.id for entry in self.document.entries), safety=False)
            return Turn(render_topics(self.document))
        if not text:
            return Turn("")
        if text.isdigit() and self._choices:
            return Turn(self._pick(int(text)))
        return Turn(self._reply(self.pipeline.respond(text)))

    def run(self, stdin: TextIO, stdout: TextIO) -> None:
        """Read lines until ``/quit`` or end of input, printing each reply."""
        interactive = stdin.isatty()
        _say(stdout, WELCOME)
        while True:
            if interactive:
                stdout.write("> ")
                stdout.flush()
            line = stdin.readline()
            if not line:
                _say(stdout, ("\n" if interactive else "") + GOODBYE)
                return
            turn = self.respond(line)
            if turn.text:
                _say(stdout, turn.text)
            if turn.leave:
                return

    def _offer(self, entry_ids: tuple[str, ...], *, safety: bool) -> None:
        self._choices = entry_ids
        self._choices_need_safety = safety

    def _pick(self, number: int) -> str:
        if number == 0:
            self._offer((), safety=False)
            return "OK. Try asking in other words, or type /topics to see what I can answer."
        if not 1 <= number <= len(self._choices):
            return f"Type a number from 1 to {len(self._choices)}, or ask a question."
        entry = self.document.entry(self._choices[number - 1])
        safety = self._choices_need_safety
        self._offer((), safety=False)
        return render_answer(entry, self.document, safety_note=safety)

    def _reply(self, reply: Reply) -> str:
        safety = reply.assessment.safety_note
        if reply.kind == "crisis":
            self._offer((), safety=False)
            return render_crisis(reply, self.on_crisis(reply))
        match = reply.match
        if reply.kind == "answer" and match is not None and match.entry_id is not None:
            self._offer((), safety=False)
            entry = self.document.entry(match.entry_id)
            return render_answer(entry, self.document, safety_note=safety)
        if reply.kind == "clarify" and match is not None and match.candidates:
            ids = tuple(candidate.entry_id for candidate in match.candidates[:MAX_CHOICES])
            self._offer(ids, safety=safety)
            text = render_choices(
                "I'm not sure which question you mean. Did you mean:",
                [self.document.entry(entry_id).question for entry_id in ids],
                "Type a number to choose, 0 for none of these, or ask in other words.",
            )
            return _with_safety(text, safety)
        self._offer(tuple(entry.id for entry in self.document.entries), safety=safety)
        text = render_choices(
            "Sorry, the FAQ has no answer to that. These are the questions I can answer:",
            [entry.question for entry in self.document.entries],
            "Type a number to read one, or ask in other words. For anything else, ask staff.",
        )
        return _with_safety(text, safety)


def _with_safety(text: str, safety: bool) -> str:
    return f"{safety_line()}\n\n{text}" if safety else text


def _say(stdout: TextIO, text: str) -> None:
    stdout.write(text + "\n\n")
    stdout.flush()
