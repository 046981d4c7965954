"""The crisis lexicon: a moderator-edited YAML file, validated with line-numbered errors.

``load_lexicon`` parses and validates ``lexicon.yaml`` and compiles every phrase once;
``check_lexicon`` returns the problems (``lexicon.yaml:LINE: message``) without raising.
The phrase language is described in ``bot.crisis.patterns`` and at the top of the file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.crisis.normalise import normalise
from bot.crisis.patterns import Element, Phrase, PhraseCompiler, PhraseError, Sequence_
from bot.crisis.result import Category
from bot.yamlsource import (
    DataFileError,
    LocatedYaml,
    Problem,
    duplicate_key_problems,
    load_located_yaml,
    validation_problems,
)

#: Emergencies that negation never lowers (a person can be unable to breathe whatever
#: else they wrote) and that a general question only turns into a safety line.
MEDICAL = frozenset(
    {Category.OVERDOSE, Category.COMBINATION, Category.WITHDRAWAL, Category.THIRD_PARTY}
)

_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_SLOT_KEY = r"^[a-z][a-z0-9_]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Rule(_Strict):
    """Phrases that put a message into one category at one level."""

    id: str = Field(pattern=_ID, description="Stable id, shown to staff with the match.")
    category: Category = Field(description="One of the seven crisis categories.")
    level: Literal[1, 2] = Field(description="1 is the most urgent.")
    who: Literal["any", "others", "writer"] = Field(
        default="any",
        description=(
            "'any': about the writer, or (with he/she/my friend... before it) about someone "
            "else, which makes it third-party; 'others': only ever about someone else; "
            "'writer': the writer is the one acting, he/she/they in it are the targets."
        ),
    )
    needs: list[str] = Field(
        default_factory=list, description="Contexts that must all appear in the message."
    )
    unless: list[str] = Field(
        default_factory=list,
        description="Contexts that cancel the rule when any of them appears in the message.",
    )
    level_1_with: list[str] = Field(
        default_factory=list, description="Contexts that raise a level-2 match to level 1."
    )
    phrases: list[str] = Field(min_length=1, description="Phrases in the rule language.")


class Negation(_Strict):
    """Words that negate a crisis phrase right after them."""

    cues: list[str] = Field(min_length=1, description="Negating words: not, never, dont...")
    between: list[str] = Field(
        default_factory=list,
        description="Words allowed between the cue and the phrase ('not really going to').",
    )
    never_happened: list[str] = Field(
        default_factory=list,
        description=(
            "Cues meaning the event did not happen ('never'): they turn even a medical "
            "emergency into a safety note when they stand right before it."
        ),
    )
    reach: int = Field(default=3, ge=0, le=6, description="Most 'between' words allowed.")
    not_yet: list[str] = Field(
        default_factory=list,
        description=(
            "Cues that an act has not happened yet ('thinking about', 'going to'): right "
            "before an overdose or combination phrase they make it no emergency (a wish or "
            "plan is matched by the suicide rules instead)."
        ),
    )
    asked: list[str] = Field(
        default_factory=list,
        description="Words of a reported question ('she asked if...', 'the screening').",
    )
    answered_no: list[str] = Field(
        default_factory=list,
        description=(
            "Answers meaning no ('i said no'): after a phrase, in a sentence that reports a "
            "question, they negate it like a cue before it."
        ),
    )


class History(_Strict):
    """Cues that a crisis lies in the past ('used to', '2 years clean')."""

    cues: list[str] = Field(min_length=1)
    looking_back: list[str] = Field(
        default_factory=list,
        description=(
            "Cues that make the sentence before them past history "
            "('i wanted to die every day. that was a long time ago')."
        ),
    )
    present: list[str] = Field(
        default_factory=list,
        description="Cues that it is happening again now; they cancel a history cue.",
    )
    past_tense: list[str] = Field(
        default_factory=list,
        description=(
            "Words that tell a clause in the past (had, was, took...): between a story's "
            "dated opening and the recovery told at its end, a crisis phrase in such a "
            "clause is history ('4 yrs ago i ran out. day 3 i had a seizure. im fine now')."
        ),
    )


class Questions(_Strict):
    """How to recognise a general question rather than a report."""

    starters: list[str] = Field(min_length=1, description="Words that open a question.")
    hypothetical: list[str] = Field(
        default_factory=list,
        description="Words before the phrase that make it hypothetical (if, can, should).",
    )
    tags: list[str] = Field(
        default_factory=list,
        description=(
            "Words of a short tag after a comma that make a statement a question "
            "('seizures are rare after a slow taper, right?')."
        ),
    )
    hedges: list[str] = Field(
        default_factory=list,
        description=(
            "Words that, just before a question mark, make a statement a guess rather than a "
            "question ('seizure i think??')."
        ),
    )
    information: list[str] = Field(
        default_factory=list,
        description=(
            "Phrases that make a question ask for information about a topic ('a known side "
            "effect', 'linked to'): with no one named as its subject, such a question is a "
            "general one ('is suicidal ideation a known side effect of clonazepam?')."
        ),
    )


class Subjects(_Strict):
    """Who a crisis phrase is about: the nearest of these words before it decides."""

    writer: list[str] = Field(min_length=1, description="i, im, ive ... : the writer.")
    others: list[str] = Field(min_length=1, description="he, she, my friend ... : someone else.")
    generic: list[str] = Field(
        default_factory=list, description="you, people, anyone ... : nobody in particular."
    )
    things: list[str] = Field(
        default_factory=list,
        description="Animals and things (my dog, the movie): phrases about them never alert.",
    )
    writer_reflexive: list[str] = Field(default_factory=list, description="myself ...")
    others_reflexive: list[str] = Field(default_factory=list, description="himself ...")
    writer_object: list[str] = Field(
        default_factory=list,
        description="me ...: the writer, but only as the word right before a phrase.",
    )
    possessive: list[str] = Field(
        default_factory=list,
        description=(
            "my ...: a writer word that is a subject only before one of `possessive_parts` "
            "('my lips are blue'); before anything else ('took my klonopin') it is skipped."
        ),
    )
    possessive_parts: list[str] = Field(
        default_factory=list, description="lips, heart, body ...: see `possessive`."
    )
    others_objects: list[str] = Field(
        default_factory=list,
        description=(
            "him, her, them ...: inside a phrase of a rule with `who: others` they show it is "
            "about someone else even when the writer is the subject ('i cant wake him up')."
        ),
    )


class LexiconDocument(_Strict):
    """The whole lexicon file."""

    version: Literal[1] = 1
    priority: list[Category] = Field(
        min_length=7,
        max_length=7,
        description="Category order used to pick one category when levels tie.",
    )
    short_forms: dict[str, str] = Field(
        default_factory=dict, description="One-word slang and its meaning: kms: kill myself."
    )
    fillers: list[str] = Field(
        default_factory=list,
        description=(
            "Words that may stand between any two words of a phrase without being written "
            "there (really, seriously, fucking): 'thinking seriously about hurting him'."
        ),
    )
    combined: dict[Category, Category] = Field(
        default_factory=dict,
        description=(
            "When one message holds both categories (key and value), report the value at "
            "the more urgent of their levels: overdose: combination."
        ),
    )
    slots: dict[str, list[str]] = Field(default_factory=dict)
    contexts: dict[str, list[str]] = Field(default_factory=dict)
    rules: list[Rule] = Field(min_length=1)
    idioms: list[str] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    negation: Negation
    history: History
    questions: Questions
    subjects: Subjects


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """A rule with its phrases compiled."""

    id: str
    category: Category
    level: int
    who: str
    needs: tuple[str, ...]
    level_1_with: tuple[str, ...]
    phrases: tuple[Phrase, ...]
    unless: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A validated, compiled lexicon ready for the detector."""

    document: LexiconDocument
    rules: tuple[CompiledRule, ...]
    contexts: dict[str, tuple[Phrase, ...]]
    idioms: tuple[Phrase, ...]
    topics: tuple[Phrase, ...]
    negation_cues: tuple[Phrase, ...]
    never_happened: tuple[Phrase, ...]
    not_yet: tuple[Phrase, ...]
    asked: tuple[Phrase, ...]
    answered_no: tuple[Phrase, ...]
    history_cues: tuple[Phrase, ...]
    present_cues: tuple[Phrase, ...]
    short_forms: dict[str, tuple[str, ...]]
    vocabulary: frozenset[str]
    crisis_words: frozenset[str]
    fillers: frozenset[str] = frozenset()
    looking_back_cues: tuple[Phrase, ...] = ()
    information_cues: tuple[Phrase, ...] = ()


