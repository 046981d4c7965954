"""The report's counts: totals, questions per day, most asked entries, helpfulness."""

from __future__ import annotations

import datetime as dt

from bot.faq.models import FaqDocument
from bot.report.build import build_report
from bot.report.model import Totals
from bot.store.stores import Stores
from tests.report.helpers import NOW, at, clarify_then_pick, fallback, none_of_these


def test_a_pick_after_did_you_mean_is_not_counted_as_a_second_question(
    stores: Stores, shipped_faq: FaqDocument
) -> None:
    stores.questions.record("answer", "is 1mg of klonopin a lot", "dosage", 100.0, now=at(30))
    clarify_then_pick(stores, "blorp zanf klonopin", ["what-is-klonopin", "dosage"], "dosage")
    none_of_these(stores, "zorp klonopin", ["mania"])
    fallback(stores, "can i bring kpins on a plane", None, 2.0)
    stores.questions.record("crisis", "i want to die", None, 0.0, now=at(10))

    report = build_report(stores, shipped_faq, now=NOW)

    assert report.totals == Totals(
        asked=4, answered=1, clarified=2, fell_back=1, picked=1, none_of_these=1, crisis=1
    )
    assert [(e.entry_id, e.asked) for e in report.most_asked] == [("dosage", 2)]
    assert report.most_asked[0].question == shipped_faq.entry("dosage").question


def test_every_day_of_the_period_is_listed_quiet_days_included(
    stores: Stores, shipped_faq: FaqDocument
) -> None:
    two_days_ago = NOW - dt.timedelta(days=2)
    for minutes in (1, 2, 3):
        stores.questions.record(
            "answer",
            "klonopin vs xanax",
            "xanax-comparison",
            90.0,
            now=two_days_ago.replace(minute=minutes),
        )
    fallback(stores, "can i bring kpins on a plane", None, 2.0, minutes_ago=2 * 24 * 60 - 30)

    report = build_report(stores, shipped_faq, now=NOW, days=7)

    assert [d.day for d in report.per_day] == [
        NOW.date() - dt.timedelta(days=n) for n in range(6, -1, -1)
    ]
    busy = {d.day: d for d in report.per_day if d.asked}
    assert list(busy) == [two_days_ago.date()]
    assert (busy[two_days_ago.date()].asked, busy[two_days_ago.date()].fell_back) == (4, 1)
    assert busy[two_days_ago.date()].rate == 0.25


def test_questions_outside_the_period_are_left_out(
    stores: Stores, shipped_faq: FaqDocument
) -> None:
    fallback(stores, "asked long ago", None, 2.0, minutes_ago=30 * 24 * 60)
    fallback(stores, "asked after the report time", None, 2.0, minutes_ago=-60)
    fallback(stores, "asked today", None, 2.0, minutes_ago=5)

    report = build_report(stores, shipped_faq, now=NOW, days=7)

    assert report.totals.asked == 1
    assert [c.representative for c in report.clusters] == ["asked today"]


def test_helpfulness_lists_the_least_helpful_entry_first(
    stores: Stores, shipped_faq: FaqDocument
) -> None:
    votes = {"dosage": (8, 1), "euphoria": (1, 3), "mania": (2, 0)}
    for entry_id, (helpful, not_helpful) in votes.items():
        for n in range(helpful + not_helpful):
            stores.feedback.record_vote(entry_id, n < helpful, now=at(30), question="why")

    report = build_report(stores, shipped_faq, now=NOW)

    assert [(h.entry_id, h.helpful, h.not_helpful) for h in report.helpfulness] == [
        ("euphoria", 1, 3),
        ("dosage", 8, 1),
        ("mania", 2, 0),
    ]
    assert report.helpfulness[0].share == 0.25
