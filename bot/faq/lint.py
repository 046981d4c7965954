"""Warnings about a valid FAQ file that a moderator can act on; they never block a reload.

Validation (``bot.faq.loader``) says whether the file can be used at all. Linting asks
whether it works as intended, by running the real matcher over the file's own texts:

- an alias that matches another entry better than its own (a member asking it that way
  gets the other answer), or that does not get its entry's answer at all ("did you
  mean", or no answer);
- an entry whose own question does not come back as that entry;
- aliases so close to another text of the same entry that one adds nothing (the same
  after folding case and punctuation, a fuzzy ratio of ``NEAR_DUPLICATE_RATIO`` or more,
  or the same words once synonyms are applied, which is all the matcher sees);
- a ``reviewed`` date older than the allowed age (or in the future: a typo);
- a source that no entry cites.

Every warning reads ``PATH:LINE: warning: entries[id].aliases[3]: ...`` when the
line-numbered YAML is given, like the loader's errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from bot.faq.analysis import surface_words
from bot.faq.loader import validate_faq
from bot.faq.matcher import FaqMatcher
from bot.faq.models import Entry, FaqDocument
from bot.faq.normalise import normalise_text
from bot.faq.outcome import MatchOutcome
from bot.yamlsource import LocatedYaml, Location, Problem, load_located_yaml

WARNING = "warning"
DEFAULT_MAX_REVIEW_AGE_DAYS = 365
NEAR_DUPLICATE_RATIO = 95.0
SAME_WORDS = "the matcher reads it (synonyms and word endings applied) as the same words as"


@dataclass(frozen=True, slots=True)
class _Text:
    """A question or alias of one entry, with its place in the file."""

    label: str  # "the question" or "alias 3"
    text: str
    loc: Location
    where: str  # entries[dosage].aliases[3]


def lint_faq(
    document: FaqDocument,
    *,
    path: str,
    located: LocatedYaml | None = None,
    max_review_age_days: int = DEFAULT_MAX_REVIEW_AGE_DAYS,
    today: dt.date | None = None,
    matcher: FaqMatcher | None = None,
    entry_ids: Collection[str] | None = None,
) -> list[Problem]:
    """Every warning about ``document``, in line order; ``located`` adds line numbers.

    ``matcher`` saves rebuilding one already built for ``document``. ``entry_ids`` limits
    the per-entry checks to those entries (say, the ones a reload added or edited: running
    the matcher on every alias grows with the FAQ); unused sources are always checked.
    """
    linter = _Linter(document, path, located, matcher or FaqMatcher(document), entry_ids)
    linter.check_questions()
    linter.check_aliases()
    linter.check_redundant_aliases()
    linter.check_review_dates(today or dt.datetime.now(dt.UTC).date(), max_review_age_days)
    linter.check_unused_sources()
    return linter.in_line_order()


def lint_file(
    path: Path,
    *,
    max_review_age_days: int = DEFAULT_MAX_REVIEW_AGE_DAYS,
    today: dt.date | None = None,
) -> list[Problem]:
    """Every problem in the FAQ file: the loader's errors and warnings, then lint warnings.

    Lint runs only when the file is valid (it needs the loaded document). A problem both
    the loader and lint report (an unused source) is listed once. In line order.
    """
    shown = str(path)
    check = validate_faq(path)
    problems = list(check.problems)
    if check.document is not None:
        located = load_located_yaml(path.read_text(encoding="utf-8"), shown)
        problems += lint_faq(
            check.document,
            path=shown,
            located=located,
            max_review_age_days=max_review_age_days,
            today=today,
        )
    return _line_order(problems)


class _Linter:
    """Collects warnings about one document."""

    def __init__(
        self,
        document: FaqDocument,
        path: str,
        located: LocatedYaml | None,
        matcher: FaqMatcher,
        entry_ids: Collection[str] | None = None,
    ) -> None:
        self.document = document
        self.entry_ids = None if entry_ids is None else frozenset(entry_ids)
        self.path = path
        self.located = located
        self.matcher = matcher
        self.problems: list[Problem] = []

    # -- helpers ---------------------------------------------------------------------------

    def _warn(self, loc: Location, where: str, message: str) -> None:
        line = self.located.line_of(loc) if self.located is not None else None
        self.problems.append(Problem(self.path, line, f"{where}: {message}", WARNING))

    def _line(self, loc: Location) -> str:
        line = self.located.line_of(loc) if self.located is not None else None
        return f" (line {line})" if line is not None else ""

    def _texts(self, index: int, entry: Entry) -> Iterator[_Text]:
        base = f"entries[{entry.id}]"
        yield _Text("the question", entry.question, ("entries", index, "question"), base)
        for position, alias in enumerate(entry.aliases):
            yield _Text(
                f"alias {position + 1}",
                alias,
                ("entries", index, "aliases", position),
                f"{base}.aliases[{position + 1}]",
            )

    def entries(self) -> Iterator[tuple[int, Entry]]:
        """Position and entry of every entry to check."""
        for index, entry in enumerate(self.document.entries):
            if self.entry_ids is None or entry.id in self.entry_ids:
                yield index, entry

    def in_line_order(self) -> list[Problem]:
        """The warnings found, in line order, each once."""
        return _line_order(self.problems)

    # -- checks ------------------------------------------------------------------------------

    def check_questions(self) -> None:
        """Warn about an entry whose own question is not answered with that entry."""
        for index, entry in self.entries():
            outcome = self.matcher.match(entry.question)
            if outcome.entry_id == entry.id:
                continue
            self._warn(
                ("entries", index, "question"),
                f"entries[{entry.id}]",
                f"its own question '{entry.question}' {_what_happens(outcome)}; "
                "reword the question or add keywords that point at this entry",
            )

    def check_aliases(self) -> None:
        """Warn about an alias that does not get its own entry's answer.

        Most often another entry matches it better; otherwise the entry is the best match
        but too weakly or too close to another one to be answered.
        """
        for index, entry in self.entries():
            for item in list(self._texts(index, entry))[1:]:
                outcome = self.matcher.match(item.text)
                if outcome.entry_id == entry.id:
                    continue
                best = outcome.candidates[0] if outcome.candidates else None
                if best is None or best.entry_id == entry.id:
                    message = (
                        f"alias '{item.text}' {_what_happens(outcome)}, so members asking "
                        "it this way do not get this answer; reword it or add keywords"
                    )
                else:
                    own = self._own_score(item.text, entry.id, outcome)
                    message = (
                        f"alias '{item.text}' matches entry '{best.entry_id}' "
                        f"(score {best.score:.0f}) better than its own (score {own:.0f}); "
                        f"move it to '{best.entry_id}' or reword it"
                    )
                self._warn(item.loc, item.where, message)

    def _own_score(self, text: str, entry_id: str, outcome: MatchOutcome) -> float:
        for candidate in outcome.candidates:
            if candidate.entry_id == entry_id:
                return candidate.score
        for candidate in self.matcher.search(text, limit=len(self.document.entries)):
            if candidate.entry_id == entry_id:
                return candidate.score
        return 0.0

    def check_redundant_aliases(self) -> None:
        """Warn about an alias that adds nothing next to an earlier text of the same entry."""
        for index, entry in self.entries():
            texts = list(self._texts(index, entry))
            terms = [self._terms(item.text) for item in texts]
            tied = _tied_terms(terms, [self._terms(k) for k in entry.keywords])
            for position in range(1, len(texts)):
                item, folded = texts[position], normalise_text(texts[position].text)
                for other in range(position):
                    reason = _redundancy(
                        folded, normalise_text(texts[other].text), terms[position], terms[other]
                    )
                    if reason is None:
                        continue
                    if reason == SAME_WORDS and not terms[position] <= tied:
                        continue  # it still makes one of its words count fully for this entry
                    fix = "remove the alias" if other == 0 else "remove one of them"
                    self._warn(
                        item.loc,
                        item.where,
                        f"alias '{item.text}' adds nothing: {reason} {texts[other].label} "
                        f"'{texts[other].text}'{self._line(texts[other].loc)}; {fix}",
                    )
                    break

    def _terms(self, text: str) -> frozenset[str]:
        """The terms the matcher indexes for a text of the file (no typo correction)."""
        analyser = self.matcher.index.analyser
        return frozenset(term for term, _ in analyser.analyse(surface_words(text), correct=False))

    def check_review_dates(self, today: dt.date, max_age_days: int) -> None:
        """Warn about answers not reviewed within ``max_age_days`` (or dated in the future)."""
        for index, entry in self.entries():
            loc = ("entries", index, "reviewed")
            age = (today - entry.reviewed).days
            if age > max_age_days:
                self._warn(
                    loc,
                    f"entries[{entry.id}]",
                    f"last reviewed {entry.reviewed.isoformat()}, {age} days ago (more than "
                    f"{max_age_days}); check the answer against its sources and update "
                    "'reviewed'",
                )
            elif age < 0:
                self._warn(
                    loc,
                    f"entries[{entry.id}]",
                    f"reviewed date {entry.reviewed.isoformat()} is in the future; "
                    "is the year right?",
                )

    def check_unused_sources(self) -> None:
        """Warn about a source no entry cites (worded like the loader's warning)."""
        cited = {key for entry in self.document.entries for key in entry.sources}
        for key in self.document.sources:
            if key not in cited:
                self._warn(
                    ("sources", key),
                    f"sources.{key}",
                    f"source '{key}' is not cited by any entry",
                )


def _redundancy(
    folded: str, other_folded: str, terms: frozenset[str], other_terms: frozenset[str]
) -> str | None:
    """Why a text adds nothing next to another, or None when it adds something."""
    if folded == other_folded:
        return "it is the same as"
    if fuzz.ratio(folded, other_folded) >= NEAR_DUPLICATE_RATIO:
        return "it is nearly the same as"
    if terms and terms == other_terms:
        return SAME_WORDS
    return None


def _tied_terms(texts: list[frozenset[str]], keywords: list[frozenset[str]]) -> frozenset[str]:
    """Terms that tie the entry fully whatever its aliases say.

    Mirrors the matcher's rule (``bot.faq.index``): a term counts fully only when it is in
    the question or the keywords; words found only in aliases count partly, however many
    aliases repeat them.
    """
    return frozenset(set(texts[0]).union(*keywords))


def _what_happens(outcome: MatchOutcome) -> str:
    """Plain words for what a member asking this gets."""
    names = ", ".join(f"'{c.entry_id}' ({c.score:.0f})" for c in outcome.candidates)
    if outcome.kind == "answer":
        return f"is answered with entry {names.split(',')[0]}"
    if outcome.kind == "clarify" and len(outcome.candidates) == 1:
        return f"gets only 'did you mean' {names}: too weak a match to answer"
    if outcome.kind == "clarify":
        return f"gets 'did you mean' between {names}"
    if outcome.candidates:
        return f"gets no answer (best: {names.split(',')[0]}, below the clarify threshold)"
    return "gets no answer"


def _line_order(problems: list[Problem]) -> list[Problem]:
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: p.line if p.line is not None else 0)
