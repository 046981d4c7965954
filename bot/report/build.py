"""Build the moderators' report for one period from the stores and the current FAQ."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bot.faq.matcher import FaqMatcher
from bot.faq.models import FaqDocument
from bot.report import figures
from bot.report.asked import AskedQuestion, group_by_question
from bot.report.clusters import DEFAULT_THRESHOLD, cluster_questions, matcher_profile
from bot.report.data import Traffic, load_traffic
from bot.report.model import QuestionCluster, Report
from bot.report.suggestions import (
    CrisisCheck,
    attribute,
    find_near_misses,
    near_miss_floor,
    not_covered_topics,
)
from bot.store.stores import Stores
from bot.wiring import matcher_for

MAX_EXAMPLES = 5


def build_report(
    stores: Stores,
    document: FaqDocument,
    *,
    now: dt.datetime,
    days: int = 7,
    matcher: FaqMatcher | None = None,
    is_crisis: CrisisCheck | None = None,
    cluster_threshold: float = DEFAULT_THRESHOLD,
) -> Report:
    """The report on the last ``days`` UTC days up to ``now`` (today included).

    ``is_crisis`` (the crisis detector's verdict) keeps any message that reads as a crisis
    out of the clusters and suggestions, even one logged before the lexicon caught it.
    """
    if days < 1:
        raise ValueError("days must be at least 1")
    traffic = load_traffic(stores, since=period_start(now, days), until=now)
    return report_from_traffic(
        traffic,
        document,
        days=days,
        matcher=matcher,
        is_crisis=is_crisis,
        cluster_threshold=cluster_threshold,
    )


def period_start(now: dt.datetime, days: int) -> dt.datetime:
    """Midnight UTC at the start of the first of the last ``days`` days (today counts)."""
    first = now.astimezone(dt.UTC).date() - dt.timedelta(days=days - 1)
    return dt.datetime.combine(first, dt.time(), tzinfo=dt.UTC)


def report_from_traffic(
    traffic: Traffic,
    document: FaqDocument,
    *,
    days: int,
    matcher: FaqMatcher | None = None,
    is_crisis: CrisisCheck | None = None,
    cluster_threshold: float = DEFAULT_THRESHOLD,
) -> Report:
    """The report for already loaded traffic (what ``build_report`` does after reading)."""
    matcher = matcher or matcher_for(document)
    crisis = is_crisis or (lambda _text: False)
    rows = traffic.questions
    asked = [q for q in group_by_question(rows) if not crisis(q.text)]
    unanswered = [q for q in asked if q.not_answered_directly]
    clusters = cluster_questions(
        unanswered, profile=matcher_profile(matcher), threshold=cluster_threshold
    )
    found = find_near_misses(
        clusters,
        document,
        matcher,
        not_helpful=traffic.not_helpful,
        is_crisis=crisis,
        others=[q for q in asked if not q.not_answered_directly],
    )
    return Report(
        generated_at=traffic.until,
        since=traffic.since,
        days=days,
        totals=figures.totals(rows),
        most_asked=figures.most_asked(rows, document),
        per_day=figures.per_day(rows, traffic.since, traffic.until),
        helpfulness=figures.helpfulness(traffic.votes, document),
        clusters=tuple(_describe(c, matcher) for c in clusters),
        near_misses=found.entries,
        preview=found.preview,
    )


def _describe(cluster: Sequence[AskedQuestion], matcher: FaqMatcher) -> QuestionCluster:
    """Summarise a cluster: its wordings, what happened, and the entry it points at."""
    floor = near_miss_floor(matcher)
    votes: dict[str, int] = {}
    for question in cluster:
        found = attribute(question, cluster, floor)
        if found is not None:
            votes[found[0]] = votes.get(found[0], 0) + question.asked
    not_covered = not_covered_topics(matcher, (question.text for question in cluster))
    picked = sum(sum(q.picks.values()) for q in cluster)
    if not_covered and not picked:
        votes.clear()  # a guess about a topic the FAQ says it does not cover is no lead
    likely = max(votes, key=lambda e: (votes[e], e)) if votes else None
    return QuestionCluster(
        representative=cluster[0].text,
        asked=sum(q.asked for q in cluster),
        examples=tuple(q.text for q in cluster[1 : 1 + MAX_EXAMPLES]),
        fell_back=sum(q.fell_back for q in cluster),
        clarified=sum(q.clarified for q in cluster),
        picked=picked,
        none_of_these=sum(q.none_of_these for q in cluster),
        likely_entry=likely,
        not_covered=not_covered,
    )
