"""The fake guild: users, roles, channels, members, permissions, and their Discord JSON payloads."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

DISCORD_EPOCH_MS = 1_420_070_400_000
JOINED_AT = "2024-01-01T00:00:00.000000+00:00"

# Permission bits (https://discord.com/developers/docs/topics/permissions).
ADMINISTRATOR = 1 << 3
MANAGE_GUILD = 1 << 5
ADD_REACTIONS = 1 << 6
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
MANAGE_MESSAGES = 1 << 13
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
MENTION_EVERYONE = 1 << 17
USE_EXTERNAL_EMOJIS = 1 << 18
USE_APPLICATION_COMMANDS = 1 << 31
SEND_MESSAGES_IN_THREADS = 1 << 38
ALL_PERMISSIONS = (1 << 51) - 1

MEMBER_PERMISSIONS = (
    VIEW_CHANNEL
    | SEND_MESSAGES
    | ADD_REACTIONS
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | USE_EXTERNAL_EMOJIS
    | USE_APPLICATION_COMMANDS
    | SEND_MESSAGES_IN_THREADS
)
# The bot may mention @everyone on purpose: only its allowed_mentions can stop a ping, so a
# test that "@everyone pings nobody" really tests the bot and not a missing permission.
BOT_PERMISSIONS = MEMBER_PERMISSIONS | MENTION_EVERYONE | MANAGE_MESSAGES

# Gateway intents the fake server honours.
INTENT_GUILDS = 1 << 0
INTENT_GUILD_MEMBERS = 1 << 1
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_DIRECT_MESSAGES = 1 << 12
INTENT_MESSAGE_CONTENT = 1 << 15

CHANNEL_TEXT = 0
CHANNEL_DM = 1
OVERWRITE_ROLE = 0
OVERWRITE_MEMBER = 1


class Snowflakes:
    """Strictly increasing, time-based snowflake ids for objects created at run time."""

    def __init__(self) -> None:
        self._last = 0

    def next(self) -> int:
        """Return a new id larger than every id returned before."""
        now = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22
        self._last = max(self._last + 1, now)
        return self._last


def iso_now() -> str:
    """Current UTC time in Discord's ISO-8601 format."""
    return datetime.now(UTC).isoformat()


@dataclass
class User:
    """A Discord user account."""

    id: int
    name: str
    bot: bool = False
    dms_open: bool = True

    def payload(self) -> dict[str, Any]:
        """The user object as Discord sends it."""
        return {
            "id": str(self.id),
            "username": self.name,
            "discriminator": "0",
            "global_name": self.name.title(),
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
            "flags": 0,
            "banner": None,
            "accent_color": None,
            "avatar_decoration_data": None,
        }


@dataclass
class Role:
    """A guild role; the @everyone role has the guild's id."""

    id: int
    name: str
    permissions: int
    position: int
    mentionable: bool = False
    bot_id: int | None = None

    def payload(self) -> dict[str, Any]:
        """The role object as Discord sends it."""
        data: dict[str, Any] = {
            "id": str(self.id),
            "name": self.name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": self.position,
            "permissions": str(self.permissions),
            "managed": self.bot_id is not None,
            "mentionable": self.mentionable,
            "flags": 0,
        }
        if self.bot_id is not None:
            data["tags"] = {"bot_id": str(self.bot_id)}
        return data


@dataclass(frozen=True)
class Overwrite:
    """A channel permission overwrite for a role or a member."""

    id: int
    type: int
    allow: int = 0
    deny: int = 0

    def payload(self) -> dict[str, Any]:
        """The overwrite object as Discord sends it."""
        return {
            "id": str(self.id),
            "type": self.type,
            "allow": str(self.allow),
            "deny": str(self.deny),
        }


@dataclass
class Channel:
    """A guild text channel, or a DM channel when ``recipient_id`` is set."""

    id: int
    name: str
    guild_id: int | None
    position: int = 0
    overwrites: list[Overwrite] = field(default_factory=list)
    recipient_id: int | None = None

    @property
    def is_dm(self) -> bool:
        """Whether this is a direct-message channel."""
        return self.recipient_id is not None


