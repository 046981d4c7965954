"""Match a member's question to an FAQ entry: answer, ask "did you mean", or fall back.

How a question is scored against an entry (0-100):

1. The question and every entry text go through the same analysis (``analysis``):
   synonyms and slang become one canonical concept (multi-word phrases too, the longest
   first), typos are corrected word by word against the FAQ's own vocabulary, filler
   words and chat formulas ("anyone else", "since i started") are dropped.
2. Each term weighs by its rarity across entries (``index``): "klonopin" is everywhere
   and weighs almost nothing, "talkative" points at one entry and weighs a lot. Ways of
   asking ("how", "how much", "what is") and generic words ("normal", "take", "safe")
   count little. Words the FAQ never uses count against every entry, and topics the
   synonyms table names but no entry covers ("pregnancy", other drugs) count heavily
   against them, each further one a little less than the last (a long message carries
   context: "my psychiatrist started me on it last spring"). Saying the same thing twice
   ("wired, no sleep, impulsive") counts a little more than once.
3. ``coverage``: how much of the question's weight the entry explains, counting a term
   fully when the entry's question or keywords use it (its concepts), partly when only
   its aliases do.
   ``best text``: the single question, alias or keyword that fits best, taking both how
   much of the question it explains and how much of that text the question contains.
4. The score is the mean of the two. A short question cannot score high: there is not
   enough to go on ("klonopin?"), and a question made only of question and generic words
   ("what", "is it normal") even less so.

The decision follows the FAQ's thresholds (``decide``): answer when the best entry scores
at least ``answer`` and leads the next one clearly enough, ask "did you mean" from
``clarify`` up, fall back below it. A question naming a topic the FAQ marks as not
covered is never answered outright. A wrong medical answer is worse than "I don't know".
The bot's matcher also has the FAQ model (``model``): a second opinion that may settle a
"did you mean" among the best few entries, or turn an answer it disagrees with into one,
by the rule in ``opinion``.

Scale: candidates come from an inverted index over the question's telling terms and only
a shortlist of them is scored in full, so a query costs about the same at 15 entries as
at 10,000.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from dataclasses import dataclass

from bot.faq.analysis import canonical_term, surface_words
from bot.faq.asides import mentioned_in_passing, single_words
from bot.faq.index import FaqIndex, IndexedEntry
from bot.faq.model import FaqModel, features
from bot.faq.models import FaqDocument, Thresholds
from bot.faq.normalise import normalise_text
from bot.faq.opinion import second_opinion
from bot.faq.outcome import Candidate, Consultation, MatchOutcome
from bot.faq.regimen import asks_about_dose, regimen_words
from bot.faq.wordlists import is_english_word

MAX_CANDIDATES = 3
SHORTLIST = 40  # entries scored in full per question
COMMON_POSTINGS = 256  # terms in more entries than this never nominate candidates
WEAK_TERM_SHARE = 0.2  # terms lighter than this share of the rarest never nominate either

COVERAGE_SHARE = 0.5  # score = share * coverage + (1 - share) * best text
PRECISION_EXPONENT = 0.65  # best text: explained ** e * contained ** (1 - e)
MIN_EVIDENCE = 1.5  # a question weighing less than this cannot be fully explained
SUBJECT_EVIDENCE = 1.0  # the same, for a question naming the FAQ's subject ("klonopin")
FRAMING_EVIDENCE = 2.5  # the same, for a question made only of question and generic words
REPEAT_SHARE = 0.5  # a term said again adds this share of its weight...
REPEAT_CAP = 2.0  # ...up to this multiple of it
UNKNOWN_DECAY = 0.8  # each further word the FAQ does not know counts this much of the last
ASIDE_SHARE = 0.3  # a not-covered topic mentioned in passing weighs like a generic word
OWNED_DOMINANCE = 1.5  # the best entry's own keywords outweigh other entries' this much
COMPLETIONS = 5  # search(): terms the last, unfinished word may be the start of


@dataclass(frozen=True, slots=True)
class _Scored:
    position: int
    score: float
    matched: str


class FaqMatcher:
    """Answers questions from one FAQ document; build a new one when the FAQ changes."""

    def __init__(self, document: FaqDocument, model: FaqModel | None = None) -> None:
        self.document = document
        self.model = model
        self.thresholds: Thresholds = document.thresholds
        self.index = FaqIndex(document)
        count = self.index.entry_count
        self._common = max(COMMON_POSTINGS, count // 20)
        self._weak = WEAK_TERM_SHARE * self.index.rarest_weight
        scope = document.scope
        self._subject = _named(document, scope.subject)
        self._other_medicines = frozenset(canonical_term(term) for term in scope.other_medicines)
        self._never_in_passing = frozenset(canonical_term(term) for term in scope.never_in_passing)
        self._chat_topics = frozenset(canonical_term(term) for term in scope.chat_topics)
        self._anchors = _named(document, scope.anchors)
        self._medicines = _named(document, [*scope.subject, *scope.other_medicines])
        self._owned = _owned_keywords(self.index, self._medicines.terms)
        self._compares = _compared_medicines(document, self.index, self._other_medicines)
        is_english_word("warm")  # load the word list now, not on the first question

    def match(self, question: str) -> MatchOutcome:
        """Decide how to answer ``question``: one entry, a choice of entries, or none.

        A question that names a topic the FAQ marks as not covered (a canonical term of
        the synonyms table that no entry uses: another drug, pregnancy, driving...) is
        never answered outright: at most the closest entries are offered. A topic only
        mentioned in passing, in a clause of its own, does not count (``asides``). Nor is one that
        names another medicine of the FAQ's scope ("how long does ativan last") without
        naming its subject: the answers speak about Klonopin, not about that medicine.
        Nor is a message with none of the FAQ's anchor words ("who do i call to fix my
        sink"): nothing ties it to the subject.

        With a ``model``, its second opinion then settles what the matcher left open, or
        turns an answer it disagrees with into "did you mean" (``second_opinion``).
        """
        consultation = self.consult(question)
        if self.model is None:
            return consultation.outcome
        reading, probability = self.model.reading(consultation.features)
        return consultation.settled(
            second_opinion(consultation.offer(), reading, probability, self.model.trust)
        )

    def consult(self, question: str) -> Consultation:
        """The matcher's own decision on ``question`` and what the FAQ model may change."""
        word_list = surface_words(question)
        analysed = self.index.analyser.analyse(word_list)
        weights = self._query_weights(question, word_list, analysed)
        words = frozenset(word_list)
        self._regimen_as_context(weights, word_list)
        for topic in mentioned_in_passing(
            question,
            weights,
            off_topic=self.index.off_topic,
            analyser=self.index.analyser,
            medicine_terms=self._medicines.terms,
            medicine_words=self._medicines.words,
            never=self._never_in_passing,
        ):
            weights[f"aside:{topic}"] = ASIDE_SHARE * self.index.rarest_weight
            del weights[topic]
        ranked = self._ranked(weights, SHORTLIST)
        outcome = self._decided(ranked, weights, words)
        # The model may settle between the best few, even those too weak to offer alone.
        best = tuple(ranked[:MAX_CANDIDATES])
        answerable: frozenset[str] = frozenset()
        if outcome.kind != "answer" and self._open_to_model(weights, words):
            answerable = frozenset(
                c.entry_id for c in best if self._names_compared(c.entry_id, weights, words)
            )
        # A question a moderator wrote into the FAQ word for word: their answer is final.
        written = outcome.kind == "answer" and _is_written(question, outcome.candidates[0])
        # Only a matcher with a model reads the features (training reads its own).
        features = tuple(_model_features(analysed, word_list)) if self.model else ()
        return Consultation(outcome, best, answerable, features, final=written)

    def _decided(
        self, ranked: list[Candidate], weights: Mapping[str, float], words: frozenset[str]
    ) -> MatchOutcome:
        """The matcher's own decision: thresholds, then the scope and keyword rules."""
        outcome = decide(ranked, self.thresholds)
        if outcome.kind == "answer" and (
            self._beyond_scope(weights, words)
            or not self._anchored(weights, words)
            or not self._names_compared(outcome.candidates[0].entry_id, weights, words)
        ):
            return MatchOutcome("clarify", outcome.candidates[:1])
        if (
            outcome.kind != "answer"
            and self._told_by_keyword(weights, words, outcome)
            and self._names_compared(outcome.candidates[0].entry_id, weights, words)
        ):
            return MatchOutcome("answer", outcome.candidates)
        return outcome

    def features(self, question: str) -> list[str]:
        """What the FAQ model (``model``) reads of ``question``."""
        word_list = surface_words(question)
        return _model_features(self.index.analyser.analyse(word_list), word_list)

    def _open_to_model(self, weights: Mapping[str, float], words: frozenset[str]) -> bool:
        """True when the FAQ model may settle a question the matcher left open.

        Only a message that names something tying it to the FAQ's subject and no topic the
        answers do not cover: the model confirms, it never widens what is answered. Chat
        topics (``scope.chat_topics``: small talk, the server) change nothing an answer
        says, so they do not count when the message names the medicine.
        """
        if not self._anchored(weights, words):
            return False
        medical = {t: w for t, w in weights.items() if t not in self._chat_topics}
        if len(medical) < len(weights) and not self._medicines.mentioned_in(weights, words):
            return False
        return not self._beyond_scope(medical, words)

    def _names_compared(
        self, entry_id: str, weights: Mapping[str, float], words: frozenset[str]
    ) -> bool:
        """True unless the entry compares with a medicine the message does not name.

        "is clonazepam the same thing as klonopin" is not asking about Xanax, however much
        "same thing as" reads like the comparison entry. A phrase that holds the name
        ("just a slower xanax") names it too.
        """
        compared = self._compares.get(entry_id)
        return compared is None or compared.mentioned_in(weights, words)

    def _regimen_as_context(self, weights: dict[str, float], words: list[str]) -> None:
        """Weigh a member's own regimen told as context like an aside (``regimen``)."""
        told = regimen_words(words)
        if not told or asks_about_dose(words):
            return
        for term, _ in self.index.analyser.analyse(told):
            if term in weights:
                weights[term] = min(weights[term], ASIDE_SHARE * self.index.rarest_weight)

    def _told_by_keyword(
        self, weights: Mapping[str, float], words: frozenset[str], outcome: MatchOutcome
    ) -> bool:
        """True when the message names the subject and a keyword only the best entry has.

        A member who tells a story before asking ("started clonazepam in june, by september
        i was crying every morning, is it the med dragging me down") leaves much of the
        message unexplained, so the score stays low; but when the one telling keyword in it
        belongs to the entry ranked first and to no other, and the message names the
        medicine and no topic the FAQ does not cover, that entry is the answer. Keywords
        other entries own may appear too ("talks a mile a minute" in a story about mania)
        as long as the best entry's own keywords weigh ``OWNED_DOMINANCE`` times as much.
        """
        if not outcome.candidates or self._beyond_scope(weights, words):
            return False
        best = outcome.candidates[0].entry_id
        mine = others = 0.0
        for term, weight in weights.items():
            owner = self._owned.get(term)
            if owner == best:
                mine += weight
            elif owner is not None:
                others += weight
        if mine <= 0.0 or mine < OWNED_DOMINANCE * others:
            return False
        return self._medicines.mentioned_in(weights, words)

    def _anchored(self, weights: Mapping[str, float], words: frozenset[str]) -> bool:
        """True when the message names something that ties it to the FAQ's subject."""
        return self._anchors.empty or self._anchors.mentioned_in(weights, words)

    def _beyond_scope(self, weights: Mapping[str, float], words: frozenset[str]) -> bool:
        """True when the question is about a topic or medicine the answers do not cover."""
        if not self.index.off_topic.isdisjoint(weights):
            return True
        if self._other_medicines.isdisjoint(weights):
            return False
        return not self._subject.mentioned_in(weights, words)

    def search(self, query: str, limit: int = 25) -> list[Candidate]:
        """Entries ranked for ``query`` (autocomplete, moderator tests); all when it is empty.

        The last word may be unfinished ("klono"): it also counts as the FAQ terms it
        starts. Entries that share nothing with ``query`` are left out.
        """
        if limit <= 0:
            return []
        weights = self._query_weights(query, complete_last_word=True)
        if not weights:
            return [
                Candidate(entry.entry_id, 0.0, entry.fields[0].text if entry.fields else "")
                for entry in self.index.entries[:limit]
            ]
        return self._ranked(weights, limit)

    def _query_weights(
        self,
        text: str,
        words: list[str] | None = None,
        analysed: list[tuple[str, str]] | None = None,
        *,
        complete_last_word: bool = False,
    ) -> dict[str, float]:
        """Each term of ``text`` and its weight; ``words`` and ``analysed`` if already known."""
        index = self.index
        if words is None:
            words = surface_words(text)
        if analysed is None:
            analysed = index.analyser.analyse(words)
        weights: dict[str, float] = {}
        unknown = 0
        for term, word in analysed:
            weight = index.weight(term, word)
            if index.is_unknown(term) and term not in weights:
                weight *= UNKNOWN_DECAY**unknown
                unknown += 1
            seen = weights.get(term)
            if seen is not None:  # said again: more evidence, with diminishing returns
                weight = min(seen + REPEAT_SHARE * weight, REPEAT_CAP * weight)
            weights[term] = weight
        if complete_last_word and words and not text[-1:].isspace():
            last = words[-1]
            if len(last) >= 2 and not index.analyser.speller.knows(last):
                for term in index.terms_starting_with(last, COMPLETIONS):
                    weights.setdefault(term, index.weight(term, term))
        return weights

    def _ranked(self, weights: Mapping[str, float], limit: int) -> list[Candidate]:
        total = max(sum(weights.values()), self._evidence_floor(weights))
        entries = self.index.entries
        scored = [
            _score(entries[position], weights, total) for position in self._shortlist(weights)
        ]
        scored = [item for item in scored if item.score > 0]
        scored.sort(key=lambda item: (-item.score, item.position))
        return [
            Candidate(entries[item.position].entry_id, item.score, item.matched)
            for item in scored[:limit]
        ]

    def _evidence_floor(self, weights: Mapping[str, float]) -> float:
        """The least weight a question is scored as having: short questions say little.

        Question and generic words alone ("what", "who made you", "is it normal") say too
        little to answer, however well they match. Naming the FAQ's subject (a term every
        entry uses: "what is klonopin") says a little more than other short questions.
        """
        if not any(map(self.index.is_content, weights)):
            return FRAMING_EVIDENCE
        if not self.index.subject_terms.isdisjoint(weights):
            return SUBJECT_EVIDENCE
        return MIN_EVIDENCE

    def _shortlist(self, weights: Mapping[str, float]) -> list[int]:
        """Entries sharing a telling term with the question, most promising first."""
        postings = self.index.postings
        mass: dict[int, float] = {}
        fallback: tuple[int, ...] | None = None
        for term, weight in weights.items():
            found = postings.get(term)
            if not found:
                continue
            if len(found) > self._common or weight < self._weak:
                if fallback is None or len(found) < len(fallback):
                    fallback = found
                continue
            for position in found:
                mass[position] = mass.get(position, 0.0) + weight
        if not mass:
            return list(fallback[:SHORTLIST]) if fallback else []
        if len(mass) <= SHORTLIST:
            return list(mass)
        return heapq.nlargest(SHORTLIST, mass, key=mass.__getitem__)


