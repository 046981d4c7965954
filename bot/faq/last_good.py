"""The last ``faq.yaml`` that loaded cleanly, kept so a broken file never silences the bot.

After every successful load or reload the exact bytes are copied, atomically (a temporary file
in the same folder, flushed, then ``os.replace``), to ``faq.last-good.yaml`` next to the
database. At start-up ``load_faq_or_last_good`` loads ``faq.yaml``; when that file is corrupt
or truncated it answers from the copy instead and logs one line naming the file and line of
the first problem; with no usable copy either it raises ``NoUsableFaqError``, whose message
says what to fix. A crash while saving leaves the previous copy whole: ``os.replace`` swaps
the name in one step, and a stray temporary file is never read.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from bot.faq.loader import FaqCheck, validate_faq, validate_faq_text
from bot.faq.models import FaqDocument
from bot.yamlsource import DataFileError, Problem

log = logging.getLogger(__name__)

LAST_GOOD_NAME = "faq.last-good.yaml"
MEMORY_DATABASE = ":memory:"


class LoadedFaq(NamedTuple):
    """The FAQ to answer from, whether it came from the last good copy, and what was wrong.

    ``problems`` are those of the main file: its errors when the copy was used, else its
    warnings (often none).
    """

    document: FaqDocument
    used_backup: bool
    problems: tuple[Problem, ...]


class NoUsableFaqError(DataFileError):
    """Neither the FAQ file nor a last good copy of it could be loaded."""

    def __init__(
        self,
        path: Path,
        backup: Path | None,
        problems: Sequence[Problem],
        backup_problems: Sequence[Problem] = (),
    ) -> None:
        super().__init__([*problems, *backup_problems])
        self.path = path
        self.backup = backup
        self.file_problems = tuple(problems)
        self.backup_problems = tuple(backup_problems)

    @property
    def summary(self) -> str:
        """One line saying why the bot cannot start and what to do."""
        count = len(self.file_problems)
        noun = "error" if count == 1 else "errors"
        if self.backup is None:
            copy = "no last good copy is kept (the database is in memory)"
        elif self.backup_problems:
            copy = f"the last good copy {self.backup} cannot be loaded either"
        else:
            copy = f"there is no last good copy at {self.backup} yet"
        return (
            f"cannot start: {self.path} has {count} {noun} (listed above) and {copy}; "
            "fix the file (`faq-bot check` lists every problem) and start again"
        )


def last_good_path(database_path: Path | str) -> Path | None:
    """Where the copy is kept: ``faq.last-good.yaml`` next to the database (None in memory)."""
    if str(database_path) == MEMORY_DATABASE:
        return None
    return Path(database_path).parent / LAST_GOOD_NAME


def save_last_good(data: bytes, backup: Path) -> None:
    """Write ``data`` to ``backup`` atomically (temp file, fsync, ``os.replace``)."""
    backup.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{backup.name}.", suffix=".tmp", dir=backup.parent
    )
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, backup)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _sync_folder(backup.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        log.debug("could not fsync %s after saving the last good FAQ", folder)
    finally:
        os.close(descriptor)


def keep_last_good(data: bytes, backup: Path | None) -> bool:
    """Save a copy unless it is already current; never raises (a failure is logged)."""
    if backup is None:
        return False
    try:
        if backup.is_file() and backup.read_bytes() == data:
            return True
        save_last_good(data, backup)
    except OSError as error:
        log.warning("could not save the last good FAQ copy %s: %s", backup, error.strerror or error)
        return False
    return True


def _read_and_check(path: Path) -> tuple[bytes | None, FaqCheck]:
    """The file's bytes and their validation (validated from the same bytes that are saved)."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None, validate_faq(path)
    return raw, validate_faq_text(text, str(path))


def load_faq_or_last_good(path: Path, backup: Path | None) -> LoadedFaq:
    """Load ``path`` (keeping a copy at ``backup``), or fall back to that copy.

    Raises ``NoUsableFaqError`` when neither loads. Logs one line when the copy is used.
    """
    raw, check = _read_and_check(path)
    if check.document is not None and raw is not None:
        keep_last_good(raw, backup)
        return LoadedFaq(check.document, used_backup=False, problems=check.warnings)
    errors = check.errors
    if backup is None or not backup.is_file():
        raise NoUsableFaqError(path, backup, errors)
    _, backup_check = _read_and_check(backup)
    if backup_check.document is None:
        raise NoUsableFaqError(path, backup, errors, backup_check.errors)
    log.error(fallback_message(errors, backup))
    return LoadedFaq(backup_check.document, used_backup=True, problems=errors)


def fallback_message(problems: Sequence[Problem], backup: Path) -> str:
    """The one log line for a start from the copy: the first problem, and which copy answers."""
    first = str(problems[0]) if problems else "the file could not be loaded"
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return (
        f"{first}{more}; answering from the last good copy {backup} "
        f"(saved {_saved_at(backup)}) until the file is fixed"
    )


def _saved_at(backup: Path) -> str:
    try:
        moment = dt.datetime.fromtimestamp(backup.stat().st_mtime, dt.UTC)
    except OSError:
        return "at an unknown time"
    return moment.strftime("%Y-%m-%d %H:%M UTC")
