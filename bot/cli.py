"""``faq-bot``: run the bot, chat in the console, ask for JSON answers, check the FAQ file.

``run`` (the default) starts the Discord bot when a token is configured and the console
chat otherwise. ``chat``, ``ask``, ``check`` and ``schema`` need no token and no network.
Exit codes: 0 success, 1 the checked files have errors, 2 bad settings, files or usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import io
import json
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO, TypeVar

from bot.alerts import build_alert
from bot.console import ConsoleChat, CrisisHook, preview_staff_alert
from bot.crisis.lexicon import check_lexicon
from bot.crisis.model import ModelFileError, read_model
from bot.escalation import EscalationService
from bot.faq.lint import DEFAULT_MAX_REVIEW_AGE_DAYS, lint_file
from bot.faq.loader import load_faq, validate_faq
from bot.faq.model import ModelFileError as FaqModelFileError
from bot.faq.model import read_model as read_faq_model
from bot.faq.opinion import Trust
from bot.faq.schema import faq_schema_text
from bot.pipeline import Pipeline, Reply
from bot.report.commands import register as register_report_commands
from bot.settings import Settings, SettingsError, load_settings
from bot.store.escalations import Origin, format_escalations
from bot.store.stores import Stores
from bot.wiring import build_pipeline, pipeline_for
from bot.yamlsource import DataFileError, Problem

PROG = "faq-bot"
MAX_CANDIDATES = 3
CONSOLE_NOTICE = "No DISCORD_TOKEN configured, so starting the console chat instead of Discord."


class _StopCommandError(Exception):
    """Stop a command with ``code`` after its message was printed."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``faq-bot`` and ``python -m bot``; returns the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help or a usage error
        return exc.code if isinstance(exc.code, int) else 2
    command: Callable[[argparse.Namespace], int] = args.handler
    try:
        return command(args)
    except _StopCommandError as stop:
        return stop.code
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Klonopin recovery FAQ and crisis-escalation bot.",
        epilog="Without a COMMAND, `run`. Settings come from the environment and .env.",
    )
    parser.set_defaults(handler=_run)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    run = commands.add_parser("run", help="start the Discord bot (console chat without a token)")
    run.set_defaults(handler=_run)

    chat = commands.add_parser("chat", help="talk to the bot in the console")
    chat.add_argument("--faq", type=Path, help="FAQ file (default: FAQ_PATH or faq.yaml)")
    chat.set_defaults(handler=_chat)

    ask = commands.add_parser(
        "ask", help="answer as JSON: the question given, or one object per line of stdin"
    )
    ask.add_argument("--faq", type=Path, help="FAQ file (default: FAQ_PATH or faq.yaml)")
    ask.add_argument("question", nargs="*", metavar="QUESTION", help="words of the question")
    ask.set_defaults(handler=_ask)

    check = commands.add_parser("check", help="validate the FAQ file and the crisis lexicon")
    check.add_argument(
        "path", nargs="?", type=Path, metavar="PATH", help="FAQ file (default: FAQ_PATH)"
    )
    check.add_argument(
        "--lexicon", type=Path, help="crisis lexicon (default: CRISIS_LEXICON_PATH or packaged)"
    )
    check.add_argument(
        "--strict", action="store_true", help="fail (exit 1) on warnings too, e.g. in a repo's CI"
    )
    check.add_argument(
        "--max-review-age",
        type=int,
        default=DEFAULT_MAX_REVIEW_AGE_DAYS,
        metavar="DAYS",
        help="warn when an entry was last reviewed longer ago than this (default %(default)s)",
    )
    check.set_defaults(handler=_check)

    register_report_commands(commands)

    schema = commands.add_parser("schema", help="print the JSON Schema of the FAQ file")
    schema.set_defaults(handler=_schema)

    escalations = commands.add_parser(
        "escalations", help="list stored crisis escalations and their state (no message text)"
    )
    escalations.add_argument("--limit", type=int, default=50, help="how many, newest first")
    escalations.add_argument(
        "--state", choices=["pending", "delivered", "claimed", "resolved"], help="only this state"
    )
    escalations.set_defaults(handler=_escalations)
    return parser


# --- shared steps ----------------------------------------------------------------------------


def _settings() -> Settings:
    try:
        return load_settings()
    except SettingsError as error:
        _err(f"{PROG}: {error}")
        raise _StopCommandError(2) from None


