"""INTERACTION_CREATE payloads (commands, autocomplete, buttons, selects, modals) and records."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tests.fakediscord.messages import LOADING
from tests.fakediscord.world import Channel, World

APPLICATION_COMMAND = 2
MESSAGE_COMPONENT = 3
AUTOCOMPLETE = 4
MODAL_SUBMIT = 5

# Interaction callback (response) types.
CHANNEL_MESSAGE = 4
DEFERRED_CHANNEL_MESSAGE = 5
DEFERRED_UPDATE_MESSAGE = 6
UPDATE_MESSAGE = 7
AUTOCOMPLETE_RESULT = 8
MODAL = 9

_SUBCOMMAND = 1
_GROUP = 2
_STRING, _INTEGER, _BOOLEAN, _USER, _CHANNEL, _ROLE, _MENTIONABLE, _NUMBER = 3, 4, 5, 6, 7, 8, 9, 10


@dataclass
class InteractionRecord:
    """One interaction the test dispatched, and everything the bot answered to it."""

    id: int
    token: str
    type: int
    payload: dict[str, Any]
    user_id: int
    channel_id: int
    message_id: int | None
    dispatched_at: float
    callbacks: list[dict[str, Any]] = field(default_factory=list)
    original_message_id: int | None = None
    followup_ids: list[int] = field(default_factory=list)
    modal: dict[str, Any] | None = None
    _store: Mapping[int, dict[str, Any]] = field(default_factory=dict, repr=False)

    @property
    def acknowledged(self) -> bool:
        """Whether the bot answered the interaction callback."""
        return bool(self.callbacks)

    @property
    def response_type(self) -> int | None:
        """The bot's callback type (4 message, 5 defer, 6 deferred update, 7 update, 8, 9)."""
        return self.callbacks[0]["type"] if self.callbacks else None

    @property
    def response_data(self) -> dict[str, Any]:
        """The ``data`` of the bot's callback (empty if none)."""
        return dict(self.callbacks[0].get("data") or {}) if self.callbacks else {}

    @property
    def original(self) -> dict[str, Any] | None:
        """Current state of the response message (the new message, or the clicked one for 6/7)."""
        if self.original_message_id is None:
            return None
        found = self._store.get(self.original_message_id)
        return copy.deepcopy(found) if found is not None else None

    @property
    def followups(self) -> list[dict[str, Any]]:
        """Current state of followup messages sent with ``interaction.followup.send``."""
        return [copy.deepcopy(self._store[i]) for i in self.followup_ids if i in self._store]

    @property
    def completed(self) -> bool:
        """Acknowledged, and no longer showing a "thinking..." placeholder."""
        original = self.original
        return self.acknowledged and not (original is not None and original["flags"] & LOADING)


def _base_payload(
    world: World,
    *,
    kind: int,
    interaction_id: int,
    token: str,
    user_id: int,
    channel: Channel,
    data: dict[str, Any],
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "id": str(interaction_id),
        "application_id": str(world.bot.id),
        "type": kind,
        "data": data,
        "channel_id": str(channel.id),
        "channel": world.channel_payload(channel),
        "token": token,
        "version": 1,
        "app_permissions": str(world.permissions(world.bot.id, channel)),
        "locale": "en-US",
        "entitlements": [],
        "attachment_size_limit": 10 * 1024 * 1024,
    }
    if channel.is_dm:
        payload["user"] = world.users[user_id].payload()
        payload["context"] = 1
        payload["authorizing_integration_owners"] = {"0": str(world.guild_id)}
    else:
        payload["guild_id"] = str(world.guild_id)
        payload["guild"] = {"id": str(world.guild_id), "locale": "en-US", "features": []}
        payload["guild_locale"] = "en-US"
        payload["context"] = 0
        payload["authorizing_integration_owners"] = {"0": str(world.guild_id)}
        member = world.member_payload(user_id)
        member["permissions"] = str(world.permissions(user_id, channel))
        payload["member"] = member
    return payload


def command_payload(
    world: World,
    *,
    command: Mapping[str, Any],
    path: list[str],
    values: Mapping[str, Any],
    focused: str | None,
    interaction_id: int,
    token: str,
    user_id: int,
    channel: Channel,
) -> dict[str, Any]:
    """A slash-command (or, with ``focused``, autocomplete) interaction for a synced command."""
    resolved: dict[str, dict[str, Any]] = {}
    definitions: list[dict[str, Any]] = list(command.get("options") or [])
    nesting: list[tuple[str, int]] = []
    for name in path[1:]:
        sub = _find_option(definitions, name, path)
        if sub.get("type") not in (_SUBCOMMAND, _GROUP):
            raise ValueError(f"{name!r} is not a subcommand of /{' '.join(path)}")
        nesting.append((name, sub["type"]))
        definitions = list(sub.get("options") or [])
    options = _leaf_options(world, definitions, values, focused, resolved, path)
    for name, kind in reversed(nesting):
        options = [{"name": name, "type": kind, "options": options}]
    data: dict[str, Any] = {
        "id": str(command["id"]),
        "name": command["name"],
        "type": 1,
        "options": options,
    }
    if command.get("guild_id"):
        data["guild_id"] = str(command["guild_id"])
    if resolved:
        data["resolved"] = resolved
    kind = APPLICATION_COMMAND if focused is None else AUTOCOMPLETE
    return _base_payload(
        world,
        kind=kind,
        interaction_id=interaction_id,
        token=token,
        user_id=user_id,
        channel=channel,
        data=data,
    )


