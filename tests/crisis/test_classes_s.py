"""Set S and T classes: chat slang for suicide praised with the verb dropped ("sewerslide
lookin real good"), withdrawal hallucinations weighed ("full on hallucinations") or figures
seen everywhere, medicine names kept whole ("metoprolol" is not "me to pro lol"); and, as
false alarms, drinks jokingly "OD'd on" (energy drinks, coffee), a past detox looked back on
months later, a plant cutting, chat laughter ("im dead who let him cook"), a death by
illness grieved, a grief or carers' group, belongings handed on because eyes or hands fail,
and a calm medication history the prescribers know in full. Each class is held against the
same words said in a crisis, which must keep alarming.

Classes fixed in the rules are tested on the lexicon alone. Classes whose false alarm came
from the statistical second opinion (fixed by idioms, which hide their words from it too)
are tested on the full detector; their crisis versions are caught by the rules.
"""

from __future__ import annotations

import pytest

from bot.crisis.detector import CrisisDetector
from tests.crisis.verdicts import category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Suicide slang praised, the verb dropped as in chat.
        ("unaliving lookin more tempting every day tbh", "suicide"),
        ("kms sounding real nice rn not gonna lie", "suicide"),
        ("ctb seeming like the only option atp", "suicide"),
        ("ending it all looking like the plan tonight", "suicide"),
        ("suicide sounding better and better, not joking", "suicide"),
        # The same words about a film, a training, a game, a plant, a word.
        ("the suicide squad trailer looking real good", None),
        ("suicide prevention training looking good for next month", None),
        ("the new death stranding update looking real nice", None),
        ("my dying plant looking better since i moved it", None),
        ("unalive is such a weird tiktok word lol", None),
    ],
)
def test_suicide_slang_praised_without_a_verb(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hallucinations weighed, or figures seen everywhere, after stopping.
        ("quit my klonnies cold 5 days ago and having full blown hallucinations now",
         "withdrawal"),
        ("off clonazepam since monday, getting proper hallucinations tonight", "withdrawal"),
        ("stopped my pins 4 days ago. spiders everywhere on the walls", "withdrawal"),
        ("day 3 no kpins, little men in every corner", "withdrawal"),
        ("stopped benzos cold, bugs all over the walls and i cant sleep", "withdrawal"),
        # The same words about a film, a crowd, pests, or denied.
        ("the movie had full on hallucinations scenes, so trippy", None),
        ("people everywhere at the mall today, so crowded", None),
        ("spiders everywhere in the garage, need to call pest control", None),
        ("tapering slowly off klonopin, no hallucinations at all", None),
    ],
)
def test_hallucinations_weighed_or_figures_everywhere(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Drinks and snacks jokingly "overdosed on".
        ("odding on red bull for this exam lol", None),
        ("bout to od on cold brew before my shift", None),
        ("ODing on preworkout again, heart going brrr lmao", None),
        ("overdosed on takis and hot cheetos last night", None),
        ("od'd on 4 cans of monster during the raid", None),
        # The benzo itself, alone or with a drink.
        ("ODing on kpins rn, took like 30", "overdose"),
        ("od'd on my klonopin and red bull, cant feel my legs", "overdose"),
        ("overdosed on klonopin an hour ago", "overdose"),
    ],
)
def test_drinks_jokingly_overdosed_on(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A past detox looked back on months later, in a sentence of its own.
        ("in rehab i had a seizure on day 3. that was about 6 months ago", None),
        ("hallucinated for a whole night in detox. that was like 10 months ago and im doing "
         "great", None),
        ("during my taper i was hallucinating constantly. that was last summer", None),
        ("had a withdrawal seizure in detox. that was months ago", None),
        # Minutes, hours or days ago is now; so is detox today.
        ("i hallucinated all night after quitting kpins. that was an hour ago", "withdrawal"),
        ("in detox rn and hallucinating, staff are busy", "withdrawal"),
        ("quit kpins 3 days ago and im hallucinating. that was 2 days ago it started",
         "withdrawal"),
        ("had a seizure after quitting. that was 20 minutes ago", "withdrawal"),
    ],
)
def test_a_past_detox_months_ago(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A plant cutting taken, rooting or propagated.
        ("took a cutting from my moms geranium, hope it roots", None),
        ("my hydrangea cuttings finally took root", None),
        ("taking softwood cuttings this weekend, any tips?", None),
        ("got some cuttings off my neighbours fig tree", None),
        ("the pothos cutting is rooting in water on my windowsill", None),
        ("rooting a few lavender cuttings for my mum", None),
        # Cutting oneself.
        ("started cutting again last night, its deep", "self-harm"),
        ("cut myself with a razor tonight", "self-harm"),
        ("cutting my arms again, cant stop", "self-harm"),
    ],
)
def test_a_plant_cutting(detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(detector, text) == expected


@pytest.mark.parametrize(
    "name", ["metoprolol", "atenolol", "carvedilol", "atorvastatin", "metformin", "losartan",
             "quetiapine", "topiramate", "meloxicam", "sumatriptan", "statin"],
)
def test_medicine_names_are_read_whole(rules_detector: CrisisDetector, name: str) -> None:
    assert rules_detector.tokens(name) == [name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A medicine list is no joke ("lol") and no crisis.
        ("on atenolol and lisinopril for blood pressure plus 1mg klonopin", None),
        ("my gp switched me from carvedilol to metoprolol last month", None),
        ("taking atorvastatin at night and clonazepam in the morning", None),
        # An amount of such a medicine is an overdose; its name no longer reads "lol".
        ("swallowed 40 metoprolol tablets an hour ago", "overdose"),
        ("took 35 atenolol and my heart is slowing down", "overdose"),
        ("took 30 quetiapine with my klonopin", "overdose"),
    ],
)
def test_medicine_names_in_messages(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Chat laughter and "let him cook".
        ("bro im deceased who let bro cook like that", None),
        ("let her cook fr, that build is insane", None),
        ("im crying lmao this clip", None),
        ("who let them cook 😭😭", None),
        # Dead inside with a wish, or a threat after the slang.
        ("im dead inside and i want to die tonight", "suicide"),
        ("let him cook, im going to kill him tomorrow when he gets home", "harm-to-others"),
    ],
)
def test_chat_laughter(detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A death by illness grieved; a group for the grieving or for carers.
        ("my husband passed away from dementia in march, the house is so quiet", None),
        ("lost my mum to a stroke on tuesday, the service is next week", None),
        ("my dad passed away from cancer on sunday. i dont know how to do the eulogy", None),
        ("my neighbour died of covid last year and i still miss her", None),
        ("bereavement group helped a lot after dad died", None),
        ("going to a carers support group on thursdays now", None),
        # Grief with a wish or an act of the writer's own.
        ("my wife died of cancer and i want to die too, i have her pills", "suicide"),
        ("my friend died of an overdose and i took 30 of my kpins tonight", "overdose"),
        ("lost my husband to cancer, i have my pills saved up to join him tonight", "suicide"),
    ],
)
def test_grief_for_a_death_by_illness(
    detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Belongings handed on because eyes or hands fail.
        ("passing on my knitting patterns, my hands cant manage the needles anymore", None),
        ("selling my stamp albums since my eyesight went", None),
        ("giving my crossword books to the library, my eyes cant read the print anymore",
         None),
        # Belongings handed out because the writer will not be there.
        ("giving away my books, wont be needing them after this weekend", "suicide"),
        ("giving away all my things. i wont be around after friday", "suicide"),
    ],
)
def test_belongings_handed_on_for_failing_eyes(
    detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A calm medication history the prescribers know in full.
        ("on lisinopril, amlodipine and 1mg clonazepam, my gp knows everything", None),
        ("heart attack in 2016, on atenolol, aspirin and 1mg klonopin, my gp and psychiatrist "
         "both know everything", None),
        ("on metoprolol, lisinopril and 0.5mg clonazepam, cardiologist is aware of everything",
         None),
        ("bypass in 2015, metformin and 0.5 klonopin at night, my doctor and pharmacist both "
         "know about all my meds", None),
        ("pacemaker since 2019, warfarin plus clonazepam 0.25, cardiologist is aware of "
         "everything", None),
        # An amount taken, whoever knows.
        ("took 20 clonazepam with my warfarin, my doctor knows everything but im scared",
         "overdose"),
    ],
)
def test_a_medication_history_the_doctors_know(
    detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(detector, text) == expected
