"""Small readers for what members see: button labels, embed parts, allowed mentions."""

from __future__ import annotations

from typing import Any

import discord


def button_labels(message: discord.Message) -> list[str]:
    """Labels of every button on ``message``, in order."""
    labels = []
    for row in message.components:
        for child in getattr(row, "children", ()):
            if isinstance(child, discord.Button) and child.label:
                labels.append(child.label)
    return labels


def custom_ids(message: discord.Message) -> list[str]:
    """custom_ids of every component on ``message``."""
    found = []
    for row in message.components:
        for child in getattr(row, "children", ()):
            custom_id = getattr(child, "custom_id", None)
            if custom_id:
                found.append(custom_id)
    return found


def component_labels(components: list[dict[str, Any]]) -> list[str]:
    """Button labels from raw component payloads (interaction responses)."""
    labels = []
    for row in components:
        for child in row.get("components", []):
            if child.get("label"):
                labels.append(child["label"])
    return labels


def field(embed: discord.Embed, name: str) -> str:
    """The value of the embed field called ``name``."""
    for item in embed.fields:
        if item.name == name:
            return item.value or ""
    raise KeyError(name)


def pings_nobody(body: dict[str, Any]) -> bool:
    """True when a message body's allowed mentions let nothing ping."""
    allowed = body.get("allowed_mentions")
    if allowed is None:
        return False
    return (
        allowed.get("parse") == []
        and not allowed.get("users")
        and not allowed.get("roles")
        and not allowed.get("replied_user", False)
    )
