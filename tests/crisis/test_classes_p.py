"""Set P classes, a question asked while the danger is already happening first: the
question alone is general ("how much klonopin is too much?"), but a sentence of its own
that reports the writer's present (an amount already in, a sign, a fear of closing one's
eyes, days without the benzo, a decision) makes it the writer's emergency. Then the other
classes: withdrawal hallucinations told as people or shadows in the room, the corner, the
stairs or the mirror; voices heard "and i know nobodys home"; a bare count with a plea; a
benzo with drink and a breathing sign; self-harm with a blade and blood; someone who
would rather be dead and is shut in, not answering; threats with a weapon at hand (never
petty, not even with "lol" or "if he touches my stuff"), harm foretold in the passive, an
address known, a car aimed at a place with people inside; silence told in advance as the
act done; and the false alarms of past history, staff who handled a seizure, narcan
carried "in case", things that are blue, and a Tagalog negation.

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
        # An amount already in, or a sign, told after the question.
        (
            "how many klonopin can you take in a day? i already had 18 and im starting to slur",
            "overdose",
        ),
        (
            "how long does klonopin stay in your system after taking 30? i'm too scared to "
            "close my eyes",
            "overdose",
        ),
        (
            "is it normal to feel sick after drinking on kpins? ive puked like 4 times and "
            "i cant stand up",
            "combination",
        ),
        (
            "how much wine is too much when you're on clonazepam? im on my 5th glass and "
            "took my 2mg",
            "combination",
        ),
        (
            "when is it safe to take klonopin after drinking? i took one 20 minutes ago and "
            "im still really drunk",
            "combination",
        ),
        # Days without the benzo, or a sudden stop days ago, told after the question.
        (
            "is it normal if i see a man sitting in the corner? no klonopin in 3 days",
            "withdrawal",
        ),
        (
            "is it normal to be hearing voices? quit my 2mg klonopin cold turkey 4 days ago",
            "withdrawal",
        ),
        # A decision told after the question.
        (
            "is it normal to feel at peace after you decide to kill yourself? because i feel "
            "so calm now",
            "suicide",
        ),
        (
            "how much klonopin is too much? i'm scared i won't wake up, took 20 an hour ago",
            "overdose",
        ),
        # Look-alikes: the same questions with nothing of the writer's present, or with
        # something past, or with signs of another cause.
        ("is it normal to feel calm after deciding to end your life?", None),
        ("is it normal to throw up after drinking on klonopin? i threw up once last year", None),
        ("can you overdose on klonopin? im so dizzy from the taper", None),
        ("how long do withdrawal seizures last? im scared to go to sleep tonight", None),
        ("how much klonopin is too much?", None),
        ("how long do withdrawal hallucinations last?", None),
        ("is it normal to be hearing voices? i stopped klonopin years ago", None),
        ("is it normal to throw up after drinking on klonopin?", None),
        ("how long does klonopin stay in your system after taking 30?", None),
        ("how many klonopin can you take in a day? asking for my taper plan", None),
        ("is it normal to feel sick after drinking on kpins? happened to my friend once", None),
        ("does 988 call the police?", None),
        ("what should i write in a sympathy note", None),
        ("what should i write in my note to my daughter's teacher", None),
    ],
)
def test_present_report_outweighs_the_question(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quit my klonopin on monday and now im seeing kids standing in the hallway", "withdrawal"),
        ("cold turkey off kpins, there are people sitting on my stairs watching me", "withdrawal"),
        ("stopped my benzos, theres a woman in my kitchen who isnt real", "withdrawal"),
        ("ran out of klonopin 3 days ago. the shadow people are back", "withdrawal"),
        ("no kpins since friday and i keep seeing someone over my shoulder in the mirror",
         "withdrawal"),
        ("dropped my klonopin cold, hearing whispering voices all night", "withdrawal"),
        ("came off clonazepam cold turkey, muscle spasms every couple minutes", "withdrawal"),
        ("quit the kpins last week and my legs keep kicking all night", "withdrawal"),
        (
            "stopped them cold a few days ago. keep hearing voices in the hallway and i know "
            "nobody is home",
            "withdrawal",
        ),
        # Look-alikes: real people, real voices, no stop, a dream.
        ("hearing voices in the hallway, my neighbours are so loud", None),
        ("quit klonopin last month, my kids are in the hallway fighting again", None),
        ("seeing people in the corner of the gym doing weird stretches", None),
        ("watched a show with shadow people in it, so creepy", None),
        ("stopped coffee cold turkey and my legs keep kicking in my sleep lol", None),
    ],
)
def test_withdrawal_figures_and_voices(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OD. 25 klonopin. need help", "overdose"),
        ("30 kpins. help me", "overdose"),
        ("xanax and tequila and a beer lol oops. getting hard to breathe", "combination"),
        ("sh with a razor blade, so much blood", "self-harm"),
        ("self harmed with my box cutter, bleeding through the towel", "self-harm"),
        (
            "my brother keeps saying he'd rather die and he's been in the garage for 2 hours "
            "not answering",
            "third-party",
        ),
        # Look-alikes.
        ("bought 40 clonazepam. need help with my taper schedule", None),
        ("30 kpins left. need help planning the taper", None),
        ("cut the tape with a box cutter, no blood thankfully", None),
        ("my son has been in the bathroom for an hour not answering, gaming again", None),
        ("my dad said he'd rather die than wear that shirt lol", None),
    ],
)
def test_counts_signs_blades_and_someone_shut_in(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A weapon at hand is never petty, not even with "lol" or a condition.
        ("gonna shoot my roommate if he eats my food again, gun is in my room", "harm-to-others"),
        ("lmao im gonna stab him if he texts my girl again, knife's right here", "harm-to-others"),
        ("going to beat my cousin if he touches my car again, bat's in my truck",
         "harm-to-others"),
        # Harm foretold in the passive, an address known, a car aimed at people inside.
        ("my old boss is getting shot when he leaves work tomorrow", "harm-to-others"),
        ("that pharmacist is going to pay, i found her address and im going saturday",
         "harm-to-others"),
        ("planning to ram my truck into the clinic with all the nurses inside", "harm-to-others"),
        # Look-alikes: no weapon, a weapon with no threat, a game, a plain drive.
        ("gonna kill my roommate if he eats my food again lol", None),
        ("my pocket knife is in my room somewhere, cant find it", None),
        ("my character is getting shot when the mission starts in fortnite", None),
        ("i know his address, sending him a thank you card", None),
        ("thinking of driving my car to the pharmacy tomorrow when they open", None),
    ],
)
def test_threats_armed_foretold_and_aimed(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("is it bad that i already picked the day", "suicide"),
        ("im going to do it tonight, dont try to stop me", "suicide"),
        ("what do i put in my last letter so my mom doesnt blame herself", "suicide"),
        ("in case you dont hear from me its because i finally did it", "suicide"),
        # Look-alikes.
        ("is it bad that i picked a date for my last dose already?", None),
        ("im going to do it, the haircut i mean, dont try to stop me", None),
        ("if i dont answer tonight its because im at work", None),
    ],
)
def test_decisions_notes_and_silence(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i wanted to die a lot during my worst drinking years. its been 6 years and im "
         "doing great", None),
        ("when i first quit klonopin i saw bugs on the walls for a day, it passed", None),
        ("cutting was how i coped in middle school, i'm 40 now", None),
        ("my uncle in detox had seizures, the nurses handled it quickly", None),
        ("carry narcan in case you ever find someone overdosing", None),
        ("my daughter asked why the ocean is blue", None),
        ("hindi naman ako magpapakamatay, pagod lang ako", None),
        # The same classes, happening now.
        ("i wanted to die during my worst years and its been 6 years and i still want to die",
         "suicide"),
        ("my uncle in detox is having seizures right now", "third-party"),
        ("found someone overdosing in the bathroom, not breathing", "third-party"),
        ("my daughter's lips are blue and she wont wake up", "third-party"),
        ("magpapakamatay na ako mamaya", "suicide"),
    ],
)
def test_past_history_and_other_false_alarms(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected
