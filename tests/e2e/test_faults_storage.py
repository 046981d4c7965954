"""Storage failing under the running bot: the database locked by another process, the disk full.

Members in crisis still get the full reply at once (the escalation waits in memory); the
failure is logged, never with the message text; and as soon as storage works again every
escalation is stored, with its reply outcome, and reaches the staff channel exactly once.
The lock is real (another SQLite connection holding ``BEGIN EXCLUSIVE``); the full disk is a
real, tiny tmpfs filled to the last byte, which needs root (skipped otherwise: the service-level
test in ``tests/test_escalation.py`` covers a full disk with ``PRAGMA max_page_count``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.store.database import open_database
from bot.store.escalations import EscalationStore
from tests.conftest import VALID_FAQ
from tests.e2e.conftest import StartBot
from tests.fakediscord import BotProcess, FakeDiscord
from tests.load.traffic import (
    ACT_TIMEOUT,
    CRISIS_TEXTS,
    START_TIMEOUT,
    alert_field,
    alerted_message_ids,
    reply_to,
    staff_alerts,
)

QUESTION = "What is Klonopin?"
MEMBERS = 3


@pytest.fixture
def bot_env(tmp_path: Path) -> dict[str, str]:
    faq = tmp_path / "faq.yaml"
    faq.write_text(VALID_FAQ, encoding="utf-8")
    return {"FAQ_PATH": str(faq), "FAQ_COOLDOWN_SECONDS": "0"}


async def wait_for_reply(server: FakeDiscord, message_id: int) -> dict[str, Any]:
    """The bot's reply to one message, once it is there."""
    reply = await server.wait_until(
        lambda: reply_to(server, message_id), timeout=ACT_TIMEOUT, what="the bot's reply"
    )
    assert reply is not None
    return reply


async def members_in_crisis_while(
    server: FakeDiscord,
    bot: BotProcess,
    database: Path,
    break_storage: Callable[[], object],
    repair_storage: Callable[[], object],
    members: list[int],
) -> tuple[list[dict[str, Any]], int, int]:
    """Crisis messages (and a question) while storage fails; returns them, rows and alerts then."""
    general, help_channel = server.channel("general").id, server.channel("help").id
    sent: list[dict[str, Any]] = []
    break_storage()
    try:
        for member, text in zip(members, CRISIS_TEXTS, strict=False):
            message = await server.send_message(general, member, text)
            sent.append(message)
            await wait_for_reply(server, int(message["id"]))
        question = await server.send_message(help_channel, members[0], QUESTION)
        await wait_for_reply(server, int(question["id"]))
        with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as reader:
            rows = reader.execute("SELECT count(*) FROM escalations").fetchone()[0]
        alerts = len(staff_alerts(server))
    finally:
        repair_storage()
    return sent, rows, alerts


async def assert_stored_and_alerted_once(
    server: FakeDiscord, bot: BotProcess, database: Path, sent: list[dict[str, Any]], error: str
) -> None:
    """Every crisis stored (reply noted) and alerted exactly once; logs without message text."""
    wanted = {int(message["id"]) for message in sent}
    await server.wait_until(
        lambda: set(alerted_message_ids(staff_alerts(server))) >= wanted,
        timeout=ACT_TIMEOUT,
        what="a staff alert for every crisis",
    )
    with open_database(database, migrate_schema=False) as db:
        outbox = EscalationStore(db)
        await server.wait_until(
            lambda: all(item.delivered for item in outbox.list_recent()),
            timeout=ACT_TIMEOUT,
            what="every escalation marked delivered",
        )
        stored = outbox.list_recent()
    assert sorted(item.origin.message_id or 0 for item in stored) == sorted(wanted)
    assert all(item.reply_sent for item in stored)
    assert alerted_message_ids(staff_alerts(server)) == Counter(dict.fromkeys(wanted, 1))
    assert {alert_field(alert, "Reply sent") for alert in staff_alerts(server)} == {"yes"}
    log = bot.stderr()
    assert error in log
    for text in (*CRISIS_TEXTS, QUESTION):
        assert text not in log


@pytest.mark.e2e
async def test_a_locked_database_still_answers_crises_and_stores_them_once_unlocked(
    fake_discord: FakeDiscord, start_bot: StartBot, bot_env: dict[str, str], tmp_path: Path
) -> None:
    members = [fake_discord.world.add_user(f"member{n}").id for n in range(MEMBERS)]
    bot = await start_bot(bot_env)
    await fake_discord.wait_ready(START_TIMEOUT)
    database = tmp_path / "bot" / "data" / "bot.db"
    locker = sqlite3.connect(database, isolation_level=None)

    def unlock() -> None:
        locker.execute("ROLLBACK")
        locker.close()

    sent, rows, alerts = await members_in_crisis_while(
        fake_discord,
        bot,
        database,
        lambda: locker.execute("BEGIN EXCLUSIVE"),
        unlock,
        members,
    )

    assert (len(sent), rows, alerts) == (MEMBERS, 0, 0)  # answered while nothing could be stored
    await assert_stored_and_alerted_once(fake_discord, bot, database, sent, "database is locked")


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 MB tmpfs (root only), unmounted afterwards."""
    mount, umount = shutil.which("mount"), shutil.which("umount")
    if os.geteuid() != 0 or mount is None or umount is None:
        pytest.skip("a real full disk needs root to mount a tmpfs")
    where = tmp_path / "tiny"
    where.mkdir()
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield where
    finally:
        subprocess.run([umount, "-l", str(where)], check=False)


def fill(disk: Path) -> None:
    """Write a filler file until the disk is full, to the last block."""
    with (disk / "filler").open("wb", buffering=0) as filler:
        for size in (1 << 20, 4096, 1):
            with contextlib.suppress(OSError):
                while filler.write(b"\0" * size):
                    pass


@pytest.mark.e2e
async def test_a_full_disk_still_answers_crises_and_stores_them_once_space_returns(
    fake_discord: FakeDiscord, start_bot: StartBot, bot_env: dict[str, str], tiny_disk: Path
) -> None:
    members = [fake_discord.world.add_user(f"member{n}").id for n in range(MEMBERS)]
    database = tiny_disk / "bot.db"
    bot = await start_bot({**bot_env, "DATABASE_PATH": str(database)})
    await fake_discord.wait_ready(START_TIMEOUT)

    sent, rows, alerts = await members_in_crisis_while(
        fake_discord,
        bot,
        database,
        lambda: fill(tiny_disk),
        lambda: (tiny_disk / "filler").unlink(),
        members,
    )

    assert (len(sent), rows, alerts) == (MEMBERS, 0, 0)
    await assert_stored_and_alerted_once(
        fake_discord, bot, database, sent, "database or disk is full"
    )
