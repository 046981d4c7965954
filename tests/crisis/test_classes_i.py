"""Set I classes: counts and supplies, slang combinations, spaced letters, withdrawal told
by symptoms, suicide plans and goodbyes, self-harm now, third-party scenes, threats with a
means or a target's routine. Each class has look-alikes that must stay quiet.

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
        # A supply emptied or a count that dropped, with signs or in a hurry.
        ("the blister had 12 in it this morning and now theres 2 left, so dizzy", "overdose"),
        ("my whole refill is gone already, cant keep my head up", "overdose"),
        ("polished off the pack. all 21. feeling really heavy", "overdose"),
        ("did 3 times my usual dose and my lips feel numb", "overdose"),
        ("whole strip of pins went down an hour ago", "overdose"),
        ("took my old 2mg dose x4 to feel something", "overdose"),
        # Look-alikes: a taper on schedule, a refill, sweets, the gym.
        ("started my taper with 60 tabs, now theres 4 left, so close!", None),
        ("my bottle is empty and my refill is friday, feeling sick", None),
        ("ate the pack of cookies, all 12, feel sick lol", None),
        ("finished the 28 day pack on schedule", None),
    ],
)
def test_counts_and_supplies(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sippin purple with two bars, nodding hard", "combination"),
        ("percs and kpins and i keep forgetting to breathe", "combination"),
        ("did a line of something laced, took my klonopin after, cant stay awake", "combination"),
        ("double cupped with my klonnies, eyes wont stay open", "combination"),
        ("w h i s k e y  and  k p i n s tonight, a lot of both, cant get up", "combination"),
        ("is it dangerous to mix klonopin and lean?", None),
        ("nodding along to music while waiting for my klonopin refill", None),
        ("forgetting to breathe during yoga is so real lol", None),
    ],
)
def test_slang_combinations(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("im gonna s h 0 0 t him, i know where he parks", "harm-to-others"),
        ("s u i c i d e keeps looking like the only way out", "suicide"),
        ("sewerslide thoughts are really bad tonight", "suicide"),
        ("my s u p e r  l o n g taper is finally working", None),
        ("i scored 3 1 0 on the test", None),
        ("can klonopin cause suicide thoughts?", None),
    ],
)
def test_spaced_letters_and_algospeak(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("day 3 no kpins, heart pounding 165, the ceiling looks like its melting", "withdrawal"),
        ("binned my pins sunday, my leg jerked for a minute and i wet myself", "withdrawal"),
        ("quit my 2mg, now hearing a doorbell ringing that isnt there", "withdrawal"),
        ("no klonopin for 5 days, woke up with blood in my mouth", "withdrawal"),
        ("peed myself laughing at that clip", None),
        ("woke up with blood in my mouth after the dentist", None),
        ("day 5 off coffee, heart racing less, feeling great", None),
    ],
)
def test_withdrawal_by_symptoms(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i have enough pills put aside for friday", "suicide"),
        ("chose a quiet spot by the bridge, going tonight", "suicide"),
        ("ive decided im ending it on saturday", "suicide"),
        ("my parents are better if i am not alive", "suicide"),
        ("just wanted to say goodbye to this group. love you all", "suicide"),
        ("can anyone take my cat? she needs to be settled somewhere by sunday", "suicide"),
        ("got my will in order. i feel calm now. thank you all", "suicide"),
        ("im ending it this weekend with my boyfriend, its over", None),
        ("picked the spot by the lake for our picnic", None),
        ("anyone want my cat? moving before friday and the landlord says no pets", None),
        ("wanted to say goodbye to everyone, off on vacation, take care of each other", None),
        ("paid off my debts! i feel calm now, thanks everyone", None),
    ],
)
def test_suicide_plans_and_goodbyes(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("did the thing to my arms again tonight", "self-harm"),
        ("barcode thighs again 😞", "self-harm"),
        ("the razor is already in my hand", "self-harm"),
        ("sat in the shower with a blade, trying not to use it", "self-harm"),
        ("already cut once tonight", "self-harm"),
        ("did the thing where you put your phone in rice", None),
        ("razor in hand, shaving my legs for the pool", None),
        ("barcode scanner at work broke again", None),
    ],
)
def test_self_harm_now(rules_detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my husband is breathing like once every 12 seconds, pills everywhere", "third-party"),
        ("my sister is slumped in the car with an empty bottle of pills", "third-party"),
        ("my cousin gave away all her plants and says ill be fine without her", "third-party"),
        ("my friend posted 'see u never' and nobody can reach him", "third-party"),
        ("my mom is breathing every time i check on her lol", None),
        ("my sister posted 'see u never' about her ex lmao", None),
        ("trust me youll be fine without him", None),
    ],
)
def test_third_party_scenes(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("if she comes to my house again im bringing my knife and ending this", "harm-to-others"),
        ("gonna make my boss pay for firing me, i know when he gets off work", "harm-to-others"),
        ("the hammer is under my seat for when he gets off shift", "harm-to-others"),
        ("i swear ill hurt whoever touches my stuff, the bat is by my bed", "harm-to-others"),
        ("going back to my old school friday to make them all pay", "harm-to-others"),
        ("almost pushed my dad down the stairs, next time i will", "harm-to-others"),
        ("i know when she gets off work, gonna make her pay for dinner lol", None),
        ("the pharmacist will pay for this parking spot lol", None),
        ("bringing my knife to cut the birthday cake", None),
        ("almost hit my brother with the frisbee lol", None),
    ],
)
def test_threats_with_means_or_routine(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected
