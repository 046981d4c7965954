"""What members do on the fake Discord: post, edit, DM, run slash commands, click, pick, submit."""

from __future__ import annotations

import copy
import secrets
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from tests.fakediscord.gateway import Gateway, GatewaySession
from tests.fakediscord.interactions import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    MESSAGE_COMPONENT,
    MODAL_SUBMIT,
    InteractionRecord,
    command_payload,
    component_payload,
    modal_submit_payload,
)
from tests.fakediscord.messages import (
    apply_edit,
    build_message,
    iter_components,
    resolve_pings,
    set_mentions,
)
from tests.fakediscord.world import Channel, Snowflakes, World

_BUTTON_TYPES = frozenset({2})
_SELECT_TYPES = frozenset({3, 5, 6, 7, 8})


class UserActions:
    """Mixin of :class:`FakeDiscord`: each action dispatches the event Discord would send."""

    world: World
    gateway: Gateway
    snowflakes: Snowflakes
    messages: dict[int, dict[str, Any]]
    commands: dict[int | None, dict[str, dict[str, Any]]]
    interactions: dict[int, InteractionRecord]
    interactions_by_token: dict[str, InteractionRecord]

    if TYPE_CHECKING:  # provided by FakeDiscord and Waits

        def store_message(self, message: dict[str, Any], body: Mapping[str, Any]) -> None: ...
        async def publish(self, event: str, message: dict[str, Any]) -> None: ...
        def loop_time(self) -> float: ...
        def _notify(self) -> None: ...

    def _require_session(self) -> GatewaySession:
        session = self.gateway.current
        if session is None:
            raise RuntimeError(
                "the bot never connected to the fake gateway; await wait_ready() first"
            )
        return session

    # ----- messages ---------------------------------------------------------------------------
    async def send_message(
        self,
        channel_id: int,
        author_id: int,
        content: str,
        *,
        reply_to: int | None = None,
        embeds: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """A member posts a message: dispatches MESSAGE_CREATE and returns the message object."""
        self._require_session()
        channel = self.world.channel(channel_id)
        if channel is None:
            raise KeyError(f"no channel {channel_id}")
        referenced = self.messages[reply_to] if reply_to is not None else None
        body = {"content": content, "embeds": embeds or []}
        mentioned = resolve_pings(
            self.world,
            content=content,
            allowed=None,
            author_id=author_id,
            channel=channel,
            replied_user_id=int(referenced["author"]["id"]) if referenced else None,
        )
        message = build_message(
            self.world,
            message_id=self.snowflakes.next(),
            channel=channel,
            author=self.world.users[author_id],
            body=body,
            mentioned=mentioned,
            referenced=referenced,
        )
        self.store_message(message, body)
        await self.publish("MESSAGE_CREATE", message)
        return copy.deepcopy(message)

    async def send_dm(self, author_id: int, content: str) -> dict[str, Any]:
        """A user writes to the bot in DMs."""
        return await self.send_message(self.world.dm_channel(author_id).id, author_id, content)

    async def send_edit(self, message_id: int, content: str) -> dict[str, Any]:
        """A member edits their message: dispatches MESSAGE_UPDATE with the full new message."""
        self._require_session()
        message = self.messages[message_id]
        channel = self.world.channel(int(message["channel_id"]))
        assert channel is not None
        apply_edit(message, {"content": content})
        author_id = int(message["author"]["id"])
        mentioned = resolve_pings(
            self.world, content=content, allowed=None, author_id=author_id, channel=channel
        )
        set_mentions(self.world, message, mentioned)
        await self.publish("MESSAGE_UPDATE", message)
        return copy.deepcopy(message)

    # ----- interactions -----------------------------------------------------------------------
    async def _dispatch_interaction(
        self,
        kind: int,
        build: Callable[[int, str], dict[str, Any]],
        *,
        user_id: int,
        channel: Channel,
        message_id: int | None = None,
    ) -> InteractionRecord:
        session = self._require_session()
        interaction_id = self.snowflakes.next()
        token = "itoken-" + secrets.token_urlsafe(24)
        payload = build(interaction_id, token)
        record = InteractionRecord(
            id=interaction_id,
            token=token,
            type=kind,
            payload=payload,
            user_id=user_id,
            channel_id=channel.id,
            message_id=message_id,
            dispatched_at=self.loop_time(),
            _store=self.messages,
        )
        self.interactions[interaction_id] = record
        self.interactions_by_token[token] = record
        await session.dispatch("INTERACTION_CREATE", payload)
        self._notify()
        return record

    def command(self, name: str) -> dict[str, Any] | None:
        """A synced command by top-level name (guild commands first, then global)."""
        for scope in (self.world.guild_id, None):
            found = self.commands.get(scope, {}).get(name)
            if found is not None:
                return found
        return None

    def may_use_command(self, name: str, user_id: int) -> bool:
        """Whether Discord would offer the command to a user (``default_member_permissions``).

        The fake server does not enforce this when dispatching (a server admin can override it
        in Integrations settings), so a bot's own permission checks stay testable.
        """
        command = self.command(name.split()[0])
        if command is None:
            return False
        needed = int(command.get("default_member_permissions") or 0)
        return self.world.permissions(user_id) & needed == needed

    def _command_target(
        self, name: str, channel_id: int | None, user_id: int, dm: bool
    ) -> tuple[dict[str, Any], Channel]:
        top = name.split()[0]
        command = self.command(top)
        if command is None:
            synced = sorted({n for table in self.commands.values() for n in table})
            raise LookupError(f"/{top} is not synced (synced commands: {synced})")
        if dm:
            if command.get("guild_id"):
                raise ValueError(f"/{top} is a guild command; it cannot be used in DMs")
            return command, self.world.dm_channel(user_id)
        if channel_id is None:
            channel_id = self.world.by_name("channel", "general").id
        channel = self.world.channel(channel_id)
        if channel is None:
            raise KeyError(f"no channel {channel_id}")
        return command, channel

    async def _command_interaction(
        self,
        name: str,
        options: Mapping[str, Any],
        *,
        focused: str | None,
        user_id: int,
        channel_id: int | None,
        dm: bool,
    ) -> InteractionRecord:
        command, channel = self._command_target(name, channel_id, user_id, dm)

        def build(interaction_id: int, token: str) -> dict[str, Any]:
            return command_payload(
                self.world,
                command=command,
                path=name.split(),
                values=dict(options),
                focused=focused,
                interaction_id=interaction_id,
                token=token,
                user_id=user_id,
                channel=channel,
            )

        kind = APPLICATION_COMMAND if focused is None else AUTOCOMPLETE
        return await self._dispatch_interaction(kind, build, user_id=user_id, channel=channel)

    async def send_slash_command(
        self,
        name: str,
        options: Mapping[str, Any] | None = None,
        *,
        user_id: int,
        channel_id: int | None = None,
        dm: bool = False,
    ) -> InteractionRecord:
        """A member runs a synced slash command, e.g. ``("faq ask", {"question": "..."})``.

        ``name`` is the qualified name (subcommands separated by spaces); option types come from
        the synced definition (users, roles and channels take ids and get ``resolved`` data).
        Raises if the command is not synced, an option is unknown or a required one is missing.
        """
        return await self._command_interaction(
            name, options or {}, focused=None, user_id=user_id, channel_id=channel_id, dm=dm
        )

    async def send_autocomplete(
        self,
        name: str,
        options: Mapping[str, Any],
        *,
        focused: str,
        user_id: int,
        channel_id: int | None = None,
        dm: bool = False,
    ) -> InteractionRecord:
        """A member types into option ``focused``; the bot's choices land in ``response_data``."""
        return await self._command_interaction(
            name, options, focused=focused, user_id=user_id, channel_id=channel_id, dm=dm
        )

    def _find_component(
        self, message_id: int, custom_id: str, types: Iterable[int]
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        message = self.messages.get(message_id)
        if message is None:
            raise LookupError(f"no message {message_id}")
        wanted = set(types)
        found = [c for c in iter_components(message["components"]) if c.get("type") in wanted]
        for component in found:
            if component.get("custom_id") == custom_id:
                if component.get("disabled"):
                    raise ValueError(f"component {custom_id!r} is disabled; a user cannot use it")
                return message, component
        ids = [c.get("custom_id") for c in found]
        raise LookupError(f"message {message_id} has no component {custom_id!r} (it has {ids})")

    async def _use_component(
        self,
        message_id: int,
        custom_id: str,
        user_id: int,
        types: Iterable[int],
        values: list[str] | None,
    ) -> InteractionRecord:
        message, component = self._find_component(message_id, custom_id, types)
        channel = self.world.channel(int(message["channel_id"]))
        assert channel is not None

        def build(interaction_id: int, token: str) -> dict[str, Any]:
            return component_payload(
                self.world,
                message=message,
                component=component,
                values=values,
                interaction_id=interaction_id,
                token=token,
                user_id=user_id,
                channel=channel,
            )

        return await self._dispatch_interaction(
            MESSAGE_COMPONENT, build, user_id=user_id, channel=channel, message_id=message_id
        )

    async def click_button(
        self, message_id: int, custom_id: str, user_id: int
    ) -> InteractionRecord:
        """A member clicks a button on a message (it must exist and be enabled)."""
        return await self._use_component(message_id, custom_id, user_id, _BUTTON_TYPES, None)

    async def select_option(
        self, message_id: int, custom_id: str, values: list[str], user_id: int
    ) -> InteractionRecord:
        """A member picks ``values`` in a select menu on a message."""
        return await self._use_component(message_id, custom_id, user_id, _SELECT_TYPES, values)

    async def submit_modal(
        self,
        interaction: InteractionRecord,
        values: Mapping[str, str],
        *,
        user_id: int | None = None,
    ) -> InteractionRecord:
        """Submit the modal the bot opened for ``interaction`` (text inputs by custom_id)."""
        modal = interaction.modal
        if modal is None:
            raise ValueError("the bot did not answer this interaction with a modal")
        channel = self.world.channel(interaction.channel_id)
        assert channel is not None
        who = user_id if user_id is not None else interaction.user_id

        def build(interaction_id: int, token: str) -> dict[str, Any]:
            return modal_submit_payload(
                self.world,
                modal=modal,
                values=values,
                interaction_id=interaction_id,
                token=token,
                user_id=who,
                channel=channel,
            )

        return await self._dispatch_interaction(
            MODAL_SUBMIT, build, user_id=who, channel=channel, message_id=interaction.message_id
        )
