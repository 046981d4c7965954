from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.crisis.detector import CrisisDetector
from bot.crisis.result import Category
from tests.crisis.verdicts import category

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)




@pytest.mark.parametrize(
    "text",
    [
        "my skills are improving",
        "I'm skilled at drawing",
        "starting a new diet",
        "my therapist says I'm doing great",
        "my library book is overdue",
        "i call shotgun",
        "watching a serial killer documentary",
        "took a painkiller for my headache",
    ],
)
def test_words_inside_other_words_never_fire(detector: CrisisDetector, text: str) -> None:
    assert detector.assess(text).crisis is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("took my whole bottle of kpins", "overdose"),
        ("took like 20 kpins an hour ago", "overdose"),
        ("I took 10, will I be ok?", "overdose"),
        ("took 3 kpins and drank a bottle of wine", "combination"),
        ("i stopped klonopin cold turkey and just had a seizure", "withdrawal"),
        ("gonna k1ll mys3lf", "suicide"),
        ("i cut myself again last night", "self-harm"),
        ("my brother isn't breathing after taking benzos", "third-party"),
        ("my friend said she's going to kill herself", "third-party"),
        ("i'm going to kill him", "harm-to-others"),
    ],
)
def test_each_category(detector: CrisisDetector, text: str, expected: str) -> None:
    assert category(detector, text) == expected


def test_levels_follow_intent(detector: CrisisDetector) -> None:
    wish = detector.assess("i want to die").crisis
    plan = detector.assess("i want to die tonight").crisis
    assert wish is not None
    assert wish.level == 2
    assert plan is not None
    assert plan.level == 1


def test_combination_is_level_one_only_with_symptoms(detector: CrisisDetector) -> None:
    calm = detector.assess("mixed my klonopin with alcohol tonight").crisis
    sick = detector.assess("mixed my klonopin with alcohol and i cant breathe").crisis
    assert calm is not None
    assert (calm.category, calm.level) == (Category.COMBINATION, 2)
    assert sick is not None
    assert (sick.category, sick.level) == (Category.COMBINATION, 1)


@pytest.mark.parametrize(
    "text",
    [
        "i can't breathe after taking my pills",
        "he won't wake up, he took a bunch of pills",
        "she's not breathing",
    ],
)
def test_negated_emergency_phrases_still_fire(detector: CrisisDetector, text: str) -> None:
    result = detector.assess(text).crisis
    assert result is not None
    assert result.level == 1


@pytest.mark.parametrize(
    "text", ["I'm not suicidal, just tired", "i would never hurt myself", "i don't want to die"]
)
def test_negated_level_two_gives_a_safety_note(detector: CrisisDetector, text: str) -> None:
    assessment = detector.assess(text)
    assert assessment.crisis is None
    assert assessment.safety_note


def test_negation_lowers_level_one_by_one_step_only(detector: CrisisDetector) -> None:
    result = detector.assess("i'm not going to end it all, i'm going to end it all").crisis
    assert result is not None
    assert result.level == 1
    lowered = detector.assess("i'm not going to end it all").crisis
    assert lowered is not None
    assert lowered.level == 2


def test_negation_never_lowers_a_medical_emergency(detector: CrisisDetector) -> None:
    result = detector.assess("i don't know why but i took 30 klonopin").crisis
    assert result is not None
    assert result.level == 1


@pytest.mark.parametrize(
    "text",
    [
        "this test is killing me lol",
        "you're killing it today",
        "i'm dying to know what happens next",
        "that cake is to die for",
        "just killing time before my appointment",
        "im dead tired after work",
    ],
)
def test_idioms_do_not_fire(detector: CrisisDetector, text: str) -> None:
    assert detector.assess(text).crisis is None


def test_idioms_remove_only_the_words_they_cover(detector: CrisisDetector) -> None:
    assert category(detector, "this class is killing me and i want to kill myself") == "suicide"


@pytest.mark.parametrize(
    "text",
    [
        "can you overdose on klonopin?",
        "what happens in withdrawal",
        "can withdrawal cause seizures?",
        "is it dangerous to mix klonopin with alcohol?",
        "what happens if i take too many klonopin?",
        "seizures after quitting klonopin cold turkey?",  # a question mark at the very end
    ],
)
def test_general_questions_get_a_safety_note(detector: CrisisDetector, text: str) -> None:
    assessment = detector.assess(text)
    assert assessment.crisis is None
    assert assessment.safety_note


