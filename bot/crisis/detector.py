"""Crisis detection: one message in, one ``Assessment`` out.

Steps, in order (see ``lexicon.yaml`` for the words each step uses):

1. Normalise the text (``bot.crisis.normalise``) and repair tokens: expand hand-listed
   short forms ("kms"), restore a dropped g ("breathin"), read a stretched word every way
   ("diiee" -> "die", "ooff" -> "off"), correct a misspelt word to a lexicon word when it
   is not a real word, and split words written without spaces ("killmyself"), never a
   medicine name ("metoprolol").
2. Find every rule phrase, idiom, context, cue and topic as whole-token matches (filler
   words such as "really" or "fucking" may stand inside a phrase).
3. Drop matches that use words an idiom covers ("killing it", "to die for"), and rules
   whose ``needs`` contexts are missing or whose ``unless`` contexts are present (a joke
   marker taken back, "lol. not even kidding", cancels nothing). A threat
   said to be meant keeps no idiom of provocation over it, self-harm done on purpose
   no idiom of accidents ("burned myself with the iron on purpose"), and voices heard
   with "nobody home" no idiom of neighbours.
4. For each remaining match decide who it is about (the nearest subject before it:
   the writer, someone else, or nobody in particular; "asking for me", or for an emergency
   a time minutes ago, makes "you" or "someone" the writer), whether it is past history
   ("in 2021 ... and that's why ... now": a consequence does not make it current),
   a general question ("can barely keep my eyes open" states a sign; a sentence of its
   own that reports the writer's present, "i already took 16", "no k in 4 days", makes
   the question the writer's own), negated (also by
   "i said no" after a reported question) or only wished ("thinking about taking all my
   pills"), and what level it ends at.
5. Apply ``combined`` (overdose + combination -> combination) and pick one result: the
   most urgent level, then the category earliest in ``priority``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.crisis.lexicon import MEDICAL, CompiledRule, Lexicon, fold_words, load_lexicon
from bot.crisis.model import IDIOM_TOKEN, CrisisModel, load_model
from bot.crisis.normalise import normalise
from bot.crisis.patterns import (
    CLAUSE_MARKS,
    SENTENCE_MARKS,
    AnchorCache,
    Match,
    Phrase,
    PhraseIndex,
)
from bot.crisis.result import Assessment, Category, CrisisResult
from bot.crisis.words import (
    MIN_CORRECTABLE,
    Corrector,
    Segmenter,
    english_words,
    is_medicine,
    undoubled_readings,
    word_counts,
)
from bot.gc_pause import collector_paused

#: Categories that are acts a plan or wish ("not_yet") can put off.
_ACTS = frozenset({Category.OVERDOSE, Category.COMBINATION, Category.THIRD_PARTY})
#: The context whose phrases are signs of an emergency (never put off by "not_yet").
_SIGNS = "symptoms"
#: The context that says a threat is meant ("got it planned"): idioms of provocation
#: ("... if he touches my stuff") no longer explain the threat away.
_MEANS_IT = "means_it"
#: The context that says a question is about the writer's own present ("on day 3 after
#: dropping my klonnies"): such a question reports signs, it does not ask in general.
_OWN_NOW = "own_now"
#: The context that says no one is there ("and i know nobodys home"): idioms of real
#: voices ("hearing voices in the hallway") no longer explain withdrawal signs away.
_NOBODY_THERE = "nobody_there"
#: The context that says harm was done on purpose: idioms of accidents over self-harm
#: ("burned myself with the iron") no longer explain it away.
_DELIBERATE = "deliberate"
#: The context that says a question about someone is the writer's own ("asking for me").
_FOR_SELF = "for_self"
#: The context of a time minutes or hours ago: "you" in such a question is the writer.
_JUST_NOW = "just_now"
#: Contexts that report the writer's present (an amount already in, vomiting counted, a
#: fear of closing one's eyes, days without the benzo, a decision): told in a sentence of
#: its own that asks nothing, they make a question in another sentence the writer's own
#: ("how much klonopin is too much? i already took 16 and im starting to slur"). A sign
#: alone does not: "od on klonopin is that even possible? my chest feels tight from
#: anxiety" asks in general.
_REPORTS_NOW = ("present_report", "already_in")
#: The context that marks a message as a joke, and the one that takes that back ("lol.
#: not even kidding"): then the joke cancels no rule.
_JOKING = "joking"
_JOKE_WITHDRAWN = "joke_withdrawn"
#: Contexts a joke marker makes (taken back by ``_JOKE_WITHDRAWN`` like ``_JOKING``): "that
#: meeting made me want to die lol" is a reaction, "... lol. not even kidding" is not.
_JOKES = frozenset({_JOKING, "reaction_joke"})
#: Words that make what follows them a consequence of the past: "had a seizure in 2021 and
#: that's why my doctor is careful now" ("now" there does not make the seizure current).
_CONSEQUENCE = frozenset({"why"})
_POINTING_BACK = frozenset({"that"})  # "... but that was 2 years ago" dates what came before
#: Words opening a looking-back sentence that date all of the sentence before it ("that was
#: 2015", "all that was years ago"), unlike a recovery told ("2 years clean gone").
_POINTING_BACK_SENTENCE = frozenset({"that", "all", "those"})
#: A level this high means "no escalation, safety note only".
NOTE_LEVEL = 3
#: The level of an alarm raised by the statistical model alone, and its first matched term
#: (what staff see before the words that weighed most).
MODEL_LEVEL = 2
MODEL_TERM = "statistical model"
#: Words before a thing that make it a place ("in the car", "on our server").
_PLACE_WORDS = frozenset({"in", "on", "at", "into", "onto", "inside", "from", "under", "behind"})
#: Words before a thing that make it an object, not the subject ("talking to the tv").
_OBJECT_WORDS = _PLACE_WORDS | frozenset(
    {"to", "with", "about", "of", "for", "near", "by", "over", "through", "towards", "toward"}
)
_DETERMINERS = frozenset({"the", "a", "my", "his", "her", "our", "their", "this", "that"})
#: Verbs whose object "you" is spoken to, never the subject: "thank you all", "love you guys".
_ADDRESSING_VERBS = frozenset({"thank", "thanks", "love", "miss", "bless", "hug", "hugs"})
_CLAUSE_BREAKS = frozenset({".", "?", "!", ";", ",", "but", "although", "though", "however"})
_MAX_TERMS = 6
#: Longest tag question ("isnt it?", "dont you think?") that makes a statement a question.
_MAX_TAG = 3
_CACHE_LIMIT = 50_000
_MIN_SEGMENTED = 5
#: Words after a question starter that make the clause a statement: "can barely keep eyes
#: open" tells a sign, it asks nothing.
_STATED_AFTER_STARTER = frozenset({"barely", "hardly"})
#: Words that end the clause of a negation cue before them: "i cant anymore i want to die"
#: is despair followed by a wish, not a negated wish, once a new subject ("i") follows.
_ENDS_CUE_CLAUSE = frozenset({"anymore", "anymor", "nomore"})
_NEW_CLAUSE_SUBJECTS = frozenset({"i", "im"})
#: Words seen fewer times than this in the frequency list may be slang spellings.
_RARE_WORD = 1000


@dataclass(frozen=True, slots=True)
class _Verdict:
    """What one rule match amounts to after subject, history, question and negation."""

    level: int
    category: Category
    term: str
    start: int


@dataclass(frozen=True, slots=True)
class _Timeline:
    """Cues of time in one message: past history, happening now, looking back on it."""

    history: list[Match]
    present: list[Match]
    looking_back: frozenset[int]  # sentences that say the sentence before them is past
    pointed_back: frozenset[int] = frozenset()  # ... with "that": "that was 2015"

    def history_positions(self) -> set[int]:
        """Token positions inside history cues: a present cue there is part of the history."""
        return {pos for h in self.history for pos in h.positions}


def _tagged(phrases: Sequence[Phrase]) -> list[tuple[Phrase, int]]:
    return [(phrase, 0) for phrase in phrases]


def _rarity(word: str) -> float:
    """How common ``word`` is in ordinary text (anchors prefer rare words)."""
    return float(word_counts().get(word, 0)) + 1.0


class _Message:
    """Tokens of one message with their clause and sentence boundaries."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.sentence: list[int] = []
        self.clause: list[int] = []
        sentence = clause = 0
        for token in tokens:
            self.sentence.append(sentence)
            self.clause.append(clause)
            if token in SENTENCE_MARKS:
                sentence += 1
            if token in _CLAUSE_BREAKS:
                clause += 1

    def clause_span(self, index: int) -> tuple[int, int]:
        """First and last-plus-one positions of the clause holding ``index``."""
        clause = self.clause[index]
        start = index
        while start > 0 and self.clause[start - 1] == clause and self.tokens[start - 1] not in (
            _CLAUSE_BREAKS
        ):
            start -= 1
        end = index
        while end < len(self.tokens) and self.clause[end] == clause:
            end += 1
        return start, end


