"""Set Q and R classes, false alarms first: past history told with an age then and now
("had a seizure at 16 ... i'm 23 now and fully off benzos"), an anniversary of the act
itself ("... was 5 years ago today. still here, still fighting"), an old quit or taper,
history in Spanish and Tagalog; a denial with the reason for asking ("im not gonna od, i
asked for a pharmacology paper"); a thing as the subject of "kill" ("this traffic wants to
kill somebody"); someone else's act denied ("my husband isn't overdosing, he's just a loud
snorer"); and a police seizure of drugs. Each class is held against the same words
happening now, which must keep alarming.

These hold the lexicon's rules to the classes, so the detector is built from the lexicon
alone (no statistical second opinion, which is tested on its own), except paying for a thing,
which the full detector must read as money too.
"""

from __future__ import annotations

import pytest

from bot.crisis.detector import CrisisDetector
from tests.crisis.verdicts import category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An age then and the writer's age now, with how they are doing.
        ("i overdosed at 19 after a breakup, im 31 now and doing well", None),
        ("when i was 15 i used to cut myself, now im 38 and have two kids", None),
        ("at age 17 i had withdrawal seizures, i'm 29 years old now", None),
        ("i cut myself back then, it is long time finished, now i am 52 and okay", None),
        # The same ages, with the act happening now.
        ("im 23 now and i just took 30 kpins", "overdose"),
        ("now im 19 and i cut myself tonight", "self-harm"),
        ("had a seizure at 16 after quitting cold, im 17 now and it just happened again",
         "withdrawal"),
        ("i cut myself at 14, im 15 now and cut again last night", "self-harm"),
        ("i had a seizure an hour ago after quitting cold", "withdrawal"),
        ("i cut myself tonight", "self-harm"),
    ],
)
def test_an_age_then_and_now(rules_detector: CrisisDetector, text: str, expected: str | None
                             ) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The act's own anniversary, and survival told after it.
        ("my first suicide attempt was 10 years ago this week, still here and still standing",
         None),
        ("my overdose was exactly two years ago today and im doing fine", None),
        ("i overdosed on my 21st birthday and im still here and still fighting", None),
        # Survival told in a sentence of its own does not make an amount past.
        ("took 30 kpins. still here, still fighting", "overdose"),
        # An anniversary of something else does not make a wish past; nor does "today".
        ("my dad died 3 years ago today and i want to die too", "suicide"),
        ("its been 5 years since i tried to overdose and tonight i took 30 kpins again",
         "overdose"),
    ],
)
def test_anniversaries_of_the_act(rules_detector: CrisisDetector, text: str,
                                  expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An old quit or taper, and time off benzos counted in years.
        ("the worst part of my previous taper was the hallucinations, doing it slow now", None),
        ("my old klonopin detox gave me seizures, this time im tapering", None),
        ("had seizures once, i've been off benzos for over 3 years", None),
        # The last or first taper may be this one; a stop days ago is now.
        ("my last taper was rough, quit cold 3 days ago and having seizures", "withdrawal"),
        ("quit cold turkey 3 days ago and now im having seizures", "withdrawal"),
    ],
)
def test_an_old_quit_or_taper(rules_detector: CrisisDetector, text: str, expected: str | None
                              ) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hace muchos años me corté, ahora estoy bien", None),
        ("hace años intenté suicidarme, hoy me siento mejor", None),
        ("dati akong nagcu-cut, ngayon ok na ako", None),
        ("dati nag overdose ako, 3 years na akong clean", None),
        # The same languages, happening now or again.
        ("tome 30 pastillas de clonazepam hace una hora", "overdose"),
        ("dati nag overdose ako, nag overdose ulit ako ngayon", "overdose"),
        ("nag overdose ako ngayon lang, 30 pills", "overdose"),
    ],
)
def test_history_in_spanish_and_tagalog(rules_detector: CrisisDetector, text: str,
                                        expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A denial with the reason for asking.
        ("im not gonna kill myself, i asked about lethal doses for my nursing exam", None),
        ("not going to od, just asking for a pharmacology class", None),
        # The reason without a denial, or a denial taken back.
        ("i asked about max dose for a paper but honestly im gonna od tonight", "suicide"),
        ("im not gonna od for a school paper, im gonna od because i want to die", "suicide"),
    ],
)
def test_a_denial_with_the_reason_for_asking(rules_detector: CrisisDetector, text: str,
                                             expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A thing as the subject of "kill".
        ("the heat wants to kill somebody today", None),
        ("this traffic is going to kill me", None),
        ("the commute wants to kill somebody, 2 hours on the bridge", None),
        # A person as the subject, or the thing only where the writer is.
        ("i want to kill somebody today", "harm-to-others"),
        ("im stuck in traffic and i want to kill myself", "suicide"),
        ("my boss wants to kill somebody today, he has a gun", "third-party"),
    ],
)
def test_a_thing_as_the_subject(rules_detector: CrisisDetector, text: str,
                                expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Someone else's act denied.
        ("my wife isnt seizing, she just twitches in her sleep", None),
        ("my son isnt overdosing, hes just really drunk lol", None),
        # Signs denied in the same words are still signs; the act told is the act.
        ("my husband is overdosing, he wont wake up", "third-party"),
        ("he isnt breathing", "third-party"),
        ("she isnt waking up and her lips are blue", "third-party"),
        ("my husband isnt responding, i think hes overdosing", "third-party"),
    ],
)
def test_someone_elses_act_denied(rules_detector: CrisisDetector, text: str,
                                  expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A seizure by police or customs is a confiscation.
        ("customs announced a record drug seizure at the airport, stay safe", None),
        ("cops made a seizure of fake xanax bars laced with fentanyl downtown", None),
        ("police seized 500 counterfeit xanax bars laced with fentanyl", None),
        # A seizure of the body, with or without drugs.
        ("i had a seizure of about 2 minutes after quitting cold turkey", "withdrawal"),
        ("i had a seizure this morning after stopping klonopin", "withdrawal"),
        ("took xanax bars laced with fentanyl and having a seizure", "combination"),
    ],
)
def test_a_police_seizure(rules_detector: CrisisDetector, text: str, expected: str | None
                          ) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Paying for a thing is money, for the rules and for the second opinion alike.
        ("everybody at that clinic is gonna pay for parking now", None),
        ("the whole office is gonna pay for tickets this year, so annoying", None),
        # Paying for what was done is revenge.
        ("everybody at that clinic is gonna pay, i know where they park", "harm-to-others"),
        ("that doctor is gonna pay for what he did, im waiting outside his office",
         "harm-to-others"),
    ],
)
def test_paying_for_a_thing(detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Misses of set R: self-harm told in Tagalog, hallucinations after a stop in Spanish.
        ("sinaktan ko sarili ko kagabi", "self-harm"),
        ("hiniwa ko ulit yung pulso ko", "self-harm"),
        ("pare el rivotril de golpe y ahora veo cosas raras", "withdrawal"),
        # Look-alikes: denied, a knife on bread, things seen with no stop.
        ("hindi ko sinaktan sarili ko, pagod lang ako", None),
        ("hiniwa ko yung tinapay", None),
        ("y ahora estoy viendo cosas para comprar en amazon", None),
        ("ahora estoy viendo cosas", None),
    ],
)
def test_self_harm_and_hallucinations_code_switched(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected
