# Waiting helpers take a plain ``timeout=`` on purpose: it reads best in tests.
# ruff: noqa: ASYNC109
"""Start and stop real bot processes (``python -m bot`` or any script) against a FakeDiscord."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from tests.fakediscord.server import FakeDiscord

REPO_ROOT = Path(__file__).resolve().parents[2]
PYTHONPATH_DIR = Path(__file__).resolve().parent / "pythonpath"
ECHO_CLIENT = Path(__file__).resolve().parent / "echo_client.py"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")

# Settings a developer may have exported for a real bot; never let them leak into a test bot.
_SCRUBBED = (
    "DISCORD_TOKEN",
    "STAFF_CHANNEL_ID",
    "STAFF_ROLE_ID",
    "MODERATOR_ROLE_ID",
    "MOD_LOG_CHANNEL_ID",
    "HELP_CHANNEL_IDS",
    "FAQ_PATH",
    "DATABASE_PATH",
    "GUILD_ID",
    "CRISIS_LEXICON_PATH",
)


def _setting_names() -> set[str]:
    names = set(_SCRUBBED)
    try:
        from bot.settings import Settings
    except ImportError:
        return names
    return names | {name.upper() for name in Settings.model_fields}


class BotProcess:
    """A running bot subprocess with its output captured to files.

    While ``watched`` (the default), an exit the test did not ask for (a crash at start-up,
    say) makes the fake server's next wait fail at once with the process's stderr.
    """

    def __init__(
        self, proc: asyncio.subprocess.Process, argv: Sequence[str], logs: Path, server: FakeDiscord
    ) -> None:
        self.proc = proc
        self.argv = list(argv)
        self.stdout_path = logs.with_suffix(".stdout.log")
        self.stderr_path = logs.with_suffix(".stderr.log")
        self.watched = True
        self._server = server

    @property
    def pid(self) -> int:
        """The process id."""
        return self.proc.pid

    @property
    def returncode(self) -> int | None:
        """Exit status once it ended (negative: killed by that signal), else None."""
        return self.proc.returncode

    @property
    def running(self) -> bool:
        """Whether the process is still alive."""
        return self.proc.returncode is None

    def stdout(self) -> str:
        """Everything it printed to stdout so far."""
        return self.stdout_path.read_text(errors="replace")

    def stderr(self) -> str:
        """Everything it printed to stderr so far (logs, tracebacks), without colour codes."""
        return _ANSI.sub("", self.stderr_path.read_text(errors="replace"))

    async def wait(self, timeout: float = 10.0) -> int:
        """Wait for the process to exit by itself; returns its exit status."""
        self.watched = False
        open_sockets = self._open_sockets()
        code = await asyncio.wait_for(self.proc.wait(), timeout)
        await self._after_exit(open_sockets)
        return code

    async def stop(self, timeout: float = 10.0) -> int:
        """SIGTERM (graceful shutdown), then SIGKILL if it has not exited within ``timeout``."""
        self.watched = False
        open_sockets = self._open_sockets()
        if self.running:
            self.proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.proc.wait(), timeout)
            except TimeoutError:
                self.proc.kill()
                await self.proc.wait()
            await self._after_exit(open_sockets)
        return self.proc.returncode if self.proc.returncode is not None else -9

    async def kill(self) -> int:
        """SIGKILL now (a crash: no cleanup runs in the bot); returns -9."""
        self.watched = False
        open_sockets = self._open_sockets()
        if self.running:
            self.proc.kill()
            await self.proc.wait()
            await self._after_exit(open_sockets)
        return self.proc.returncode if self.proc.returncode is not None else -9

    def _open_sockets(self) -> int:
        return len(self._server.gateway.sockets)

    async def _after_exit(self, open_sockets: int) -> None:
        """Wait until the server has seen the dead process's gateway socket close.

        Otherwise a following ``wait_ready()`` could still see the old session as connected.
        """
        server = self._server
        if open_sockets == 0:
            return
        with contextlib.suppress(TimeoutError):
            await server.wait_until(
                lambda: len(server.gateway.sockets) < open_sockets,
                timeout=5.0,
                what="the gateway socket to close",
            )


class BotLauncher:
    """Builds the environment for, starts, and finally cleans up bot processes for one test."""

    def __init__(self, server: FakeDiscord, workdir: Path) -> None:
        self.server = server
        self.workdir = workdir
        self.processes: list[BotProcess] = []
        (workdir / "data").mkdir(parents=True, exist_ok=True)
        (workdir / "logs").mkdir(parents=True, exist_ok=True)
        server.watchdogs.append(self._unexpected_exit)

    def environment(self, env: Mapping[str, str | None] | None = None) -> dict[str, str]:
        """The child environment: scrubbed real settings, fake server, temp paths, then ``env``."""
        scrubbed = _setting_names()
        merged = {k: v for k, v in os.environ.items() if k not in scrubbed}
        python_path = [str(PYTHONPATH_DIR), str(REPO_ROOT)]
        if os.environ.get("PYTHONPATH"):
            python_path.append(os.environ["PYTHONPATH"])
        merged.update(
            {
                "PYTHONPATH": os.pathsep.join(python_path),
                "PYTHONUNBUFFERED": "1",
                "FAKE_DISCORD_URL": self.server.url,
                "FAKE_DISCORD_GUILD_READY_TIMEOUT": "0.1",
                "DISCORD_TOKEN": self.server.token,
                "DATABASE_PATH": str(self.workdir / "data" / "bot.db"),
                **self.server.bot_env(),
            }
        )
        faq = REPO_ROOT / "faq.yaml"
        if faq.exists():
            merged["FAQ_PATH"] = str(faq)
        for key, value in (env or {}).items():
            if value is None:
                merged.pop(key, None)
            else:
                merged[key] = value
        return merged

    async def start(
        self,
        env: Mapping[str, str | None] | None = None,
        args: Sequence[str] = (),
        *,
        argv: Sequence[str] | None = None,
        watched: bool = True,
    ) -> BotProcess:
        """Start ``python -m bot *args`` (or ``argv``) in the work dir; ``None`` in env unsets.

        Pass ``watched=False`` for a process that is expected to exit by itself.
        """
        command = list(argv) if argv is not None else [sys.executable, "-m", "bot", *args]
        logs = self.workdir / "logs" / f"process-{len(self.processes) + 1}"
        process_env = self.environment(env)
        with (
            logs.with_suffix(".stdout.log").open("wb") as out,
            logs.with_suffix(".stderr.log").open("wb") as err,
        ):
            proc = await asyncio.create_subprocess_exec(
                *command,
                cwd=self.workdir,
                env=process_env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=out,
                stderr=err,
            )
        process = BotProcess(proc, command, logs, self.server)
        process.watched = watched
        self.processes.append(process)
        return process

    def _unexpected_exit(self) -> str | None:
        for number, process in enumerate(self.processes, 1):
            if process.watched and not process.running:
                process.watched = False
                tail = "\n".join(process.stderr().splitlines()[-40:])
                return (
                    f"bot process {number} exited unexpectedly with {process.returncode}:\n{tail}"
                )
        return None

    async def stop_all(self) -> None:
        """Stop every process still running (SIGTERM, then SIGKILL)."""
        for process in self.processes:
            await process.stop(timeout=5.0)
        with contextlib.suppress(ValueError):
            self.server.watchdogs.remove(self._unexpected_exit)

    def report(self, tail: int = 60) -> str:
        """The last lines of every process's stderr, for a failed test's output."""
        parts = []
        for number, process in enumerate(self.processes, 1):
            lines = process.stderr().splitlines()[-tail:]
            args = " ".join(process.argv[1:])
            parts.append(
                f"--- process {number} ({args}) exit={process.returncode}, stderr tail ---"
            )
            parts += lines
        return "\n".join(parts)