def default_lexicon_path() -> Path:
    """The lexicon packaged with the bot."""
    return Path(str(resources.files("bot.crisis") / "lexicon.yaml"))


def fold_words(text: str) -> list[str]:
    """Normalise lexicon text exactly like messages, keeping words only."""
    return [t for t in normalise(text).split() if t not in ".,?!;"]


class _Builder:
    """Compiles a validated document, collecting problems with their lines."""

    def __init__(self, doc: LexiconDocument, located: LocatedYaml, path: str) -> None:
        self.doc = doc
        self.located = located
        self.path = path
        self.problems: list[Problem] = []
        self._slot_cache: dict[str, list[Sequence_]] = {}
        self._slot_stack: list[str] = []
        self.compiler = PhraseCompiler(fold_words, self._slot)
        self.words: set[str] = set()
        self._counted: dict[int, Element] = {}  # elements whose words are in self.words

    def problem(self, location: Sequence[str | int], message: str) -> None:
        self.problems.append(Problem(self.path, self.located.line_of(location), message))

    def _slot(self, name: str) -> list[Sequence_]:
        if name in self._slot_cache:
            return self._slot_cache[name]
        if name not in self.doc.slots:
            raise PhraseError(f"unknown slot '{{{name}}}'")
        if name in self._slot_stack:
            raise PhraseError(f"slot '{{{name}}}' refers to itself")
        self._slot_stack.append(name)
        try:
            values: list[Sequence_] = []
            for value in self.doc.slots[name]:
                values.extend(self.compiler.sequence(value))
        finally:
            self._slot_stack.pop()
        self._slot_cache[name] = values
        return values

    def phrase(self, location: Sequence[str | int], text: str) -> Phrase | None:
        try:
            compiled = self.compiler.compile(text)
        except PhraseError as exc:
            self.problem(location, f"{_where(location)}: phrase '{text}': {exc}")
            return None
        for element in compiled.elements:
            if id(element) not in self._counted:
                self._counted[id(element)] = element
                for alt in element.alternatives:
                    self.words.update(a for a in alt if isinstance(a, str))
        return compiled

    def phrases(self, location: tuple[str | int, ...], texts: Sequence[str]) -> tuple[Phrase, ...]:
        seen: dict[str, int] = {}
        out: list[Phrase] = []
        for i, text in enumerate(texts):
            key = " ".join(text.split())
            if key in seen:
                self.problem(
                    (*location, i),
                    f"{_where(location)}: phrase '{text}' is listed twice "
                    f"(first as item {seen[key] + 1})",
                )
                continue
            seen[key] = i
            compiled = self.phrase((*location, i), text)
            if compiled is not None:
                out.append(compiled)
        return tuple(out)

    def build(self) -> Lexicon | None:
        doc = self.doc
        for name in doc.slots:
            if not _is_slot_key(name):
                self.problem(("slots", name), f"slots: '{name}' is not a valid slot name")
                continue
            for i, value in enumerate(doc.slots[name]):
                try:
                    self.compiler.sequence(value)
                except PhraseError as exc:
                    self.problem(("slots", name, i), f"slots.{name}: '{value}': {exc}")
        contexts = {
            name: self.phrases(("contexts", name), texts) for name, texts in doc.contexts.items()
        }
        rules: list[CompiledRule] = []
        seen_ids: dict[str, int] = {}
        for i, rule in enumerate(doc.rules):
            if rule.id in seen_ids:
                self.problem(("rules", i, "id"), f"rules: id '{rule.id}' is used twice")
            seen_ids[rule.id] = i
            for field_name in ("needs", "level_1_with", "unless"):
                for j, name in enumerate(getattr(rule, field_name)):
                    if name not in doc.contexts:
                        self.problem(
                            ("rules", i, field_name, j),
                            f"rules[{rule.id}].{field_name}: unknown context '{name}'",
                        )
            if rule.level_1_with and rule.level == 1:
                self.problem(
                    ("rules", i, "level_1_with"),
                    f"rules[{rule.id}]: level_1_with only makes sense on a level-2 rule",
                )
            rules.append(
                CompiledRule(
                    rule.id,
                    rule.category,
                    rule.level,
                    rule.who,
                    tuple(rule.needs),
                    tuple(rule.level_1_with),
                    self.phrases(("rules", i, "phrases"), rule.phrases),
                    tuple(rule.unless),
                )
            )
        for first, second in doc.combined.items():
            if first == second:
                self.problem(
                    ("combined", first.value), f"combined: '{first}' is combined with itself"
                )
        crisis_words = frozenset(self.words)
        if sorted(doc.priority) != sorted(Category):
            self.problem(("priority",), "priority: must list each of the seven categories once")
        short_forms: dict[str, tuple[str, ...]] = {}
        for key, value in doc.short_forms.items():
            folded_key = fold_words(key)
            if len(folded_key) != 1:
                self.problem(("short_forms", key), f"short_forms: '{key}' must be one word")
                continue
            meaning = tuple(fold_words(value))
            if not meaning:
                self.problem(("short_forms", key), f"short_forms.{key}: meaning is empty")
                continue
            short_forms[folded_key[0]] = meaning
            self.words.update(meaning)
        word_lists: list[tuple[tuple[str, ...], list[str]]] = [
            (("negation", "between"), doc.negation.between),
            (("fillers",), doc.fillers),
            (("questions", "starters"), doc.questions.starters),
            (("questions", "hypothetical"), doc.questions.hypothetical),
            (("questions", "tags"), doc.questions.tags),
            (("questions", "hedges"), doc.questions.hedges),
            (("history", "past_tense"), doc.history.past_tense),
            *(
                (("subjects", name), getattr(doc.subjects, name))
                for name in type(doc.subjects).model_fields
            ),
        ]
        for location, entries in word_lists:
            for i, entry in enumerate(entries):
                if len(fold_words(entry)) != 1:
                    self.problem(
                        (*location, i),
                        f"{_where(location)}: '{entry}' must be exactly one word",
                    )
        idioms = self.phrases(("idioms",), doc.idioms)
        topics = self.phrases(("topics",), doc.topics)
        negation = self.phrases(("negation", "cues"), doc.negation.cues)
        never = self.phrases(("negation", "never_happened"), doc.negation.never_happened)
        not_yet = self.phrases(("negation", "not_yet"), doc.negation.not_yet)
        asked = self.phrases(("negation", "asked"), doc.negation.asked)
        answered_no = self.phrases(("negation", "answered_no"), doc.negation.answered_no)
        history = self.phrases(("history", "cues"), doc.history.cues)
        present = self.phrases(("history", "present"), doc.history.present)
        looking_back = self.phrases(("history", "looking_back"), doc.history.looking_back)
        information = self.phrases(("questions", "information"), doc.questions.information)
        if self.problems:
            return None
        vocabulary = frozenset(self.words) | frozenset(short_forms)
        return Lexicon(
            document=doc,
            rules=tuple(rules),
            contexts=contexts,
            idioms=idioms,
            topics=topics,
            negation_cues=negation,
            never_happened=never,
            not_yet=not_yet,
            asked=asked,
            answered_no=answered_no,
            history_cues=history,
            present_cues=present,
            short_forms=short_forms,
            vocabulary=vocabulary,
            crisis_words=crisis_words,
            fillers=frozenset(w for text in doc.fillers for w in fold_words(text)),
            looking_back_cues=looking_back,
            information_cues=information,
        )