def _score(entry: IndexedEntry, weights: Mapping[str, float], total: float) -> _Scored:
    """Score one entry for a question whose terms weigh ``weights`` (``total`` in all)."""
    strength, term_fields = entry.strength, entry.term_fields
    matched = 0.0
    field_mass: dict[int, float] = {}
    for term, weight in weights.items():
        tie = strength.get(term)
        if tie is None:
            continue
        contribution = weight * tie
        matched += contribution
        for number in term_fields[term]:
            field_mass[number] = field_mass.get(number, 0.0) + contribution
    if matched <= 0:
        return _Scored(entry.position, 0.0, "")
    best, best_field = 0.0, -1
    for number, mass in field_mass.items():
        field_weight = entry.fields[number].weight
        contained = min(1.0, mass / field_weight) if field_weight > 0 else 1.0
        fit = (mass / total) ** PRECISION_EXPONENT * contained ** (1 - PRECISION_EXPONENT)
        if fit > best or (fit == best and number < best_field):
            best, best_field = fit, number
    score = 100.0 * (COVERAGE_SHARE * matched / total + (1 - COVERAGE_SHARE) * best)
    matched_text = entry.fields[best_field].text if best_field >= 0 else ""
    return _Scored(entry.position, round(min(score, 100.0), 1), matched_text)


