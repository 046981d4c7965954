"""The FAQ the running bot answers from, swapped whole on reload, and only when valid.

A bad edit of ``faq.yaml`` must never empty the bot: ``reload`` validates the file completely,
builds a new matcher and pipeline, and replaces the current ones in one assignment only when
everything succeeded; otherwise the last good version keeps answering and the problems come back
line by line. No discord import: the moderator cog and a file watcher both drive it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.faq.last_good import keep_last_good
from bot.faq.lint import lint_faq
from bot.faq.loader import FaqCheck, load_faq, validate_faq, validate_faq_text
from bot.faq.matcher import FaqMatcher
from bot.faq.models import FaqDocument
from bot.pipeline import CrisisDetector, Pipeline
from bot.yamlsource import DataFileError, Problem, load_located_yaml

MatcherFactory = Callable[[FaqDocument], FaqMatcher]


def file_digest(path: Path) -> str | None:
    """SHA-256 of the file's bytes, or None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@dataclass(frozen=True, slots=True)
class FaqSnapshot:
    """One loaded version of the FAQ with everything built from it."""

    document: FaqDocument
    matcher: FaqMatcher
    pipeline: Pipeline
    file_hash: str | None
    loaded_at: dt.datetime


@dataclass(frozen=True, slots=True)
class FaqChanges:
    """Entry ids added, removed and edited between two versions."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    edited: tuple[str, ...] = ()

    @property
    def any(self) -> bool:
        """True when at least one entry changed."""
        return bool(self.added or self.removed or self.edited)

    def describe(self) -> str:
        """One line for moderators, e.g. ``added: dosage; edited: mania``."""
        parts = [
            f"{label}: {', '.join(ids)}"
            for label, ids in (
                ("added", self.added),
                ("removed", self.removed),
                ("edited", self.edited),
            )
            if ids
        ]
        return "; ".join(parts) if parts else "no entry changed"


def compare_documents(old: FaqDocument, new: FaqDocument) -> FaqChanges:
    """What changed, entry by entry, from ``old`` to ``new``."""
    before = {entry.id: entry for entry in old.entries}
    after = {entry.id: entry for entry in new.entries}
    return FaqChanges(
        added=tuple(entry_id for entry_id in after if entry_id not in before),
        removed=tuple(entry_id for entry_id in before if entry_id not in after),
        edited=tuple(
            entry_id
            for entry_id, entry in after.items()
            if entry_id in before and before[entry_id] != entry
        ),
    )


@dataclass(frozen=True, slots=True)
class ReloadOutcome:
    """Result of one reload attempt: swapped in, or refused with every problem."""

    ok: bool
    path: Path
    file_hash: str | None
    entry_count: int
    changes: FaqChanges
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    trigger: str = "manual"

    def summary(self) -> str:
        """One line for moderators and the reload log."""
        if not self.ok:
            noun = "error" if len(self.problems) == 1 else "errors"
            return (
                f"refused: {len(self.problems)} {noun} in {self.path.name}; still answering from "
                f"the last good version ({self.entry_count} entries)"
            )
        warned = f", {len(self.warnings)} warning(s)" if self.warnings else ""
        changes = self.changes.describe()
        return f"reloaded {self.path.name}: {self.entry_count} entries; {changes}{warned}"


class LiveFaq:
    """Holds the current FAQ snapshot and replaces it atomically on a valid reload."""

    def __init__(
        self,
        path: Path,
        document: FaqDocument,
        detector: CrisisDetector,
        *,
        matcher_factory: MatcherFactory = FaqMatcher,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        last_good: Path | None = None,
    ) -> None:
        self.path = path
        self.detector = detector
        # Where every successfully reloaded version is copied (``bot.faq.last_good``).
        self.last_good = last_good
        self._matcher_factory = matcher_factory
        self._clock = clock
        self._snapshot = self._build(document, file_digest(path))
        self._last_attempt_hash = self._snapshot.file_hash

    @classmethod
    def from_file(
        cls,
        path: Path,
        detector: CrisisDetector,
        *,
        matcher_factory: MatcherFactory = FaqMatcher,
        last_good: Path | None = None,
    ) -> LiveFaq:
        """Load ``path`` (raising ``DataFileError`` when invalid) and hold it."""
        return cls(
            path, load_faq(path), detector, matcher_factory=matcher_factory, last_good=last_good
        )

    def _build(self, document: FaqDocument, file_hash: str | None) -> FaqSnapshot:
        matcher = self._matcher_factory(document)
        return FaqSnapshot(
            document=document,
            matcher=matcher,
            pipeline=Pipeline(matcher, self.detector),
            file_hash=file_hash,
            loaded_at=self._clock(),
        )

    @property
    def snapshot(self) -> FaqSnapshot:
        """The version answering right now."""
        return self._snapshot

    @property
    def document(self) -> FaqDocument:
        """The current FAQ document."""
        return self._snapshot.document

    @property
    def matcher(self) -> FaqMatcher:
        """The current matcher."""
        return self._snapshot.matcher

    @property
    def pipeline(self) -> Pipeline:
        """The current pipeline (crisis check, then this FAQ)."""
        return self._snapshot.pipeline

    def changed_on_disk(self) -> bool:
        """True when the file's bytes differ from the version answering now."""
        return file_digest(self.path) != self._snapshot.file_hash

    def reload_if_changed(self, *, trigger: str = "watcher") -> ReloadOutcome | None:
        """Reload when the file changed since the last attempt; None when it did not.

        A broken file is reported once, not on every check, until it changes again.
        """
        digest = file_digest(self.path)
        if digest is None or digest == self._last_attempt_hash:
            return None
        return self.reload(trigger=trigger)

    def _refused(
        self, problems: tuple[Problem, ...], file_hash: str | None, trigger: str
    ) -> ReloadOutcome:
        return ReloadOutcome(
            ok=False,
            path=self.path,
            file_hash=file_hash,
            entry_count=len(self._snapshot.document.entries),
            changes=FaqChanges(),
            problems=problems,
            trigger=trigger,
        )

    def _read_and_validate(self) -> tuple[str | None, str | None, FaqCheck]:
        """Hash and validate the same bytes, so the hash names what was checked."""
        try:
            raw = self.path.read_bytes()
            text = raw.decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return file_digest(self.path), None, validate_faq(self.path)
        return hashlib.sha256(raw).hexdigest(), text, validate_faq_text(text, str(self.path))

    def _lint(self, text: str | None, snapshot: FaqSnapshot, changes: FaqChanges) -> list[Problem]:
        """Lint warnings for the entries this reload added or edited (never blocking)."""
        changed = (*changes.added, *changes.edited)
        if text is None or not changed:
            return []
        try:
            located = load_located_yaml(text, str(self.path))
        except DataFileError:
            return []
        return lint_faq(
            snapshot.document,
            path=str(self.path),
            located=located,
            matcher=snapshot.matcher,
            entry_ids=changed,
        )

    def reload(self, *, trigger: str = "manual") -> ReloadOutcome:
        """Validate the file and swap it in only when valid; never raises for a bad file."""
        file_hash, text, check = self._read_and_validate()
        self._last_attempt_hash = file_hash
        current = self._snapshot
        document = check.document
        if document is None:
            return self._refused(check.errors, file_hash, trigger)
        try:
            fresh = self._build(document, file_hash)
        except Exception as error:  # a matcher that cannot be built must not empty the bot
            problem = Problem(str(self.path), None, f"could not build the matcher: {error}")
            return self._refused((problem,), file_hash, trigger)
        self._snapshot = fresh
        if text is not None:
            keep_last_good(text.encode("utf-8"), self.last_good)
        changes = compare_documents(current.document, document)
        warnings = list(check.warnings)
        warnings += [w for w in self._lint(text, fresh, changes) if w not in warnings]
        return ReloadOutcome(
            ok=True,
            path=self.path,
            file_hash=file_hash,
            entry_count=len(document.entries),
            changes=changes,
            warnings=tuple(warnings),
            trigger=trigger,
        )
