"""Which help-channel messages read as questions the bot may answer."""

from __future__ import annotations

import pytest

from bot.questions import looks_like_question


@pytest.mark.parametrize(
    "text",
    [
        "what is klonopin?",
        "is 2mg a lot",
        "do kpins get you high",
        "can you mix klonopin and alcohol",
        "anyone know if withdrawal gets better",
        "klonopin vs xanax?",
        "wondering how long tapering takes",
        "how long does withdrawal last <@123>",
    ],
)
def test_questions(text: str) -> None:
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "thanks everyone, day 12 today",
        "benzo misuse is so common",
        "my doctor explained what klonopin is",
        "really?",
        "lol",
        "> what is klonopin?\nthis is what I asked yesterday",
        "check https://example.com/what?x=1",
        "",
    ],
)
def test_not_questions(text: str) -> None:
    assert not looks_like_question(text)