CueCheck = Callable[[Match, _Message, list[Match]], bool]


class _Contexts:
    """The contexts present in one message, each looked for only when a rule asks."""

    def __init__(
        self,
        indexes: Mapping[str, PhraseIndex],
        message: _Message,
        covered: set[int],
        negations: list[Match],
        cue_before: CueCheck,
    ) -> None:
        self._indexes = indexes
        self._message = message
        self._covered = covered
        self._negations = negations
        self._cue_before = cue_before
        self._known: dict[str, bool] = {}

    def __contains__(self, name: object) -> bool:
        """True if context ``name`` appears, not covered by an idiom nor negated."""
        if not isinstance(name, str):
            return False
        known = self._known.get(name)
        if known is None:
            index = self._indexes.get(name)
            known = index is not None and any(
                not self._covered.intersection(m.positions)
                and not self._cue_before(m, self._message, self._negations)
                for _, _, m in index.find(self._message.tokens)
            )
            self._known[name] = known
        return known


class CrisisDetector:
    """Assess messages for crisis content using a compiled lexicon."""

    def __init__(self, lexicon: Lexicon, model: CrisisModel | None = None) -> None:
        self.lexicon = lexicon
        self.model = model
        doc = lexicon.document
        tagged = [(phrase, i) for i, rule in enumerate(lexicon.rules) for phrase in rule.phrases]
        fillers = lexicon.fillers
        anchors: AnchorCache = {}

        def index(phrases: Sequence[tuple[Phrase, int]]) -> PhraseIndex:
            return PhraseIndex(phrases, _rarity, fillers, anchors)

        self._rules = index(tagged)
        self._topics = index(_tagged(lexicon.topics))
        self._idioms = index(_tagged(lexicon.idioms))
        self._contexts = {
            name: index(_tagged(phrases)) for name, phrases in lexicon.contexts.items()
        }
        self._negation = index(_tagged(lexicon.negation_cues))
        self._never = index(_tagged(lexicon.never_happened))
        self._not_yet = index(_tagged(lexicon.not_yet))
        self._asked = index(_tagged(lexicon.asked))
        self._answered_no = index(_tagged(lexicon.answered_no))
        self._history = index(_tagged(lexicon.history_cues))
        self._present = index(_tagged(lexicon.present_cues))
        self._looking_back = index(_tagged(lexicon.looking_back_cues))
        self._information = index(_tagged(lexicon.information_cues))
        self._past_tense = frozenset(w for t in doc.history.past_tense for w in fold_words(t))
        self._between = fillers | frozenset(
            w for text in doc.negation.between for w in fold_words(text)
        )
        self._reach = doc.negation.reach
        self._starters = frozenset(w for t in doc.questions.starters for w in fold_words(t))
        self._hypothetical = frozenset(
            w for t in doc.questions.hypothetical for w in fold_words(t)
        )
        self._tags = frozenset(w for t in doc.questions.tags for w in fold_words(t))
        self._hedges = frozenset(w for t in doc.questions.hedges for w in fold_words(t))
        subjects = doc.subjects
        self._subject: dict[str, str] = {}
        for kind, words in (
            ("writer", subjects.writer),
            ("others", subjects.others),
            ("generic", subjects.generic),
            ("thing", subjects.things),
        ):
            for text in words:
                for word in fold_words(text):
                    self._subject.setdefault(word, kind)
                    if kind == "others":
                        self._subject.setdefault(word + "s", kind)
        self._reflexive: dict[str, str] = {}
        for kind, words in (
            ("writer", subjects.writer_reflexive),
            ("others", subjects.others_reflexive),
        ):
            for text in words:
                for word in fold_words(text):
                    self._reflexive[word] = kind
        self._others_objects = frozenset(
            w for t in subjects.others_objects for w in fold_words(t)
        ) | frozenset(w for w, kind in self._subject.items() if kind == "others")
        self._writer_object = frozenset(
            w for t in subjects.writer_object for w in fold_words(t)
        )
        self._possessive = frozenset(w for t in subjects.possessive for w in fold_words(t))
        self._parts = frozenset(w for t in subjects.possessive_parts for w in fold_words(t))
        self._priority = {category: i for i, category in enumerate(doc.priority)}
        self._corrector: Corrector | None = None
        self._segmenter: Segmenter | None = None
        self._repairs: dict[str, tuple[str, ...]] = {}

    # ------------------------------------------------------------------ tokens
    def warm_up(self) -> None:
        """Load the word lists now rather than on the first message."""
        self._word_tools()

    def _word_tools(self) -> tuple[Corrector, Segmenter]:
        if self._corrector is None or self._segmenter is None:
            targets = [w for w in self.lexicon.crisis_words if w.isalpha() and len(w) >= 3]
            self._corrector = Corrector(targets)
            self._segmenter = Segmenter(self.lexicon.vocabulary, word_counts())
            english_words()
        return self._corrector, self._segmenter

    def _repair(self, token: str) -> tuple[str, ...]:
        """Short forms, typo correction and segmentation for one token."""
        lexicon = self.lexicon
        if token in lexicon.short_forms:
            return lexicon.short_forms[token]
        if token in lexicon.vocabulary or not token.isalpha():
            return (token,)
        if len(token) < MIN_CORRECTABLE:
            # Too short to correct, but a stretched short word is still read: "myy", "mee".
            if token in english_words():
                return (token,)
            return self._known_reading(undoubled_readings(token)) or (token,)
        if (
            token.endswith("in")
            and token + "g" in lexicon.vocabulary
            and word_counts().get(token, 0) < _RARE_WORD
        ):
            return (token + "g",)  # dropped g: "breathin", "poppin", "takin" (not "thin")
        if token in english_words():
            return (token,)
        readings = undoubled_readings(token)
        known = self._known_reading(readings)
        if known is not None:
            return known
        corrector, segmenter = self._word_tools()
        for candidate in (token, *readings[-1:]):
            corrected = corrector.correct(candidate)
            if corrected is not None:
                return (corrected,)
        if len(token) >= _MIN_SEGMENTED and not is_medicine(token):
            # A medicine name is one word: "metoprolol" is not "me to pro lol".
            pieces = segmenter.segment(token)
            if pieces is not None:
                out: list[str] = []
                for piece in pieces:
                    out.extend(lexicon.short_forms.get(piece, (piece,)))
                return tuple(out)
        return (token,)

    def _known_reading(self, readings: Sequence[str]) -> tuple[str, ...] | None:
        """The stretched word a writer most likely meant ("diiee" -> "die"), or None.

        Among the readings that are lexicon words, short forms or English words, the one
        with the fewest letters undoubled wins ("ooff" is "off", not "of"), then the
        commonest in ordinary text ("gooodd" is "good", not "god"), then a lexicon word.
        """
        lexicon = self.lexicon
        counts = word_counts()
        best: tuple[int, int, bool] | None = None
        chosen: str | None = None
        for reading in readings:
            in_lexicon = reading in lexicon.vocabulary or reading in lexicon.short_forms
            if not in_lexicon and reading not in english_words():
                continue
            # Each undoubled letter shortens the word by one: longest is fewest changes.
            key = (-len(reading), -counts.get(reading, 0), not in_lexicon)
            if best is None or key < best:
                best, chosen = key, reading
        if chosen is None:
            return None
        return lexicon.short_forms.get(chosen, (chosen,))

    def tokens(self, text: str) -> list[str]:
        """Normalised and repaired tokens of ``text``."""
        out: list[str] = []
        repairs = self._repairs
        for token in normalise(text).split():
            repaired = repairs.get(token)
            if repaired is None:
                repaired = self._repair(token)
                if len(repairs) >= _CACHE_LIMIT:
                    repairs.clear()
                repairs[token] = repaired
            out.extend(repaired)
        return out

    def model_tokens(self, tokens: list[str], idioms: Sequence[Match] | None = None) -> list[str]:
        """``tokens`` as the statistical model reads them: each idiom one ``<idiom>`` token.

        Idioms remove only the words they cover, for the model as for the rules: "that
        lasagna was to die for" must not alarm on "die" once "to die for" is read.
        ``idioms`` are the idiom matches of ``tokens`` when already found.
        """
        if idioms is None:
            idioms = [m for _, _, m in self._idioms.find(tokens)]
        covered = {p for m in idioms for p in m.positions}
        if not covered:
            return tokens
        out: list[str] = []
        for position, token in enumerate(tokens):
            if position not in covered:
                out.append(token)
            elif not out or out[-1] != IDIOM_TOKEN:
                out.append(IDIOM_TOKEN)
        return out

    # ------------------------------------------------------------------ assess
    def assess(self, text: str) -> Assessment:
        """Return the verdict for ``text``."""
        tokens = self.tokens(text)
        found = self._rules.find(tokens)
        topic = self._topic(tokens)
        if not found:
            return self._second_opinion(tokens, Assessment(safety_note=topic))
        message = _Message(tokens)
        found_idioms = [m for _, _, m in self._idioms.find(tokens)]
        idioms = found_idioms
        negations = [m for _, _, m in self._negation.find(tokens)]
        if idioms and self._said(_MEANS_IT, tokens):
            idioms = self._unprovoked(idioms, found, Category.HARM_TO_OTHERS)
        if idioms and self._said(_NOBODY_THERE, tokens):
            idioms = self._unprovoked(idioms, found, Category.WITHDRAWAL)
        if idioms and self._deliberate(message, negations):
            idioms = self._unprovoked(idioms, found, Category.SELF_HARM)
        covered = {p for m in idioms for p in m.positions}
        contexts = _Contexts(self._contexts, message, covered, negations, self._cue_before)
        nevers = [m for _, _, m in self._never.find(tokens)]
        not_yet = [m for _, _, m in self._not_yet.find(tokens)]
        answers = self._answers_no(message)
        looking_back = [m for _, _, m in self._looking_back.find(tokens)]
        timeline = _Timeline(
            [m for _, _, m in self._history.find(tokens)],
            [m for _, _, m in self._present.find(tokens)],
            frozenset(message.sentence[m.start] for m in looking_back),
            frozenset(
                message.sentence[m.start]
                for m in looking_back
                if tokens[m.start] in _POINTING_BACK_SENTENCE
            ),
        )
        verdicts: list[_Verdict] = []
        explained = False  # an idiom or a harmless context explained a crisis phrase away
        for _, rule_index, match in found:
            if covered.intersection(match.positions):
                explained = True
                continue
            rule = self.lexicon.rules[rule_index]
            if not all(name in contexts for name in rule.needs):
                continue
            if any(self._cancels(name, contexts) for name in rule.unless):
                explained = True
                continue
            verdict = self._judge(
                rule, match, message, contexts, negations, (nevers, not_yet), timeline,
                answers,
            )
            if verdict is not None:
                verdicts.append(verdict)
        urgent = [v for v in verdicts if v.level < NOTE_LEVEL]
        if not urgent:
            calm = Assessment(safety_note=topic or bool(verdicts))
            if explained:  # "killing it", "goodbye all, off on my trip tomorrow"
                return calm
            return self._second_opinion(tokens, calm, found_idioms)
        urgent = self._combine(urgent)
        best = min(urgent, key=lambda v: (v.level, self._priority[v.category], v.start))
        terms: list[str] = []
        for verdict in sorted(urgent, key=lambda v: v.start):
            if verdict.term not in terms:
                terms.append(verdict.term)
        return Assessment(CrisisResult(best.level, best.category, tuple(terms[:_MAX_TERMS])))

    def _second_opinion(
        self, tokens: list[str], assessment: Assessment, idioms: Sequence[Match] | None = None
    ) -> Assessment:
        """Ask the statistical model about a message the rules let pass.

        Not when the rules read a dangerous topic and judged it safe (a general question,
        a negation, past history) or an idiom explained a crisis phrase away: that
        judgement stands. A model alarm is level 2; its terms say it came from the model,
        then give the words that weighed most. ``idioms`` are the message's idiom matches
        when the rules already found them.
        """
        if self.model is None or assessment.safety_note:
            return assessment
        verdict = self.model.verdict(self.model_tokens(tokens, idioms))
        if verdict is None:
            return assessment
        terms = (MODEL_TERM, *verdict.evidence)
        return Assessment(CrisisResult(MODEL_LEVEL, verdict.category, terms))

    @staticmethod
    def _cancels(name: str, contexts: _Contexts) -> bool:
        """True if ``unless`` context ``name`` is present and not taken back."""
        if name not in contexts:
            return False
        return not (name in _JOKES and _JOKE_WITHDRAWN in contexts)

    def _combine(self, urgent: list[_Verdict]) -> list[_Verdict]:
        """Apply ``combined``: both categories found -> the second at the better level."""
        combined = self.lexicon.document.combined
        if not combined:
            return urgent
        levels: dict[Category, int] = {}
        for verdict in urgent:
            levels[verdict.category] = min(verdict.level, levels.get(verdict.category, NOTE_LEVEL))
        out = urgent
        for first, second in combined.items():
            if first in levels and second in levels and levels[first] < levels[second]:
                out = [
                    _Verdict(levels[first], v.category, v.term, v.start)
                    if v.category == second
                    else v
                    for v in out
                ]
        return out

    def _answers_no(self, message: _Message) -> list[Match]:
        """Answers meaning no ('i said no') in a sentence that reports a question.

        They negate any phrase before them in their sentence: "she asked if i want to hurt
        myself and i said no".
        """
        answers = self._answered_no.find(message.tokens)
        if not answers:
            return []
        asked = [m for _, _, m in self._asked.find(message.tokens)]
        cues: list[Match] = []
        for _, _, answer in answers:
            sentence = message.sentence[answer.start]
            if any(
                message.sentence[q.start] == sentence and q.start < answer.start for q in asked
            ):
                cues.append(answer)
        return cues

    def _unprovoked(
        self,
        idioms: list[Match],
        found: Sequence[tuple[Phrase, int, Match]],
        category: Category,
    ) -> list[Match]:
        """Idioms left once harm is meant: those over a rule match of ``category`` are dropped.

        A threat said to be planned loses its idioms of provocation; self-harm done on
        purpose loses its idioms of accidents.
        """
        meant = {
            p
            for _, index, m in found
            if self.lexicon.rules[index].category == category
            for p in m.positions
        }
        return [m for m in idioms if not meant.intersection(m.positions)]

    def _deliberate(self, message: _Message, negations: list[Match]) -> bool:
        """True if the message says harm was done on purpose (not "not on purpose")."""
        index = self._contexts.get(_DELIBERATE)
        if index is None:
            return False
        return any(
            not self._cue_before(m, message, negations)
            for _, _, m in index.find(message.tokens)
        )

    def _said(self, name: str, tokens: list[str]) -> bool:
        """True if context ``name`` appears anywhere in ``tokens`` (idioms aside).

        Used for the contexts that outweigh idioms: a threat planned or meant
        (``means_it``), no one there to make the voices heard (``nobody_there``).
        """
        index = self._contexts.get(name)
        return index is not None and bool(index.find(tokens))

    def _topic(self, tokens: list[str]) -> bool:
        return bool(self._topics.find(tokens))

    # ------------------------------------------------------------------ judge
    def _judge(
        self,
        rule: CompiledRule,
        match: Match,
        message: _Message,
        contexts: _Contexts,
        negations: list[Match],
        nevers: tuple[list[Match], list[Match]],
        timeline: _Timeline,
        answers: Sequence[Match] = (),
    ) -> _Verdict | None:
        tokens = message.tokens
        term = " ".join(tokens[p] for p in match.positions)
        subject = self._subject_of(match, message)
        if subject == "thing":
            return None
        level = rule.level
        category = rule.category
        if rule.who == "others":
            if (
                subject in ("writer", None)
                and not any(tokens[p] in self._others_objects for p in match.positions)
                and self._subject_before(match, message) != "others"
            ):
                return None  # "i cant breathe" is the writer; "he ... not answer me" is not
            category = Category.THIRD_PARTY
        elif rule.who == "writer" and (
            subject == "others" or (subject == "generic" and rule.needs)
        ):
            # The writer acts on them; with a context of the writer's own (a weapon, a
            # farewell), "everyone ... is gonna pay" is a target too, not a generic subject.
            subject = "writer"
        medical = category in MEDICAL
        spoken_for = rule.who != "others" and self._speaks_for_writer(
            subject, contexts, message, medical, (negations, timeline)
        )
        if spoken_for:
            subject = "writer"  # "if you/someone ..." is the writer's own: not hypothetical
        if subject == "generic":
            return _Verdict(NOTE_LEVEL, category, term, match.start)
        if self._is_history(match, message, timeline):
            return _Verdict(NOTE_LEVEL, category, term, match.start)
        if self._is_general_question(match, message, subject, medical) and not (
            spoken_for
            or (medical and _OWN_NOW in contexts)
            or self._reported_now(match, message, negations, timeline)
        ):
            return _Verdict(NOTE_LEVEL, category, term, match.start)
        negated = False
        if medical:
            never, not_yet = nevers
            # "thinking about taking all my pills" is no overdose yet; "about to seize" is
            # a withdrawal emergency all the same.
            if self._cue_before(match, message, never) or (
                category in _ACTS
                and self._cue_before(match, message, not_yet)
                and not self._is_sign(match, message)
            ):
                return _Verdict(NOTE_LEVEL, category, term, match.start)
        elif self._cue_before(match, message, negations) or any(
            a.start >= match.end and message.sentence[a.start] == message.sentence[match.start]
            for a in answers
        ):
            negated = True
            level += 1
        if not negated and level == 2 and any(name in contexts for name in rule.level_1_with):
            level = 1
        if level >= NOTE_LEVEL:
            return _Verdict(NOTE_LEVEL, category, term, match.start)
        if subject == "others" and category != Category.THIRD_PARTY:
            category = Category.THIRD_PARTY
            level = 2 if negated else 1
        return _Verdict(level, category, term, match.start)

    def _speaks_for_writer(
        self,
        subject: str | None,
        contexts: _Contexts,
        message: _Message,
        medical: bool,
        said: tuple[list[Match], _Timeline],
    ) -> bool:
        """True if a question about someone or "you" is the writer's own.

        "if someone swallowed 25 kpins would they wake up? asking for me" (context
        ``for_self``) and, for a medical emergency, "does charcoal work if you take 20
        klonopins like 15 min ago" (context ``just_now``: no general question tells a time
        minutes ago). The time is read whole, even where an idiom ("15 min") keeps its
        number from being a count. "you" is the writer too when another sentence reports
        the writer's present (``_reported_now``; ``said`` holds the message's negations
        and timeline): "is it normal to feel calm after deciding to end your life? because
        i feel so calm now".
        """
        if subject not in ("others", "generic"):
            return False
        if _FOR_SELF in contexts:
            return True
        if subject == "generic" and self._reported_now(None, message, *said):
            return True  # "... after deciding to end your life? because i feel so calm now"
        if not medical or subject != "generic":
            return False
        just_now = self._contexts.get(_JUST_NOW)
        return just_now is not None and bool(just_now.find(message.tokens))

    def _reported_now(
        self,
        match: Match | None,
        message: _Message,
        negations: list[Match],
        timeline: _Timeline,
    ) -> bool:
        """True if a sentence other than the one of ``match`` reports the writer's present.

        The report (a phrase of a ``_REPORTS_NOW`` context: an amount already in, a
        decision) must stand in a sentence that asks nothing, about the writer (no one
        else, nobody in general), not negated and not past history: then the question is
        the writer's own, not a general one ("is it normal to throw up after drinking on
        klonopin? ive thrown up 3 times", but not "... i threw up once last year"). With
        no match, any sentence counts.
        """
        own = None if match is None else message.sentence[match.start]
        for name in _REPORTS_NOW:
            index = self._contexts.get(name)
            if index is None:
                continue
            for _, _, report in index.find(message.tokens):
                if (
                    message.sentence[report.start] != own
                    and not self._asks(report, message)
                    and self._subject_before(report, message) not in ("others", "generic")
                    and not self._cue_before(report, message, negations)
                    and not self._is_history(report, message, timeline)
                ):
                    return True
        return False

    def _is_sign(self, match: Match, message: _Message) -> bool:
        """True if ``match`` holds a sign of an emergency (context ``symptoms``).

        A plan or wish puts off an act ("thinking about mixing them"), never a sign:
        "feel like passing out" after a benzo and alcohol is an emergency now.
        """
        signs = self._contexts.get(_SIGNS)
        if signs is None:
            return False
        own = set(match.positions)
        return any(own.intersection(m.positions) for _, _, m in signs.find(message.tokens))

    def _subject_of(self, match: Match, message: _Message) -> str | None:
        """'writer', 'others', 'generic', or None when no subject is written."""
        tokens = message.tokens
        kinds = [self._reflexive.get(tokens[p]) for p in match.positions]
        if "others" in kinds:
            return "others"
        if self._subject.get(tokens[match.start]) in ("others", "thing"):
            return self._subject[tokens[match.start]]
        if "writer" in kinds:
            return "writer"
        if match.start > 0 and tokens[match.start - 1] in self._writer_object:
            return "writer"
        return self._subject_before(match, message)

    def _subject_before(self, match: Match, message: _Message) -> str | None:
        """The nearest subject word at or before the start of ``match`` in its sentence."""
        tokens = message.tokens
        index = match.start
        while index >= 0:
            token = tokens[index]
            if token in SENTENCE_MARKS and index != match.start:
                return None
            kind = self._subject.get(token)
            if (
                kind is not None
                and not self._is_possessive_of_thing(tokens, index)
                and not self._is_place(tokens, index, kind)
                and not self._is_addressee(tokens, index, kind)
            ):
                return kind
            index -= 1
        return None

    @staticmethod
    def _is_addressee(tokens: list[str], index: int, kind: str) -> bool:
        """'everyone' in "goodbye everyone, this is my last message" is spoken to, not about.

        So is "you" thanked or loved: "thank you all for everything, this is my last
        message here".
        """
        if kind != "generic":
            return False
        if index > 0 and tokens[index - 1] in _ADDRESSING_VERBS:
            return True
        return index + 1 < len(tokens) and tokens[index + 1] in CLAUSE_MARKS

    @staticmethod
    def _is_place(tokens: list[str], index: int, kind: str) -> bool:
        """'car' in "slumped in the car" is where it happens, not who it happens to.

        The same holds for a thing after any preposition ("talking to the tv").
        """
        if kind != "thing":
            return False
        before = tokens[max(0, index - 2) : index]
        if before and before[-1] in _DETERMINERS:
            before = before[:-1]
        return bool(before) and before[-1] in _OBJECT_WORDS

    def _is_possessive_of_thing(self, tokens: list[str], index: int) -> bool:
        """'my' before something other than a body part ('my klonopin') is no subject."""
        if tokens[index] not in self._possessive:
            return False
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        return following not in self._parts

    def _is_history(self, match: Match, message: _Message, timeline: _Timeline) -> bool:
        """True if ``match`` is told as past history and nothing says it is happening now.

        A history cue counts in the match's sentence, unless the phrase holds all of it
        ("i no longer wish to go on living"); a looking-back cue counts in the sentence
        after it ("... i wanted to die every day. that was a long time ago").
        """
        sentence = message.sentence[match.start]
        own = set(match.positions)
        told_past = any(
            message.sentence[h.start] == sentence and not set(h.positions) <= own
            for h in timeline.history
        )
        if sentence + 1 in timeline.pointed_back:
            # "... i was hallucinating for a week. that was 2015": "that" in the sentence
            # after dates this whole one, "the gp just stopped my script" included.
            return True
        if not told_past and sentence + 1 not in timeline.looking_back:
            return self._framed(match, message, timeline)
        clause = message.clause[match.start]
        # A present cue inside a history cue is part of it: "2 years since my last relapse".
        covered = timeline.history_positions()
        if any(
            h.start >= match.end
            and message.sentence[h.start] == sentence
            and message.tokens[h.start] in _POINTING_BACK
            for h in timeline.history
        ):
            # "relapsed on sh ... but that was 2 years ago": "that" dates the phrase itself,
            # so a present cue inside it ("relapsed") is of then ("relapsed after 2 years
            # clean" stays now).
            covered |= own
        return not any(
            message.clause[p.start] == clause
            and not set(p.positions) <= covered
            and not self._consequence_between(message, match.end, p.start)
            for p in timeline.present
        )

    def _framed(self, match: Match, message: _Message, timeline: _Timeline) -> bool:
        """True if ``match`` lies inside a story told whole in the past.

        The story opens with a history cue in an earlier sentence ("4 yrs ago i ran out")
        and closes with one in a later sentence ("im doing fine now, been off them for 2
        years"); the match's clause is told in the past ("day 3 i had a seizure at work");
        and no present cue stands anywhere from the opening to the close, other than inside
        a history cue. "i want to die" between two such sentences is no story.
        """
        sentence = message.sentence[match.start]
        openings = [h.start for h in timeline.history if message.sentence[h.start] < sentence]
        closings = [h.start for h in timeline.history if message.sentence[h.start] > sentence]
        if not openings or not closings:
            return False
        start, end = message.clause_span(match.start)
        if not any(message.tokens[i] in self._past_tense for i in range(start, end)):
            return False
        first, last = min(openings), max(closings)
        covered = timeline.history_positions()
        return not any(
            first <= p.start <= last and not set(p.positions) <= covered
            for p in timeline.present
        )

    @staticmethod
    def _consequence_between(message: _Message, start: int, end: int) -> bool:
        """True if a consequence word ("that's why") stands between ``start`` and ``end``."""
        return any(message.tokens[i] in _CONSEQUENCE for i in range(start, end))

    def _asks(self, match: Match, message: _Message) -> bool:
        """True if the clause holding ``match`` asks a question (a starter, "?" or a tag)."""
        tokens = message.tokens
        start, end = message.clause_span(match.start)
        opens = tokens[start] in self._starters and not (
            start + 1 < end and tokens[start + 1] in _STATED_AFTER_STARTER
        )
        asks = opens or tokens[end - 1] == "?"
        if not asks and end < len(tokens) and tokens[end] == "?":
            asks = True
        if not asks and end < len(tokens) and tokens[end] == ",":
            asks = self._tag_question(tokens, end + 1)
        if asks and tokens[start] not in self._starters and self._hedged(tokens, end):
            asks = False  # "s3izur3 i th1nk??" states a guess, it asks nothing in general
        return asks

    def _is_general_question(
        self, match: Match, message: _Message, subject: str | None, medical: bool
    ) -> bool:
        if not self._asks(match, message):
            return False
        tokens = message.tokens
        start = message.clause_span(match.start)[0]
        hypothetical = any(tokens[i] in self._hypothetical for i in range(start, match.start))
        if not medical:
            # "what should i do if a friend says they're suicidal?"; "is suicidal ideation a
            # known side effect of clonazepam?" asks about a topic, naming no one.
            return (
                subject == "generic"
                or (subject == "others" and hypothetical)
                or (subject is None and self._asks_information(message, match))
            )
        if subject in (None, "generic"):
            return True
        return hypothetical

    def _asks_information(self, message: _Message, match: Match) -> bool:
        """True if the clause of ``match`` holds an information cue ("a known side effect")."""
        start, end = message.clause_span(match.start)
        return any(
            start <= cue.start and cue.end <= end
            for _, _, cue in self._information.find(message.tokens)
        )

    def _hedged(self, tokens: list[str], end: int) -> bool:
        """True if the question mark closing the clause ending at ``end`` follows a hedge."""
        mark = end - 1 if tokens[end - 1] == "?" else end
        return 0 < mark < len(tokens) and tokens[mark - 1] in self._hedges

    def _tag_question(self, tokens: list[str], start: int) -> bool:
        """True if a short tag ("right?", "isnt it?") starting at ``start`` ends in "?"."""
        end = start
        while end < len(tokens) and tokens[end] in self._tags and end - start < _MAX_TAG:
            end += 1
        return start < end < len(tokens) and tokens[end] == "?"

    def _cue_before(self, match: Match, message: _Message, cues: list[Match]) -> bool:
        """True if a cue ends right before the match, with only 'between' words in between."""
        tokens = message.tokens
        for cue in cues:
            if cue.end > match.start or cue.start >= match.start:
                continue
            gap = range(cue.end, match.start)
            if (
                len(gap) <= self._reach
                and all(tokens[i] in self._between for i in gap)
                and not _ends_own_clause([tokens[i] for i in gap])
            ):
                return True
        return False


def _ends_own_clause(gap: Sequence[str]) -> bool:
    """True if the cue's clause ends inside ``gap`` and a new one starts with a subject.

    "i cant anymore i want to die": "cant anymore" is despair, and "i want to die" is not
    negated by it.
    """
    for position, word in enumerate(gap):
        if word in _ENDS_CUE_CLAUSE:
            return any(w in _NEW_CLAUSE_SUBJECTS for w in gap[position + 1 :])
    return False


def load_detector(path: Path | None = None, *, statistical: bool = True) -> CrisisDetector:
    """Build a detector from the lexicon at ``path`` (None: the packaged lexicon.yaml).

    With ``statistical`` the packaged model (``model.py``) gives a second opinion on the
    messages the rules let pass; without it, or when its file is missing, rules decide alone.
    """
    with collector_paused():
        return CrisisDetector(load_lexicon(path), load_model() if statistical else None)
