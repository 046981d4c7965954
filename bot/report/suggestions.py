"""For each entry, the questions that nearly matched it, offered as aliases to add.

Evidence that a question belongs to an entry, strongest first:

1. ``picked``: someone who asked it picked the entry from "did you mean" (more picks
   than "None of these" clicks against it);
2. ``similar-picked``: people asking a similar question (same cluster) picked it, and
   nobody asking this one said "None of these" to it;
3. ``best-guess``: the bot's best candidate for it, in a "did you mean" or in a fallback
   that scored within ``NEAR_MISS_POINTS`` of the clarify threshold, when nobody in its
   cluster said "None of these" to that entry and nobody picked another one.

A question is not offered when it already gets that entry's answer, when it reads as a
crisis message, when it is already a question or alias in the file (one of this entry's
aliases that still is not answered is reported as held back), when it adds nothing
to an alias the entry has (the same words once synonyms apply), or when it mentions a
topic the synonyms table marks as not covered: as an alias it would make the entry answer
every question on that topic, and a wrong medical answer is worse than "I don't know".
Near-duplicates fold into one suggestion whose count includes them, and so does any
question that one of the stronger suggestions already makes match (``fewest_aliases``
tries them in order against the FAQ with the earlier ones added), so the moderator gets
the fewest aliases that cover what people asked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.faq.matcher import FaqMatcher
from bot.faq.models import FaqDocument
from bot.faq.normalise import normalise_text
from bot.report.asked import AskedQuestion
from bot.report.model import (
    BASIS_RANK,
    AliasPreview,
    AliasSuggestion,
    Asked,
    Basis,
    ChangedAnswer,
    EntryNearMisses,
    WithheldSuggestion,
)
from bot.store.feedback import NotHelpfulVote
from bot.wiring import matcher_for

NEAR_MISS_POINTS = 15.0  # a fallback this close below the clarify threshold is a near miss
DUPLICATE_RATIO = 90.0  # folded wordings this alike are one suggestion

CrisisCheck = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class _Claim:
    """A question attributed to an entry, before the filters."""

    question: AskedQuestion
    entry_id: str
    basis: Basis
    score: float


def near_miss_floor(matcher: FaqMatcher) -> float:
    """Lowest fallback score that still counts as nearly matching its best candidate."""
    return max(0.0, matcher.thresholds.clarify - NEAR_MISS_POINTS)


def not_covered_topics(matcher: FaqMatcher, texts: Iterable[str]) -> tuple[str, ...]:
    """Topics the synonyms table marks as covered by no entry that ``texts`` mention."""
    index = matcher.index
    found = dict.fromkeys(
        term for text in texts for term in index.analyser.terms(text) if term in index.off_topic
    )
    return tuple(term.replace("_", " ") for term in found)


def attribute(
    question: AskedQuestion, cluster: Sequence[AskedQuestion], floor: float
) -> tuple[str, Basis, float] | None:
    """The entry ``question`` most likely belongs to, how sure, and its best score there."""
    own = {e: n - question.rejected.get(e, 0) for e, n in question.picks.items()}
    if own and max(own.values()) > 0:
        entry_id = max(own, key=lambda e: (own[e], e))
        return entry_id, "picked", question.top_scores.get(entry_id, 0.0)
    picked: Counter[str] = Counter()
    rejected: Counter[str] = Counter()
    for member in cluster:
        picked.update(member.picks)
        rejected.update(member.rejected)
    net = {e: n - rejected[e] for e, n in picked.items() if n - rejected[e] > 0}
    if net:
        entry_id = max(net, key=lambda e: (net[e], e))
        if question.rejected.get(entry_id, 0):
            return None
        return entry_id, "similar-picked", question.top_scores.get(entry_id, 0.0)
    guesses = [
        (score, entry_id)
        for entry_id, score in question.top_scores.items()
        if score >= floor and not rejected[entry_id]
    ]
    if not guesses:
        return None
    score, entry_id = max(guesses)
    return entry_id, "best-guess", score


class _Suggester:
    """Turns attributed questions into suggestions or withheld near misses."""

    def __init__(
        self, document: FaqDocument, matcher: FaqMatcher, is_crisis: CrisisCheck | None
    ) -> None:
        self.document = document
        self.matcher = matcher
        self.is_crisis = is_crisis or (lambda _text: False)
        self.existing = {
            normalise_text(text): entry.id
            for entry in document.entries
            for text in (entry.question, *entry.aliases)
        }
        self.entry_terms = {
            entry.id: {self._terms(text) for text in (entry.question, *entry.aliases)}
            for entry in document.entries
        }

    def _terms(self, text: str) -> frozenset[str]:
        return frozenset(self.matcher.index.analyser.terms(text))

    def judge(self, claim: _Claim) -> AliasSuggestion | WithheldSuggestion | None:
        """A suggestion, a withheld near miss, or None when there is nothing to show."""
        text, entry_id = claim.question.text, claim.entry_id
        if self.is_crisis(text) or self.matcher.match(text).entry_id == entry_id:
            return None  # never shown, or it already gets this entry's answer
        owner = self.existing.get(claim.question.key)
        if owner == entry_id:
            return WithheldSuggestion(
                entry_id,
                text,
                claim.question.asked,
                "already an alias of this entry, yet it does not get this answer: reword "
                "it or add keywords (`faq-bot check` warns about it too)",
            )
        if owner is not None:
            return None  # the same text belongs to another entry: moving it is a judgement call
        if self._terms(text) in self.entry_terms.get(entry_id, set()):
            return None  # an alias with the same words is already there
        topics = not_covered_topics(self.matcher, [text])
        if topics:
            named = ", ".join(f"'{topic}'" for topic in topics)
            return WithheldSuggestion(
                entry_id,
                text,
                claim.question.asked,
                f"mentions {named}, which the synonyms table marks as a topic no entry "
                "covers: as an alias it would make this entry answer every such question",
            )
        return AliasSuggestion(
            entry_id, text, claim.question.asked, claim.basis, round(claim.score, 1)
        )

    def merge(self, suggestions: Iterable[AliasSuggestion]) -> list[AliasSuggestion]:
        """Fold near-duplicate wordings for the same entry into the strongest one."""
        ordered = sorted(
            suggestions, key=lambda s: (BASIS_RANK[s.basis], -s.asked, normalise_text(s.text))
        )
        kept: list[AliasSuggestion] = []
        for suggestion in ordered:
            folded, terms = normalise_text(suggestion.text), self._terms(suggestion.text)
            for position, other in enumerate(kept):
                same_words = terms and terms == self._terms(other.text)
                alike = fuzz.ratio(folded, normalise_text(other.text)) >= DUPLICATE_RATIO
                if other.entry_id == suggestion.entry_id and (same_words or alike):
                    kept[position] = _absorb(other, suggestion)
                    break
            else:
                kept.append(suggestion)
        return kept


@dataclass(frozen=True, slots=True)
class NearMisses:
    """Per entry near misses (in file order) and what adding the suggestions would do."""

    entries: tuple[EntryNearMisses, ...]
    preview: AliasPreview


def find_near_misses(
    clusters: Sequence[Sequence[AskedQuestion]],
    document: FaqDocument,
    matcher: FaqMatcher,
    *,
    not_helpful: Sequence[NotHelpfulVote] = (),
    is_crisis: CrisisCheck | None = None,
    others: Sequence[AskedQuestion] = (),
) -> NearMisses:
    """Suggestions, withheld near misses, rejections and Not helpful votes, per entry.

    ``others`` are the questions answered directly: the preview checks that the
    suggestions would not change their answers.
    """
    suggester = _Suggester(document, matcher, is_crisis)
    floor = near_miss_floor(matcher)
    suggested: list[AliasSuggestion] = []
    withheld: list[WithheldSuggestion] = []
    rejected: dict[str, Counter[str]] = {}
    wording: dict[str, str] = {}
    for cluster in clusters:
        for question in cluster:
            for entry_id, count in question.rejected.items():
                if not suggester.is_crisis(question.text):
                    rejected.setdefault(entry_id, Counter())[question.key] += count
                    wording[question.key] = question.text
            found = attribute(question, cluster, floor)
            if found is None:
                continue
            verdict = suggester.judge(_Claim(question, *found))
            if isinstance(verdict, AliasSuggestion):
                suggested.append(verdict)
            elif isinstance(verdict, WithheldSuggestion):
                withheld.append(verdict)
    chosen, after = fewest_aliases(document, suggester.merge(suggested))
    unhelpful = _not_helpful_by_entry(not_helpful, suggester.is_crisis)
    entries = []
    for entry in document.entries:
        mine = tuple(s for s in chosen if s.entry_id == entry.id)
        held = tuple(w for w in withheld if w.entry_id == entry.id)
        said_no = tuple(
            Asked(wording[key], n) for key, n in _ranked(rejected.get(entry.id, Counter()))
        )
        votes = unhelpful.get(entry.id, ())
        if mine or held or said_no or votes:
            entries.append(EntryNearMisses(entry.id, entry.question, mine, held, said_no, votes))
    asked = [q for cluster in clusters for q in cluster] + list(others)
    return NearMisses(tuple(entries), _preview(matcher, after, chosen, asked))


def fewest_aliases(
    document: FaqDocument, suggestions: Sequence[AliasSuggestion]
) -> tuple[list[AliasSuggestion], FaqMatcher]:
    """Keep only the suggestions needed, strongest first, and the matcher with them added.

    Each suggestion is tried against the FAQ with the ones kept so far: if that already
    answers it with its entry, it folds into the kept suggestion it is most like (its
    count adds up there) instead of becoming one more alias.
    """
    ordered = sorted(
        suggestions, key=lambda s: (BASIS_RANK[s.basis], -s.asked, normalise_text(s.text))
    )
    kept: list[AliasSuggestion] = []
    current = matcher_for(document)
    for suggestion in ordered:
        mine = [k for k in kept if k.entry_id == suggestion.entry_id]
        if mine and current.match(suggestion.text).entry_id == suggestion.entry_id:
            folded = normalise_text(suggestion.text)
            target = max(mine, key=lambda k: fuzz.token_set_ratio(folded, normalise_text(k.text)))
            kept[kept.index(target)] = _absorb(target, suggestion)
            continue
        kept.append(suggestion)
        current = matcher_for(with_aliases(document, _aliases_of(kept)))
    return kept, current


def _absorb(kept: AliasSuggestion, other: AliasSuggestion) -> AliasSuggestion:
    return AliasSuggestion(
        kept.entry_id,
        kept.text,
        kept.asked + other.asked,
        kept.basis,
        max(kept.score, other.score),
        (*kept.variants, other.text, *other.variants),
    )


def _aliases_of(suggestions: Iterable[AliasSuggestion]) -> dict[str, list[str]]:
    aliases: dict[str, list[str]] = {}
    for suggestion in suggestions:
        aliases.setdefault(suggestion.entry_id, []).append(suggestion.text)
    return aliases


def _ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _not_helpful_by_entry(
    votes: Sequence[NotHelpfulVote], is_crisis: CrisisCheck
) -> dict[str, tuple[Asked, ...]]:
    counts: dict[str, Counter[str]] = {}
    wording: dict[str, str] = {}
    for vote in votes:
        if vote.question is None or not normalise_text(vote.question) or is_crisis(vote.question):
            continue
        key = normalise_text(vote.question)
        counts.setdefault(vote.entry_id, Counter())[key] += 1
        wording.setdefault(key, vote.question.strip())
    return {
        entry_id: tuple(Asked(wording[key], n) for key, n in _ranked(per_entry))
        for entry_id, per_entry in counts.items()
    }


def with_aliases(document: FaqDocument, aliases: Mapping[str, Sequence[str]]) -> FaqDocument:
    """A copy of ``document`` with ``aliases`` (entry id -> new aliases) appended."""
    entries = [
        entry.model_copy(update={"aliases": [*entry.aliases, *aliases.get(entry.id, ())]})
        for entry in document.entries
    ]
    return document.model_copy(update={"entries": entries})


def _preview(
    before: FaqMatcher,
    after: FaqMatcher,
    suggestions: Sequence[AliasSuggestion],
    asked: Sequence[AskedQuestion],
) -> AliasPreview:
    """What adding every suggestion would change, checked with the rebuilt matcher."""
    targets = {
        normalise_text(text): (text, s.entry_id)
        for s in suggestions
        for text in (s.text, *s.variants)
    }
    still = tuple(
        text for text, entry_id in targets.values() if after.match(text).entry_id != entry_id
    )
    changed = []
    for question in asked:
        if question.key in targets:
            continue
        before_id = before.match(question.text).entry_id
        after_id = after.match(question.text).entry_id
        if before_id != after_id:
            changed.append(ChangedAnswer(question.text, before_id, after_id))
    return AliasPreview(
        aliases=len(suggestions),
        questions=len(targets),
        now_answered=len(targets) - len(still),
        still_not_answered=still,
        changed_answers=tuple(changed),
    )
