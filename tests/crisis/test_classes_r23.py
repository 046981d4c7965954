"""Round 23 classes: algospeak praise, s/h, healed or academic mentions, plans, signs."""

from __future__ import annotations

import pytest

from bot.crisis.detector import CrisisDetector
from tests.crisis.verdicts import category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Algospeak or plain words for suicide, praised.
        ("unaliving sounds kinda peaceful ngl", "suicide"),
        ("death is looking more and more appealing", "suicide"),
        ("sewerslide seems real tempting lately", "suicide"),
        ("this playlist is looking real good", None),
        # Passive wishes and plans with a date or a place.
        ("my family would be fine if i just didnt wake up tomorrow", "suicide"),
        ("i wont be your burden much longer", "suicide"),
        ("gonna do it next week while my wife is on a trip", "suicide"),
        ("sat on the overpass for a while. heading back later", "suicide"),
        ("walked to the bridge for the sunset pics, going back tomorrow", None),
        ("gonna do the dishes tonight when my mom is out", None),
    ],
)
def test_suicide_classes(detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("relapsed with s/h last night", "self-harm"),
        ("self h*rming again and i cant stop", "self-harm"),
        ("cant stop cutting tonight", "self-harm"),
        ("5 months since my last self harm relapse this week", None),
        ("my cutting scars are all faded now", None),
        ("our lecture covered self harm prevention", None),
        ("cant stop cutting my dose, tapering too fast", None),
    ],
)
def test_self_harm_classes(detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sw4ll0wed 4ll my pills", "overdose"),
        ("necked 💊💊💊💊 pretty much the whole bottle", "overdose"),
        ("chewed a whole sheet of my 1mg", "overdose"),
        ("tipped the rest of my pills into my palm and swallowed them all", "overdose"),
        ("i swallow too many klonopin today, help", "overdose"),
        ("ate a whole box of cookies", None),
        ("not oding lmao it was one tablet", None),
        ("did 8 kms on the bike", None),
    ],
)
def test_overdose_classes(detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dropped from 3mg to zero in 4 days and im seeing bugs that arent there", "withdrawal"),
        ("my psychiatrist yanked my clonazepam overnight, now hallucinating", "withdrawal"),
        ("my husband is out cold with an empty blister pack beside him", "third-party"),
        ("she took something, shes groggy and hard to rouse", "third-party"),
        ("my baby girl is hard to wake up from her nap", None),
        ("went from 2mg to 1.75 and im doing fine", None),
    ],
)
def test_medical_classes(detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("that nurse is gonna get hurt, ill be waiting for her outside", "harm-to-others"),
        ("wrote a list of names at work, theyre all gonna pay", "harm-to-others"),
        ("terrified im going to smother the baby, i havent slept in days", "harm-to-others"),
        ("slipping crushed pills into his tea so he never wakes up", "harm-to-others"),
        ("my son is gonna get hurt if he climbs that tree", None),
        ("made a list of people to invite, theyre gonna love it", None),
    ],
)
def test_harm_to_others_classes(
    detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(detector, text) == expected
