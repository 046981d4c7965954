"""Which questions are offered as aliases, for which entry, and which are held back."""

from __future__ import annotations

from bot.faq.matcher import FaqMatcher
from bot.faq.models import FaqDocument
from bot.faq.normalise import normalise_text
from bot.report.asked import AskedQuestion
from bot.report.build import build_report
from bot.report.markdown import render_markdown
from bot.report.model import Report
from bot.report.suggestions import attribute, with_aliases
from bot.store.stores import Stores
from tests.report.helpers import NOW, at, clarify_then_pick, none_of_these

# Made-up wordings no entry answers today, so the tests do not depend on the FAQ's aliases.
ODD = "klonopin blorp zanf"
FLOOR = 25.0


def covered(report: Report, entry_id: str) -> set[str]:
    return {t for s in report.suggestions if s.entry_id == entry_id for t in (s.text, *s.variants)}


def question(text: str, **fields: object) -> AskedQuestion:
    return AskedQuestion(key=normalise_text(text), text=text, asked=1, **fields)  # type: ignore[arg-type]


def test_the_entry_a_member_picked_wins_over_the_bots_top_candidate() -> None:
    picked = question(ODD, clarified=1, picks={"dosage": 1}, top_scores={"mania": 52.0})
    assert attribute(picked, [picked], FLOOR) == ("dosage", "picked", 0.0)


def test_a_pick_carries_over_to_a_similar_question_in_its_cluster() -> None:
    picked = question(ODD, clarified=1, picks={"dosage": 2})
    similar = question(ODD + " tonight", fell_back=1, top_scores={"mania": 30.0})
    assert attribute(similar, [picked, similar], FLOOR) == ("dosage", "similar-picked", 0.0)


def test_none_of_these_stops_a_guess_anywhere_in_the_cluster() -> None:
    rejected = question(ODD, clarified=1, rejected={"dosage": 1}, none_of_these=1)
    guessed = question(ODD + " tonight", fell_back=1, top_scores={"dosage": 35.0})
    assert attribute(guessed, [rejected, guessed], FLOOR) is None
    assert attribute(guessed, [guessed], FLOOR) == ("dosage", "best-guess", 35.0)


def test_a_fallback_far_below_the_clarify_threshold_is_no_near_miss() -> None:
    far = question(ODD, fell_back=1, top_scores={"dosage": FLOOR - 1})
    assert attribute(far, [far], FLOOR) is None


def test_picked_question_is_offered_to_the_picked_entry(
    stores: Stores, shipped_faq: FaqDocument
) -> None:
    for minutes in (90, 60, 30):
        clarify_then_pick(stores, ODD, ["mania", "dosage"], "dosage", minutes_ago=minutes)

    report = build_report(stores, shipped_faq, now=NOW)

    (suggestion,) = report.suggestions
    assert (suggestion.entry_id, suggestion.text, suggestion.asked) == ("dosage", ODD, 3)
    assert suggestion.basis == "picked"
    assert report.clusters[0].likely_entry == "dosage"
    assert report.preview.now_answered == report.preview.questions == 1


def answered_wording(document: FaqDocument, matcher: FaqMatcher, entry_id: str) -> str:
    """A wording not in the file that the matcher already answers with ``entry_id``."""
    existing = {normalise_text(t) for e in document.entries for t in (e.question, *e.aliases)}
    return next(
        wording
        for alias in document.entry(entry_id).aliases
        for wording in (f"{alias} please", f"so {alias}", f"{alias} ok")
        if normalise_text(wording) not in existing and matcher.match(wording).entry_id == entry_id
    )


def test_a_question_that_already_gets_the_entry_is_not_offered(
    stores: Stores, shipped_faq: FaqDocument, matcher: FaqMatcher
) -> None:
    clarify_then_pick(
        stores, answered_wording(shipped_faq, matcher, "dosage"), ["dosage", "mania"], "dosage"
    )
    clarify_then_pick(stores, shipped_faq.entry("mania").question, ["mania"], "dosage")

    report = build_report(stores, shipped_faq, now=NOW)

    assert report.suggestions == ()