def _find_option(definitions: list[dict[str, Any]], name: str, path: list[str]) -> dict[str, Any]:
    for option in definitions:
        if option["name"] == name:
            return option
    known = sorted(o["name"] for o in definitions)
    raise ValueError(f"/{' '.join(path)} has no option {name!r} (it has {known})")


def _leaf_options(
    world: World,
    definitions: list[dict[str, Any]],
    values: Mapping[str, Any],
    focused: str | None,
    resolved: dict[str, dict[str, Any]],
    path: list[str],
) -> list[dict[str, Any]]:
    options: list[dict[str, Any]] = []
    for name, value in values.items():
        definition = _find_option(definitions, name, path)
        kind = definition["type"]
        if name == focused:
            options.append({"name": name, "type": kind, "value": str(value), "focused": True})
            continue
        choices = [c["value"] for c in definition.get("choices") or []]
        if choices and value not in choices:
            raise ValueError(f"{value!r} is not one of the choices {choices} of option {name!r}")
        options.append(
            {"name": name, "type": kind, "value": _option_value(world, kind, value, resolved)}
        )
    if focused is None:
        missing = [o["name"] for o in definitions if o.get("required") and o["name"] not in values]
        if missing:
            raise ValueError(f"/{' '.join(path)} is missing required options {missing}")
    elif focused not in values:
        raise ValueError(f"the focused option {focused!r} needs a (partial) value in options")
    return options


def _option_value(world: World, kind: int, value: Any, resolved: dict[str, dict[str, Any]]) -> Any:
    if kind in (_USER, _MENTIONABLE) and int(value) in world.users:
        uid = int(value)
        resolved.setdefault("users", {})[str(uid)] = world.users[uid].payload()
        if uid in world.members:
            member = world.member_payload(uid, with_user=False)
            member["permissions"] = str(world.permissions(uid))
            resolved.setdefault("members", {})[str(uid)] = member
        return str(uid)
    if kind in (_ROLE, _MENTIONABLE) and int(value) in world.roles:
        resolved.setdefault("roles", {})[str(value)] = world.roles[int(value)].payload()
        return str(value)
    if kind == _CHANNEL:
        channel = world.channel(int(value))
        if channel is None:
            raise ValueError(f"no channel {value}")
        data = world.channel_payload(channel) | {
            "permissions": str(world.permissions(world.bot.id, channel))
        }
        resolved.setdefault("channels", {})[str(value)] = data
        return str(value)
    if kind == _INTEGER:
        return int(value)
    if kind == _NUMBER:
        return float(value)
    if kind == _BOOLEAN:
        return bool(value)
    return str(value)


def component_payload(
    world: World,
    *,
    message: dict[str, Any],
    component: Mapping[str, Any],
    values: list[str] | None,
    interaction_id: int,
    token: str,
    user_id: int,
    channel: Channel,
) -> dict[str, Any]:
    """A button click or select-menu choice on a message the bot sent."""
    data: dict[str, Any] = {
        "custom_id": component["custom_id"],
        "component_type": component["type"],
    }
    if values is not None:
        data["values"] = list(values)
    payload = _base_payload(
        world,
        kind=MESSAGE_COMPONENT,
        interaction_id=interaction_id,
        token=token,
        user_id=user_id,
        channel=channel,
        data=data,
    )
    payload["message"] = copy.deepcopy(message)
    return payload


def modal_submit_payload(
    world: World,
    *,
    modal: Mapping[str, Any],
    values: Mapping[str, str],
    interaction_id: int,
    token: str,
    user_id: int,
    channel: Channel,
) -> dict[str, Any]:
    """The submission of a modal the bot opened (text inputs by custom_id)."""
    rows = []
    inputs = _text_inputs(modal.get("components") or [])
    unknown = set(values) - set(inputs)
    if unknown:
        raise ValueError(
            f"the modal has no text inputs {sorted(unknown)} (it has {sorted(inputs)})"
        )
    for custom_id in inputs:
        text = {"type": 4, "custom_id": custom_id, "value": values.get(custom_id, "")}
        rows.append({"type": 1, "components": [text]})
    data = {"custom_id": modal["custom_id"], "components": rows}
    return _base_payload(
        world,
        kind=MODAL_SUBMIT,
        interaction_id=interaction_id,
        token=token,
        user_id=user_id,
        channel=channel,
        data=data,
    )


def _text_inputs(components: list[dict[str, Any]]) -> list[str]:
    found: list[str] = []
    for component in components:
        if component.get("type") == 4:
            found.append(component["custom_id"])
        found += _text_inputs(component.get("components") or [])
        if component.get("component"):
            found += _text_inputs([component["component"]])
    return found
