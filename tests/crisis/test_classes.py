"""Whole classes of crisis language found missing on hold-out set C, held as classes.

Each test pairs messages of one class with look-alikes that must stay quiet. None of these
sentences is in an evaluation set: they check the mechanism, not a memorised message.
"""

from __future__ import annotations

import pytest

from bot.crisis.detector import CrisisDetector
from bot.crisis.result import Category


def verdict(detector: CrisisDetector, text: str) -> tuple[str, int] | None:
    result = detector.assess(text).crisis
    return (result.category.value, result.level) if result is not None else None


def check(detector: CrisisDetector, text: str, expected: tuple[str, int] | None) -> None:
    assert verdict(detector, text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # stretched letters, read every way ("diiiieeee" is "die", "goooood" is "good")
        ("overrrdoooosed on kpins", ("overdose", 1)),
        ("i wannnaaa diiiieeee tonight", ("suicide", 1)),
        ("sooo tiiired lol", None),
        ("gooood morning, day 12 off pins", None),
        # a soft hyphen or small capitals inside a word
        ("su\u00adici\u00addal again", ("suicide", 2)),
        ("\u1d0f\u1d20\u1d07\u0280\u1d05\u1d0f\ua731\u1d07\u1d05 on bars", ("overdose", 1)),
        # algospeak verbs
        ("gonna ctb this weekend", ("suicide", 1)),
        ("gonna yeet myself off the overpass", ("suicide", 1)),
        ("yeet the old pill bottles in the bin", None),
    ],
)
def test_disguised_words(
    detector: CrisisDetector, text: str, expected: tuple[str, int] | None
) -> None:
    check(detector, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thinking seriously about hurting my cousin", ("harm-to-others", 2)),
        ("im gonna fucking strangle my landlord tonight", ("harm-to-others", 1)),
        ("honestly hoping i just never wake up", ("suicide", 2)),
        ("thinking seriously about moving to ohio", None),
    ],
)
def test_fillers_inside_phrases(
    detector: CrisisDetector, text: str, expected: tuple[str, int] | None
) -> None:
    check(detector, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i swallowed nearly all of my klonopin", ("overdose", 1)),
        ("took most of my new prescription at once", ("overdose", 1)),
        ("took all but one of my pins", ("overdose", 1)),
        ("took perhaps twenty of my tablets", ("overdose", 1)),
        ("took nearly all of my sick days this year", None),
        ("took half a pill and slept fine", None),
    ],
)
def test_approximate_quantities(
    detector: CrisisDetector, text: str, expected: tuple[str, int] | None
) -> None:
    check(detector, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("took my kpins after a few pints of lager, now throwing up", ("combination", 1)),
        ("polished off a bottle of merlot then took my clonazepam", ("combination", 2)),
        ("had a few pints of lager with dinner", None),
        ("had a glass of wine, didn't take my klonopin tonight", None),
    ],
)
def test_alcohol_in_any_amount(
    detector: CrisisDetector, text: str, expected: tuple[str, int] | None
) -> None:
    check(detector, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quit clonazepam last week, pulse 165 and shaking", ("withdrawal", 1)),
        ("ran out of my pins and i feel a fit coming on", ("withdrawal", 1)),
        ("stopped my benzos and my husband says i think people are watching me", ("withdrawal", 1)),
        ("pulse 165 on my run today, stopped klonopin months ago", None),
        ("ran out of kpins, a bit shaky, refill tomorrow", None),
    ],
)
def test_withdrawal_emergency_by_its_signs(
    detector: CrisisDetector, text: str, expected: tuple[str, int] | None
) -> None:
    check(detector, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i cant keep on living like this", ("suicide", 2)),
        ("killing myself is all i think about", ("suicide", 2)),
        ("i dont see myself alive much longer", ("suicide", 2)),
        ("goodbye all, thank you for everything, please forgive me", ("suicide", 1)),
        ("i cant keep on working like this", None),
        ("my cat is all i think about lol", None),
        ("goodbye all, thank you for everything, off on my trip tomorrow", None),
    ],
)
def test_passive_wishes_and_farewells(
    detector: CrisisDetector, text: str, expected: tuple[str, int] | None
) -> None:
    check(detector, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my father he take all his tablets, he very sleepy, not answer", ("third-party", 1)),
        ("my 2 year old ate one of my klonopin", ("third-party", 1)),
        ("my 2 year old ate a grape", None),
        ("my dad takes all his meds at breakfast and is sleepy after", None),
    ],
)
def test_someone_else_in_danger(
    detector: CrisisDetector, text: str, expected: tuple[str, int] | None
) -> None:
    check(detector, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i want to hurt the cashier", ("harm-to-others", 2)),
        ("driving to my ex's work right now to stab her", ("harm-to-others", 1)),
        ("gonna run my landlord over with my van", ("harm-to-others", 1)),
        ("the voices are telling me to stab my neighbour", ("harm-to-others", 1)),
        ("i'm terrified i'll hurt my infant", ("harm-to-others", 1)),
        ("i want to shoot the cashier a smile", None),
        ("driving to work to kill some time", None),
        ("gonna run my grandma over to church", None),
        ("the radio host told me to relax", None),
        ("scared i'll hurt my knee", None),
        ("my drinking will hurt my kids if i relapse", None),
    ],
)
def test_harm_to_others(
    detector: CrisisDetector, text: str, expected: tuple[str, int] | None
) -> None:
    check(detector, text, expected)


def test_voices_ordering_self_harm_are_a_suicide_emergency(detector: CrisisDetector) -> None:
    assert verdict(detector, "voices keep telling me to end it") == ("suicide", 1)


@pytest.mark.parametrize(
    "text",
    [
        "never once mixed kpins with beer, never will",
        "never in my life have i taken a whole bottle of pills",
        "i have never had a seizure, not once",
    ],
)
def test_never_means_it_did_not_happen(detector: CrisisDetector, text: str) -> None:
    result = detector.assess(text)
    assert result.crisis is None
    assert result.safety_note


def test_a_cue_inside_the_phrase_is_not_history(detector: CrisisDetector) -> None:
    assert verdict(detector, "i no longer want to be alive") == ("suicide", 2)
    assert detector.assess("i no longer have suicidal thoughts").crisis is None


def test_a_tag_question_makes_a_general_statement_a_question(detector: CrisisDetector) -> None:
    general = detector.assess("withdrawal seizures are pretty rare with a slow taper, right?")
    assert general.crisis is None
    assert general.safety_note
    assert verdict(detector, "i took 12 kpins, thats ok right?") == ("overdose", 1)


def test_a_plan_puts_off_an_overdose_but_never_a_seizure(detector: CrisisDetector) -> None:
    assert verdict(detector, "thinking about taking all my pills") == ("suicide", 2)
    assert verdict(detector, "quit my pins and i'm about to have a seizure") == ("withdrawal", 1)


def test_an_others_rule_needs_someone_else(detector: CrisisDetector) -> None:
    result = detector.assess("gonna take all my pills tonight and never wake up").crisis
    assert result is not None
    assert result.category == Category.SUICIDE


def test_people_spoken_to_are_not_the_subject(detector: CrisisDetector) -> None:
    assert verdict(detector, "goodbye everyone, this is my last message") == ("suicide", 1)
    assert detector.assess("can everyone overdose on klonopin?").crisis is None
