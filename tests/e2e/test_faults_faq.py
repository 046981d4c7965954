"""A corrupted or truncated faq.yaml at start-up.

The bot keeps a copy of the last FAQ that loaded cleanly next to its database. Started on a
truncated file it answers from that copy and says, in one log line, which file and line are
broken; with no copy it refuses to start (exit 2) with a message naming the problem, before
it ever reaches Discord.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import VALID_FAQ
from tests.fakediscord import BotLauncher, FakeDiscord
from tests.load.traffic import ACT_TIMEOUT, START_TIMEOUT, reply_to

# What a full disk or an interrupted copy leaves: the file ends in the middle of an entry.
TRUNCATED = VALID_FAQ[: VALID_FAQ.index("  - id: misuse") + 30]


def faq_env(path: Path) -> dict[str, str]:
    return {"FAQ_PATH": str(path), "FAQ_COOLDOWN_SECONDS": "0"}


@pytest.mark.e2e
async def test_a_truncated_faq_starts_from_the_last_good_copy_and_says_where_it_broke(
    bot_launcher: BotLauncher, fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    faq = tmp_path / "faq.yaml"
    faq.write_text(VALID_FAQ.replace("5.3 million", "about 5.3 million"), encoding="utf-8")
    first = await bot_launcher.start(faq_env(faq))
    await fake_discord.wait_ready(START_TIMEOUT)
    await first.stop()
    faq.write_text(TRUNCATED, encoding="utf-8")

    second = await bot_launcher.start(faq_env(faq))
    await fake_discord.wait_ready(START_TIMEOUT)
    help_channel = fake_discord.channel("help").id
    asked = await fake_discord.send_message(
        help_channel, fake_discord.user("alice").id, "How many people misuse benzodiazepines?"
    )
    answer = await fake_discord.wait_until(
        lambda: reply_to(fake_discord, int(asked["id"])),
        timeout=ACT_TIMEOUT,
        what="an answer from the copy",
    )

    assert answer is not None
    [embed] = answer["embeds"]
    assert embed["title"] == "How many people misuse benzodiazepines?"  # cut from the file
    assert "about 5.3 million" in embed["description"]  # the copy's own wording
    backup = bot_launcher.workdir / "data" / "faq.last-good.yaml"
    lines = [line for line in second.stderr().splitlines() if "last good copy" in line]
    assert len(lines) == 1
    assert f"{faq}:" in lines[0]
    assert str(backup) in lines[0]
    line_number = int(lines[0].split(f"{faq}:", 1)[1].split(":", 1)[0])
    assert 1 <= line_number <= TRUNCATED.count("\n") + 1
    assert backup.read_text(encoding="utf-8") != TRUNCATED  # the broken file never replaced it


@pytest.mark.e2e
async def test_a_truncated_faq_without_a_copy_refuses_to_start_with_a_clear_message(
    bot_launcher: BotLauncher, fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    faq = tmp_path / "faq.yaml"
    faq.write_text(TRUNCATED, encoding="utf-8")

    process = await bot_launcher.start(faq_env(faq), watched=False)

    assert await process.wait(timeout=START_TIMEOUT) == 2
    err = process.stderr()
    assert f"{faq}:" in err  # every problem, with its line
    last = err.strip().splitlines()[-1]
    assert last.startswith("faq-bot: cannot start:")
    assert "no last good copy" in last
    assert "faq-bot check" in last
    assert not fake_discord.requests  # refused before reaching Discord