@dataclass
class Member:
    """A user's membership of the guild."""

    user: User
    role_ids: list[int]


class World:
    """Everything the fake Discord knows about: one guild, its people and channels, and DMs."""

    def __init__(self, *, guild_id: int, guild_name: str, bot: User, owner: User) -> None:
        self.guild_id = guild_id
        self.guild_name = guild_name
        self.bot = bot
        self.owner_id = owner.id
        self.users: dict[int, User] = {}
        self.roles: dict[int, Role] = {}
        self.channels: dict[int, Channel] = {}
        self.members: dict[int, Member] = {}
        self.dm_channels: dict[int, Channel] = {}
        self._ids = itertools.count(guild_id + 1000)
        self.roles[guild_id] = Role(guild_id, "@everyone", MEMBER_PERMISSIONS, 0)
        self.add_user(owner.name, user_id=owner.id)
        self.users[bot.id] = bot
        self.members[bot.id] = Member(bot, [])

    @classmethod
    def default(cls) -> World:
        """The standard test guild (see the module README in ``__init__``)."""
        base = 1_100_000_000_000_000_000
        bot = User(base + 1, "faqbot", bot=True)
        world = cls(
            guild_id=base, guild_name="Recovery Community", bot=bot, owner=User(base + 2, "owner")
        )
        bot_role = world.add_role("FAQ Bot", BOT_PERMISSIONS, bot_id=bot.id)
        world.members[bot.id].role_ids.append(bot_role.id)
        staff = world.add_role("staff", MEMBER_PERMISSIONS, mentionable=True)
        moderator = world.add_role("moderator", MEMBER_PERMISSIONS)
        world.add_user("alice")
        world.add_user("bob")
        world.add_user("mona", roles=[moderator.id])
        world.add_user("sam", roles=[staff.id])
        world.add_channel("general")
        world.add_channel("help")
        world.add_channel("staff", private_to=[staff.id, moderator.id])
        return world

    # ----- construction -------------------------------------------------------------------
    def new_id(self) -> int:
        """A fresh fixed-range id for a world object."""
        return next(self._ids)

    def add_user(
        self, name: str, *, roles: list[int] | None = None, user_id: int | None = None
    ) -> User:
        """Add a guild member with the given role ids."""
        user = User(user_id or self.new_id(), name)
        self.users[user.id] = user
        self.members[user.id] = Member(user, list(roles or []))
        return user

    def add_role(
        self, name: str, permissions: int, *, mentionable: bool = False, bot_id: int | None = None
    ) -> Role:
        """Add a role above the existing ones."""
        role = Role(self.new_id(), name, permissions, len(self.roles), mentionable, bot_id)
        self.roles[role.id] = role
        return role

    def add_channel(self, name: str, *, private_to: list[int] | None = None) -> Channel:
        """Add a text channel; ``private_to`` lists the role ids that may see a private one."""
        overwrites: list[Overwrite] = []
        if private_to is not None:
            overwrites.append(Overwrite(self.guild_id, OVERWRITE_ROLE, deny=VIEW_CHANNEL))
            overwrites += [Overwrite(r, OVERWRITE_ROLE, allow=VIEW_CHANNEL) for r in private_to]
            overwrites.append(Overwrite(self.bot.id, OVERWRITE_MEMBER, allow=VIEW_CHANNEL))
        channel = Channel(self.new_id(), name, self.guild_id, len(self.channels), overwrites)
        self.channels[channel.id] = channel
        return channel

    def dm_channel(self, user_id: int) -> Channel:
        """The bot's DM channel with a user, created on first use."""
        if user_id not in self.dm_channels:
            user = self.users[user_id]
            self.dm_channels[user_id] = Channel(
                self.new_id(), user.name, None, recipient_id=user_id
            )
        return self.dm_channels[user_id]

    # ----- lookups ------------------------------------------------------------------------
    def channel(self, channel_id: int) -> Channel | None:
        """A guild or DM channel by id."""
        found = self.channels.get(channel_id)
        if found is not None:
            return found
        return next((c for c in self.dm_channels.values() if c.id == channel_id), None)

    def by_name(self, kind: str, name: str) -> Any:
        """A user, role or channel by its name."""
        table: dict[int, Any] = {"user": self.users, "role": self.roles, "channel": self.channels}[
            kind
        ]
        for item in table.values():
            if item.name == name:
                return item
        raise KeyError(f"no {kind} named {name!r} in the fake guild")

    def permissions(self, user_id: int, channel: Channel | None = None) -> int:
        """A member's permissions in the guild, or in a channel after its overwrites."""
        if channel is not None and channel.is_dm:
            return MEMBER_PERMISSIONS
        if user_id == self.owner_id:
            return ALL_PERMISSIONS
        member = self.members.get(user_id)
        if member is None:
            return 0
        perms = self.roles[self.guild_id].permissions
        for role_id in member.role_ids:
            perms |= self.roles[role_id].permissions
        if perms & ADMINISTRATOR:
            return ALL_PERMISSIONS
        if channel is None:
            return perms
        table = {o.id: o for o in channel.overwrites}
        everyone = table.get(self.guild_id)
        if everyone is not None:
            perms = (perms & ~everyone.deny) | everyone.allow
        allow = deny = 0
        for role_id in member.role_ids:
            if role_id in table:
                allow |= table[role_id].allow
                deny |= table[role_id].deny
        perms = (perms & ~deny) | allow
        own = table.get(user_id)
        if own is not None:
            perms = (perms & ~own.deny) | own.allow
        return perms

    # ----- payloads -----------------------------------------------------------------------
    def member_payload(self, user_id: int, *, with_user: bool = True) -> dict[str, Any]:
        """The guild member object as Discord sends it."""
        member = self.members[user_id]
        data: dict[str, Any] = {
            "nick": None,
            "avatar": None,
            "banner": None,
            "roles": [str(r) for r in member.role_ids],
            "joined_at": JOINED_AT,
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "communication_disabled_until": None,
        }
        if with_user:
            data["user"] = member.user.payload()
        return data

    def channel_payload(self, channel: Channel) -> dict[str, Any]:
        """The channel object as Discord sends it."""
        if channel.recipient_id is not None:
            return {
                "id": str(channel.id),
                "type": CHANNEL_DM,
                "last_message_id": None,
                "recipients": [self.users[channel.recipient_id].payload()],
                "flags": 0,
            }
        return {
            "id": str(channel.id),
            "type": CHANNEL_TEXT,
            "guild_id": str(self.guild_id),
            "name": channel.name,
            "position": channel.position,
            "permission_overwrites": [o.payload() for o in channel.overwrites],
            "topic": None,
            "nsfw": False,
            "parent_id": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
        }

    def guild_payload(self) -> dict[str, Any]:
        """The full GUILD_CREATE payload."""
        return {
            "id": str(self.guild_id),
            "name": self.guild_name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(self.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "premium_progress_bar_enabled": False,
            "preferred_locale": "en-US",
            "features": [],
            "application_id": None,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "vanity_url_code": None,
            "max_members": 500_000,
            "roles": [r.payload() for r in self.roles.values()],
            "emojis": [],
            "stickers": [],
            "joined_at": JOINED_AT,
            "large": False,
            "unavailable": False,
            "member_count": len(self.members),
            "members": [self.member_payload(uid) for uid in self.members],
            "channels": [self.channel_payload(c) for c in self.channels.values()],
            "threads": [],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }

    def application_payload(self) -> dict[str, Any]:
        """GET /oauth2/applications/@me: the bot's application (its id is the bot user's id)."""
        return {
            "id": str(self.bot.id),
            "name": self.bot.name,
            "icon": None,
            "description": "fake application",
            "rpc_origins": [],
            "bot_public": False,
            "bot_require_code_grant": False,
            "bot": self.bot.payload(),
            "owner": self.users[self.owner_id].payload(),
            "team": None,
            "verify_key": "0" * 64,
            "flags": 0,
            "summary": "",
            "interactions_endpoint_url": None,
            "redirect_uris": [],
            "tags": [],
        }

    def me_payload(self) -> dict[str, Any]:
        """GET /users/@me for the bot."""
        return self.bot.payload() | {
            "verified": True,
            "mfa_enabled": False,
            "email": None,
            "locale": "en-US",
        }
