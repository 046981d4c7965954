"""False-alarm classes found on sets written by people who never saw the lexicon: past
history told with a time long ago, anniversaries of not doing it, denials, a last day at a
job, things and weather as subjects, a bottle dropped, letters for an occasion. Each class
keeps crisis messages that must still alert.

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
        # Long ago, in the same sentence or the next one.
        ("went through a stretch of wanting to die after my divorce, decades ago now", None),
        ("there was a period where i wanted to end my life, but that was ages ago", None),
        ("i wanted to hurt myself every day. that was a long time ago, therapy helped", None),
        ("i was suicidal for most of 2019. it lifted slowly", None),
        ("my grandpa had seizures when he quit benzos in the nineties", None),
        ("the night i overdosed was 6 years ago and i still think about it", None),
        ("i took too many once, a long time ago, and i'm glad i survived", None),
        # Happening now all the same.
        ("i was fine last year but tonight i took the whole bottle", "overdose"),
        ("i got through 2018 somehow but i want to die now", "suicide"),
        ("i took 30 pills. that was an hour ago", "overdose"),
        ("i wanted to die back then. that was years ago but now i want to die tonight", "suicide"),
        ("my dad's oxygen is in the 80s and he won't wake up", "third-party"),
        ("i relapsed after 2 years clean and took 30 pills", "overdose"),
    ],
)
def test_past_history(rules_detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two years today since i last wanted to kill myself, proud of me", None),
        ("today marks one year without wanting to end my life", None),
        ("it's been 500 days since i last tried to overdose", None),
        ("had my one year anniversary of not wanting to unalive myself", None),
        ("anniversary of my dad's death, going to join him tonight", "suicide"),
        ("a year of not cutting and tonight i cut myself again", "self-harm"),
        ("cant go a week without wanting to kill myself", "suicide"),
        ("been 3 days without my clonazepam and i keep seeing shadows move", "withdrawal"),
        (
            "it's been 3 days of no sleep and i'm hallucinating after stopping klonopin",
            "withdrawal",
        ),
    ],
)
def test_anniversaries(rules_detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("never had the urge to kill myself, but the anxiety is rough", None),
        ("i've never had the urge to hurt anybody, just venting", None),
        ("not drinking on my klonopin, promise, just soda tonight", None),
        ("relax, i'm not drinking on my kpins", None),
        ("im not okay i took 40 pills", "overdose"),
        ("not gonna lie i mixed my pins with vodka and cant stay awake", "combination"),
        ("i'm not okay, i'm drinking on my pins right now", "combination"),
        ("never felt this bad, i want to kill myself", "suicide"),
    ],
)
def test_denials(rules_detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("this is my last day at the office, cake at 3", None),
        ("tomorrow is my last day at the pharmacy, bittersweet", None),
        ("today is my last shift at this hospital", None),
        ("this is my last day, i'm done with everything", "suicide"),
        ("today is my last day alive, goodbye", "suicide"),
        ("tomorrow is my last day on earth", "suicide"),
    ],
)
def test_last_day(rules_detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my succulents gave up on life after the frost", None),
        ("my fern overdosed on fertilizer and turned brown", None),
        ("this humidity is trying to unalive me", None),
        ("the weather is trying to unalive me fr", None),
        ("the weather is awful and i want to die", "suicide"),
        ("my roommate is unresponsive", "third-party"),
        (
            "he keeps talking to the tv and thinks it is following him since he quit his pins",
            "third-party",
        ),
    ],
)
def test_things_as_subjects(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dropped the whole bottle down the sink drain by accident ugh", None),
        ("dropped my whole bottle of klonopin in the toilet, need a refill", None),
        ("knocked my entire pack of pins behind the radiator", None),
        ("dropped the whole bottle down my throat", "overdose"),
        ("dropped the whole bottle, then swallowed them all off the floor", "overdose"),
        ("dropped 10 bars an hour ago and can't feel my legs", "overdose"),
    ],
)
def test_dropped_bottle(rules_detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wrote letters to my grandkids for their birthdays", None),
        ("wrote letters to my daughters for their wedding day, cried the whole time", None),
        ("writing notes to my kids for their first day of school", None),
        ("wrote letters to my kids so they'll understand why i did it", "suicide"),
        ("i've written goodbye letters to my family, tonight's the night", "suicide"),
    ],
)
def test_occasion_letters(rules_detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(rules_detector, text) == expected
