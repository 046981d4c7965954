"""The fake gateway websocket: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, RESUME.

Frames are always JSON text, so the client never needs zlib even though discord.py asks for
``compress=zlib-stream`` in the URL and ``compress: true`` in IDENTIFY.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakediscord.world import World

log = logging.getLogger(__name__)

DISPATCH, HEARTBEAT, IDENTIFY, PRESENCE, VOICE_STATE = 0, 1, 2, 3, 4
RESUME, RECONNECT, REQUEST_MEMBERS, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 6, 7, 8, 9, 10, 11
CLOSE_AUTHENTICATION_FAILED = 4004
HEARTBEAT_INTERVAL_MS = 41_250


@dataclass
class GatewayStats:
    """Counters a test can assert on (each IDENTIFY is a new session; RESUME keeps one)."""

    connections: int = 0
    identifies: int = 0
    resumes: int = 0
    resumed: int = 0
    invalid_sessions: int = 0
    heartbeats: int = 0


@dataclass
class GatewaySession:
    """One identified gateway session: its sequence, its event log, and its current socket."""

    id: str
    intents: int
    seq: int = 0
    log: list[dict[str, Any]] = field(default_factory=list)
    ws: web.WebSocketResponse | None = None
    resumable: bool = True
    ready: bool = False
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @property
    def connected(self) -> bool:
        """Whether a live socket currently carries this session."""
        return self.ws is not None and not self.ws.closed

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Log an event and send it now if connected; a later RESUME replays what was missed."""
        async with self.lock:
            self.seq += 1
            frame = {"op": DISPATCH, "t": event, "s": self.seq, "d": data}
            self.log.append(frame)
            if self.connected:
                await _send(self.ws, frame)

    async def replay_after(self, seq: int) -> None:
        """Send every logged event newer than ``seq`` (used on RESUME)."""
        async with self.lock:
            for frame in self.log:
                if frame["s"] > seq:
                    await _send(self.ws, frame)


async def _send(ws: web.WebSocketResponse | None, frame: dict[str, Any]) -> None:
    if ws is None or ws.closed:
        return
    with contextlib.suppress(ConnectionError, RuntimeError):
        await ws.send_str(json.dumps(frame))


class Gateway:
    """Serves the websocket endpoint and holds the sessions for one fake server."""

    def __init__(
        self, world: World, *, token: str, url: Callable[[], str], notify: Callable[[], None]
    ) -> None:
        self.world = world
        self.token = token
        self._url = url
        self._notify = notify
        self.sessions: dict[str, GatewaySession] = {}
        self.current: GatewaySession | None = None
        self.sockets: set[web.WebSocketResponse] = set()
        self.stats = GatewayStats()

    @property
    def ws_url(self) -> str:
        """The URL clients connect (and resume) to."""
        return self._url().replace("http://", "ws://", 1) + "/gateway"

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """The websocket endpoint (the query, e.g. ``?v=10&compress=zlib-stream``, is ignored)."""
        ws = web.WebSocketResponse(max_msg_size=0, autoping=True)
        await ws.prepare(request)
        self.sockets.add(ws)
        self.stats.connections += 1
        session: GatewaySession | None = None
        try:
            await _send(
                ws,
                {
                    "op": HELLO,
                    "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS},
                    "s": None,
                    "t": None,
                },
            )
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                frame = json.loads(msg.data)
                session = await self._on_frame(ws, frame, session) or session
        finally:
            self.sockets.discard(ws)
            if session is not None and session.ws is ws:
                session.ws = None
            self._notify()
        return ws

    async def _on_frame(
        self, ws: web.WebSocketResponse, frame: dict[str, Any], session: GatewaySession | None
    ) -> GatewaySession | None:
        op, data = frame.get("op"), frame.get("d")
        if op == HEARTBEAT:
            self.stats.heartbeats += 1
            await _send(ws, {"op": HEARTBEAT_ACK, "d": None, "s": None, "t": None})
        elif op == IDENTIFY:
            return await self._identify(ws, data)
        elif op == RESUME:
            return await self._resume(ws, data)
        elif op == REQUEST_MEMBERS and session is not None:
            await self._send_members(session, data)
        return None

    async def _identify(
        self, ws: web.WebSocketResponse, data: dict[str, Any]
    ) -> GatewaySession | None:
        self.stats.identifies += 1
        if data.get("token") != self.token:
            await ws.close(code=CLOSE_AUTHENTICATION_FAILED, message=b"Authentication failed.")
            return None
        if self.current is not None:
            self.current.resumable = False
        session = GatewaySession(
            id=secrets.token_hex(16), intents=int(data.get("intents", 0)), ws=ws
        )
        self.sessions[session.id] = session
        self.current = session
        ready = {
            "v": 10,
            "user": self.world.me_payload(),
            "guilds": [{"id": str(self.world.guild_id), "unavailable": True}],
            "session_id": session.id,
            "session_type": "normal",
            "resume_gateway_url": self.ws_url,
            "shard": data.get("shard") or [0, 1],
            "application": {"id": str(self.world.bot.id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "_trace": ["fakediscord"],
        }
        await session.dispatch("READY", ready)
        await session.dispatch("GUILD_CREATE", self.world.guild_payload())
        session.ready = True
        self._notify()
        return session

    async def _resume(
        self, ws: web.WebSocketResponse, data: dict[str, Any]
    ) -> GatewaySession | None:
        self.stats.resumes += 1
        session = self.sessions.get(str(data.get("session_id")))
        if session is None or not session.resumable or data.get("token") != self.token:
            self.stats.invalid_sessions += 1
            await _send(ws, {"op": INVALID_SESSION, "d": False, "s": None, "t": None})
            return None
        old = session.ws
        session.ws = ws
        if old is not None and old is not ws and not old.closed:
            await old.close(code=4000)
        await session.replay_after(int(data.get("seq") or 0))
        await session.dispatch("RESUMED", {"_trace": ["fakediscord"]})
        self.stats.resumed += 1
        session.ready = True
        self._notify()
        return session

    async def _send_members(self, session: GatewaySession, data: dict[str, Any]) -> None:
        members = [self.world.member_payload(uid) for uid in self.world.members]
        chunk = {
            "guild_id": str(self.world.guild_id),
            "members": members,
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
        }
        if data.get("nonce"):
            chunk["nonce"] = data["nonce"]
        await session.dispatch("GUILD_MEMBERS_CHUNK", chunk)

    # ----- test controls --------------------------------------------------------------------
    async def drop(self, *, code: int = 4000, resumable: bool = True) -> None:
        """Close the live socket; the client RESUMEs, or re-IDENTIFYs when not ``resumable``."""
        session = self.current
        if session is None or session.ws is None:
            raise RuntimeError("no live gateway connection to drop")
        session.resumable = resumable
        session.ready = False
        ws, session.ws = session.ws, None
        await ws.close(code=code, message=b"fakediscord drop")
        self._notify()

    async def send_reconnect(self) -> None:
        """Send op 7 RECONNECT: the client closes and resumes by itself."""
        session = self.current
        if session is None or session.ws is None:
            raise RuntimeError("no live gateway connection")
        session.ready = False
        await _send(session.ws, {"op": RECONNECT, "d": None, "s": None, "t": None})

    async def close_all(self) -> None:
        """Close every socket (server shutdown)."""
        for ws in list(self.sockets):
            await ws.close(code=1001, message=b"fakediscord shutting down")
