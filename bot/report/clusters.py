"""Group similar questions, so moderators see "asked 9 times in 4 wordings" instead of a list.

Two questions are similar when the words they share carry most of their weight: a
weighted Jaccard over their terms, where rare words weigh more than common ones. With the
matcher's terms (``matcher_profile``) synonyms, slang and typos are already folded
("kpins" is "klonopin") and a word every entry uses ("klonopin") weighs almost nothing, so
"can you take klonopin while pregnant" and "can i take klonopin for sleep" stay apart
while "seizures after stopping klonopin" and "can stopping kpins cause seizures" meet.
(Character-level scores cannot tell those apart: rapidfuzz's ``token_set_ratio`` gives
74 and 77.) Wordings that are nearly the same letter for letter (rapidfuzz ``ratio`` of
``SAME_WORDING_RATIO`` or more: typos of words the FAQ does not know) are always similar.

Clustering is greedy, most asked first: each question joins the cluster of its most
similar earlier question, or starts a new one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from rapidfuzz import fuzz, process

from bot.faq.analysis import surface_words
from bot.faq.matcher import FaqMatcher
from bot.faq.normalise import normalise_text
from bot.report.asked import AskedQuestion

DEFAULT_THRESHOLD = 50.0  # share of the combined weight the two questions must share, in %
SAME_WORDING_RATIO = 90.0
KEY_TERM_MIN_WEIGHT = 0.1  # terms lighter than this never bring two questions together

Profile = Callable[[str], Mapping[str, float]]


def word_profile(text: str) -> Mapping[str, float]:
    """Every folded word of ``text`` with weight 1 (used when there is no matcher)."""
    return dict.fromkeys(normalise_text(text).split(), 1.0)


def matcher_profile(matcher: FaqMatcher) -> Profile:
    """Terms of a text as the matcher sees them, each weighted by its rarity in the FAQ."""
    index = matcher.index

    def profile(text: str) -> Mapping[str, float]:
        weights: dict[str, float] = {}
        for term, word in index.analyser.analyse(surface_words(text)):
            weights[term] = index.weight(term, word)
        return weights

    return profile


def similarity(left: Mapping[str, float], right: Mapping[str, float]) -> float:
    """Weighted Jaccard of two term profiles, 0-100."""
    union = sum(max(left.get(t, 0.0), right.get(t, 0.0)) for t in left.keys() | right.keys())
    if union <= 0:
        return 0.0
    shared = sum(min(weight, right[t]) for t, weight in left.items() if t in right)
    return 100.0 * shared / union


def cluster_questions(
    questions: Sequence[AskedQuestion],
    *,
    profile: Profile = word_profile,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[tuple[AskedQuestion, ...]]:
    """Similar questions grouped, most asked group first; in each, most asked first."""
    ordered = sorted(questions, key=lambda q: (-q.asked, -q.none_of_these, q.key))
    profiles: list[Mapping[str, float]] = []
    folded: list[str] = []
    owner: list[int] = []  # cluster of each placed question
    by_term: dict[str, list[int]] = {}
    clusters: list[list[AskedQuestion]] = []
    for question in ordered:
        mine = profile(question.text)
        best, best_score = -1, -1.0
        for position in _sharing(mine, by_term):
            score = similarity(mine, profiles[position])
            if score >= threshold and score > best_score:
                best, best_score = owner[position], score
        if best < 0 and folded:
            same = process.extractOne(
                question.key, folded, scorer=fuzz.ratio, score_cutoff=SAME_WORDING_RATIO
            )
            if same is not None:
                best = owner[same[2]]
        if best < 0:
            best = len(clusters)
            clusters.append([])
        clusters[best].append(question)
        position = len(profiles)
        profiles.append(mine)
        folded.append(question.key)
        owner.append(best)
        for term, weight in mine.items():
            if weight >= KEY_TERM_MIN_WEIGHT:
                by_term.setdefault(term, []).append(position)
    grouped = [tuple(cluster) for cluster in clusters]
    grouped.sort(key=lambda c: (-sum(q.asked for q in c), c[0].key))
    return grouped


def _sharing(profile: Mapping[str, float], by_term: Mapping[str, list[int]]) -> list[int]:
    """Placed questions that share a telling term with ``profile``."""
    found: set[int] = set()
    for term, weight in profile.items():
        if weight >= KEY_TERM_MIN_WEIGHT:
            found.update(by_term.get(term, ()))
    return sorted(found)
