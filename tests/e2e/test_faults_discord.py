"""Discord misbehaving: 429 with retry-after, 500s, and dropped gateway connections.

While each fault is active, members ask questions (help channel, mention, ``/faq ask``) and
write crisis messages. Every question still gets exactly one answer, every crisis message
exactly one reply and exactly one staff alert: discord.py waits out a 429 and retries a 500,
the gateway resumes and Discord replays what was sent meanwhile, and the outbox retries what
discord.py gave up on. Each fault is checked to have really fired.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bot.store.database import open_database
from bot.store.escalations import EscalationStore
from tests.conftest import VALID_FAQ
from tests.e2e.conftest import StartBot
from tests.fakediscord import FakeDiscord
from tests.load.traffic import (
    ACT_TIMEOUT,
    CRISIS_TEXTS,
    START_TIMEOUT,
    alerted_message_ids,
    replies_to,
    staff_alerts,
)

WHAT_IS = "What is Klonopin?"
MISUSE = "How many people misuse benzodiazepines?"


@pytest.mark.e2e
async def test_429s_500s_and_gateway_drops_lose_no_answer_reply_or_alert(
    fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path
) -> None:
    faq = tmp_path / "faq.yaml"
    faq.write_text(VALID_FAQ, encoding="utf-8")
    members = [fake_discord.world.add_user(f"member{n}").id for n in range(5)]
    await start_bot({"FAQ_PATH": str(faq), "FAQ_COOLDOWN_SECONDS": "0"})
    await fake_discord.wait_ready(START_TIMEOUT)
    await fake_discord.wait_for_commands("faq")
    server = fake_discord
    general, help_channel = server.channel("general").id, server.channel("help").id
    staff_posts = f"/channels/{server.channel('staff').id}/messages"
    mention = f"<@{server.bot_user.id}>"
    questions: dict[int, str] = {}  # message id -> the entry it must be answered with
    crises: list[int] = []

    async def ask(channel: int, author: int, text: str, entry_question: str) -> None:
        sent = await server.send_message(channel, author, text)
        questions[int(sent["id"])] = entry_question

    async def crisis(author: int, text: str) -> None:
        crises.append(int((await server.send_message(general, author, text))["id"]))

    # 429 with retry-after on every channel post (answers, crisis replies, DMs, alerts).
    limited = server.rate_limit("POST", "/channels/*/messages", times=4, retry_after=0.3)
    await ask(help_channel, members[0], WHAT_IS, WHAT_IS)
    await crisis(members[0], CRISIS_TEXTS[0])
    await ask(general, members[1], f"{mention} {MISUSE}", MISUSE)
    # A 500: discord.py retries the same request after 1 s.
    failing = server.server_error("POST", "/channels/*/messages", times=1)
    await ask(help_channel, members[2], MISUSE, MISUSE)
    await crisis(members[1], CRISIS_TEXTS[1])
    # A global 429 and then a 500 on the staff channel alone.
    staff_limited = server.rate_limit("POST", staff_posts, times=1, retry_after=0.5, is_global=True)
    staff_failing = server.server_error("POST", staff_posts, times=1)
    await crisis(members[2], CRISIS_TEXTS[2])
    # The gateway drops; what members write meanwhile is replayed when the bot resumes.
    await server.wait_until(lambda: all(f.exhausted for f in server.faults), timeout=ACT_TIMEOUT)
    await server.drop_gateway()
    await ask(help_channel, members[3], WHAT_IS, WHAT_IS)
    await crisis(members[3], CRISIS_TEXTS[3])
    await server.wait_ready(START_TIMEOUT)
    # A rate-limited slash command answer.
    callback_limited = server.rate_limit("POST", "/interactions/*/callback", retry_after=0.3)
    asked = await server.send_slash_command("faq ask", {"question": WHAT_IS}, user_id=members[4])

    def everything_answered() -> bool:
        replied = replies_to(server)
        alerted = alerted_message_ids(staff_alerts(server))
        return (
            all(replied[m] for m in [*questions, *crises])
            and all(alerted[m] for m in crises)
            and asked.acknowledged
        )

    await server.wait_until(everything_answered, timeout=ACT_TIMEOUT, what="every answer and alert")
    await server.wait_for_interaction_response(asked)
    with open_database(tmp_path / "bot" / "data" / "bot.db", migrate_schema=False) as db:
        outbox = EscalationStore(db)
        await server.wait_until(
            lambda: all(e.delivered for e in outbox.list_recent()), timeout=ACT_TIMEOUT
        )
        stored = outbox.list_recent()

    replied = replies_to(server)
    assert {m: replied[m] for m in [*questions, *crises]} == dict.fromkeys([*questions, *crises], 1)
    for message_id, entry_question in questions.items():
        answer = _reply(server, message_id)
        assert answer["embeds"][0]["title"] == entry_question
    assert alerted_message_ids(staff_alerts(server)) == Counter(dict.fromkeys(crises, 1))
    assert sorted(e.origin.message_id or 0 for e in stored) == sorted(crises)
    assert asked.response_data is not None
    assert asked.response_data["embeds"][0]["title"] == WHAT_IS
    for fault in (limited, failing, staff_limited, staff_failing, callback_limited):
        assert fault.exhausted, fault
    assert server.stats.resumed >= 1


def _reply(server: FakeDiscord, message_id: int) -> dict[str, Any]:
    for message in server.messages.values():
        reference = message.get("message_reference") or {}
        if reference.get("message_id") == str(message_id):
            return message
    raise AssertionError(f"no reply to {message_id}")
