"""FakeDiscord: enough of Discord's REST API and gateway, on 127.0.0.1, for a real discord.py bot.

The bot process runs unchanged: ``pythonpath/sitecustomize.py`` points discord.py here when
``FAKE_DISCORD_URL`` is set. Member actions live in ``actions.py``, waits in ``waits.py``.
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import socket
import traceback
from collections.abc import Callable, Mapping
from typing import Any

import aiohttp
from aiohttp import web

from tests.fakediscord.actions import UserActions
from tests.fakediscord.errors import ApiError
from tests.fakediscord.faults import Fault, error_fault, rate_limit_fault
from tests.fakediscord.gateway import Gateway, GatewayStats
from tests.fakediscord.interactions import InteractionRecord
from tests.fakediscord.messages import EPHEMERAL
from tests.fakediscord.rest import ApiRequest, RestApi
from tests.fakediscord.waits import RecordedRequest, Waits
from tests.fakediscord.world import (
    INTENT_DIRECT_MESSAGES,
    INTENT_GUILD_MESSAGES,
    INTENT_MESSAGE_CONTENT,
    VIEW_CHANNEL,
    Channel,
    Role,
    Snowflakes,
    User,
    World,
)

log = logging.getLogger(__name__)
API_PREFIX = "/api/v10"
_NO_AUTH_PREFIXES = ("/webhooks/", "/interactions/")
_INVALID_JSON = 50109


class _InvalidJson(str):
    """A request body that did not parse as JSON."""


class FakeDiscord(UserActions, Waits):
    """A fake Discord (REST under ``/api/v10``, gateway at ``/gateway``) on 127.0.0.1."""

    def __init__(
        self, world: World | None = None, *, token: str = "fake-token", port: int = 0
    ) -> None:
        self.world = world or World.default()
        self.token = token
        self.snowflakes = Snowflakes()
        self.messages: dict[int, dict[str, Any]] = {}
        self.message_bodies: dict[int, list[dict[str, Any]]] = {}
        self.created_at: dict[int, float] = {}
        self.requests: list[RecordedRequest] = []
        self.commands: dict[int | None, dict[str, dict[str, Any]]] = {}
        self.interactions: dict[int, InteractionRecord] = {}
        self.interactions_by_token: dict[str, InteractionRecord] = {}
        self.faults: list[Fault] = []
        self.errors: list[str] = []
        self.watchdogs: list[Callable[[], str | None]] = []
        self.interaction_timeout: float | None = None
        self.gateway = Gateway(self.world, token=token, url=lambda: self.url, notify=self._notify)
        self.rest = RestApi(self)
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._wanted_port = port
        self._port: int | None = None

    # ----- lifecycle ----------------------------------------------------------------------------
    async def start(self) -> None:
        """Listen on 127.0.0.1 (a free port unless one was given)."""
        app = web.Application(client_max_size=32 * 1024 * 1024)
        app.router.add_get("/gateway", self.gateway.handle)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._handle_api)
        app.router.add_route("*", "/{tail:.*}", self._handle_unknown)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self._wanted_port))
        self._port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()

    async def stop(self) -> None:
        """Close gateway sockets and stop listening."""
        await self.gateway.close_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        """The TCP port the server listens on."""
        if self._port is None:
            raise RuntimeError("the fake Discord server is not started")
        return self._port

    @property
    def url(self) -> str:
        """Base URL, the value for ``FAKE_DISCORD_URL``."""
        return f"http://127.0.0.1:{self.port}"

    # ----- the world ------------------------------------------------------------------------------
    @property
    def guild_id(self) -> int:
        """The one guild's id."""
        return self.world.guild_id

    @property
    def bot_user(self) -> User:
        """The bot's user (its id is also the application id)."""
        return self.world.bot

    def channel(self, name: str) -> Channel:
        """A guild channel by name: ``general``, ``help``, ``staff``."""
        found: Channel = self.world.by_name("channel", name)
        return found

    def user(self, name: str) -> User:
        """A user by name: ``owner``, ``alice``, ``bob``, ``mona`` (moderator), ``sam`` (staff)."""
        found: User = self.world.by_name("user", name)
        return found

    def role(self, name: str) -> Role:
        """A role by name: ``staff``, ``moderator``, ``FAQ Bot``, ``@everyone``."""
        found: Role = self.world.by_name("role", name)
        return found

    def bot_env(self) -> dict[str, str]:
        """The bot's settings (issue 4 names) pointing at this guild's ids."""
        return {
            "GUILD_ID": str(self.guild_id),
            "STAFF_CHANNEL_ID": str(self.channel("staff").id),
            "STAFF_ROLE_ID": str(self.role("staff").id),
            "MODERATOR_ROLE_ID": str(self.role("moderator").id),
            "HELP_CHANNEL_IDS": str(self.channel("help").id),
        }

    def close_dms(self, user_id: int, *, closed: bool = True) -> None:
        """Make DMs to a user answer 403 ``Cannot send messages to this user`` (50007)."""
        self.world.users[user_id].dms_open = not closed

    @property
    def stats(self) -> GatewayStats:
        """Gateway counters: connections, identifies, resumes, resumed, invalid_sessions, ..."""
        return self.gateway.stats

    def sent_body(self, message_id: int) -> dict[str, Any]:
        """The JSON body that created a bot message (incl. ``allowed_mentions``)."""
        return self.message_bodies[message_id][0]

    # ----- HTTP plumbing ------------------------------------------------------------------------
    async def _handle_unknown(self, request: web.Request) -> web.Response:
        return _json_response(404, {"message": "404: Not Found", "code": 0})

    async def _handle_api(self, request: web.Request) -> web.Response:
        path = request.path[len(API_PREFIX) :] or "/"
        api_request = ApiRequest(request.method, path, {}, dict(request.query), None)
        headers: dict[str, str] = {}
        fault = next((f for f in self.faults if f.matches(request.method, path)), None)
        if fault is not None:
            fault.hits += 1
            status, data, headers = fault.status, fault.body, dict(fault.headers)
        else:
            status, data = await self._call(request, api_request)
        self.requests.append(
            RecordedRequest(
                index=len(self.requests),
                method=request.method,
                path=path,
                query=api_request.query,
                body=copy.deepcopy(api_request.body),
                status=status,
                response=copy.deepcopy(data),
                files=tuple(f["filename"] for f in api_request.files),
            )
        )
        self._notify()
        return _json_response(status, data, headers)

    async def _call(self, request: web.Request, api_request: ApiRequest) -> tuple[int, Any]:
        try:
            api_request.body, api_request.files = await self._read_body(request)
            auth = request.headers.get("Authorization")
            if not api_request.path.startswith(_NO_AUTH_PREFIXES) and auth != f"Bot {self.token}":
                raise ApiError(401, 0, "401: Unauthorized")
            if isinstance(api_request.body, _InvalidJson):
                raise ApiError(400, _INVALID_JSON, "The request body contains invalid JSON.")
            handler, api_request.params = self.rest.resolve(api_request.method, api_request.path)
            reply = await handler(api_request)
        except ApiError as exc:
            return exc.status, exc.body()
        except Exception as exc:  # a bug in the fake server: never answer 5xx (discord.py retries)
            self.errors.append(f"{api_request.method} {api_request.path}: {traceback.format_exc()}")
            log.exception("fakediscord internal error")
            return 400, {"message": f"fakediscord internal error: {exc!r}", "code": 0}
        return reply.status, reply.data

    async def _read_body(self, request: web.Request) -> tuple[Any, list[dict[str, Any]]]:
        files: list[dict[str, Any]] = []
        if not request.content_type.startswith("multipart/"):
            text = await request.text()
            if not text:
                return None, files
            try:
                return json.loads(text), files
            except ValueError:
                return _InvalidJson(text), files
        body: Any = None
        async for part in await request.multipart():
            if not isinstance(part, aiohttp.BodyPartReader):
                continue
            if part.name == "payload_json":
                body = json.loads(await part.text())
            elif part.filename is not None:
                data = await part.read()
                attachment_id = self.snowflakes.next()
                url = f"{self.url}/attachments/{attachment_id}/{part.filename}"
                files.append(
                    {
                        "id": str(attachment_id),
                        "filename": part.filename,
                        "size": len(data),
                        "url": url,
                        "proxy_url": url,
                        "content_type": part.headers.get("Content-Type"),
                    }
                )
        return body, files

    # ----- message store and gateway echo -------------------------------------------------------
    def store_message(self, message: dict[str, Any], body: Mapping[str, Any]) -> None:
        """Keep a message (and the body that created it) and wake waiters."""
        self.messages[int(message["id"])] = message
        self.message_bodies[int(message["id"])] = [dict(body)]
        self.created_at[int(message["id"])] = self.loop_time()
        self._notify()

    async def remove_message(self, message_id: int) -> None:
        """Delete a message and dispatch MESSAGE_DELETE."""
        message = self.messages.pop(message_id)
        data = {"id": message["id"], "channel_id": message["channel_id"]}
        if "guild_id" in message:
            data["guild_id"] = message["guild_id"]
        if not message["flags"] & EPHEMERAL:
            await self._dispatch_visible("MESSAGE_DELETE", message, data)
        self._notify()

    async def publish(self, event: str, message: dict[str, Any]) -> None:
        """Dispatch MESSAGE_CREATE / MESSAGE_UPDATE the way Discord would show it to the bot."""
        if not message["flags"] & EPHEMERAL:
            await self._dispatch_visible(event, message, copy.deepcopy(message))
        self._notify()

    async def _dispatch_visible(
        self, event: str, message: dict[str, Any], data: dict[str, Any]
    ) -> None:
        """Honour intents and channel visibility; blank content without MESSAGE_CONTENT.

        As on Discord, content is kept without the intent for DMs, messages mentioning the
        bot, and the bot's own messages.
        """
        session = self.gateway.current
        channel = self.world.channel(int(message["channel_id"]))
        if session is None or channel is None:
            return
        if channel.is_dm:
            visible = bool(session.intents & INTENT_DIRECT_MESSAGES)
        else:
            can_view = self.world.permissions(self.world.bot.id, channel) & VIEW_CHANNEL
            visible = bool(session.intents & INTENT_GUILD_MESSAGES and can_view)
        if not visible:
            return
        bot_id = str(self.world.bot.id)
        mentioned = any(u["id"] == bot_id for u in message.get("mentions", []))
        by_bot = message["author"]["id"] == bot_id
        if not (session.intents & INTENT_MESSAGE_CONTENT or channel.is_dm or mentioned or by_bot):
            if "content" in data:
                data["content"] = ""
            for key in ("embeds", "attachments", "components"):
                if key in data:
                    data[key] = []
        await session.dispatch(event, data)

    # ----- faults -------------------------------------------------------------------------------
    def fail(
        self,
        method: str,
        path: str,
        *,
        status: int,
        code: int = 0,
        message: str = "fake failure",
        times: int | None = 1,
    ) -> Fault:
        """Answer ``status`` with a Discord JSON error to the next ``times`` matching requests.

        ``method`` is an HTTP method or ``*``; ``path`` is matched (shell wildcards allowed)
        against the path after ``/api/v10``, e.g. ``f"/channels/{staff_id}/messages"`` or
        ``"/interactions/*/callback"``. ``times=None`` fails until :meth:`clear_faults`.
        """
        fault = error_fault(method, path, status=status, code=code, message=message, times=times)
        self.faults.append(fault)
        return fault

    def forbid(self, method: str, path: str, *, times: int | None = 1) -> Fault:
        """403 Missing Permissions (code 50013), then recover."""
        return self.fail(
            method, path, status=403, code=50013, message="Missing Permissions", times=times
        )

    def rate_limit(
        self,
        method: str,
        path: str,
        *,
        times: int | None = 1,
        retry_after: float = 0.25,
        is_global: bool = False,
    ) -> Fault:
        """429 with ``retry_after`` in body and headers; discord.py sleeps that long and retries."""
        fault = rate_limit_fault(
            method, path, retry_after=retry_after, times=times, is_global=is_global
        )
        self.faults.append(fault)
        return fault

    def server_error(
        self, method: str, path: str, *, times: int | None = 1, status: int = 500
    ) -> Fault:
        """5xx; discord.py retries after 1 s, 3 s, 5 s... (5 tries), so keep ``times`` small."""
        return self.fail(
            method, path, status=status, message="500: Internal Server Error", times=times
        )

    def clear_faults(self) -> None:
        """Remove every injected REST fault."""
        self.faults.clear()

    async def drop_gateway(self, *, code: int = 4000, resumable: bool = True) -> None:
        """Close the gateway socket. The bot RESUMEs and events sent meanwhile are replayed;
        with ``resumable=False`` its RESUME gets INVALID_SESSION, it re-IDENTIFYs (after
        discord.py's 5 s identify delay) and events sent meanwhile are lost, as on Discord."""
        await self.gateway.drop(code=code, resumable=resumable)

    async def send_reconnect(self) -> None:
        """Ask the bot to reconnect (gateway op 7); it resumes."""
        await self.gateway.send_reconnect()


def _json_response(
    status: int, data: Any, headers: Mapping[str, str] | None = None
) -> web.Response:
    extra = dict(headers or {})
    if data is None:
        return web.Response(status=204 if status == 200 else status, headers=extra)
    # Exactly "application/json": discord.py compares the header verbatim before parsing JSON.
    extra["Content-Type"] = "application/json"
    return web.Response(status=status, body=json.dumps(data).encode(), headers=extra)
