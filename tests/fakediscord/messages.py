"""Message objects: building them, who they really ping, and Discord's size limits."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from tests.fakediscord.errors import EMPTY_MESSAGE, ApiError, FormErrors
from tests.fakediscord.world import MENTION_EVERYONE, Channel, User, World, iso_now

EPHEMERAL = 1 << 6
LOADING = 1 << 7
IS_COMPONENTS_V2 = 1 << 15

TYPE_DEFAULT = 0
TYPE_REPLY = 19
TYPE_CHAT_INPUT_COMMAND = 20

_USER_MENTION = re.compile(r"<@!?(\d+)>")
_ROLE_MENTION = re.compile(r"<@&(\d+)>")
_EVERYONE = re.compile(r"@(everyone|here)\b")

_BUTTON = 2
_SELECTS = {3, 5, 6, 7, 8}
_LINK_STYLE = 5
_PREMIUM_STYLE = 6


@dataclass(frozen=True)
class Pings:
    """Who a message actually notifies once allowed_mentions and permissions are applied."""

    everyone: bool
    users: frozenset[int]
    roles: frozenset[int]

    @property
    def nobody(self) -> bool:
        """True when the message pings no one at all."""
        return not (self.everyone or self.users or self.roles)


def pings(message: Mapping[str, Any]) -> Pings:
    """Who a recorded message pinged (read from its ``mentions`` fields)."""
    return Pings(
        everyone=bool(message.get("mention_everyone")),
        users=frozenset(int(u["id"]) for u in message.get("mentions", [])),
        roles=frozenset(int(r) for r in message.get("mention_roles", [])),
    )


def resolve_pings(
    world: World,
    *,
    content: str,
    allowed: Mapping[str, Any] | None,
    author_id: int,
    channel: Channel,
    replied_user_id: int | None = None,
) -> Pings:
    """Apply Discord's mention rules: mentions in text, filtered by allowed_mentions and perms."""
    users = {int(m) for m in _USER_MENTION.findall(content) if int(m) in world.users}
    roles = {int(m) for m in _ROLE_MENTION.findall(content) if int(m) in world.roles}
    everyone = bool(_EVERYONE.search(content))
    if allowed is not None:
        parse = set(allowed.get("parse") or [])
        allowed_users = {int(u) for u in allowed.get("users") or []}
        allowed_roles = {int(r) for r in allowed.get("roles") or []}
        users = {u for u in users if "users" in parse or u in allowed_users}
        roles = {r for r in roles if "roles" in parse or r in allowed_roles}
        everyone = everyone and "everyone" in parse
    can_mention_all = bool(world.permissions(author_id, channel) & MENTION_EVERYONE)
    roles = {r for r in roles if world.roles[r].mentionable or can_mention_all}
    everyone = everyone and can_mention_all and not channel.is_dm
    if replied_user_id is not None and (allowed is None or allowed.get("replied_user", False)):
        users.add(replied_user_id)
    return Pings(everyone, frozenset(users), frozenset(roles))


def build_message(
    world: World,
    *,
    message_id: int,
    channel: Channel,
    author: User,
    body: Mapping[str, Any],
    mentioned: Pings,
    attachments: list[dict[str, Any]] | None = None,
    referenced: dict[str, Any] | None = None,
    message_type: int | None = None,
) -> dict[str, Any]:
    """A full message object as Discord returns it from REST and sends it over the gateway."""
    message: dict[str, Any] = {
        "id": str(message_id),
        "channel_id": str(channel.id),
        "author": author.payload(),
        "content": body.get("content") or "",
        "timestamp": iso_now(),
        "edited_timestamp": None,
        "tts": bool(body.get("tts", False)),
        "pinned": False,
        "type": message_type
        if message_type is not None
        else (TYPE_REPLY if referenced else TYPE_DEFAULT),
        "flags": int(body.get("flags") or 0),
        "embeds": [_normalise_embed(e) for e in body.get("embeds") or []],
        "components": list(body.get("components") or []),
        "attachments": attachments or [],
        "reactions": [],
        "sticker_items": [],
    }
    if body.get("nonce") is not None:
        message["nonce"] = body["nonce"]
    if channel.guild_id is not None:
        message["guild_id"] = str(channel.guild_id)
        if author.id in world.members:
            message["member"] = world.member_payload(author.id, with_user=False)
    set_mentions(world, message, mentioned)
    if referenced is not None:
        message["message_reference"] = {
            "type": 0,
            "message_id": referenced["id"],
            "channel_id": referenced["channel_id"],
            **({"guild_id": referenced["guild_id"]} if "guild_id" in referenced else {}),
        }
        message["referenced_message"] = {
            k: v for k, v in referenced.items() if k != "referenced_message"
        }
    return message


def set_mentions(world: World, message: dict[str, Any], mentioned: Pings) -> None:
    """Fill a message's ``mentions``, ``mention_roles`` and ``mention_everyone`` fields."""
    message["mentions"] = [world.users[u].payload() for u in sorted(mentioned.users)]
    message["mention_roles"] = [str(r) for r in sorted(mentioned.roles)]
    message["mention_everyone"] = mentioned.everyone


