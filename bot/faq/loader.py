"""Load ``faq.yaml`` into a validated FaqDocument, reporting every problem at once.

Each problem reads ``PATH:LINE: where: message`` with ``where`` naming the entry id
(``entries[dosage].aliases[3]``), so a moderator can go straight to the line. Field
rules come from the pydantic models; rules that look across the document (duplicate
ids, clashing aliases, unknown source keys and related ids, Discord's embed limits)
are checked here on the raw YAML, so they are reported even when other parts are broken.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from pydantic import BaseModel, ValidationError

from bot.faq.models import (
    EMBED_DESCRIPTION_MAX,
    EMBED_FIELD_VALUE_MAX,
    EMBED_TITLE_MAX,
    Entry,
    FaqDocument,
    Source,
    Thresholds,
)
from bot.faq.normalise import normalise_text
from bot.render import EMBED_TOTAL_MAX, embed_length, sources_field
from bot.yamlsource import (
    DataFileError,
    LocatedYaml,
    Location,
    Problem,
    describe_location,
    duplicate_key_problems,
    load_located_yaml,
    validation_problems,
)

EXPECTED_TOP_LEVEL = "a mapping with 'sources:' and 'entries:'"


@dataclass(frozen=True, slots=True)
class FaqCheck:
    """Outcome of validating one FAQ file: the document when it has no errors, and problems."""

    path: str
    document: FaqDocument | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Problems that stop the file from loading."""
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Problems worth fixing that do not stop the file from loading."""
        return tuple(p for p in self.problems if p.severity != "error")


def load_faq(path: Path) -> FaqDocument:
    """Load and validate ``path``; raise DataFileError listing every error at once."""
    result = validate_faq(path)
    if result.document is None:
        raise DataFileError(result.errors)
    return result.document


def check_faq(path: Path) -> list[Problem]:
    """Every problem in ``path``, errors and warnings, in line order (empty when clean)."""
    return list(validate_faq(path).problems)


def validate_faq(path: Path) -> FaqCheck:
    """Read and validate ``path`` without raising."""
    shown = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return _failed(shown, "file not found")
    except IsADirectoryError:
        return _failed(shown, "is a directory, not a file")
    except OSError as exc:
        return _failed(shown, f"cannot read the file: {exc.strerror or exc}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return _failed(shown, "the file is not UTF-8 text; save it as UTF-8", line)
    return validate_faq_text(text, shown)


def validate_faq_text(text: str, path: str) -> FaqCheck:
    """Validate FAQ YAML ``text``; ``path`` is only used to label problems."""
    try:
        located = load_located_yaml(text, path)
    except DataFileError as exc:
        return FaqCheck(path, None, tuple(_with_quoting_hint(p) for p in exc.problems))
    data = located.data
    if data is None:
        return _failed(path, f"the file is empty; expected {EXPECTED_TOP_LEVEL}")
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else f"the value {data!r}"
        line = located.line_of(())
        return _failed(path, f"expected {EXPECTED_TOP_LEVEL} at the top, found {found}", line)

    problems = duplicate_key_problems(located, path)
    document: FaqDocument | None = None
    try:
        document = FaqDocument.model_validate(data)
    except ValidationError as exc:
        problems.extend(_field_problems(exc, located, path))
    problems.extend(_DocumentChecks(located, path).run())
    ordered = _in_line_order(problems)
    has_errors = any(p.severity == "error" for p in ordered)
    return FaqCheck(path, None if has_errors else document, ordered)


# YAML errors moderators meet when a question or alias needs quotes.
_QUOTING_TRAPS = ("mapping values are not allowed here", "but got '?'")
QUOTING_HINT = "put text that contains ': ' or ends with '?' inside [ ] in quotes"


def _with_quoting_hint(problem: Problem) -> Problem:
    if any(trap in problem.message for trap in _QUOTING_TRAPS):
        return dataclasses.replace(problem, message=f"{problem.message} ({QUOTING_HINT})")
    return problem


def _failed(path: str, message: str, line: int | None = None) -> FaqCheck:
    return FaqCheck(path, None, (Problem(path, line, message),))


def _in_line_order(problems: list[Problem]) -> tuple[Problem, ...]:
    unique = list(dict.fromkeys(problems))
    return tuple(sorted(unique, key=lambda p: p.line if p.line is not None else 0))


# --- field problems (pydantic), with clearer words for the common mistakes ---------------


def _field_problems(error: ValidationError, located: LocatedYaml, path: str) -> list[Problem]:
    problems = []
    for item, problem in zip(
        error.errors(), validation_problems(error, located, path), strict=True
    ):
        clearer = _clearer_message(item)
        if clearer is None:
            problems.append(problem)
        else:
            loc = item["loc"]
            if item["type"] in ("extra_forbidden", "missing"):
                loc = loc[:-1]
            where = describe_location(loc, located.data)
            problems.append(dataclasses.replace(problem, message=f"{where}: {clearer}"))
    return problems


def _clearer_message(item: Any) -> str | None:
    loc = item["loc"]
    field = loc[-1] if loc else ""
    kind: str = item["type"]
    value = item.get("input")
    if kind == "extra_forbidden":
        return _unknown_field_message(loc)
    if field in ("answer", "question") and (
        value is None or (kind == "string_too_short" and isinstance(value, str))
    ):
        return f"{field} is empty"
    if field == "question" and kind == "string_too_long":
        return (
            f"question is {len(str(value).strip())} characters; a Discord embed title "
            f"allows at most {EMBED_TITLE_MAX}"
        )
    if field == "answer" and kind == "string_too_long":
        return (
            f"answer is {len(str(value).strip())} characters; a Discord embed description "
            f"allows at most {EMBED_DESCRIPTION_MAX}"
        )
    if field == "reviewed" and kind.startswith("date"):
        return f"reviewed must be a date written like 2025-01-31, not {value!r}"
    if field == "id" and kind == "string_pattern_mismatch":
        return f"id {value!r} must be lower-case words joined by '-', like 'what-is-klonopin'"
    if field == "url" and kind == "string_pattern_mismatch":
        return f"url {value!r} must start with http:// or https://"
    if field == "sources" and kind == "too_short":
        return "an entry must cite at least one source"
    if field == "entries" and kind == "too_short":
        return "the file needs at least one entry"
    return None


def _unknown_field_message(loc: tuple[Any, ...]) -> str:
    """``unknown field 'x'``, with the nearest real field name when one is close."""
    model: type[BaseModel] = FaqDocument
    if len(loc) == 2 and loc[0] == "thresholds":
        model = Thresholds
    elif len(loc) == 3:
        model = Entry if loc[0] == "entries" else Source
    message = f"unknown field '{loc[-1]}'"
    close = difflib.get_close_matches(str(loc[-1]), list(model.model_fields), n=1, cutoff=0.6)
    return f"{message}; did you mean '{close[0]}'?" if close else message


# --- checks across the document, on the raw YAML ---------------------------------------------


@dataclass(frozen=True, slots=True)
class _Text:
    """A question or alias of one entry, with where it is."""

    entry_index: int
    entry_id: str
    kind: str
    label: str
    text: str
    loc: Location


class _DocumentChecks:
    """Rules that need more than one field: ids, references, clashes, embed size."""

    def __init__(self, located: LocatedYaml, path: str) -> None:
        self.located = located
        self.path = path
        data = located.data
        entries = data.get("entries")
        self.entries: list[tuple[int, dict[str, Any]]] = (
            [(i, e) for i, e in enumerate(entries) if isinstance(e, dict)]
            if isinstance(entries, list)
            else []
        )
        sources = data.get("sources")
        self.sources: dict[Any, Any] | None = sources if isinstance(sources, dict) else None
        self.problems: list[Problem] = []

    def run(self) -> list[Problem]:
        """Run every cross-document check and return what they found."""
        self._check_ids()
        self._check_references()
        self._check_text_clashes()
        self._check_synonyms()
        self._check_scope()
        self._check_thresholds()
        self._check_embed_sizes()
        return self.problems

    def _add(self, loc: Location, message: str, severity: str = "error") -> None:
        where = describe_location(loc, self.located.data)
        line = self.located.line_of(loc)
        self.problems.append(Problem(self.path, line, f"{where}: {message}", severity))

    def _ids(self) -> Iterator[tuple[int, str]]:
        for index, entry in self.entries:
            entry_id = entry.get("id")
            if isinstance(entry_id, str):
                yield index, entry_id

    def _check_ids(self) -> None:
        first_line: dict[str, int | None] = {}
        for index, entry_id in self._ids():
            loc = ("entries", index, "id")
            if entry_id in first_line:
                where = _at_line(first_line[entry_id])
                self._add(loc, f"id '{entry_id}' is already used by the entry{where}")
            else:
                first_line[entry_id] = self.located.line_of(loc)

    def _check_references(self) -> None:
        known_ids = {entry_id for _, entry_id in self._ids()}
        cited: set[str] = set()
        for index, entry in self.entries:
            for position, key in _strings(entry.get("sources")):
                loc = ("entries", index, "sources", position)
                cited.add(key)
                if self.sources is not None and key not in self.sources:
                    known = ", ".join(str(k) for k in self.sources) or "nothing yet"
                    self._add(loc, f"unknown source '{key}'; the sources table has: {known}")
            self._check_repeats(index, entry, "sources", "source")
            for position, related in _strings(entry.get("related")):
                loc = ("entries", index, "related", position)
                if related == entry.get("id"):
                    self._add(loc, "an entry cannot be related to itself")
                elif related not in known_ids:
                    self._add(loc, f"unknown entry id '{related}' in related")
            self._check_repeats(index, entry, "related", "related id")
        for key in self.sources or {}:
            if self.entries and key not in cited:
                self._add(("sources", key), f"source '{key}' is not cited by any entry", "warning")

    def _check_repeats(self, index: int, entry: dict[str, Any], field: str, what: str) -> None:
        seen: set[str] = set()
        for position, value in _strings(entry.get(field)):
            if value in seen:
                self._add(("entries", index, field, position), f"{what} '{value}' is listed twice")
            seen.add(value)

    def _texts(self) -> Iterator[_Text]:
        for index, entry in self.entries:
            entry_id = entry.get("id")
            name = entry_id if isinstance(entry_id, str) else f"#{index + 1}"
            question = entry.get("question")
            if isinstance(question, str):
                loc: Location = ("entries", index, "question")
                yield _Text(index, name, "question", "the question", question, loc)
            for position, alias in _strings(entry.get("aliases")):
                loc = ("entries", index, "aliases", position)
                yield _Text(index, name, "alias", f"alias {position + 1}", alias, loc)

    def _check_text_clashes(self) -> None:
        seen: dict[str, _Text] = {}
        for item in self._texts():
            folded = normalise_text(item.text)
            if not folded:
                self._add(item.loc, f"{item.kind} '{item.text}' has no letters or digits to match")
                continue
            earlier = seen.get(folded)
            if earlier is None:
                seen[folded] = item
                continue
            if earlier.entry_index == item.entry_index:
                owner = f"{earlier.label} of this entry"
            else:
                line = _at_line(self.located.line_of(earlier.loc))
                owner = f"{earlier.label} of entry '{earlier.entry_id}'{line}"
            self._add(
                item.loc,
                f"{item.kind} '{item.text}' is the same as {owner} once normalised "
                f"('{folded}'); remove one of them",
            )

    def _check_synonyms(self) -> None:
        synonyms = self.located.data.get("synonyms")
        if not isinstance(synonyms, dict):
            return
        owner: dict[str, str] = {}
        canonical = {normalise_text(str(key)): str(key) for key in synonyms}
        for key, words in synonyms.items():
            for position, word in _strings(words):
                folded = normalise_text(word)
                loc = ("synonyms", key, position)
                if folded in owner and owner[folded] != key:
                    self._add(
                        loc,
                        f"'{word}' is also listed under '{owner[folded]}'; keep it in one place",
                    )
                elif folded in canonical and canonical[folded] != key:
                    self._add(
                        loc,
                        f"'{word}' is itself a canonical term with its own list; "
                        "merge the two lists",
                        "warning",
                    )
                owner.setdefault(folded, str(key))

    def _check_scope(self) -> None:
        scope = self.located.data.get("scope")
        if not isinstance(scope, dict):
            return
        synonyms = self.located.data.get("synonyms")
        canonical = (
            {normalise_text(str(key)) for key in synonyms} if isinstance(synonyms, dict) else set()
        )
        for field in ("subject", "other_medicines", "never_in_passing"):
            for position, term in _strings(scope.get(field)):
                if normalise_text(term) not in canonical:
                    self._add(
                        ("scope", field, position),
                        f"'{term}' is not a canonical term of the synonyms table "
                        "(use the name on the left of a synonyms list)",
                    )

    def _check_thresholds(self) -> None:
        thresholds = self.located.data.get("thresholds")
        if not isinstance(thresholds, dict):
            return
        answer, clarify = thresholds.get("answer"), thresholds.get("clarify")
        if _is_number(answer) and _is_number(clarify) and clarify > answer:
            self._add(
                ("thresholds", "clarify"),
                f"clarify ({clarify}) must not be above answer ({answer})",
            )

    def _check_embed_sizes(self) -> None:
        valid_sources = self._valid_sources()
        for index, raw in self.entries:
            try:
                entry = Entry.model_validate(raw)
            except ValidationError:
                continue
            field_length = len(sources_field(entry, valid_sources))
            if field_length > EMBED_FIELD_VALUE_MAX:
                self._add(
                    ("entries", index, "sources"),
                    f"the numbered sources field would be {field_length} characters; a Discord "
                    f"embed field allows at most {EMBED_FIELD_VALUE_MAX} (cite fewer sources)",
                )
            total = embed_length(entry, valid_sources)
            if total > EMBED_TOTAL_MAX:
                self._add(
                    ("entries", index),
                    f"the answer embed would be {total} characters; Discord allows at most "
                    f"{EMBED_TOTAL_MAX} in one embed (shorten the answer)",
                )

    def _valid_sources(self) -> dict[str, Source]:
        valid: dict[str, Source] = {}
        for key, raw in (self.sources or {}).items():
            try:
                valid[str(key)] = Source.model_validate(raw)
            except ValidationError:
                continue
        return valid


def _strings(value: Any) -> Iterator[tuple[int, str]]:
    """Positions and values of the strings in ``value`` when it is a list."""
    if isinstance(value, list):
        for position, item in enumerate(value):
            if isinstance(item, str):
                yield position, item


def _is_number(value: object) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _at_line(line: int | None) -> str:
    return f" at line {line}" if line is not None else ""
