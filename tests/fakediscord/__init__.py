"""A fake Discord server (REST + gateway on 127.0.0.1) for end-to-end tests of the real bot.

See ``tests/e2e/conftest.py`` for the pytest fixtures and ``server.FakeDiscord`` for the API.
"""

from tests.fakediscord.faults import Fault
from tests.fakediscord.gateway import GatewaySession, GatewayStats
from tests.fakediscord.interactions import InteractionRecord
from tests.fakediscord.messages import Pings, pings
from tests.fakediscord.process import ECHO_CLIENT, BotLauncher, BotProcess
from tests.fakediscord.server import FakeDiscord
from tests.fakediscord.waits import RecordedRequest
from tests.fakediscord.world import World

__all__ = [
    "ECHO_CLIENT",
    "BotLauncher",
    "BotProcess",
    "FakeDiscord",
    "Fault",
    "GatewaySession",
    "GatewayStats",
    "InteractionRecord",
    "Pings",
    "RecordedRequest",
    "World",
    "pings",
]