def apply_edit(message: dict[str, Any], body: Mapping[str, Any]) -> None:
    """Apply the fields a PATCH body carries to a stored message."""
    if "content" in body:
        message["content"] = body["content"] or ""
    if "embeds" in body:
        message["embeds"] = [_normalise_embed(e) for e in body["embeds"] or []]
    if "components" in body:
        message["components"] = list(body["components"] or [])
    if "flags" in body and body["flags"] is not None:
        message["flags"] = (message["flags"] & (EPHEMERAL | LOADING)) | int(body["flags"])
    if "attachments" in body and body["attachments"] is not None:
        keep = {str(a.get("id")) for a in body["attachments"]}
        message["attachments"] = [a for a in message["attachments"] if a["id"] in keep]
    message["edited_timestamp"] = iso_now()


def _normalise_embed(embed: Mapping[str, Any]) -> dict[str, Any]:
    return {"type": "rich", **embed}


def iter_components(components: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every component in a message, however deeply nested (rows, containers, sections)."""
    for component in components:
        yield component
        yield from iter_components(component.get("components") or [])
        accessory = component.get("accessory")
        if accessory:
            yield from iter_components([accessory])


# ----- limits -------------------------------------------------------------------------------
def validate_message(
    body: Mapping[str, Any], *, has_files: bool = False, edit: bool = False
) -> None:
    """Reject a message body the way Discord would (400 Invalid Form Body / empty message)."""
    errors = FormErrors()
    content = body.get("content")
    if content is not None and not isinstance(content, str):
        errors.add(["content"], "BASE_TYPE_STRING", "Must be a string.")
    elif content and len(content) > 2000:
        errors.too_long(["content"], 2000)
    _validate_embeds(body.get("embeds") or [], errors)
    _validate_components(body.get("components") or [], int(body.get("flags") or 0), errors)
    allowed = body.get("allowed_mentions")
    if allowed:
        parse = allowed.get("parse") or []
        for kind in ("users", "roles"):
            if kind in parse and allowed.get(kind):
                errors.add(
                    ["allowed_mentions"],
                    "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                    f"{kind} conflict",
                )
    errors.raise_if_any()
    empty = not (content or body.get("embeds") or body.get("components") or body.get("sticker_ids"))
    if not edit and empty and not has_files and not body.get("poll"):
        raise ApiError(400, EMPTY_MESSAGE, "Cannot send an empty message")


def _validate_embeds(embeds: list[dict[str, Any]], errors: FormErrors) -> None:
    if len(embeds) > 10:
        errors.add(["embeds"], "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.")
    total = 0
    limits = {"title": 256, "description": 4096}
    for i, embed in enumerate(embeds):
        for key, limit in limits.items():
            text = embed.get(key) or ""
            total += len(text)
            if len(text) > limit:
                errors.too_long(["embeds", i, key], limit)
        for key, sub, limit in (("footer", "text", 2048), ("author", "name", 256)):
            text = (embed.get(key) or {}).get(sub) or ""
            total += len(text)
            if len(text) > limit:
                errors.too_long(["embeds", i, key, sub], limit)
        fields = embed.get("fields") or []
        if len(fields) > 25:
            errors.add(
                ["embeds", i, "fields"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length."
            )
        for j, fld in enumerate(fields):
            for key, limit in (("name", 256), ("value", 1024)):
                text = fld.get(key) or ""
                total += len(text)
                if not text:
                    errors.add(
                        ["embeds", i, "fields", j, key],
                        "BASE_TYPE_REQUIRED",
                        "This field is required",
                    )
                elif len(text) > limit:
                    errors.too_long(["embeds", i, "fields", j, key], limit)
    if total > 6000:
        errors.add(["embeds"], "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000")


def _validate_components(components: list[dict[str, Any]], flags: int, errors: FormErrors) -> None:
    if not flags & IS_COMPONENTS_V2:
        if len(components) > 5:
            errors.add(["components"], "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.")
        for i, row in enumerate(components):
            if row.get("type") != 1:
                errors.add(
                    ["components", i, "type"], "UNION_TYPE_CHOICES", "Top level must be action rows"
                )
            elif len(row.get("components") or []) > 5:
                errors.add(
                    ["components", i, "components"], "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer."
                )
    seen: set[str] = set()
    for component in iter_components(components):
        kind = component.get("type")
        custom_id = component.get("custom_id")
        if custom_id is not None:
            if len(custom_id) > 100:
                errors.too_long(["components", "custom_id"], 100)
            if custom_id in seen:
                errors.add(["components", "custom_id"], "COMPONENT_CUSTOM_ID_DUPLICATED", custom_id)
            seen.add(custom_id)
        if kind == _BUTTON:
            _validate_button(component, errors)
        elif kind in _SELECTS:
            _validate_select(component, errors)


def _validate_button(button: dict[str, Any], errors: FormErrors) -> None:
    style = button.get("style")
    if len(button.get("label") or "") > 80:
        errors.too_long(["components", "label"], 80)
    if style == _LINK_STYLE:
        if not button.get("url"):
            errors.add(["components", "url"], "BASE_TYPE_REQUIRED", "A link button needs a url")
    elif style != _PREMIUM_STYLE and not button.get("custom_id"):
        errors.add(["components", "custom_id"], "BASE_TYPE_REQUIRED", "A button needs a custom_id")


def _validate_select(select: dict[str, Any], errors: FormErrors) -> None:
    if len(select.get("placeholder") or "") > 150:
        errors.too_long(["components", "placeholder"], 150)
    options = select.get("options")
    if select.get("type") == 3 and not 1 <= len(options or []) <= 25:
        errors.add(
            ["components", "options"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 25 in length."
        )
    for option in options or []:
        for key in ("label", "value", "description"):
            if len(option.get(key) or "") > 100:
                errors.too_long(["components", "options", key], 100)
