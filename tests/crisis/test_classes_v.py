"""Hold-out sets U and V classes: despair that ends its own clause ("i cant anymore")
before a wish to die, with the means at hand; learner-English overdoses told in the
present with a sign; a benzo listed with drink slang and a sign, asked about sleeping it
off; a fall with shaking after quitting; a place and no return; pills put in someone's
drink; Australian and British threats. As false alarms: a saying explained, thousands of
steps, a hormone spike, "bottle it" in sport.

Classes fixed in the rules are tested on the lexicon alone; the hormone spike, whose
false alarm came from the statistical second opinion, on the full detector.
"""

from __future__ import annotations

import pytest

from bot.crisis.detector import CrisisDetector
from tests.crisis.verdicts import category


def level(detector: CrisisDetector, text: str) -> int | None:
    """The alert level of ``text``, or None when it does not escalate."""
    result = detector.assess(text).crisis
    return result.level if result is not None else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i cant anymore i want to die", "suicide"),
        ("honestly i cannot anymore i wanna die", "suicide"),
        ("cant do this anymore i want to kill myself", "suicide"),
        ("i dont want to die anymore", None),
        ("i don't want to die, i want the taper to end", None),
        ("not anymore, i dont want to die", None),
    ],
)
def test_despair_ending_its_clause_negates_nothing(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "i cant anymore i want to die, i have all my pills here next to me",
        "want to die tonight, got the tablets right here beside me",
        "i want to die and i have all the pills in front of me",
    ],
)
def test_wish_to_die_with_means_at_hand_is_most_urgent(
    rules_detector: CrisisDetector, text: str
) -> None:
    assert level(rules_detector, text) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sorry english, i swallow all tablets from box, now my body not responding", "overdose"),
        ("i eat all my clonazepam, now everything heavy", "overdose"),
        ("i take too much thuoc ngu, now i feel so slow", "overdose"),
        ("i finish all the pills from the bag and now my body not listening", "overdose"),
        ("i take maybe 20 pill of clonazepam, now everything slow", "overdose"),
        # Learner English for picking up or taking as told, with no sign.
        ("i take all the klonopin from the pharmacy bag and put in my pill box", None),
        ("i take 1 pill clonazepam every night like doctor say", None),
        ("i take all my vitamins now my body not tired", None),
    ],
)
def test_learner_english_overdose_with_a_sign(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kpins + goon + bars tonight, room is spinning, ok to just sleep it off?", "combination"),
        ("mixed xans and voddy, everything is proper spinny, is it fine to sleep", "combination"),
        ("pins n tinnies n jaeger, cant keep my eyes open, should i go bed?", "combination"),
        ("had klonopin with bevvies, cant breathe right, is it safe to sleep", "combination"),
        # Asking before, no sign.
        ("is it fine to have bevvies and tinnies and my klonopin at the bbq?", None),
        ("goon + kpins + tinnies, is that safe? asking before the weekend", None),
        ("had a few tinnies at the footy, everything fine", None),
    ],
)
def test_drink_slang_with_a_benzo_and_a_sign(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stopped my klonopin cold turkey and collapsed shaking in the kitchen", "withdrawal"),
        ("3 days off benzos, dropped to the floor jerking, should i just lie down?", "withdrawal"),
        ("quit kpins last week, my mum said i was out for two minutes on the floor", "withdrawal"),
        # A fall with no shaking, or shaking from cold.
        ("fell down the stairs today, my ankle is sore, tapering my klonopin slowly", None),
        ("tapering, was out for a minute getting milk, came back shaking from cold", None),
    ],
)
def test_a_fall_with_shaking_after_quitting(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nothing helps. walking to the river after dinner and not coming back", "suicide"),
        ("driving to the cliffs after the kids are asleep and not coming home", "suicide"),
        ("heading to the train tracks after my shift and im never coming back", "suicide"),
        ("walking into the sea later and not coming back", "suicide"),
        # A trip with a return, or a move away.
        ("going to the river after work and not coming back till late", None),
        ("heading to the sea for the week and not coming back to this job", None),
        ("driving to the cliffs with friends for photos, back by six", None),
    ],
)
def test_a_place_and_no_return(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("crushed two of my kpins into my husband's coffee so he sleeps", "harm-to-others"),
        ("slipped a couple of my xanax in her drink at the party", "harm-to-others"),
        # A benzo in someone's beer is also a medical emergency for them: third-party.
        ("i spiked his beer with my klonopin so he'd pass out", "third-party"),
        ("i spiked his coffee with my klonopin so he'd sleep", "harm-to-others"),
        ("gave my roommate some of my pills without telling him so he sleeps", "harm-to-others"),
        # Pills put away, taken in one's own food, or given as a carer was told.
        ("put my klonopin in my purse so i dont forget it", None),
        ("i crush my klonopin into my yoghurt because i cant swallow pills", None),
        ("the nurse said to crush her clonazepam into her yoghurt, she cant swallow", None),
    ],
)
def test_pills_put_in_someone_elses_drink(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gonna glass that prick at the pub tonight", "harm-to-others"),
        ("im gonna deck that c*** when he walks in tomorrow", "harm-to-others"),
        ("going to bash him so hard he ends up in hospital", "harm-to-others"),
        ("im going to put that wanker in hospital tomorrow", "harm-to-others"),
        # Parties, work and sport.
        ("gonna bash out this essay tonight", None),
        ("birthday bash at the pub tomorrow, he'll be in hospital by monday for his knee op", None),
        ("my boss is in hospital, gonna visit him after smoko", None),
    ],
)
def test_australian_and_british_threats(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("so tired want to die haha, in my country we say like this when very tired", None),
        ("hungry want to die lol, its just a saying in vietnam", None),
        ("i want to die, we say like this when we are serious", "suicide"),
        ("did 25k steps today, legs are dead", None),
        ("only 10k views on my video, i want a break", None),
        ("took 20 k pins an hour ago", "overdose"),
        ("spurs always bottle it in the final", None),
        ("england will bottle it again, watch", None),
    ],
)
def test_sayings_thousands_and_sport(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the morning cortisol spike woke me again, heart racing, breathing helped", None),
        ("adrenaline surge at 5am again, heart pounding, it settled after a bit", None),
        ("took 20 kpins and my heart is pounding", "overdose"),
    ],
)
def test_hormone_spike_is_no_emergency(
    detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(detector, text) == expected