def test_near_duplicate_wordings_become_one_suggestion(
    stores: Stores, shipped_faq: FaqDocument
) -> None:
    for minutes in (90, 60, 30):
        clarify_then_pick(stores, ODD, ["mania"], "dosage", minutes_ago=minutes)
    clarify_then_pick(stores, ODD + "f", ["mania"], "dosage", minutes_ago=20)

    report = build_report(stores, shipped_faq, now=NOW)

    (suggestion,) = report.suggestions
    assert suggestion.text == ODD
    assert suggestion.variants == (ODD + "f",)
    assert suggestion.asked == 4


def test_question_on_a_topic_the_faq_does_not_cover_is_held_back(
    stores: Stores, shipped_faq: FaqDocument
) -> None:
    synonyms = {**shipped_faq.synonyms, "teleportation": ["teleport", "teleporting"]}
    document = shipped_faq.model_copy(update={"synonyms": synonyms})
    clarify_then_pick(stores, "can i teleport on klonopin", ["mania"], "dosage")

    report = build_report(stores, document, now=NOW)

    assert report.suggestions == ()
    (entry,) = [e for e in report.near_misses if e.entry_id == "dosage"]
    (held,) = entry.withheld
    assert held.text == "can i teleport on klonopin"
    assert "'teleportation'" in held.reason
    assert report.clusters[0].not_covered == ("teleportation",)


def test_none_of_these_is_listed_under_the_entries_it_rejected(
    stores: Stores, shipped_faq: FaqDocument
) -> None:
    none_of_these(stores, ODD, ["mania", "dosage"], minutes_ago=50)
    none_of_these(stores, ODD, ["mania", "dosage"], minutes_ago=40)

    report = build_report(stores, shipped_faq, now=NOW)

    rejected = {e.entry_id: [(a.text, a.count) for a in e.rejected] for e in report.near_misses}
    assert rejected == {"mania": [(ODD, 2)], "dosage": [(ODD, 2)]}
    assert report.suggestions == ()


def test_not_helpful_votes_are_listed_with_their_question(
    stores: Stores, shipped_faq: FaqDocument
) -> None:
    stores.feedback.record_vote("dosage", False, question="is 2mg a lot", now=at(30))
    stores.feedback.record_vote("dosage", False, question="Is 2mg a lot?", now=at(20))
    stores.feedback.record_vote("dosage", True, question="ignored for helpful votes", now=at(10))

    report = build_report(stores, shipped_faq, now=NOW)

    (entry,) = report.near_misses
    (listed,) = entry.not_helpful
    assert (normalise_text(listed.text), listed.count) == ("is 2mg a lot", 2)


def test_a_message_that_reads_as_a_crisis_never_appears(
    stores: Stores, shipped_faq: FaqDocument
) -> None:
    secret = "zebra lantern klonopin tonight"
    clarify_then_pick(stores, secret, ["mania"], "dosage")
    stores.feedback.record_vote("dosage", False, question=secret, now=at(5))

    report = build_report(stores, shipped_faq, now=NOW, is_crisis=lambda text: "zebra" in text)

    assert report.suggestions == ()
    assert report.clusters == ()
    assert "zebra" not in render_markdown(report)


def test_preview_checks_the_suggestions_with_the_real_matcher(
    stores: Stores, shipped_faq: FaqDocument, matcher: FaqMatcher
) -> None:
    answered = [a for e in shipped_faq.entries for a in e.aliases[:3]]
    for minutes, text in enumerate(answered):
        stores.questions.record("answer", text, matcher.match(text).entry_id, 90.0, now=at(minutes))
    clarify_then_pick(stores, ODD, ["mania"], "dosage")
    clarify_then_pick(stores, "kpins zorbly", ["mania"], "euphoria")

    report = build_report(stores, shipped_faq, now=NOW)

    after = FaqMatcher(with_aliases(shipped_faq, {"dosage": [ODD], "euphoria": ["kpins zorbly"]}))
    assert covered(report, "dosage") == {ODD}
    assert covered(report, "euphoria") == {"kpins zorbly"}
    assert (report.preview.aliases, report.preview.now_answered) == (2, 2)
    changed = [t for t in answered if after.match(t).entry_id != matcher.match(t).entry_id]
    assert [c.text for c in report.preview.changed_answers] == changed
