"""What the fault tests and the load run send, and how they read the bot's answers back.

- ``NonceDiscord``: the fake Discord plus one more piece of real Discord behaviour the staff
  alerts rely on: a message posted with ``enforce_nonce`` and a nonce the same author used
  within the last few minutes is not created again, the first one is returned. It can also
  hold its answer to staff-channel posts back a little, to widen the window in which a crash
  leaves an alert posted but not yet recorded, and call a hook at that moment.
- Crisis and question texts, and helpers that read alerts (escalation id, origin message) and
  replies (which message they answer) from the fake server's messages.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from tests.fakediscord import FakeDiscord
from tests.fakediscord.rest import ApiRequest, Reply, RestApi

# Generous limits for waits in the fault tests: a shared, busy machine can take many seconds
# to start a bot; a passing test never waits for them.
START_TIMEOUT = 30.0
ACT_TIMEOUT = 20.0

# First-person crises the detector must catch, each in its own words.
CRISIS_TEXTS = (
    "i took my whole bottle of klonopin",
    "i want to kill myself tonight",
    "i swallowed all my pills an hour ago",
    "my brother took a bunch of my kpins and he wont wake up",
    "i took 20 klonopin and drank a bottle of vodka",
    "i am going to end my life tonight",
    "i stopped my klonopin cold turkey and now im having a seizure",
    "i want to die, i have the pills ready",
)


class NonceRestApi(RestApi):
    """The fake REST API honouring ``enforce_nonce`` on message creation (as Discord does)."""

    def __init__(self, server: FakeDiscord) -> None:
        super().__init__(server)
        self.by_nonce: dict[tuple[str, str], dict[str, Any]] = {}
        self.repeats = 0
        self.hold_staff_posts = 0.0
        self.on_staff_post: Callable[[dict[str, Any]], None] | None = None

    async def create_message(self, request: ApiRequest) -> Reply:
        """POST /channels/{id}/messages: a repeated enforced nonce returns the first message."""
        body = request.body or {}
        nonce = body.get("nonce")
        key = (str(self.world.bot.id), str(nonce))
        if nonce is not None and body.get("enforce_nonce") and key in self.by_nonce:
            self.repeats += 1
            return Reply(data=self.by_nonce[key])
        reply = await super().create_message(request)
        message = reply.data
        if nonce is not None and isinstance(message, dict):
            self.by_nonce[key] = message
        if request.params.get("channel_id") == str(self.s.channel("staff").id):
            if self.on_staff_post is not None:
                self.on_staff_post(message)
            if self.hold_staff_posts:
                await asyncio.sleep(self.hold_staff_posts)
        return reply


def install_nonce_api(server: FakeDiscord) -> NonceRestApi:
    """Swap the server's REST API for one that honours nonces; returns it for tuning."""
    api = NonceRestApi(server)
    server.rest = api
    return api


# ----- reading what the bot posted -------------------------------------------------------------


def escalation_id(alert: Mapping[str, Any]) -> int:
    """The escalation a staff alert is about, from its Claim button's ``custom_id``."""
    for row in alert.get("components", []):
        for item in row.get("components", []):
            custom_id = str(item.get("custom_id", ""))
            if custom_id.startswith("esc:claim:"):
                return int(custom_id.rpartition(":")[2])
    raise AssertionError(f"message {alert.get('id')} is not a staff alert")


def alert_field(alert: Mapping[str, Any], name: str) -> str:
    """The value of one field of an alert's embed."""
    for item in alert["embeds"][0].get("fields", []):
        if item["name"] == name:
            return str(item["value"])
    raise KeyError(name)


def staff_alerts(server: FakeDiscord) -> list[dict[str, Any]]:
    """Every crisis alert in the staff channel (re-pings carry no embed)."""
    return [m for m in server.bot_messages(server.channel("staff").id) if m["embeds"]]


def alert_counts(server: FakeDiscord) -> Counter[int]:
    """How many staff alert messages exist per escalation id."""
    return Counter(escalation_id(alert) for alert in staff_alerts(server))


def alerted_message_ids(alerts: Iterable[Mapping[str, Any]]) -> Counter[int]:
    """How many alerts point at each member message (the jump link in the Where field)."""
    return Counter(
        int(alert_field(alert, "Where").rstrip("/").rpartition("/")[2]) for alert in alerts
    )


def replies_to(server: FakeDiscord) -> Counter[int]:
    """How many bot messages reply to each member message (by message reference)."""
    counts: Counter[int] = Counter()
    bot_id = str(server.bot_user.id)
    for message in server.messages.values():
        reference = message.get("message_reference")
        if message["author"]["id"] == bot_id and reference and reference.get("message_id"):
            counts[int(reference["message_id"])] += 1
    return counts


def reply_to(server: FakeDiscord, message_id: int) -> dict[str, Any] | None:
    """The bot's reply to one member message, if any."""
    bot_id = str(server.bot_user.id)
    for message in server.messages.values():
        reference = message.get("message_reference") or {}
        if message["author"]["id"] == bot_id and reference.get("message_id") == str(message_id):
            return message
    return None
