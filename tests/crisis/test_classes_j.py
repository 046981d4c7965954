"""Set J classes: withdrawal signs told in leetspeak or inside "is it normal" questions,
belongings given away with a date, self-harm with something at hand, a third-party scene
told by sounds, threats that are planned, terse or nearly carried out. Each class has
look-alikes that must stay quiet, as do jokes about overdosing on a season, history told
with a year and a taper "cut".

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
        ("ever since i quit my k's the tv keeps whispering my name. 5 days no sleep", "withdrawal"),
        ("voices coming out of the fan since i came off my k's", "withdrawal"),
        ("s31zure this morning i think?? havent had any kp1ns since sunday", "withdrawal"),
        ("h4llucinating bad, ran out of my cl0naz3pam 4 days ago", "withdrawal"),
        (
            "is it normal to hear people talking inside the walls on day 4 after stopping "
            "klonopin cold turkey?",
            "withdrawal",
        ),
        (
            "is it normal to black out and wake up on the floor after running out of kpins? "
            "happened twice today",
            "withdrawal",
        ),
        ("day 5 no k's and the shadows in the hallway keep moving", "withdrawal"),
        # General questions and ordinary withdrawal stay quiet.
        ("is it normal to have vivid dreams after stopping klonopin?", None),
        ("can stopping klonopin cold turkey cause seizures or hallucinations?", None),
        ("is it normal to feel anxious on day 3 after stopping my klonopin cold turkey?", None),
        ("ran out of kpins 3 days ago, anxiety is rough but im managing", None),
    ],
)
def test_withdrawal_signs(rules_detector: CrisisDetector, text: str, expected: str | None) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("anyone want my guitar and amp? free. wont need them after friday", "suicide"),
        ("giving away all my books, i wont be needing any of it after tonight", "suicide"),
        ("you can have my art supplies, i wont be using them after this weekend", "suicide"),
        ("giving my plants to my sister, i wont be around to water them after the 14th", "suicide"),
        ("giving away my old ps4 since i got a ps5, wont need it anymore", None),
        ("giving away my winter coats, wont need them after this weekend, moving to florida", None),
        ("anyone want my pill organiser? wont need it after my last dose friday!", None),
    ],
)
def test_giving_away_with_a_date(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("they took my razors so i used a paperclip on my arm instead", "self-harm"),
        ("couldnt find anything so i used a broken cd on my thigh. not that deep", "self-harm"),
        ("used a safety pin on my wrist again tonight, only a little blood", "self-harm"),
        ("took apart a pencil sharpener and used it on my thigh. not deep tho", "self-harm"),
        ("used the compass from my geometry set to draw circles for art class", None),
        ("used a safety pin to fix my jeans instead, not pretty tho", None),
        ("week 2 of the new cut and my sleep is a mess", None),
        ("new cut started monday, headaches already", None),
        ("the new cut on my arm is deep and wont stop bleeding", "self-harm"),
    ],
)
def test_self_harm_with_things_at_hand(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("found my brother slumped in his chair making choking noises, he uses", "third-party"),
        ("my mom is lying on the kitchen floor gurgling, she was drinking all day", "third-party"),
        ("my boyfriend is on the floor making weird gasping sounds, he drinks", "third-party"),
        ("my baby makes gurgling sounds when she eats, is that normal?", None),
        ("my cat is on the floor making gurgling sounds, hairball incoming", None),
        ("my mom is on the floor doing yoga making weird breathing sounds lol", None),
    ],
)
def test_scene_told_by_sounds(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "gonna unalive my brother if he eats my food one more time, not joking this "
            "time, got it planned",
            "harm-to-others",
        ),
        ("shes dead when i find her", "harm-to-others"),
        ("hes dead when he gets home", "harm-to-others"),
        ("i almost smothered the baby tonight and i still want to", "harm-to-others"),
        ("nearly shoved my daughter down the stairs. part of me still wants to", "harm-to-others"),
        # Provocation idioms, games and near misses with no person stay quiet.
        ("gonna kill my brother if he eats my food one more time lol", None),
        ("the plan is to unalive the final boss tonight, got it planned", None),
        ("my phone is dead when i find it in the morning", None),
        ("nearly threw my phone into the wall, this game is rigged", None),
        ("i nearly threw up, still want to eat tho", None),
    ],
)
def test_threats_planned_terse_or_nearly_done(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("overdosed on christmas music already, send help", None),
        ("i od'd on candy corn at the party lol", None),
        ("overdosing on cuteness with these puppy pics", None),
        ("overdosed on tylenol an hour ago", "overdose"),
        ("i think i overdosed on my sleeping pills, everything is spinning", "overdose"),
        ("my mom found me not breathing once. that was 2015. im in a good place now", None),
        ("my roommate is not breathing, i found him like this", "third-party"),
    ],
)
def test_hyperbole_and_history(
    rules_detector: CrisisDetector, text: str, expected: str | None
) -> None:
    assert category(rules_detector, text) == expected
