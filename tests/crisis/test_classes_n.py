"""Set N classes, false alarms first: a taper cut by an amount on a schedule ("cut 10%
every 2 weeks"); a threat followed by a petty grievance already done ("she spoiled the
whole season"); a year or season gone by as history, even when "that's why ... now" tells
its consequence; an act denied with "or anything" before a plain question ("not gonna od
or anything, just asking"); the whole tablet taken instead of splitting it, as prescribed;
an embarrassing moment laughed off ("when the teacher said pop quiz i wanted to die
lmao"); signing off for the night and body jokes; "she'd" and a garden shed, which are not
the slang "sh'ed". Then the misses: a joke marker taken back ("lol. not even kidding");
intent to cut with nothing after; withdrawal signs told loosely ("some kind of fit",
"seizure." or "voices." as a clause, the dead heard talking); someone who cannot be woken
or keeps fitting; threats by slang with a weapon, against everyone who laughed, against a
baby, or feared by the writer; leaving life told by a dangerous place and "not coming
back", forgiveness for what is about to happen, a phone left behind with a farewell, or
what becomes of one's account after death; pain wanted on the outside; sedation said
plainly after a benzo with an opioid or drink. Each class has look-alikes that must stay
quiet, and real crises in the same words that must keep alarming.

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
        ("me and my psych made a plan to cut 10% every 3 weeks", None),
        ("the plan is to cut 5% every 2 weeks, slow and steady", None),
        ("i want to cut 10% each month, feels doable", None),
        ("thinking about cutting 2.5% every 10 days", None),
        ("ready to cut 10% a month now", None),
        ("i want to cut 10 times tonight", "self-harm"),
        ("i want to cut 5 more lines into my arm", "self-harm"),
        ("i want to cut again tonight, the urge is so loud", "self-harm"),
        ("cut 3 times tonight and i want to cut more", "self-harm"),
        ("i need to cut so i can feel something", "self-harm"),
    ],
)
def test_taper_cut_by_an_amount_on_a_schedule(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("im gonna kill my brother he ate my last slice of pizza", None),
        ("i swear im going to murder my roommate she finished all the milk again", None),
        ("gonna strangle my cousin, he spoiled the ending of the book", None),
        ("im gonna kill my husband he ruined the finale for me", None),
        ("i want to kill my sister, i have the knife", "harm-to-others"),
        ("im going to kill my brother tonight, he hurt my mom", "harm-to-others"),
        (
            "im going to hurt my roommate tonight if he touches my stuff again, i mean it",
            "harm-to-others",
        ),
        (
            "im going to stab my stepdad, he took my kids and i have the knife ready",
            "harm-to-others",
        ),
    ],
)
def test_threat_with_a_petty_grievance_already_done(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i had a seizure coming off xanax in 2019 and thats why im tapering so slowly now", None),
        ("was suicidal during my worst taper three summers ago, im doing much better", None),
        (
            "i overdosed in 2018 and that is why my psychiatrist gives me one week at a time now",
            None,
        ),
        ("i was suicidal during my darkest withdrawal a few christmases ago", None),
        ("i had a seizure in 2021 and i just had another one right now", "withdrawal"),
        ("quit klonopin monday and i just had a seizure", "withdrawal"),
        ("i want to die again, like i did in 2019", "suicide"),
    ],
)
def test_a_year_or_season_gone_by_is_history(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("im not gonna kill myself or anything, just curious how long the insomnia lasts", None),
        ("not going to od or anything, im just wondering what the max dose is", None),
        ("not gonna od or anything lol just asking if this dizziness is normal", None),
        ("i'm gonna od tonight, just asking how many it takes", "suicide"),
        ("not gonna lie, im going to kill myself tonight", "suicide"),
        ("i want to od or something, i cant do this", "suicide"),
    ],
)
def test_act_denied_with_or_anything_then_a_plain_question(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("took the whole 2mg tablet instead of halving it like usual, doc okayed it", None),
        ("took my full dose instead of splitting it today, thats my new prescribed dose", None),
        ("took the whole pill instead of quartering it this morning", None),
        ("took the whole bottle instead of splitting my dose", "overdose"),
        ("took my whole prescription tonight, i'm sorry", "overdose"),
        ("took the whole strip and now i cant feel my legs", "overdose"),
    ],
)
def test_whole_tablet_instead_of_splitting_is_the_prescribed_dose(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("when my crush said hi to me i literally wanted to die lmao", None),
        ("when the barista called my full name out loud i wanted to die lol", None),
        ("when my mom showed my baby pics to my bf i could have died haha", None),
        ("i want to die lol", "suicide"),
        ("when my dad left i wanted to die and i still want to die", "suicide"),
        ("i wanted to die all week and still do", "suicide"),
    ],
)
def test_embarrassing_moment_laughed_off(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6 months off klonopin. i can smell coffee again", None),
        ("i'm done for today, see you all tomorrow", None),
        ("im done for the night, talk to you all in the morning", None),
        ("my calves are writing their goodbye letters after that hike", None),
        ("i'm done, catch you all on the other side", "suicide"),
        ("this is my goodbye letter, im done", "suicide"),
    ],
)
def test_signing_off_for_the_night_and_body_jokes(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i wanna stab my brother lol. not even kidding", "harm-to-others"),
        ("i want to strangle my neighbor haha. im not joking", "harm-to-others"),
        ("i wanna stab my brother lol", None),
        ("gonna kill my coworker haha jk", None),
    ],
)
def test_joke_marker_taken_back(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gonna go cut, dont try to stop me", "self-harm"),
        ("im going to cut again tonight", "self-harm"),
        ("about to cut ngl", "self-harm"),
        ("gonna go cut the grass before it rains", None),
        ("im going to cut my hair tonight", None),
        ("going to cut again next week once i stabilise on this dose", None),
    ],
)
def test_intent_to_cut_with_nothing_after(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "stopped my klonopin three days ago and just had some sort of fit in the kitchen",
            "withdrawal",
        ),
        ("seizure. no kpins since friday.", "withdrawal"),
        ("cold turkey off benzos. voices.", "withdrawal"),
        ("quit clonazepam last week, i cant tell if im awake or dreaming", "withdrawal"),
        (
            "quit klonopin suddenly and now i keep hearing my dad talking but he died years ago",
            "withdrawal",
        ),
        ("what does a withdrawal seizure look like?", None),
        ("tapering off klonopin, some kind of fitness routine helps", None),
        ("im hearing my gran's voice in old voicemails but she passed away, miss her", None),
    ],
)
def test_withdrawal_signs_told_loosely(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my mum took extra of her klonopin and cannot be woken properly", "third-party"),
        (
            "my housemate's been fitting on the floor for three minutes, she quit klonopin friday",
            "third-party",
        ),
        (
            "he stopped his clonazepam last week and hes been seizing for two minutes",
            "third-party",
        ),
        ("my flatmate is fitting the new curtains this afternoon", None),
        ("the baby cant be woken up before 9, he sleeps like a rock", None),
    ],
)
def test_someone_who_cannot_be_woken_or_keeps_fitting(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("going to finish my boss today, i have a knife with me", "harm-to-others"),
        ("im gonna take out my ex tonight, got my gun loaded", "harm-to-others"),
        ("gonna take out everyone who bullied me", "harm-to-others"),
        ("i keep wanting to shake my baby so hard", "harm-to-others"),
        ("im so angry i could kill my roommate, genuinely scared i will", "harm-to-others"),
        ("gonna take out my sister for her birthday dinner", None),
        ("going to take out everyone who signed up for the hike", None),
        ("time to shake the baby bottle and warm it", None),
        ("i could kill my roommate for eating my cheese lol", None),
    ],
)
def test_threats_by_slang_grievance_baby_or_fear_of_oneself(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("heading to the bridge tonight and i'm not coming back", "suicide"),
        ("hope my kids can forgive me for what i'm about to do", "suicide"),
        ("leaving my phone at home. love you all", "suicide"),
        (
            "what happens to my steam account when i die? wont be needing it after this weekend",
            "suicide",
        ),
        ("im going to top myself tonight", "suicide"),
        ("going to the beach tomorrow, not coming back till sunday", None),
        ("forgive me for what im about to do to this pizza", None),
        ("left my phone in the car lol, love you all, see you at the show", None),
        ("what happens to your steam account when you die? asking for a podcast", None),
        ("gonna top myself up with coffee before the meeting", None),
    ],
)
def test_leaving_life_told_by_place_forgiveness_or_belongings(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i just want the pain to be on the outside for once", "self-harm"),
        ("need my hurt to show on the outside", "self-harm"),
        ("the pain is on the outside of my knee after running", None),
    ],
)
def test_pain_wanted_on_the_outside(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "took my klonopin and had some tramadol, getting really hard to stay awake",
            "combination",
        ),
        ("klonopin and 6 shots of vodka, starting to feel so slow", "combination"),
        ("i have consumed 30 tablets of klonopin an hour back, very drowsy", "overdose"),
        ("hard to stay awake in this lecture, need more coffee", None),
        ("took my klonopin and feel really slow today", None),
    ],
)
def test_sedation_told_plainly_after_a_benzo_and_more(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i sh'ed again last night", "self-harm"),
        ("i shed last night and its bad this time", "self-harm"),
        ("she'd be so proud of me for making it to 0.25", None),
        ("missing my nan today, she'd be 90", None),
        ("painted the garden shed blue today, she'd love the colour", None),
        ("my dog shed again all over the couch", None),
    ],
)
def test_shed_is_slang_only_with_a_time(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected

