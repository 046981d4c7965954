from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from bot.crisis.detector import CrisisDetector
from bot.crisis.messages import crisis_reminder, crisis_reply, safety_line
from bot.crisis.resources import load_resources, parse_resources
from bot.crisis.result import Category, CrisisResult
from bot.yamlsource import DataFileError

CENTER = "801-872-8480"
FIRST = {
    Category.OVERDOSE: "911",
    Category.COMBINATION: "911",
    Category.WITHDRAWAL: "911",
    Category.THIRD_PARTY: "911",
    Category.HARM_TO_OTHERS: "911",
    Category.SUICIDE: "988",
    Category.SELF_HARM: "988",
}


def first_number(text: str) -> str:
    positions = {n: text.find(n) for n in ("911", "988", "1-800-222-1222") if n in text}
    return min(positions, key=positions.__getitem__)


@pytest.mark.parametrize("category", list(Category))
@pytest.mark.parametrize("level", [1, 2])
def test_reply_names_the_right_first_resource(category: Category, level: int) -> None:
    reply = crisis_reply(CrisisResult(level, category, ("x",)))
    assert first_number(reply) == FIRST[category]
    assert CENTER in reply
    assert "automated" in reply.lower()
    assert "staff" in reply.lower()
    assert "1-800-662-4357" not in reply  # SAMHSA is treatment referral, not crisis
    assert "confidential" not in reply.lower()
    assert len(reply) < 2000


@pytest.mark.parametrize("category", [Category.SUICIDE, Category.SELF_HARM])
def test_suicide_and_self_harm_offer_text_line(category: Category) -> None:
    reply = crisis_reply(CrisisResult(2, category, ()))
    assert "text HOME to 741741" in reply
    assert "call or text 988" in reply


@pytest.mark.parametrize("category", [Category.OVERDOSE, Category.COMBINATION])
def test_poisoning_replies_offer_poison_help_when_awake(category: Category) -> None:
    reply = crisis_reply(CrisisResult(1, category, ()))
    assert "1-800-222-1222" in reply
    assert "awake and breathing" in reply


@pytest.mark.parametrize("category", list(Category))
def test_reminder_is_short_and_keeps_first_action(category: Category) -> None:
    result = CrisisResult(1, category, ())
    reminder = crisis_reminder(result)
    assert len(reminder) < len(crisis_reply(result))
    assert FIRST[category] in reminder
    assert CENTER in reminder


def test_safety_line_points_to_911_and_poison_help() -> None:
    line = safety_line()
    assert "911" in line
    assert "1-800-222-1222" in line


def test_replies_never_contain_the_message(detector: CrisisDetector) -> None:
    data = yaml.safe_load(Path("tests/eval/crisis_dev.yaml").read_text(encoding="utf-8"))
    for item in data["messages"]:
        result = detector.assess(item["text"]).crisis
        if result is None:
            continue
        for reply in (crisis_reply(result), crisis_reminder(result)):
            assert item["text"].lower() not in reply.lower()
        # The reply depends on the category only: nothing from the message can leak into it.
        bare = CrisisResult(result.level, result.category, ())
        assert crisis_reply(result) == crisis_reply(bare)


def test_packaged_resources_are_verified() -> None:
    resources = load_resources()
    assert resources["center"].number == CENTER
    assert resources["samhsa"].number == "1-800-662-4357"
    assert all(r.last_verified == dt.date(2026, 11, 23) for r in resources.values())


def test_resource_problems_have_line_numbers() -> None:
    text = "resources:\n  center:\n    name: Ardu\n    how: call\n    number: abc\n"
    with pytest.raises(DataFileError) as caught:
        parse_resources(text, "resources.yaml")
    messages = [str(p) for p in caught.value.problems]
    assert any(m.startswith("resources.yaml:5:") and "number" in m for m in messages)
    assert any("missing required field 'for'" in m for m in messages)


def test_every_resource_a_reply_names_is_required() -> None:
    text = (
        "resources:\n  center:\n    name: Ardu\n    how: call\n    number: 801-872-8480\n"
        "    for: the center\n    last_verified: 2026-11-23\n"
    )
    with pytest.raises(DataFileError) as caught:
        parse_resources(text, "resources.yaml")
    assert any("'emergency' is missing" in str(p) for p in caught.value.problems)
