"""The general mechanisms that make the detector cover whole classes of crisis language."""

from __future__ import annotations

import pytest

from bot.crisis.detector import CrisisDetector
from bot.crisis.result import Category
from tests.crisis.verdicts import category


@pytest.mark.parametrize(
    "text",
    [
        "thinking about poisoning my ex and i know how",
        "im going to beat my girlfriend when she gets home",
        "ill shoot anyone who comes through that door tonight",
        "going to run him over with my car tonight",
        "im gonna burn my exs house down with him in it",
        "gonna shoot up my workplace tomorrow",
        "i have a knife and im going over to his house right now",
    ],
)
def test_harm_to_others_covers_any_act_target_and_intent(
    detector: CrisisDetector, text: str
) -> None:
    result = detector.assess(text).crisis
    assert result is not None
    assert (result.category, result.level) == (Category.HARM_TO_OTHERS, 1)


@pytest.mark.parametrize(
    "text",
    [
        "my boss is going to kill me if im late again",
        "im gonna kill my brother if he eats my leftovers lol",
        "were gonna shoot them all in fortnite tonight",
        "gonna beat my dad at chess for once",
        "ill run over to the store after work",
        "i will shoot you a dm later",
        "i want to kill whoever made this tax form",
    ],
)
def test_everyday_violent_words_stay_quiet(detector: CrisisDetector, text: str) -> None:
    assert detector.assess(text).crisis is None


def test_a_joke_marker_cancels_hyperbole_but_not_an_attack_on_a_place(
    detector: CrisisDetector,
) -> None:
    assert detector.assess("gonna kill my roommate, she ate my last yogurt 😂").crisis is None
    assert category(detector, "gonna shoot up the school lol") == "harm-to-others"


def test_a_wish_to_harm_is_level_two_and_negation_makes_it_a_note(
    detector: CrisisDetector,
) -> None:
    wish = detector.assess("i want to hurt people so bad").crisis
    assert wish is not None
    assert wish.level == 2
    negated = detector.assess("im not going to hurt anyone, just angry")
    assert negated.crisis is None
    assert negated.safety_note


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i need to cut rn, the urge is so bad", "self-harm"),
        ("i need to cut my dose again", None),
        ("planning to cut by 10% next week", None),
        ("cutting is the only thing that helps me cope", "self-harm"),
        ("cutting is the hardest part of tapering", None),
        ("took a razor to my thighs tonight", "self-harm"),
        ("punching walls until my knuckles bleed", "self-harm"),
        ("my cat scratched my arm until it bled lol", None),
        ("burned my hand on the pan making dinner", None),
        ("i hit myself when im angry at myself", "self-harm"),
    ],
)
def test_self_harm_acts_versus_taper_cuts_and_accidents(
    detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(detector, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "jumped off clonazapam and my whole body is jerking and i cant control it",
        "stopped benzos abruptly, now hallucinating people standing in my room",
        "s-e-i-z-u-r-e-s since i quit klonopin cold turkey",
        "cold turkeyed 4mg of klonopin and i just collapsed and bit my tongue",
    ],
)
def test_any_seizure_or_hallucination_sign_after_stopping(
    detector: CrisisDetector, text: str
) -> None:
    assert category(detector, text) == "withdrawal"


@pytest.mark.parametrize(
    "text",
    [
        "scared of having seizures when i jump off klonopin next month",
        "jumped off klonopin last month and collapsed into bed after work lol",
        "hands shaking a bit since i stopped, normal wd i guess",
    ],
)
def test_fears_and_mild_withdrawal_stay_quiet(detector: CrisisDetector, text: str) -> None:
    assert detector.assess(text).crisis is None


def test_drowsiness_is_an_overdose_only_after_too_many(detector: CrisisDetector) -> None:
    result = detector.assess("took way too many ks tonight and i cant keep my eyes open").crisis
    assert result is not None
    assert (result.category, result.level) == (Category.OVERDOSE, 1)
    calm = "took my nightly klonopin and i cant keep my eyes open, goodnight all"
    assert detector.assess(calm).crisis is None


@pytest.mark.parametrize(
    "text",
    [
        "drunk af and just popped 5 kpins, everything is going dark",
        "took morphine for my back and then my clonazepam, now i can barely breathe",
        "had like 10 beers and took 6 kpins",
    ],
)
def test_too_many_pills_with_alcohol_or_opioids_is_a_combination(
    detector: CrisisDetector, text: str
) -> None:
    result = detector.assess(text).crisis
    assert result is not None
    assert (result.category, result.level) == (Category.COMBINATION, 1)


def test_a_wished_overdose_is_suicidal_not_an_overdose_in_progress(
    detector: CrisisDetector,
) -> None:
    assert category(detector, "i keep thinking about taking all my pills") == "suicide"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no thoughts of hurting myself, my therapist asked and i honestly said no", None),
        ("never had thoughts of hurting myself thank god", None),
        ("doc asked if i want to kill myself and i said no, im just anxious", None),
        ("doc asked if i wanted to kill myself and i said yes", "suicide"),
        ("no, im not ok, i want to hurt myself", "self-harm"),
    ],
)
def test_negated_ideation_and_questions_answered_no(
    detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(detector, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "my roommate is passed out and i cant wake him up, pills everywhere",
        "my son took my klonopin and isnt responding",
        "my homie not breathin after takin xans",
    ],
)
def test_someone_else_in_danger_when_the_writer_is_the_subject(
    detector: CrisisDetector, text: str
) -> None:
    assert category(detector, text) == "third-party"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i dont want to be here anymore", "suicide"),
        ("its the only way to make the pain stop for good", "suicide"),
        ("this is my last post here because im finally off clonazepam", None),
        ("im done. goodbye everyone, see you tomorrow", None),
        ("i cant do this anymore. goodbye everyone", "suicide"),
        ("im gonna end it with my boyfriend tonight", None),
    ],
)
def test_farewells_and_passive_wishes(
    detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i swalowed all my pils", "overdose"),
        ("been cuting my arms", "self-harm"),
        ("klonopin + wine, i feel super woozy", "combination"),
    ],
)
def test_typos_slang_and_signs(detector: CrisisDetector, text: str, expected: str) -> None:
    assert category(detector, text) == expected