def _tolerate_bad_bytes() -> None:
    """Never crash on input that is not valid UTF-8 or output the terminal cannot show."""
    for stream in (sys.stdin, sys.stdout):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _report_bad_files(error: DataFileError) -> None:
    for problem in error.problems:
        _err(str(problem))
    _err(f"{PROG}: fix the file(s) above; `{PROG} check` lists every problem")


# --- commands --------------------------------------------------------------------------------


def _run(args: argparse.Namespace) -> int:
    del args
    settings = _settings()
    if not settings.has_token:
        print(CONSOLE_NOTICE, flush=True)
        return _start_chat(settings)
    try:
        client = importlib.import_module("bot.client")
    except ModuleNotFoundError as error:
        if error.name not in ("bot.client", "discord"):
            raise
        _err(f"{PROG}: the Discord client is not available ({error.name} is missing)")
        return 2
    run_bot: Callable[[Settings], object] = client.run_bot
    result = run_bot(settings)
    return result if isinstance(result, int) else 0


def _chat(args: argparse.Namespace) -> int:
    return _start_chat(_settings(), args.faq)


def console_crisis_hook(settings: Settings) -> CrisisHook:
    """What the console chat does on a crisis: record the escalation, then show the alert.

    The escalation is stored in ``settings.database_path`` before the alert text is built, as
    on Discord; when storage fails the console still shows the preview and says so.
    """

    def record_and_preview(reply: Reply) -> str | None:
        if reply.crisis is None:
            return None
        try:
            stores = Stores.open(settings.database_path)
        except (OSError, sqlite3.Error) as error:
            return f"{preview_staff_alert(reply)}\n(not recorded: {type(error).__name__})"
        try:
            service = EscalationService(
                stores.escalations,
                cooldown=dt.timedelta(minutes=settings.crisis_reply_cooldown_minutes),
                store_text=settings.store_message_text,
            )
            decision = service.handle(reply.crisis, Origin.console(), reply.query)
            if decision.escalation is None:
                return f"{preview_staff_alert(reply)}\n(not recorded: the database is busy)"
            stores.escalations.note_reply(decision.escalation.id, reply_sent=True, dm_sent=None)
            alert = build_alert(
                stores.escalations.get(decision.escalation.id) or decision.escalation,
                alerts_24h=decision.alerts_24h,
            )
            return (
                "STAFF ALERT (console: recorded in "
                f"{settings.database_path}, see `{PROG} escalations`)\n{alert.as_text()}"
            )
        finally:
            stores.close()

    return record_and_preview


def _start_chat(settings: Settings, faq_path: Path | None = None) -> int:
    _tolerate_bad_bytes()
    try:
        document = load_faq(faq_path or settings.faq_path)
        pipeline = pipeline_for(document, settings.crisis_lexicon_path)
    except DataFileError as error:
        _report_bad_files(error)
        return 2
    chat = ConsoleChat(pipeline, document, on_crisis=console_crisis_hook(settings))
    chat.run(sys.stdin, sys.stdout)
    return 0


def _ask(args: argparse.Namespace) -> int:
    _tolerate_bad_bytes()
    settings = _settings()
    try:
        pipeline = build_pipeline(args.faq or settings.faq_path, settings.crisis_lexicon_path)
    except DataFileError as error:
        _report_bad_files(error)
        return 2
    if args.question:
        _write_json(sys.stdout, ask_record(pipeline.respond(" ".join(args.question))))
        return 0
    answer_lines(pipeline, sys.stdin, sys.stdout)
    return 0


def answer_lines(pipeline: Pipeline, stdin: TextIO, stdout: TextIO) -> None:
    """One JSON object per input line, blank lines included, flushed as each is written."""
    for line in iter(stdin.readline, ""):
        query = line.removesuffix("\n").removesuffix("\r")
        _write_json(stdout, ask_record(pipeline.respond(query)))


def ask_record(reply: Reply) -> dict[str, Any]:
    """The ``ask`` contract for one reply: exactly the documented keys."""
    match = reply.match
    candidates = match.candidates[:MAX_CANDIDATES] if match is not None else ()
    crisis = reply.crisis
    return {
        "query": reply.query,
        "kind": reply.kind,
        "entry_id": reply.entry_id,
        "score": _score(match.score) if match is not None else 0.0,
        "candidates": [{"entry_id": c.entry_id, "score": _score(c.score)} for c in candidates],
        "crisis": (
            None if crisis is None else {"level": crisis.level, "category": crisis.category.value}
        ),
    }


def _score(value: float) -> float:
    return round(min(100.0, max(0.0, float(value))), 1)


def _write_json(stdout: TextIO, record: dict[str, Any]) -> None:
    stdout.write(json.dumps(record) + "\n")
    stdout.flush()


def _check(args: argparse.Namespace) -> int:
    settings = _settings() if args.path is None or args.lexicon is None else None
    faq_path: Path = args.path or (settings.faq_path if settings else Path("faq.yaml"))
    lexicon_path: Path | None = args.lexicon or (settings.crisis_lexicon_path if settings else None)
    document = validate_faq(faq_path).document
    problems = lint_file(faq_path, max_review_age_days=args.max_review_age)
    counts = f"{len(document.entries)} entries, {len(document.sources)} sources" if document else ""
    faq_ok = _report(str(faq_path), problems, counts, strict=args.strict)
    lexicon_name = str(lexicon_path) if lexicon_path else "crisis lexicon (packaged)"
    lexicon_ok = _report(lexicon_name, check_lexicon(lexicon_path), "valid", strict=args.strict)
    entry_ids = [entry.id for entry in document.entries] if document else []
    # Both models reported, whatever the first says.
    models_ok = [_check_model(), _check_faq_model(entry_ids)]
    return 0 if faq_ok and lexicon_ok and all(models_ok) else 1


_Model = TypeVar("_Model")


def _read_checked(
    read: Callable[[], _Model | None], what: str, alone: str
) -> tuple[bool, _Model | None]:
    """A packaged model for ``check``: (usable or missing, the model); prints what is wrong."""
    try:
        model = read()
    except (ModelFileError, FaqModelFileError) as error:
        print(f"error: {error}; {alone} until `make model` writes a new one")
        return False, None
    if model is None:
        print(f"note: no {what} file; {alone} (`make model` writes one)")
    return True, model


def _check_faq_model(entry_ids: Sequence[str]) -> bool:
    """Report on the packaged FAQ model: usable, missing or broken (the matcher alone).

    Entries the model has no class for (new or renamed since ``make model``) are answered
    by the matcher alone: a warning says which, never an error.
    """
    ok, model = _read_checked(read_faq_model, "FAQ model", "the matcher works alone")
    if model is None:
        return ok
    print(f"ok: FAQ model (packaged): {len(model.weights):,} features, {_trust_text(model.trust)}")
    unknown = [entry_id for entry_id in entry_ids if entry_id not in model.classes]
    if unknown:
        entries = "entry" if len(unknown) == 1 else "entries"
        print(
            f"FAQ model: warning: it has not learnt {len(unknown)} {entries} "
            f"({', '.join(unknown[:5])}{', ...' if len(unknown) > 5 else ''}); the matcher "
            "answers them alone until `make model` retrains it"
        )
    return True


def _trust_text(trust: Trust) -> str:
    """The FAQ model's trust levels in words ("confirms at 0.60, picks at 0.80, ...")."""
    parts = [f"confirms at {trust.confirm:.2f}"]
    if trust.pick <= 1.0:
        parts.append(f"picks at {trust.pick:.2f}")
    if trust.dissent <= 1.0:
        parts.append(f"dissents at {trust.dissent:.2f}")
    return ", ".join(parts)


def _check_model() -> bool:
    """Report on the packaged crisis model: usable, missing (rules alone) or broken."""
    ok, model = _read_checked(read_model, "crisis model", "the rules work alone")
    if model is not None:
        print(
            f"ok: crisis model (packaged): {len(model.weights):,} features, "
            f"alarm threshold {model.threshold:.2f}"
        )
    return ok


def _report(name: str, problems: Sequence[Problem], ok_text: str, *, strict: bool = False) -> bool:
    """Print every problem, then one summary line; True when there is no error.

    With ``strict``, warnings count as errors.
    """
    for problem in problems:
        print(problem)
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    warned = f", {_count(warnings, 'warning')}" if warnings else ""
    if errors or (strict and warnings):
        print(f"{name}: {_count(errors, 'error')}{warned}" + (" (--strict)" if not errors else ""))
        return False
    print(f"ok: {name}: {ok_text}{warned}")
    return True


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _schema(args: argparse.Namespace) -> int:
    del args
    sys.stdout.write(faq_schema_text())
    return 0


def _escalations(args: argparse.Namespace) -> int:
    settings = _settings()
    if not settings.database_path.exists():
        print(f"No escalations stored ({settings.database_path} does not exist yet).")
        return 0
    stores = Stores.open(settings.database_path)
    try:
        print(format_escalations(stores.escalations.list_recent(args.limit, args.state)))
    finally:
        stores.close()
    return 0
