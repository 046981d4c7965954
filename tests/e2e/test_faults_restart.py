"""SIGKILL at random moments while crisis alerts are pending or being delivered.

The real bot process is killed (no clean-up runs) while members write crisis messages and
the staff channel refuses posts for a while; then it is restarted on the same database and
the channel recovers. Whatever the moment of the kill, every recorded escalation reaches the
staff channel exactly once: counted per escalation id on the fake Discord, and checked against
the outbox in the bot's SQLite file. Each seed draws its own kill moment, recovery moment and
gaps between messages, so a failure can be replayed with the same seeds; the rounds run one
after another on the same database, each restarted bot being the next round's victim.
"""

from __future__ import annotations

import asyncio
import itertools
import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.store.database import open_database
from bot.store.escalations import EscalationStore
from tests.conftest import VALID_FAQ
from tests.e2e.conftest import StartBot
from tests.fakediscord import BotLauncher, BotProcess, FakeDiscord, Fault
from tests.fakediscord.world import User
from tests.load.traffic import (
    ACT_TIMEOUT,
    CRISIS_TEXTS,
    START_TIMEOUT,
    alert_counts,
    alerted_message_ids,
    escalation_id,
    install_nonce_api,
    replies_to,
    staff_alerts,
)

# Drawn so the kill lands before the staff channel recovers and mid-burst (14), just after
# recovery while alerts go out (7), and after recovery with the last messages still coming (34).
SEEDS = (14, 7, 34)
MEMBERS = 6


@pytest.fixture
def bot_env(tmp_path: Path) -> dict[str, str]:
    faq = tmp_path / "faq.yaml"
    faq.write_text(VALID_FAQ, encoding="utf-8")
    return {"FAQ_PATH": str(faq), "FAQ_COOLDOWN_SECONDS": "0"}


@pytest.fixture
def outbox(bot_launcher: BotLauncher) -> Iterator[EscalationStore]:
    """The escalation outbox in the database file every bot start of the test shares."""
    database = open_database(bot_launcher.workdir / "data" / "bot.db")
    try:
        yield EscalationStore(database)
    finally:
        database.close()


async def wait_drained(server: FakeDiscord, outbox: EscalationStore) -> None:
    """Wait until every stored escalation is marked delivered and has an alert message."""

    def drained() -> bool:
        stored = outbox.list_recent(1000)
        return all(item.delivered for item in stored) and len(alert_counts(server)) >= len(stored)

    await server.wait_until(drained, timeout=ACT_TIMEOUT, what="every escalation to reach staff")


async def restart_and_drain(
    server: FakeDiscord, start_bot: StartBot, env: dict[str, str], outbox: EscalationStore
) -> BotProcess:
    """Start the bot again on the same database and wait until the outbox is drained."""
    process = await start_bot(env)
    await server.wait_ready(START_TIMEOUT)
    await wait_drained(server, outbox)
    return process


def assert_exactly_once(server: FakeDiscord, outbox: EscalationStore) -> None:
    """One staff alert per stored escalation, and the store names that very message."""
    stored = outbox.list_recent(1000)
    assert alert_counts(server) == Counter({item.id: 1 for item in stored})
    alert_ids = {escalation_id(alert): int(alert["id"]) for alert in staff_alerts(server)}
    for item in stored:
        assert item.state == "delivered"
        assert item.alert_message_id == alert_ids[item.id]
    assert set(alerted_message_ids(staff_alerts(server)).values()) == {1}


@pytest.mark.e2e
async def test_sigkills_at_random_moments_still_alert_staff_exactly_once(
    fake_discord: FakeDiscord,
    start_bot: StartBot,
    bot_env: dict[str, str],
    outbox: EscalationStore,
) -> None:
    api = install_nonce_api(fake_discord)
    api.hold_staff_posts = 0.1  # a slow answer from Discord: kills land mid-delivery too
    cohorts = [
        [fake_discord.world.add_user(f"member{seed}-{n}") for n in range(MEMBERS)] for seed in SEEDS
    ]
    bot = await start_bot(bot_env)
    await fake_discord.wait_ready(START_TIMEOUT)
    general = fake_discord.channel("general").id
    staff_posts = f"/channels/{fake_discord.channel('staff').id}/messages"
    sent: list[dict[str, Any]] = []

    # One crash per seed, on the same database: each restart is the next round's bot.
    for seed, members in zip(SEEDS, cohorts, strict=True):
        rng = random.Random(seed)
        kill_after = rng.uniform(0.3, 1.5)
        recover_after = rng.uniform(0.0, 1.2)  # before or after the kill
        gaps = [rng.uniform(0.02, 0.25) for _ in range(MEMBERS)]
        refusal = fake_discord.forbid("POST", staff_posts, times=None)
        repeats_before = api.repeats

        async def members_write(members: list[User] = members, gaps: list[float] = gaps) -> None:
            texts = itertools.cycle(CRISIS_TEXTS)
            for member, text, gap in zip(members, texts, gaps, strict=False):
                sent.append(await fake_discord.send_message(general, member.id, text))
                await asyncio.sleep(gap)

        async def staff_channel_recovers(
            after: float = recover_after, fault: Fault = refusal
        ) -> None:
            await asyncio.sleep(after)
            if fault in fake_discord.faults:
                fake_discord.faults.remove(fault)

        writing = asyncio.create_task(members_write())
        recovering = asyncio.create_task(staff_channel_recovers())
        await asyncio.sleep(kill_after)
        assert await bot.kill() == -9
        await asyncio.gather(writing, recovering)
        pending_at_kill = outbox.pending_count()
        bot = await restart_and_drain(fake_discord, start_bot, bot_env, outbox)

        assert outbox.list_recent(1000), f"seed {seed}: nothing was recorded before the kill"
        assert_exactly_once(fake_discord, outbox)
        print(
            f"seed {seed}: kill at {kill_after:.2f} s, staff channel back at "
            f"{recover_after:.2f} s, {pending_at_kill} pending at the kill, "
            f"{api.repeats - repeats_before} repeated post(s) answered by nonce"
        )

    # Recorded before replying: every member who got the crisis reply has exactly one record.
    answered = [m for m in sent if replies_to(fake_discord)[int(m["id"])]]
    assert answered
    for message in answered:
        assert len(outbox.for_message("discord", int(message["id"]))) == 1
    # The last restarted bot alerts about a new crisis once, after everything before it.
    last = await fake_discord.send_message(general, fake_discord.user("alice").id, CRISIS_TEXTS[0])
    await fake_discord.wait_until(
        lambda: alerted_message_ids(staff_alerts(fake_discord))[int(last["id"])],
        timeout=ACT_TIMEOUT,
        what="the alert for a crisis after the last restart",
    )
    await wait_drained(fake_discord, outbox)
    assert_exactly_once(fake_discord, outbox)


@pytest.mark.e2e
async def test_a_kill_after_discord_took_the_alert_but_before_it_was_recorded_posts_it_once(
    fake_discord: FakeDiscord,
    start_bot: StartBot,
    bot_env: dict[str, str],
    outbox: EscalationStore,
) -> None:
    api = install_nonce_api(fake_discord)
    running: list[BotProcess] = []

    def crash_now(message: dict[str, Any]) -> None:
        # The alert now exists on Discord; the bot dies before it reads the answer.
        if running and running[0].running:
            running[0].proc.kill()

    api.on_staff_post = crash_now
    running.append(await start_bot(bot_env))
    await fake_discord.wait_ready(START_TIMEOUT)
    general = fake_discord.channel("general").id
    alice = fake_discord.user("alice").id
    sent = await fake_discord.send_message(general, alice, CRISIS_TEXTS[0])
    await fake_discord.wait_until(
        lambda: staff_alerts(fake_discord), timeout=ACT_TIMEOUT, what="the first post"
    )
    await running[0].kill()
    [before] = outbox.list_recent()
    assert (before.state, before.alert_message_id) == ("pending", None)  # the crash window

    api.on_staff_post = None
    await restart_and_drain(fake_discord, start_bot, bot_env, outbox)

    assert api.repeats == 1  # the retry carried the same nonce and got the first message back
    assert_exactly_once(fake_discord, outbox)
    [alert] = staff_alerts(fake_discord)
    assert alerted_message_ids([alert]) == Counter({int(sent["id"]): 1})
