"""Fixtures for end-to-end tests: a fake Discord server and real bot processes pointed at it.

- ``fake_discord``: a started :class:`tests.fakediscord.FakeDiscord` (fresh per test); the test
  fails in teardown if the fake server itself hit an internal error.
- ``start_bot``: ``await start_bot(env=None, args=(), *, argv=None) -> BotProcess`` starts
  ``python -m bot *args`` (or ``argv``) with ``PYTHONPATH`` holding the redirecting
  ``sitecustomize.py``, ``FAKE_DISCORD_URL``, ``DISCORD_TOKEN=fake-token``, the guild's ids
  (``fake_discord.bot_env()``), ``DATABASE_PATH`` under a per-test work dir (also the cwd, so a
  developer's ``.env`` is never read). Several starts in one test share that dir (restarts).
  Every process is stopped at teardown; a failed test shows each process's stderr.
- ``bot_launcher``: the :class:`tests.fakediscord.BotLauncher` behind ``start_bot``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Generator, Mapping, Sequence
from pathlib import Path
from typing import Protocol

import pytest

from tests.fakediscord import BotLauncher, BotProcess, FakeDiscord


class StartBot(Protocol):
    """Signature of the ``start_bot`` fixture."""

    def __call__(
        self,
        env: Mapping[str, str | None] | None = None,
        args: Sequence[str] = (),
        *,
        argv: Sequence[str] | None = None,
    ) -> Awaitable[BotProcess]: ...


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Attach bot stderr and the fake server's recent traffic to a failed e2e test's report."""
    report = yield
    if report.when == "call" and report.failed:
        funcargs = getattr(item, "funcargs", {})
        launcher = funcargs.get("bot_launcher")
        if isinstance(launcher, BotLauncher) and launcher.processes:
            report.sections.append(("bot processes", launcher.report()))
        server = funcargs.get("fake_discord")
        if isinstance(server, FakeDiscord):
            report.sections.append(("fake discord", server.summary(last=20)))
    return report


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A fake Discord server on a free 127.0.0.1 port, stopped after the test."""
    server = FakeDiscord()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()
    assert not server.errors, "fake Discord internal errors:\n" + "\n".join(server.errors)


@pytest.fixture
async def bot_launcher(fake_discord: FakeDiscord, tmp_path: Path) -> AsyncIterator[BotLauncher]:
    """Starts bot processes for this test and always stops them."""
    launcher = BotLauncher(fake_discord, tmp_path / "bot")
    try:
        yield launcher
    finally:
        await launcher.stop_all()


@pytest.fixture
def start_bot(bot_launcher: BotLauncher, fake_discord: FakeDiscord) -> StartBot:
    """``await start_bot(env, args, argv=...)`` -> a running :class:`BotProcess`."""
    return bot_launcher.start
