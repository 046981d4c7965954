"""Classes of crisis language behind hold-out set D's misses, held as classes.

Each test pairs messages of one class with look-alikes that must stay quiet. None of these
sentences is in an evaluation set: they check the mechanism, not a memorised message.
"""

from __future__ import annotations

import pytest

from bot.crisis.detector import CrisisDetector


def verdict(detector: CrisisDetector, text: str) -> tuple[str, int] | None:
    result = detector.assess(text).crisis
    return (result.category.value, result.level) if result is not None else None


def check(detector: CrisisDetector, text: str, expected: tuple[str, int] | None) -> None:
    assert verdict(detector, text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sign is never put off by a wish or plan word before it ("feel like", "gonna")
        ("pins and a bottle of gin, i feel like im gonna pass out", ("combination", 1)),
        ("kpins n beer, feel like passing out", ("combination", 1)),
        # a row of drink emoji is drinking; a 40 is alcohol
        ("klonopin + \U0001f37a\U0001f37a\U0001f37a and everything is tilting", ("combination", 1)),
        ("my kpins with a 40, cant feel my arms", ("combination", 1)),
        ("kpins + \U0001f375 before bed", None),
    ],
)
def test_combination_signs_and_slang(
    detector: CrisisDetector, text: str, expected: tuple[str, int] | None
) -> None:
    check(detector, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # withdrawal described by symptoms only, after being cut off
        ("psych cut me off, now i keep losing time and coming to in the yard", ("withdrawal", 1)),
        ("ran dry on clonazepam, my hands keep clawing up", ("withdrawal", 1)),
        ("no pins for a week, i dont recognise my own sister", ("withdrawal", 1)),
        # ordinary lost time and denials
        ("lost track of time gaming last night", None),
        ("not seeing things anymore, the new glasses fixed it", None),
        ("had a dream i had a seizure, woke up totally fine", None),
    ],
)
def test_withdrawal_by_symptoms(
    detector: CrisisDetector, text: str, expected: tuple[str, int] | None
) -> None:
    check(detector, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # settling affairs with a last word
        ("found a home for my rabbit before i go", ("suicide", 1)),
        ("wiped my socials. its time", ("suicide", 1)),
        ("bye guys. for good this time", ("suicide", 1)),
        ("please dont come looking for me", ("suicide", 2)),
        # the same acts, moving on or travelling
        ("found a home for my rabbit, my new lease says no pets", None),
        ("bye guys, off to the airport, back for good in june", None),
        ("deleting facebook for a while, taking a break", None),
    ],
)
def test_settling_affairs_and_farewells(
    detector: CrisisDetector, text: str, expected: tuple[str, int] | None
) -> None:
    check(detector, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # street slang, with a person as the target; a game or a joke makes it banter
        ("bout to smoke that dude who robbed my cousin", ("harm-to-others", 1)),
        ("gonna wet him up tonight", ("harm-to-others", 1)),
        ("gonna smoke my cousin in ranked tonight", None),
        ("gonna smoke a joint and sleep", None),
        # a generic target is a target when the writer brings something
        ("everybody at that clinic is gonna pay, im bringing my knife", ("harm-to-others", 1)),
        ("everybody at that clinic is gonna pay for parking now", None),
        # poison in a meal
        ("gonna slip antifreeze in my uncles beer", ("harm-to-others", 1)),
    ],
)
def test_threats_in_slang(
    detector: CrisisDetector, text: str, expected: tuple[str, int] | None
) -> None:
    check(detector, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # self-harm as coping, the blade made ready
        ("i keep slamming my head against the wall until it stops", ("self-harm", 2)),
        ("getting a razor out rn", ("self-harm", 2)),
        # taper cuts and shaving
        ("holding for two weeks, then cutting again", None),
        ("bought a new razor for my legs, so smooth", None),
        ("took a razor to my legs again", ("self-harm", 2)),
    ],
)
def test_self_harm_coping(
    detector: CrisisDetector, text: str, expected: tuple[str, int] | None
) -> None:
    check(detector, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a child's age said after, or someone unwell who got into the pills
        ("my daughter got into my klonopin, shes 3", ("third-party", 1)),
        ("hes really drowsy and pale, i think he got into my pills", ("third-party", 1)),
        ("my kid ate a whole box of crackers lol", None),
    ],
)
def test_third_party_poisoning(
    detector: CrisisDetector, text: str, expected: tuple[str, int] | None
) -> None:
    check(detector, text, expected)


def test_loading_leaves_the_garbage_collector_as_it_was() -> None:
    import gc

    from bot.crisis.detector import load_detector

    assert gc.isenabled()
    load_detector()
    assert gc.isenabled()
    gc.disable()
    try:
        load_detector()
        assert not gc.isenabled()
    finally:
        gc.enable()
