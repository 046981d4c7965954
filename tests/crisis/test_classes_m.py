"""Set M classes: a whole supply asked about, then "already did it"; "od" said as a clause
of its own with signs, and a plea for help before what the writer swallowed; a benzo listed
with drink, an opioid or cold medicine and signs said plainly ("feel like im underwater",
"eyes keep closing", "cant quite breathe"); withdrawal told by the last dose, louder voices
or visual hallucinations; love passed on with despair, the insurance as the last use, a
note with an apology, "my last night", "the long sleep", letters written for the family
when "its the right time"; burns when the pain is the only help, a blade made ready by
someone who wants to hurt, head-banging when feelings spike, cutting for the first time in
a long while, a wound that will not stop bleeding after harm; a carer finding empty benzo
and drink bottles; people at a place who will "get what's coming"; violence to force
something back. Each class has look-alikes that must stay quiet: general questions,
negations, past history, idioms, cooking, trips and moves, ordinary letters and sleep, and
stories read about withdrawal before a taper.

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
        ("what happens if i swallow the entire bottle of klonopin? already did it", "overdose"),
        ("would i wake up if i took all my pill organizer? i already took them", "overdose"),
        ("how long does it take if you eat a whole strip of xanax. well i already did", "overdose"),
        ("what happens if someone takes the whole bottle? asking for a school project", None),
        ("if i took the whole pack on vacation would it last 2 weeks? already did the math", None),
        ("should i take my whole month supply to the pharmacy? already did it last time", None),
    ],
)
def test_whole_supply_asked_about_then_already_done(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("o.d. on klonnies, cant breathe right", "overdose"),
        ("OD. 2mg pins, everything is spinning", "overdose"),
        ("help me i swallowed way too many kpins and i cant stand up", "overdose"),
        ("what do i do i took too many xanax and im so dizzy", "overdose"),
        ("od on klonopin is that even possible? my chest feels tight from anxiety", None),
        ("what do i do if i took too many klonopin by mistake?", None),
        ("can someone explain what an od looks like?", None),
    ],
)
def test_od_said_plainly_or_after_a_plea(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("couple glasses of wine and my klonopin. feels like im underwater", "combination"),
        ("xanax and a bunch of vodka, my eyes keep shutting", "combination"),
        ("took my klonopin with nyquil and some rum, super drowsy", "combination"),
        ("pins and percs tonight. i cant feel a thing", "combination"),
        ("bars and whiskey, can barely keep eyes open", "combination"),
        ("klonopin and a couple beers and i cant quite catch my breath", "combination"),
        ("is it bad to take klonopin with nyquil? i feel fine, just asking", None),
        ("swimming lessons today, feel like im underwater even after i got home", None),
        ("my eyes keep closing during the zoom call, boring meeting", None),
        ("klonopin and wine dont mix, right?", None),
        ("i cant feel a thing in my toes, winter in minnesota", None),
    ],
)
def test_benzo_with_drink_or_opioid_and_plain_signs(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my arms keep jolting on their own and i cant stop it. last klonopin was a week ago",
         "withdrawal"),
        ("quit my benzos on monday and the voices keep getting meaner", "withdrawal"),
        ("day 6 off clonazepam and im having auditory hallucinations", "withdrawal"),
        ("ran out of kpins 4 days ago, my body keeps jerking over and over", "withdrawal"),
        ("do people get visual hallucinations in benzo withdrawal?", None),
        ("my last klonopin was yesterday, tapering is going smoothly so far", None),
        ("the voices in my audiobook keep getting louder, volume is broken", None),
    ],
)
def test_withdrawal_told_by_last_dose_voices_or_visions(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("please tell my brother i love him. i cant do this anymore", "suicide"),
        ("let my mom know i never meant to hurt her. im done", "suicide"),
        ("tell my kids im sorry. i give up", "suicide"),
        ("tell my sister i love her, she has surgery tomorrow", None),
        ("tell my mom i love her, she made me soup lol", None),
        ("i cant do this anymore, this taper is so slow. tell my doctor i said hi", None),
    ],
)
def test_love_passed_on_with_despair(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my kids will get my life insurance. its the only good thing i can do for them",
         "suicide"),
        ("the insurance payout will take care of them. im worth more dead", "suicide"),
        ("my wife would get the insurance money and be better off without me", "suicide"),
        ("my family will get the insurance money for the car, finally", None),
        ("does life insurance pay out if you die in a car accident?", None),
        ("my kids will get the insurance money if something ever happens, just updated my will",
         None),
    ],
)
def test_insurance_as_the_last_use(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my letter is under the pillow. im sorry for everything", "suicide"),
        ("left my note in the top drawer. please forgive me", "suicide"),
        ("the goodbye note is taped to the fridge. i love you all", "suicide"),
        ("my note is on the desk, sorry i forgot to email it", None),
        ("left my note on the counter for the dog walker", None),
        ("the grocery note is on the fridge, im so sorry i forgot milk again", None),
    ],
)
def test_note_placed_with_an_apology(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tonight is my last night. just wanted someone to know", "suicide"),
        ("this is my final night alive, thank you all", "suicide"),
        ("its my last night on earth and im oddly calm", "suicide"),
        ("its my last night in this apartment, moving tomorrow", None),
        ("my last night of vacation, flight home tomorrow", None),
        ("its my last night shift this week", None),
        ("last night i slept great on my new dose", None),
    ],
)
def test_last_night(rules_detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("im ready to go into the eternal sleep", "suicide"),
        ("tonight i take the big sleep. its fine", "suicide"),
        ("gonna take the forever nap, nobody will miss me", "suicide"),
        ("gonna have a long sleep after this night shift", None),
        ("took a long nap after work", None),
        ("watching the big sleep tonight, classic noir", None),
    ],
)
def test_death_as_a_long_sleep(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wrote letters for my daughters. its time", "suicide"),
        ("finished writing a goodbye letter to my family. its the perfect time", "suicide"),
        ("left a letter for my husband. im at peace now", "suicide"),
        ("wrote a letter to my kids teacher about the iep meeting", None),
        ("wrote a letter for my kids to open on their 18th birthday, its a tradition", None),
        ("writing a letter to my grandma. its time i called her too", None),
    ],
)
def test_letters_for_family_and_the_time_has_come(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the pain is the only thing that helps. burned my hand on the stove again", "self-harm"),
        ("nothing else works. the only thing that helps is the pain so i burned myself with the "
         "iron", "self-harm"),
        ("burned myself on the stove again making pasta, so clumsy", None),
        ("the only thing that helps is ibuprofen. burned my hand on the oven", None),
    ],
)
def test_burns_when_the_pain_is_the_only_help(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("not suicidal. i just need to bleed. razor is out", "self-harm"),
        ("i want to feel the pain. got a new blade out tonight", "self-harm"),
        ("i need to hurt. have the razor blades ready", "self-harm"),
        ("got the razor ready to shave my legs before the beach", None),
        ("my legs hurt. got the blade ready for the lawnmower", None),
        ("i dont want to hurt, i want to sleep. razor is out for shaving tomorrow", None),
    ],
)
def test_blade_ready_and_a_wish_to_hurt(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i slam my head into the wall whenever the panic hits", "self-harm"),
        ("i keep banging my head on the desk until im dizzy", "self-harm"),
        ("did it so hard i can barely see straight. bashed my head on the door again",
         "self-harm"),
        ("this refill mess makes me want to bang my head against the wall", None),
        ("bumped my head on the cabinet, so dizzy lol", None),
        ("banging my head against a wall trying to get my doctor to call back", None),
    ],
)
def test_head_banging_when_feelings_spike(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tbh i cut again for the first time in 8 months", "self-harm"),
        ("i burned myself for the first time in two years last night", "self-harm"),
        ("ive just hurt myself for the first time in ages", "self-harm"),
        ("i just cut my hair for the first time in a year", None),
        ("made my first taper cut for the first time in 6 months, 0.125 mg", None),
        ("i cut sugar out for the first time in years", None),
    ],
)
def test_harm_again_after_a_long_stop(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("locked myself in the bathroom and did it again. it wont stop bleeding on my thigh",
         "self-harm"),
        ("relapsed tonight. it isnt stopping bleeding from my wrist", "self-harm"),
        ("cut my finger chopping onions for dinner and it wont stop bleeding on my finger", None),
        ("my nose wont stop bleeding, the dry air again", None),
        ("did it! finally got my blood drawn, the spot wont stop bleeding on my arm lol", None),
    ],
)
def test_wound_that_keeps_bleeding_after_harm(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my dad is slurring and cant stand up, theres an empty vodka bottle and his klonopin "
         "on the counter", "third-party"),
        ("found my sister nodding off, the whiskey bottle is empty and her xanax is out",
         "third-party"),
        ("my mom is slurring after her dental surgery, no alcohol in the house", None),
        ("cleaned up the empty wine bottles from the party, my klonopin refill came today", None),
    ],
)
def test_carer_finds_empty_benzo_and_drink_bottles(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("everyone at work who is gonna get whats coming tonight knows who they are",
         "harm-to-others"),
        ("the kids in my class that are going to get what they deserve tomorrow",
         "harm-to-others"),
        ("people at school who will get whats coming to them on friday", "harm-to-others"),
        ("people at work who are going to get promoted tomorrow", None),
        ("kids at school are going to get their report cards tomorrow", None),
        ("the people at the gym who are going to get what they deserve: a free smoothie lol",
         None),
    ],
)
def test_people_at_a_place_will_get_whats_coming(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("im gonna choke my brother until he gives me my pills back", "harm-to-others"),
        ("i will slap my roommate till she returns my kpins", "harm-to-others"),
        ("ill beat my dad until he tells me where he hid my klonopin", "harm-to-others"),
        ("im going to bug my mom until she gives back my phone", None),
        ("gonna beat my brother at mario kart until he admits im better lol", None),
        ("i will text my doctor until she gives me an appointment", None),
    ],
)
def test_violence_to_force_something_back(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the last time i mixed xanax with vodka was at my cousins wedding, i passed out", None),
        ("i gave my guitar away at my lowest point. glad i got help", None),
        ("i once swallowed way too many kpins when i was 19, been careful ever since", None),
        ("been reading horror stories about seizures and hallucinations before my taper starts "
         "next month, how common are they?", None),
        # Happening now all the same.
        ("last time i took klonopin was an hour ago and i cant breathe", "overdose"),
        ("i gave away all my stuff. tonight i will end it", "suicide"),
        ("stopped klonopin 3 days ago and had a seizure this morning", "withdrawal"),
    ],
)
def test_past_or_read_about_stays_quiet(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected
