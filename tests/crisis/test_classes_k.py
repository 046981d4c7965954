"""Set K classes: a question that tells an amount already taken, a benzo followed by
drinking that "kept going" with signs, an opioid, a benzo and alcohol listed with '+',
being a burden whose family would have peace without them, suicide that has become a
plan, hitting one's own head to stop a withdrawal noise, pills put in someone's drink,
and an attack on the pharmacy that cut the writer off. Each class has look-alikes that
must stay quiet, as do water drunk with one's meds and a bad withdrawal told as a past
season or as "the first time i quit".

These hold the lexicon's rules to the classes, so the detector is built from the lexicon
alone (no statistical second opinion, which is tested on its own).
"""

from __future__ import annotations

import pytest

from bot.crisis.detector import CrisisDetector
from tests.crisis.verdicts import category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("how long until 25 kpins hit, already swallowed them", "overdose"),
        ("is 30 of my 1mg pins enough to kill me, i already took them", "overdose"),
        ("how long does 12 clonazepam take to work, i already took them all", "overdose"),
        # A usual dose asked about stays quiet.
        ("how long does it take for klonopin to kick in? i already took my dose", None),
        ("how long does 1 klonopin take to kick in, i already took it", None),
    ],
)
def test_question_telling_an_amount_taken(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "had my kpin and then we cracked open the wine and i kept going. "
            "now im puking and so drowsy",
            "combination",
        ),
        ("oxy + 2 kpins + vodka tonight, feel so heavy", "combination"),
        ("fentanyl + klonopin + beer, cant keep my eyes open", "combination"),
        ("took my kpins and drank a bottle of wine, everything is spinning", "combination"),
        # Water, tea and coffee are not alcohol.
        ("took my meds, drank my water, touched some grass. good day", None),
        ("drank my water and took my klonopin on time today, feeling ok", None),
        ("went for a run after my kpin and kept going, felt great", None),
    ],
)
def test_benzo_with_drink_or_opioid(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my kids would finally have peace if i wasnt here anymore", "suicide"),
        ("my parents could finally get some rest if i was gone", "suicide"),
        ("ending it keeps running through my mind and tonight it feels like a plan", "suicide"),
        ("killing myself keeps going through my head and tonight it feels like a plan", "suicide"),
        ("my family would finally get some peace if i moved out lol", None),
        ("i feel like a burden sometimes when i ask for rides", None),
        ("suicide keeps coming up in the show im watching", None),
    ],
)
def test_burden_and_plan(rules_detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hitting my head on the floor over and over, cant stop", "self-harm"),
        ("slamming my head into the door to make the ringing stop", "self-harm"),
        ("keep punching myself in the face to make the noise stop", "self-harm"),
        ("banging my head against the wall trying to fix this code lol", None),
        ("been banging my head against a wall with this insurance paperwork", None),
    ],
)
def test_hitting_ones_head(rules_detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("slipping my klonopin in my moms tea tonight so she shuts up for good", "harm-to-others"),
        ("putting my pills into his coffee so he never wakes up", "harm-to-others"),
        ("shooting up the clinic that dropped me tomorrow", "harm-to-others"),
        ("gonna shoot up the pharmacy that cut me off", "harm-to-others"),
        ("i put my kpins in my pill case tonight so i dont forget", None),
        ("shooting up my insulin before lunch", None),
        ("shooting up the charts this week, my sales are great", None),
    ],
)
def test_poisoning_and_attacks(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last autumn i wanted to die every day, now im doing so much better", None),
        (
            "remember when i posted here about wanting to die last spring? "
            "im in a really good place now",
            None,
        ),
        (
            "last winter i hallucinated during withdrawal and it was terrifying, "
            "but i'm stable now on a proper taper",
            None,
        ),
        (
            "the last time i came off klonopin i ended up in the hospital delirious, "
            "this taper is much slower and im ok",
            None,
        ),
        # Happening now all the same.
        ("i posted about wanting to die last week and i still want to die", "suicide"),
        ("i hallucinated all night from withdrawal and its still happening now", "withdrawal"),
        (
            "quit my kpins 4 days ago and woke up in the er confused, it keeps happening",
            "withdrawal",
        ),
    ],
)
def test_history_told_by_season_or_first_time(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


def test_a_contracted_sign_is_still_a_sign(rules_detector: CrisisDetector) -> None:
    # "breathing's" reaches the rules as one word; a question before it changes nothing.
    report = "I took 4mg and I'm really drunk and my breathing's shallow"
    assert category(rules_detector, report) == "combination"
    assert category(rules_detector, f"can you throw up klonopin after drinking? {report}") == (
        "combination"
    )