@pytest.mark.parametrize(
    "text",
    [
        "I took 10, will I be ok?",
        "took like 20 kpins an hour ago, what do i do?",
        "just had a seizure after quitting cold turkey",
        "did i overdose? took 9 pins",
    ],
)
def test_first_person_reports_are_emergencies(detector: CrisisDetector, text: str) -> None:
    result = detector.assess(text).crisis
    assert result is not None
    assert result.level == 1


def test_recovered_history_does_not_escalate(detector: CrisisDetector) -> None:
    assessment = detector.assess("i used to self harm, 2 years clean")
    assert assessment.crisis is None
    assert detector.assess("i used to self harm and i cut myself again today").crisis is not None


def test_one_result_for_many_terms(detector: CrisisDetector) -> None:
    result = detector.assess(
        "i want to die, i took all my pills, goodbye everyone thank you for everything"
    ).crisis
    assert result is not None
    assert result.category is Category.OVERDOSE
    assert result.level == 1
    assert len(result.terms) >= 2
    assert len(set(result.terms)) == len(result.terms)


def test_terms_never_include_words_outside_the_match(detector: CrisisDetector) -> None:
    result = detector.assess("Zebediah said i want to kill myself").crisis
    assert result is not None
    assert all("zebediah" not in term for term in result.terms)


def test_someone_else_makes_it_third_party(detector: CrisisDetector) -> None:
    assert category(detector, "my friend wants to kill himself") == "third-party"
    assert category(detector, "my friend is doing better after her taper") is None


def test_typos_are_corrected_only_when_not_real_words(detector: CrisisDetector) -> None:
    assert category(detector, "thinking about suicde") == "suicide"
    assert category(detector, "i want to dye my hair") is None


CRISIS = [
    "i want to kill myself",
    "took my whole bottle of kpins",
    "my brother isn't breathing",
    "i want to die",
    "i cut myself again",
]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\ufe0f"]
LOOKALIKE = {"a": "а", "e": "е", "o": "о", "i": "і", "c": "с", "p": "р", "y": "у", "s": "ѕ"}


@SETTINGS
@given(
    index=st.integers(0, len(CRISIS) - 1),
    inserts=st.lists(
        st.tuples(st.integers(0, 60), st.sampled_from(INVISIBLE)), min_size=1, max_size=8
    ),
)
def test_invisible_characters_never_hide_a_crisis(
    detector: CrisisDetector, index: int, inserts: list[tuple[int, str]]
) -> None:
    text = CRISIS[index]
    for position, char in inserts:
        position %= len(text) + 1
        text = text[:position] + char + text[position:]
    assert detector.assess(text).crisis is not None


@SETTINGS
@given(index=st.integers(0, len(CRISIS) - 1), swaps=st.sets(st.integers(0, 60), max_size=10))
def test_lookalike_letters_never_hide_a_crisis(
    detector: CrisisDetector, index: int, swaps: set[int]
) -> None:
    chars = list(CRISIS[index])
    for position in swaps:
        if position < len(chars):
            chars[position] = LOOKALIKE.get(chars[position], chars[position])
    assert detector.assess("".join(chars)).crisis is not None


@SETTINGS
@given(st.text(max_size=4000))
def test_any_text_gives_an_assessment(detector: CrisisDetector, text: str) -> None:
    assessment = detector.assess(text)
    assert assessment.crisis is None or assessment.crisis.level in (1, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seizures since quitting klonopin", "withdrawal"),
        ("withdrawing from clonazepam and my body is jerking", "withdrawal"),
        ("not having seizures, just the usual taper jitters", None),
        ("i've decided i'm done living", "suicide"),
        ("i slashed my leg tonight", "self-harm"),
        ("burned my hand on the stove on purpose to feel something", "self-harm"),
        ("burned my hand on the stove making dinner", None),
        ("swallowed everything in my pill organizer at once", "overdose"),
        ("gonna run my ex off the road tonight", "harm-to-others"),
        ("my flatmate took his klonopin with heroin and i cant wake him", "third-party"),
    ],
)
def test_reported_acts_and_plain_denials(
    detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(detector, text) == expected