def _is_written(question: str, candidate: Candidate) -> bool:
    """True when ``question`` is, once normalised, the text of the entry it matched."""
    return bool(candidate.matched) and normalise_text(candidate.matched) == normalise_text(question)


def _model_features(analysed: list[tuple[str, str]], words: list[str]) -> list[str]:
    """The model's features from a question's analysed terms and surface words."""
    return features([term for term, _ in analysed], words)


def required_lead(score: float, thresholds: Thresholds) -> float:
    """How far the best entry must lead the next one to be answered.

    ``margin`` at the answer threshold, shrinking to nothing at a perfect score: near 100
    both entries explain the question almost fully, so the scores crowd together and a
    smaller lead already says which one explains it best.
    """
    room = 100.0 - thresholds.answer
    if room <= 0:
        return thresholds.margin
    return thresholds.margin * max(0.0, 100.0 - score) / room


def decide(candidates: list[Candidate], thresholds: Thresholds) -> MatchOutcome:
    """Apply the answer / clarify / fallback thresholds to candidates ranked best first."""
    top = tuple(candidates[:MAX_CANDIDATES])
    if not top or top[0].score < thresholds.clarify:
        return MatchOutcome("fallback", top)
    best = top[0].score
    runner_up = top[1].score if len(top) > 1 else 0.0
    if best >= thresholds.answer and best - runner_up >= required_lead(best, thresholds):
        return MatchOutcome("answer", top)
    return MatchOutcome("clarify", tuple(c for c in top if c.score >= thresholds.clarify))


