"""Training sets K and L classes: a past crisis told with its date, era or "years later" and
a good present; a history given as the reason for a careful present; medicines listed as
prescribed together; medicines kept from others; a goodbye for a time or a move; a nuisance
that "made me want to die lol". As misses: a sign asked about after an amount of pills, or a
question about "someone" who is the writer; cut marks in slang even with "lol"; a harm asked
about and just done; a question about one's things after death that must be answered by a
near time; a friend not answering whose last words or saved pills read like an end, or
someone out cold after a benzo; things that talk during withdrawal. Each class is held
against the same words said the other way, which must keep (or stay out of) alarm.

Classes fixed in the rules are tested on the lexicon alone. Classes whose false alarm came
from the statistical second opinion (fixed by idioms, which hide their words from it too)
are tested on the full detector.
"""

from __future__ import annotations

import pytest

from bot.crisis.detector import CrisisDetector
from tests.crisis.verdicts import category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A past crisis told with its month and year, season, the year named, an
        # anniversary, an era, or "years later", and a good present.
        ("in june 2019 i overdosed on my klonopin. im a teacher now", None),
        ("on 3 may 2018 i mixed bars with vodka and woke up in the icu. never again", None),
        ("winter of 2016 i wanted to die every single day. it got better", None),
        ("2014 was the darkest year, i tried to kill myself twice. now i run a support group",
         None),
        ("five years ago today i overdosed. today i got my degree", None),
        ("my sister overdosed in high school, shes a paramedic now", None),
        ("tried to end my life when i was 19. ten years later i coach little league", None),
        ("a couple years back i had a withdrawal seizure at work. these days im steady", None),
        # The same history with a crisis now, or today named as the writer's own day.
        ("in june 2019 i overdosed and i just took 30 more tonight", "overdose"),
        ("my mom died 2 years ago today and i want to die", "suicide"),
        ("my sister is overdosing right now in her dorm, shes not breathing", "third-party"),
        ("10 years later and i still want to kill myself", "suicide"),
    ],
)
def test_a_past_crisis_with_its_date_and_a_good_present(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The next sentence tells the present whole: years clean, recovered, doing great.
        ("my dad drank on his klonopin every night. hes sober now", None),
        ("my best friend had seizures after quitting benzos. she is fully recovered", None),
        ("i used to cut my arms. 2 years clean this month", None),
        ("my uncle hallucinated for days after stopping clonazepam. hes doing great now", None),
        ("i remember being so sedated on pins and wine that i fell down the stairs", None),
        ("cutting was my coping mechanism for most of high school", None),
        # A crisis now beside the same words.
        ("my dad is drinking on his klonopin right now and wont wake up", "third-party"),
        ("i took 40 pins. im fine now i think", "overdose"),
        ("i cut my arms tonight. 2 years clean gone", "self-harm"),
    ],
)
def test_the_present_told_whole_after_a_past_crisis(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A history given as the reason for a careful present.
        ("ive had withdrawal seizures before, so im going really slow this time", None),
        ("she has had hallucinations before, thats why her taper is so slow", None),
        ("i have been through a benzo seizure before, my doctor is watching me closely", None),
        ("weve survived an overdose before, we keep narcan in every room", None),
        # A seizure now, whatever came before.
        ("ive had seizures before and im having one right now", "withdrawal"),
        ("stopped my kpins 3 days ago and just had a seizure", "withdrawal"),
    ],
)
def test_a_history_as_the_reason_for_a_careful_present(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Medicines listed as prescribed together.
        ("on pregabalin 75 twice a day and klonopin 1mg, both prescribed by my psychiatrist",
         None),
        ("taking tramadol and kpin 0.5, my doctor prescribed them together", None),
        ("gabapentin at night plus clonazepam in the morning, all from my gp", None),
        ("my pdoc has me on both, oxycodone after surgery and my usual klonopin, and she "
         "knows", None),
        # A mix taken beyond the prescription, or an amount.
        ("mixed my klonopin with a bottle of wine tonight and cant stay awake", "combination"),
        ("took 20 of my clonazepam and my oxycodone, both from my doctor", "overdose"),
    ],
)
def test_medicines_prescribed_together(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Medicines kept from others, a regimen compared, survival and support told.
        ("not gonna sell my prescription to anyone, stop asking", None),
        ("i never share my meds with anyone, not even my brother", None),
        ("we keep the pills locked away so the kids cant reach them", None),
        ("anybody on the same combo as me? sertraline and klonopin", None),
        ("been through hell with benzos. grateful to be alive", None),
        ("rough day but venting here helps", None),
        # The same supply saved up or taken.
        ("ive been saving my pills up to end it this weekend", "suicide"),
        ("took every pill i had locked away, like 40", "overdose"),
    ],
)
def test_medicines_kept_from_others(
    detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A goodbye for a time, or for a move to a new city or a local group.
        ("this is goodbye for now, off to my cabin with no wifi till sunday", None),
        ("bye for a while everyone, exams start monday", None),
        ("goodbye all, relocating to another state and found a local na group there", None),
        ("goodbye everyone, im moving to a new town. thank you for everything", None),
        ("farewell for the summer friends, see you in a few weeks", None),
        # A goodbye for good.
        ("this is goodbye forever. thank you for everything", "suicide"),
        ("goodbye everyone, thank you for everything. i wont be needing this group anymore",
         "suicide"),
    ],
)
def test_a_goodbye_for_a_time(
    detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A nuisance that "made me want to die" with laughter.
        ("my group project partner made me want to die lmao", None),
        ("that 3 hour meeting made me want to die lol", None),
        ("the dentist drill makes me want to die haha", None),
        # The wish alone, or with a plan.
        ("i want to die lol", "suicide"),
        ("the commute made me want to die lol. not even kidding, i have it planned", "suicide"),
        ("work made me want to die and i have my pills counted out", "suicide"),
    ],
)
def test_a_nuisance_that_made_me_want_to_die(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A sign asked about after an amount, or a question about "someone" who is the writer.
        ("is it bad that i cant keep my eyes open after 12 pins", "overdose"),
        ("normal to not be able to keep my eyes open after like 20 klonopin?", "overdose"),
        ("how long would someone sleep after taking 25 kpins. the person is me", "overdose"),
        ("what if somebody swallowed 30 xanax tonight. by somebody i mean me", "overdose"),
        # Asked in general, or with no amount.
        ("is it normal to not be able to keep my eyes open after my first dose?", None),
        ("how long would someone sleep after taking 25 kpins?", None),
        ("can someone overdose on klonopin?", None),
    ],
)
def test_an_overdose_asked_about_with_a_hedge(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Cut marks in slang, a harm asked about and just done, hiding cuts by a near time.
        ("haha my thighs look like a barcode again", "self-harm"),
        ("barcode wrists lol, whatever", "self-harm"),
        ("would it be weird if you hurt yourself on purpose to feel something? since i just "
         "did", "self-harm"),
        ("is it bad if you hurt yourself on purpose to feel something? because i did it "
         "earlier", "self-harm"),
        ("how do you cover fresh cuts at school? need to know by tomorrow", "self-harm"),
        # Stripes explained, or a question in general.
        ("my legs look like a barcode from the tan lines lol", None),
        ("my arms look like a barcode after sleeping on the radiator", None),
        ("would it be weird if you hurt yourself on purpose to feel something?", None),
        ("how do you cover fresh cuts at school?", None),
    ],
)
def test_self_harm_told_sideways(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One's things after death, asked by a near time or for the writer.
        ("what happens to my steam account if i die? i need an answer before friday",
         "suicide"),
        ("what would happen to my cat after i pass away? need to know by tonight", "suicide"),
        ("what happens to your email account when you die? asking for me", "suicide"),
        # Asked in general or for a school task.
        ("what happens to your discord account when you die?", None),
        ("what happens to your facebook after you die? need to know by friday for my essay",
         None),
        ("what happens to my pension when i die? meeting the advisor next week", None),
    ],
)
def test_things_after_death_asked_by_a_near_time(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Someone not answering whose last words or saved pills read like an end; someone
        # cold or out for hours after a benzo, drink or opioids.
        ("sam wont pick up and her last text said sorry for everything", "third-party"),
        ("my brother isnt replying and he has months worth of pills stashed", "third-party"),
        ("my roommate drank and took her pins, her skin feels ice cold", "third-party"),
        ("he took bars with beer and has been passed out for like 6 hours", "third-party"),
        # The same words in ordinary life.
        ("my brother isnt replying, his last text said see you at dinner", None),
        ("my hands are cold from shoveling snow all morning", None),
        ("she has a lot of coupons saved up and isnt answering my texts lol", None),
    ],
)
def test_a_friend_unreachable_or_out_cold(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Things that talk or move after stopping the benzo.
        ("quit klonopin 4 days ago and the walls keep whispering my name", "withdrawal"),
        ("day 5 off my pins, the tv is talking to me even when its off", "withdrawal"),
        ("stopped benzos cold, the shadows are moving and i cant sleep", "withdrawal"),
        # The same words with no stopping, or a real voice.
        ("my parrot keeps calling my name at 6am", None),
        ("the shadows are moving in this new game update, looks sick", None),
        ("my kids are talking to me nonstop about their trip", None),
    ],
)
def test_things_that_talk_in_withdrawal(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected
