"""``faq-bot report`` and ``faq-bot suggest``: what people asked, and aliases to add.

``register(subparsers)`` adds both subcommands to the ``faq-bot`` parser; each sets
``handler`` to a function taking the parsed arguments and returning the exit code:
0 done, 2 bad settings, missing database or invalid FAQ file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from bot.crisis.detector import load_detector
from bot.faq.loader import validate_faq
from bot.faq.models import FaqDocument
from bot.report.alias_yaml import render_alias_yaml
from bot.report.build import build_report
from bot.report.html import render_html
from bot.report.markdown import render_markdown
from bot.report.model import Report
from bot.report.wording import period
from bot.settings import SettingsError, load_settings
from bot.store.migrations import SchemaVersionError
from bot.store.stores import Stores
from bot.yamlsource import DataFileError

PROG = "faq-bot"
DEFAULT_DAYS = 7


class _CommandError(Exception):
    """Stop the command: the message was meant for stderr, exit with 2."""


@dataclass(frozen=True, slots=True)
class _Inputs:
    database: Path
    document: FaqDocument
    lexicon: Path | None


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of days, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("days must be at least 1")
    return value


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, help="database (default: DATABASE_PATH)")
    parser.add_argument("--faq", type=Path, help="FAQ file (default: FAQ_PATH or faq.yaml)")
    parser.add_argument(
        "--days",
        type=_days,
        default=DEFAULT_DAYS,
        help=f"how many days back to look (default {DEFAULT_DAYS})",
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``report`` and ``suggest`` subcommands to the ``faq-bot`` parser."""
    report = subparsers.add_parser(
        "report",
        help="what people asked: most asked entries, fallbacks, helpfulness, near misses",
        description="Print the moderators' report as Markdown; --html also writes it as a "
        "web page with charts.",
    )
    _common(report)
    report.add_argument("--html", type=Path, metavar="FILE", help="also write an HTML report")
    report.set_defaults(handler=run_report)

    suggest = subparsers.add_parser(
        "suggest",
        help="print suggested aliases as YAML to paste into faq.yaml",
        description="Print the questions that nearly matched an entry, as YAML aliases per "
        "entry id, with how often each was asked.",
    )
    _common(suggest)
    suggest.set_defaults(handler=run_suggest)


def run_report(args: argparse.Namespace) -> int:
    """``faq-bot report``: Markdown on stdout, and the HTML file with ``--html``."""
    try:
        report = _build(args)
    except _CommandError as error:
        print(f"{PROG} report: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(render_markdown(report))
    if args.html is not None:
        try:
            args.html.write_text(render_html(report), encoding="utf-8")
        except OSError as error:
            print(f"{PROG} report: cannot write {args.html}: {error.strerror}", file=sys.stderr)
            return 2
        print(f"HTML report written to {args.html}", file=sys.stderr)
    return 0


def run_suggest(args: argparse.Namespace) -> int:
    """``faq-bot suggest``: the suggested aliases as YAML on stdout."""
    try:
        report = _build(args)
    except _CommandError as error:
        print(f"{PROG} suggest: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(render_alias_yaml(report.near_misses, period=period(report)))
    return 0


def _build(args: argparse.Namespace) -> Report:
    inputs = _inputs(args)
    try:
        detector = load_detector(inputs.lexicon)
    except DataFileError as error:
        raise _CommandError(f"the crisis lexicon is invalid:\n{error}") from None
    try:
        stores = Stores.open(inputs.database)
    except (sqlite3.DatabaseError, SchemaVersionError) as error:
        raise _CommandError(f"cannot read the database {inputs.database}: {error}") from None
    try:
        return build_report(
            stores,
            inputs.document,
            now=dt.datetime.now(dt.UTC),
            days=args.days,
            is_crisis=lambda text: detector.assess(text).crisis is not None,
        )
    finally:
        stores.close()


def _inputs(args: argparse.Namespace) -> _Inputs:
    database: Path | None = args.db
    faq: Path | None = args.faq
    lexicon: Path | None = None
    if database is None or faq is None:
        try:
            settings = load_settings()
        except SettingsError as error:
            raise _CommandError(str(error)) from None
        database = database or settings.database_path
        faq = faq or settings.faq_path
        lexicon = settings.crisis_lexicon_path
    if not database.is_file():
        raise _CommandError(
            f"no database at {database}: the bot stores what people ask there once it runs "
            "(set DATABASE_PATH or pass --db)"
        )
    check = validate_faq(faq)
    if check.document is None:
        problems = "\n".join(str(problem) for problem in check.errors)
        raise _CommandError(f"{faq} has errors; fix them first:\n{problems}")
    return _Inputs(database, check.document, lexicon)
