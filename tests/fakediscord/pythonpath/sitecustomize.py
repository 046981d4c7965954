"""Point discord.py at the project's fake Discord server, for end-to-end tests only.

Python imports ``sitecustomize`` at start-up from the first folder on ``sys.path`` that has one,
so putting this folder on ``PYTHONPATH`` changes a process without changing its code. It does
nothing unless ``FAKE_DISCORD_URL`` is set (e.g. ``http://127.0.0.1:38211``); then:

- ``discord.http.Route.BASE`` becomes ``$FAKE_DISCORD_URL/api/v10`` (every REST call, including
  interaction callbacks and webhook followups, is built from it);
- ``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY`` becomes ``ws://host:port/gateway``
  (discord.py 2.x connects there directly; resumes use READY's ``resume_gateway_url``);
- if ``FAKE_DISCORD_GUILD_READY_TIMEOUT`` is set, it becomes the default ``guild_ready_timeout``
  (discord.py waits that long after the last GUILD_CREATE before ``on_ready``; default 2 s),
  unless the client passes its own.
"""

from __future__ import annotations

import os


def _redirect(url: str) -> None:
    import yarl
    from discord import gateway, http, state

    base = yarl.URL(url.rstrip("/"))
    http.Route.BASE = str(base / "api" / "v10")
    scheme = "wss" if base.scheme == "https" else "ws"
    gateway.DiscordWebSocket.DEFAULT_GATEWAY = base.with_scheme(scheme).with_path("/gateway")

    ready_timeout = os.environ.get("FAKE_DISCORD_GUILD_READY_TIMEOUT")
    if ready_timeout:
        original = state.ConnectionState.__init__

        def patched(self: state.ConnectionState, *args: object, **options: object) -> None:
            options.setdefault("guild_ready_timeout", float(ready_timeout))
            original(self, *args, **options)  # type: ignore[arg-type]

        state.ConnectionState.__init__ = patched  # type: ignore[method-assign]


_url = os.environ.get("FAKE_DISCORD_URL")
if _url:
    _redirect(_url)