def _is_slot_key(name: str) -> bool:
    return re.match(_SLOT_KEY, name) is not None


def _where(location: Sequence[str | int]) -> str:
    parts: list[str] = []
    for step in location:
        if isinstance(step, int):
            parts.append(f"[{step + 1}]")
        else:
            parts.append(f".{step}" if parts else step)
    return "".join(parts)


def parse_lexicon(text: str, path: str = "lexicon.yaml") -> Lexicon:
    """Validate and compile lexicon text; raise DataFileError listing every problem."""
    located = load_located_yaml(text, path)
    problems = duplicate_key_problems(located, path)
    data: Any = located.data
    if not isinstance(data, dict):
        raise DataFileError([*problems, Problem(path, 1, "the lexicon must be a mapping")])
    try:
        doc = LexiconDocument.model_validate(data)
    except ValidationError as exc:
        raise DataFileError([*problems, *validation_problems(exc, located, path)]) from None
    builder = _Builder(doc, located, path)
    lexicon = builder.build()
    problems.extend(builder.problems)
    if problems or lexicon is None:
        raise DataFileError(problems)
    return lexicon


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Load the lexicon at ``path`` (None: the packaged one); raise DataFileError if invalid."""
    path = path or default_lexicon_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError([Problem(str(path), None, f"cannot read: {exc.strerror}")]) from None
    return parse_lexicon(text, str(path))


def check_lexicon(path: Path | None = None) -> list[Problem]:
    """Return every problem in the lexicon file (empty when it is valid)."""
    try:
        load_lexicon(path)
    except DataFileError as exc:
        return list(exc.problems)
    return []