@dataclass(frozen=True, slots=True)
class _Names:
    """Names from ``scope`` as analysed terms and as the single words that say them.

    Both count: a synonyms phrase can swallow a name ("what does klonopin do" may read as
    one concept, "klonnies are benzos" as another), and the word is still in the message.
    """

    terms: frozenset[str]
    words: frozenset[str]

    @property
    def empty(self) -> bool:
        """True when scope lists no such names."""
        return not self.terms and not self.words

    def mentioned_in(self, weights: Mapping[str, float], words: frozenset[str]) -> bool:
        """True when the message's terms or its words name one of these."""
        return not self.terms.isdisjoint(weights) or not self.words.isdisjoint(words)


def _named(document: FaqDocument, names: list[str]) -> _Names:
    """``names`` as ``_Names``.

    A name that is a synonyms term counts as that term and as each of its one-word
    variants; any other name counts as the word itself.
    """
    terms = frozenset(canonical_term(name) for name in names if name in document.synonyms)
    words = single_words(
        variant for name in names for variant in (name, *document.synonyms.get(name, ()))
    )
    return _Names(terms, words)


def _compared_medicines(
    document: FaqDocument, index: FaqIndex, other_medicines: frozenset[str]
) -> dict[str, _Names]:
    """Entries whose question names another medicine ("Klonopin or Xanax?"), and which."""
    by_term = {canonical_term(name): name for name in document.scope.other_medicines}
    compared: dict[str, _Names] = {}
    for entry in document.entries:
        terms = {term for term, _ in index.analyser.analyse(surface_words(entry.question))}
        named = sorted(by_term[term] for term in terms & other_medicines)
        if named:
            compared[entry.id] = _named(document, named)
    return compared


def _owned_keywords(index: FaqIndex, medicines: frozenset[str]) -> dict[str, str]:
    """Telling terms that tie one entry only, fully, mapped to that entry's id.

    Medicine names are left out: "my mom takes valium but what is klonopin" is not a
    question about the entry that compares Klonopin with Valium.
    """
    owned: dict[str, str] = {}
    for term, positions in index.postings.items():
        if len(positions) != 1 or term in medicines:
            continue
        entry = index.entries[positions[0]]
        if entry.strength[term] >= 1.0 and index.weights[term] >= index.rarest_weight:
            owned[term] = entry.entry_id
    return owned
