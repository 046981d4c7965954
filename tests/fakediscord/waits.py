# Waiting helpers take a plain ``timeout=`` on purpose: it reads best in tests.
# ruff: noqa: ASYNC109
"""Waiting for what the bot does, and reading what it did, on the fake Discord."""

from __future__ import annotations

import asyncio
import contextlib
import copy
from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING, Any, TypeVar

from tests.fakediscord.gateway import Gateway, GatewaySession
from tests.fakediscord.interactions import InteractionRecord
from tests.fakediscord.messages import LOADING
from tests.fakediscord.world import World

T = TypeVar("T")


@dataclass(frozen=True)
class RecordedRequest:
    """One REST request the bot made and what the fake server answered."""

    index: int
    method: str
    path: str
    query: dict[str, str]
    body: Any
    status: int
    response: Any
    files: tuple[str, ...] = ()


class Waits:
    """Mixin of :class:`FakeDiscord`: every wait re-checks its condition on each state change.

    Waits look at existing state as well as future state, so a reply that arrived before the
    wait started is found too; narrow with ``after=`` (a message id) or ``since=`` (a request
    index).
    """

    world: World
    gateway: Gateway
    messages: dict[int, dict[str, Any]]
    requests: list[RecordedRequest]
    watchdogs: list[Callable[[], str | None]]
    _changed: asyncio.Event

    if TYPE_CHECKING:  # provided by UserActions

        def command(self, name: str) -> dict[str, Any] | None: ...

    def loop_time(self) -> float:
        """The event loop's clock."""
        return asyncio.get_running_loop().time()

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_until(
        self, condition: Callable[[], T], *, timeout: float = 5.0, what: str = "condition"
    ) -> T:
        """Re-check ``condition`` on every state change; return its first truthy value.

        Raises ``TimeoutError`` naming ``what``, with the recent traffic, after ``timeout`` s,
        and ``RuntimeError`` at once if a watchdog (e.g. "the bot process died") reports.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = condition()
            if result:
                return result
            for watchdog in self.watchdogs:
                problem = watchdog()
                if problem:
                    raise RuntimeError(f"while waiting for {what}: {problem}")
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(
                    f"timed out after {timeout:g} s waiting for {what}\n{self.summary()}"
                )
            event = self._changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), min(remaining, 0.5))

    def summary(self, last: int = 8) -> str:
        """Gateway counters, recent requests and recent bot messages (for failure output)."""
        lines = [f"gateway: {self.gateway.stats}"]
        lines += [f"  {r.method} {r.path} -> {r.status}" for r in self.requests[-last:]]
        lines += [
            f"  bot message in {m['channel_id']}: {m['content'][:80]!r}"
            for m in self.bot_messages()[-last:]
        ]
        return "\n".join(lines)

    async def wait_ready(self, timeout: float = 10.0) -> GatewaySession:
        """Wait until the bot is connected and its session got READY (or RESUMED)."""

        def ready() -> GatewaySession | None:
            session = self.gateway.current
            return session if session is not None and session.connected and session.ready else None

        return await self.wait_until(
            ready, timeout=timeout, what="the bot to connect to the gateway"
        )

    async def wait_disconnected(self, timeout: float = 5.0) -> None:
        """Wait until no gateway socket is open."""
        await self.wait_until(
            lambda: not self.gateway.sockets, timeout=timeout, what="gateway sockets to close"
        )

    # ----- messages ---------------------------------------------------------------------------
    def bot_messages(
        self,
        channel_id: int | None = None,
        *,
        after: int | None = None,
        author_id: int | None = None,
    ) -> list[dict[str, Any]]:
        """Current messages by the bot (or ``author_id``), oldest first; live, not copies."""
        author = str(author_id if author_id is not None else self.world.bot.id)
        channel = str(channel_id) if channel_id is not None else None
        return [
            m
            for mid, m in self.messages.items()
            if m["author"]["id"] == author
            and (channel is None or m["channel_id"] == channel)
            and (after is None or mid > after)
        ]

    def get_message(self, message_id: int) -> dict[str, Any] | None:
        """Current state of any stored message (a copy), or None if deleted or unknown."""
        found = self.messages.get(message_id)
        return copy.deepcopy(found) if found is not None else None

    async def wait_for_message(
        self,
        channel_id: int | None = None,
        *,
        predicate: Callable[[dict[str, Any]], bool] | None = None,
        after: int | None = None,
        author_id: int | None = None,
        include_loading: bool = False,
        timeout: float = 5.0,
    ) -> dict[str, Any]:
        """Wait for a bot message (existing or future, in its current state) that matches.

        ``after`` keeps only messages with a larger id (pass the id of the message you sent).
        Deferred "thinking" placeholders are skipped unless ``include_loading``.
        """

        def find() -> dict[str, Any] | None:
            for m in self.bot_messages(channel_id, after=after, author_id=author_id):
                if (include_loading or not m["flags"] & LOADING) and (
                    predicate is None or predicate(m)
                ):
                    return copy.deepcopy(m)
            return None

        where = f"channel {channel_id}" if channel_id is not None else "any channel"
        return await self.wait_until(find, timeout=timeout, what=f"a bot message in {where}")

    async def wait_for_dm(
        self,
        user_id: int,
        *,
        predicate: Callable[[dict[str, Any]], bool] | None = None,
        after: int | None = None,
        timeout: float = 5.0,
    ) -> dict[str, Any]:
        """Wait for a DM from the bot to ``user_id``."""

        def find() -> dict[str, Any] | None:
            channel = self.world.dm_channels.get(user_id)
            if channel is None:
                return None
            for m in self.bot_messages(channel.id, after=after):
                if predicate is None or predicate(m):
                    return copy.deepcopy(m)
            return None

        return await self.wait_until(find, timeout=timeout, what=f"a DM to user {user_id}")

    # ----- interactions, requests, commands -------------------------------------------------------
    async def wait_for_interaction_response(
        self,
        interaction: InteractionRecord,
        *,
        predicate: Callable[[InteractionRecord], bool] | None = None,
        completed: bool = False,
        timeout: float = 5.0,
    ) -> InteractionRecord:
        """Wait until the bot answered (and, with ``completed``, finished a defer)."""

        def done() -> InteractionRecord | None:
            if not interaction.acknowledged or (completed and not interaction.completed):
                return None
            return interaction if predicate is None or predicate(interaction) else None

        what = f"a response to interaction {interaction.id}"
        return await self.wait_until(done, timeout=timeout, what=what)

    def requests_to(self, method: str, path: str, *, since: int = 0) -> list[RecordedRequest]:
        """Recorded requests whose method (or ``*``) and path (wildcards allowed) match, in order.

        ``since`` skips requests recorded before that index (take ``len(server.requests)`` first).
        """
        return [
            r
            for r in self.requests[since:]
            if (method == "*" or r.method == method.upper()) and fnmatchcase(r.path, path)
        ]

    async def wait_for_request(
        self,
        method: str,
        path: str,
        *,
        predicate: Callable[[RecordedRequest], bool] | None = None,
        status: int | None = None,
        since: int = 0,
        timeout: float = 5.0,
    ) -> RecordedRequest:
        """Wait for a recorded request (existing or future, from index ``since``) that matches."""

        def find() -> RecordedRequest | None:
            for r in self.requests_to(method, path, since=since):
                if (status is None or r.status == status) and (predicate is None or predicate(r)):
                    return r
            return None

        return await self.wait_until(find, timeout=timeout, what=f"a request {method} {path}")

    async def wait_for_commands(
        self, *names: str, timeout: float = 5.0
    ) -> dict[str, dict[str, Any]]:
        """Wait until every named top-level command is synced; returns them by name."""

        def synced() -> dict[str, dict[str, Any]] | None:
            found = {n: self.command(n) for n in names}
            return (
                {n: c for n, c in found.items() if c is not None} if all(found.values()) else None
            )

        return await self.wait_until(synced, timeout=timeout, what=f"commands {names} to be synced")
