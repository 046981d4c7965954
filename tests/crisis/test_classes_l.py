"""Set L classes: a question that tells an amount already taken or signs now (also about
"you" or "someone" with "asking for me" or a time minutes ago), a plea for help with an
overdose now, a goodbye that says where the note is, a plan set for a near day or a near
birthday not to be lived to, self-harm with an object put to the body on purpose or a
broken thing used on it, "i just cut" with fear or blood, hurting oneself as the only
release, intrusive thoughts of harming one's children with a plan, a weapon made ready for
a named person or taken up at the next provocation, a vehicle driven into a crowd, "X is
going to get hurt tonight" from someone fed up, ending another person's life, a benzo with
an opioid, dope or drink and signs, withdrawal with confusion or a seizure told inside a
question, and a friend who showed her wound and says she will do worse. Each class has
look-alikes that must stay quiet: general questions, negations, past history, idioms,
cooking and ironing, ordinary plans and goodbyes.

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
        ("how many kpins is too many? i already took 16 and can barely walk", "overdose"),
        (
            "i have just ingested roughly 25 milligrams of clonazepam, should i go to the er",
            "overdose",
        ),
        ("is it normal that i cant breathe right after taking 20 mg of klonopin", "overdose"),
        ("does throwing up help if you swallow 30 klonopin like 20 minutes ago", "overdose"),
        ("would someone wake up after swallowing 40 pins? asking for me", "overdose"),
        ("whats the max dose of klonopin? i already had 12 and the room is spinning", "overdose"),
        # General questions and a usual dose stay quiet.
        ("is it normal to feel sleepy after taking 1 mg of klonopin", None),
        ("how many klonopin is too many? asking for my pharmacology class", None),
        ("does activated charcoal work if you take too many pills?", None),
        ("what happens if someone swallowed 30 klonopin? its for a story im writing", None),
        ("i just took 0.5 mg of clonazepam, should i eat first?", None),
        ("how many kpins is too many? asking cause i already had 3 today", None),
    ],
)
def test_question_telling_an_amount_or_signs(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("help me please im overdosing rn", "overdose"),
        ("save me pls overdose now", "overdose"),
        ("somebody help me i overdose right now", "overdose"),
        ("help me understand what an overdose looks like", None),
        ("can you help me find the overdose part of the faq", None),
        ("please help me, what are the signs of an overdose in older people?", None),
    ],
)
def test_plea_with_an_overdose_now(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bye everyone. my letter is under my pillow", "suicide"),
        ("goodbye. the suicide note is in the top drawer", "suicide"),
        ("farewell all. i left my note on the kitchen table for mom", "suicide"),
        ("goodbye all, logging off for tonight", None),
        ("my note is on the desk, read it before the meeting", None),
        ("bye guys! the grocery list is on the fridge", None),
    ],
)
def test_goodbye_with_the_note(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i picked the date, its saturday. please dont try to talk me out of it", "suicide"),
        ("the plan is set for tomorrow night and nobody can talk me out of it", "suicide"),
        ("not planning on making it to christmas this year", "suicide"),
        ("i dont expect to see next year.", "suicide"),
        ("my plan for friday is pizza and a movie", None),
        ("my plan is set for friday: the tattoo. dont try to talk me out of it", None),
        ("i dont plan on seeing my ex at the party", None),
        ("I don't expect to see christmas decorations up before december", None),
    ],
)
def test_plan_with_a_date(rules_detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pressed my wrist against the hot curling iron on purpose", "self-harm"),
        ("burned my arm with the iron on purpose, i deserved it", "self-harm"),
        ("held my hand over the candle on purpose until i couldnt take it", "self-harm"),
        ("i broke a mirror and used a shard on my thigh", "self-harm"),
        ("cracked a mug and dragged the pieces across my arm", "self-harm"),
        ("burned my hand on the iron while ironing my shirt", None),
        ("burned my hand on the stove, not on purpose obviously", None),
        ("put my hand on the stove to check if it was still warm", None),
        ("smashed a glass while washing up and swept up the pieces", None),
    ],
)
def test_object_put_to_the_body(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i just cut and theres blood everywhere", "self-harm"),
        ("ive just cut and im panicking", "self-harm"),
        ("if i cant cut tonight im going to lose my mind", "self-harm"),
        ("if i dont hurt myself soon ill snap", "self-harm"),
        ("i just cut my dose and im shaking", None),
        ("i just cut my hair and im obsessed", None),
        ("if i dont eat soon ill explode", None),
        ("if i dont cut my dose slower ill go crazy", None),
    ],
)
def test_just_cut_or_else(rules_detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("having intrusive thoughts of harming my baby and i have a plan", "harm-to-others"),
        ("cant shake the urges of harming my son tonight", "harm-to-others"),
        ("no thoughts of harming anyone, just really sad", None),
        ("im worried about harming my baby if i breastfeed on klonopin", None),
    ],
)
def test_thoughts_of_harming_children(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sharpened the big knife for my stepdad", "harm-to-others"),
        ("loaded the gun for my ex", "harm-to-others"),
        ("next time he hits my mom im grabbing the knife", "harm-to-others"),
        ("if my roommate touches me again im getting the bat", "harm-to-others"),
        ("sharpened my knife for dinner", None),
        ("i sharpened the knife for my husband so he can carve the turkey", None),
        ("when my dad gets home im grabbing the hammer and fixing the shelf", None),
        ("next time i cook im grabbing the good knife", None),
    ],
)
def test_weapon_for_a_person(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gonna drive my truck into the parade tomorrow", "harm-to-others"),
        ("im going to ram my car into those protesters", "harm-to-others"),
        ("i want to plow my van through the crowd at the concert", "harm-to-others"),
        ("going to drive my car to the parade tomorrow, cant wait", None),
        ("going to run my car through the car wash after work", None),
        ("someone drove a car into a crowd on the news, horrible", None),
    ],
)
def test_vehicle_into_a_crowd(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my stepdad is gonna get hurt tonight, im done", "harm-to-others"),
        ("my roommate is going to get hurt when he gets home. ive had enough", "harm-to-others"),
        ("he is going to get what he deserves tomorrow, im sick of him", "harm-to-others"),
        ("my son is going to get hurt at football tonight if hes not careful", None),
        ("someone is going to get hurt on that trampoline", None),
        ("im done being nice to my coworkers, they can make their own coffee", None),
    ],
)
def test_someone_will_get_hurt(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("im going to end my roommates life tonight", "harm-to-others"),
        (
            "I will end my landlords life if he raises the rent again. Im dead serious.",
            "harm-to-others",
        ),
        ("gonna take that guys life", "harm-to-others"),
        ("the flu nearly ended my dads life last year", None),
        ("the doctor said the infection could end my dads life", None),
        ("i will end my brothers life if he eats my fries again", None),
        ("gonna end my sisters life in fortnite tonight", None),
    ],
)
def test_ending_a_persons_life(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "took my pins and some of my moms oxy, i keep forgetting to breathe",
            "combination",
        ),
        ("had 3mg of klonopin and like 8 beers. is this bad?", "combination"),
        ("used dope on top of my kpins and im starting to nod out", "combination"),
        ("whiskey + xanax + percs. goodnight lol", "combination"),
        ("Mixing again. Pins and whiskey. feels like im floating out of my body", "combination"),
        ("took my klonopin and some of my tylenol, headache gone", None),
        ("had 1mg of klonopin and a glass of water", None),
        ("that concert was dope, took my klonopin after and slept great", None),
        ("can you mix klonopin + oxy + alcohol?", None),
    ],
)
def test_benzo_with_opioid_dope_or_drink(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("havent taken klonopin in 5 days, so confused and hearing whispers", "withdrawal"),
        ("day 3 cold turkey and i have no idea what day it is", "withdrawal"),
        (
            "is it a seizure if my body went rigid and i bit my tongue? quit klonopin friday",
            "withdrawal",
        ),
        (
            "stopped my pins tuesday, whole body went stiff and i bit my cheek, is that normal?",
            "withdrawal",
        ),
        ("havent had klonopin in 5 days and feeling ok, a bit anxious", None),
        ("no idea what time it is in tokyo lol", None),
        ("i bit my cheek eating a sandwich", None),
        ("is it a seizure if you go stiff after stopping klonopin?", None),
    ],
)
def test_withdrawal_confusion_or_seizure(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my friend showed me her cuts and said shell do worse tonight", "third-party"),
        ("my cousin showed me his arm and said hes going to go deeper next time", "third-party"),
        (
            "a kid in my class showed us her wrist, she said she will do something worse",
            "third-party",
        ),
        ("my friend showed me her wrist tattoo", None),
        ("she showed me her wrist and said the sprain is getting worse", None),
        ("my sister showed me her arm, the rash will get worse before it heals", None),
    ],
)
def test_friend_showed_wound_and_will_do_worse(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("is it painful to die from klonopin? not asking for a friend", "suicide"),
        ("would it hurt to overdose on my pins? asking for myself", "suicide"),
        ("does it hurt to die from klonopin? asking for my nursing class", None),
        ("is it painful to die from an overdose?", None),
    ],
)
def test_dying_asked_for_oneself(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("would it be selfish of me to end it? theyd be fine without me", "suicide"),
        ("is it wrong if i kill myself", "suicide"),
        ("would it really be that bad if i wasnt here anymore?", "suicide"),
        ("is it selfish if i end it with my boyfriend?", None),
        ("is it wrong if i end things with my therapist", None),
        ("would it be bad if i died my hair blue", None),
    ],
)
def test_asking_if_ending_it_is_wrong(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected
