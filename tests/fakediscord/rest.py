"""REST handlers of the fake Discord API (paths relative to ``/api/v10``)."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tests.fakediscord import errors as err
from tests.fakediscord.errors import ApiError, FormErrors, forbidden, not_found
from tests.fakediscord.interactions import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE_RESULT,
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    DEFERRED_UPDATE_MESSAGE,
    MESSAGE_COMPONENT,
    MODAL,
    UPDATE_MESSAGE,
    InteractionRecord,
)
from tests.fakediscord.messages import (
    EPHEMERAL,
    LOADING,
    TYPE_CHAT_INPUT_COMMAND,
    TYPE_DEFAULT,
    apply_edit,
    build_message,
    resolve_pings,
    set_mentions,
    validate_message,
)
from tests.fakediscord.world import SEND_MESSAGES, VIEW_CHANNEL, Channel

if TYPE_CHECKING:
    from tests.fakediscord.server import FakeDiscord


@dataclass
class ApiRequest:
    """A parsed REST request: route parameters, query, JSON body (or ``payload_json``), files."""

    method: str
    path: str
    params: dict[str, str]
    query: dict[str, str]
    body: Any
    files: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Reply:
    """A handler's answer: status and JSON data (``None`` means an empty 204)."""

    status: int = 200
    data: Any = None


Handler = Callable[[ApiRequest], Awaitable[Reply]]
_COMMAND_NAME = re.compile(r"^[-_\w]{1,32}$")


def _compile(template: str) -> re.Pattern[str]:
    pattern = re.sub(
        r"\{(\w+)\}", r"(?P<\1>[^/]+)", re.escape(template).replace(r"\{", "{").replace(r"\}", "}")
    )
    return re.compile(f"^{pattern}$")


class RestApi:
    """The implemented routes; anything else answers a 404 JSON error."""

    def __init__(self, server: FakeDiscord) -> None:
        self.s = server
        self.world = server.world
        table: list[tuple[str, str, Handler]] = [
            ("GET", "/gateway", self.gateway),
            ("GET", "/gateway/bot", self.gateway),
            ("GET", "/users/@me", self.get_me),
            ("GET", "/oauth2/applications/@me", self.get_application),
            ("GET", "/applications/@me", self.get_application),
            ("POST", "/users/@me/channels", self.create_dm),
            ("GET", "/users/{user_id}", self.get_user),
            ("GET", "/channels/{channel_id}", self.get_channel),
            ("GET", "/channels/{channel_id}/messages", self.list_messages),
            ("POST", "/channels/{channel_id}/messages", self.create_message),
            ("GET", "/channels/{channel_id}/messages/{message_id}", self.get_message),
            ("PATCH", "/channels/{channel_id}/messages/{message_id}", self.edit_message),
            ("DELETE", "/channels/{channel_id}/messages/{message_id}", self.delete_message),
            (
                "PUT",
                "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
                self.reaction,
            ),
            (
                "DELETE",
                "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
                self.reaction,
            ),
            ("POST", "/channels/{channel_id}/typing", self.no_content),
            ("GET", "/guilds/{guild_id}", self.get_guild),
            ("GET", "/guilds/{guild_id}/channels", self.get_guild_channels),
            ("GET", "/guilds/{guild_id}/roles", self.get_roles),
            ("GET", "/guilds/{guild_id}/members", self.list_members),
            ("GET", "/guilds/{guild_id}/members/{user_id}", self.get_member),
            ("GET", "/applications/{app_id}/commands", self.get_commands),
            ("PUT", "/applications/{app_id}/commands", self.put_commands),
            ("POST", "/applications/{app_id}/commands", self.post_command),
            ("DELETE", "/applications/{app_id}/commands/{command_id}", self.delete_command),
            ("GET", "/applications/{app_id}/guilds/{guild_id}/commands", self.get_commands),
            ("PUT", "/applications/{app_id}/guilds/{guild_id}/commands", self.put_commands),
            ("POST", "/applications/{app_id}/guilds/{guild_id}/commands", self.post_command),
            (
                "DELETE",
                "/applications/{app_id}/guilds/{guild_id}/commands/{command_id}",
                self.delete_command,
            ),
            ("POST", "/interactions/{interaction_id}/{token}/callback", self.interaction_callback),
            ("POST", "/webhooks/{app_id}/{token}", self.create_followup),
            ("GET", "/webhooks/{app_id}/{token}/messages/{message_id}", self.get_webhook_message),
            (
                "PATCH",
                "/webhooks/{app_id}/{token}/messages/{message_id}",
                self.edit_webhook_message,
            ),
            (
                "DELETE",
                "/webhooks/{app_id}/{token}/messages/{message_id}",
                self.delete_webhook_message,
            ),
        ]
        self.routes = [(method, _compile(path), handler) for method, path, handler in table]

    def resolve(self, method: str, path: str) -> tuple[Handler, dict[str, str]]:
        """Find the handler for a request, or raise a 404 / 405 ``ApiError``."""
        path_known = False
        for route_method, pattern, handler in self.routes:
            match = pattern.match(path)
            if match is None:
                continue
            path_known = True
            if route_method == method:
                return handler, match.groupdict()
        if path_known:
            raise ApiError(405, 0, "405: Method Not Allowed")
        raise ApiError(404, 0, "404: Not Found")

    # ----- helpers ------------------------------------------------------------------------
    def _channel(self, request: ApiRequest) -> Channel:
        channel = self.world.channel(_snowflake(request.params["channel_id"]))
        if channel is None:
            raise not_found(err.UNKNOWN_CHANNEL, "Channel")
        if (
            not channel.is_dm
            and not self.world.permissions(self.world.bot.id, channel) & VIEW_CHANNEL
        ):
            raise forbidden(err.MISSING_ACCESS, "Missing Access")
        return channel

    def _message(self, request: ApiRequest, channel: Channel) -> dict[str, Any]:
        message = self.s.messages.get(_snowflake(request.params["message_id"]))
        if (
            message is None
            or message["channel_id"] != str(channel.id)
            or message["flags"] & EPHEMERAL
        ):
            raise not_found(err.UNKNOWN_MESSAGE, "Message")
        return message

    def _guild(self, request: ApiRequest) -> None:
        if _snowflake(request.params["guild_id"]) != self.world.guild_id:
            raise forbidden(err.MISSING_ACCESS, "Missing Access")

    def _new_message(
        self,
        channel: Channel,
        body: Mapping[str, Any],
        files: list[dict[str, Any]],
        *,
        referenced: dict[str, Any] | None = None,
        message_type: int | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        replied = int(referenced["author"]["id"]) if referenced else None
        mentioned = resolve_pings(
            self.world,
            content=body.get("content") or "",
            allowed=body.get("allowed_mentions"),
            author_id=self.world.bot.id,
            channel=channel,
            replied_user_id=replied,
        )
        message = build_message(
            self.world,
            message_id=self.s.snowflakes.next(),
            channel=channel,
            author=self.world.bot,
            body=body,
            mentioned=mentioned,
            attachments=files,
            referenced=referenced,
            message_type=message_type,
        )
        message.update(extra or {})
        self.s.store_message(message, body)
        return message

    def _edit(self, message: dict[str, Any], body: Mapping[str, Any]) -> None:
        validate_message(body, edit=True)
        apply_edit(message, body)
        if "content" in body or "allowed_mentions" in body:
            channel = self.world.channel(int(message["channel_id"]))
            assert channel is not None
            mentioned = resolve_pings(
                self.world,
                content=message["content"],
                allowed=body.get("allowed_mentions"),
                author_id=self.world.bot.id,
                channel=channel,
            )
            set_mentions(self.world, message, mentioned)
        self.s.message_bodies.setdefault(int(message["id"]), []).append(dict(body))

    # ----- login and lookups ----------------------------------------------------------------
    async def gateway(self, request: ApiRequest) -> Reply:
        """GET /gateway and /gateway/bot."""
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return Reply(data={"url": self.s.gateway.ws_url, "shards": 1, "session_start_limit": limit})

    async def get_me(self, request: ApiRequest) -> Reply:
        """GET /users/@me: the bot user (called by login)."""
        return Reply(data=self.world.me_payload())

    async def get_application(self, request: ApiRequest) -> Reply:
        """GET /oauth2/applications/@me (called by login)."""
        return Reply(data=self.world.application_payload())

    async def get_user(self, request: ApiRequest) -> Reply:
        """GET /users/{id}."""
        user = self.world.users.get(_snowflake(request.params["user_id"]))
        if user is None:
            raise not_found(err.UNKNOWN_USER, "User")
        return Reply(data=user.payload())

    async def create_dm(self, request: ApiRequest) -> Reply:
        """POST /users/@me/channels: open (or reuse) the DM channel with a user."""
        user_id = _snowflake(str((request.body or {}).get("recipient_id")))
        if user_id not in self.world.users:
            raise not_found(err.UNKNOWN_USER, "User")
        return Reply(data=self.world.channel_payload(self.world.dm_channel(user_id)))

    async def get_channel(self, request: ApiRequest) -> Reply:
        """GET /channels/{id}."""
        return Reply(data=self.world.channel_payload(self._channel(request)))

    async def get_guild(self, request: ApiRequest) -> Reply:
        """GET /guilds/{id}."""
        self._guild(request)
        data = self.world.guild_payload()
        for key in (
            "members",
            "channels",
            "threads",
            "presences",
            "voice_states",
            "joined_at",
            "large",
        ):
            data.pop(key, None)
        return Reply(data=data)

    async def get_guild_channels(self, request: ApiRequest) -> Reply:
        """GET /guilds/{id}/channels."""
        self._guild(request)
        return Reply(data=[self.world.channel_payload(c) for c in self.world.channels.values()])

    async def get_roles(self, request: ApiRequest) -> Reply:
        """GET /guilds/{id}/roles."""
        self._guild(request)
        return Reply(data=[r.payload() for r in self.world.roles.values()])

    async def list_members(self, request: ApiRequest) -> Reply:
        """GET /guilds/{id}/members (``limit`` and ``after`` honoured)."""
        self._guild(request)
        after = int(request.query.get("after", 0))
        limit = int(request.query.get("limit", 1))
        ids = sorted(uid for uid in self.world.members if uid > after)[:limit]
        return Reply(data=[self.world.member_payload(uid) for uid in ids])

    async def get_member(self, request: ApiRequest) -> Reply:
        """GET /guilds/{id}/members/{user_id}."""
        self._guild(request)
        user_id = _snowflake(request.params["user_id"])
        if user_id not in self.world.members:
            raise not_found(err.UNKNOWN_MEMBER, "Member")
        return Reply(data=self.world.member_payload(user_id))

    async def no_content(self, request: ApiRequest) -> Reply:
        """Endpoints that only acknowledge (typing)."""
        self._channel(request)
        return Reply(204)

    # ----- messages ---------------------------------------------------------------------------
    async def list_messages(self, request: ApiRequest) -> Reply:
        """GET /channels/{id}/messages: newest first, ``limit`` honoured."""
        channel = self._channel(request)
        limit = int(request.query.get("limit", 50))
        found = [
            m
            for m in self.s.messages.values()
            if m["channel_id"] == str(channel.id) and not m["flags"] & EPHEMERAL
        ]
        return Reply(data=list(reversed(found))[:limit])

    async def get_message(self, request: ApiRequest) -> Reply:
        """GET /channels/{id}/messages/{id}."""
        return Reply(data=self._message(request, self._channel(request)))

    async def create_message(self, request: ApiRequest) -> Reply:
        """POST /channels/{id}/messages: validate, store, dispatch MESSAGE_CREATE, return it."""
        channel = self._channel(request)
        body = request.body or {}
        if channel.is_dm:
            assert channel.recipient_id is not None
            if not self.world.users[channel.recipient_id].dms_open:
                raise forbidden(err.CANNOT_DM_USER, "Cannot send messages to this user")
        elif not self.world.permissions(self.world.bot.id, channel) & SEND_MESSAGES:
            raise forbidden()
        validate_message(body, has_files=bool(request.files))
        referenced = None
        reference = body.get("message_reference")
        if reference and reference.get("message_id"):
            referenced = self.s.messages.get(int(reference["message_id"]))
            if referenced is None and reference.get("fail_if_not_exists", True):
                errors = FormErrors()
                errors.add(["message_reference"], "REPLIES_UNKNOWN_MESSAGE", "Unknown message")
                errors.raise_if_any()
        message = self._new_message(channel, body, request.files, referenced=referenced)
        await self.s.publish("MESSAGE_CREATE", message)
        return Reply(data=message)

    async def edit_message(self, request: ApiRequest) -> Reply:
        """PATCH /channels/{id}/messages/{id}: only the bot's own messages."""
        message = self._message(request, self._channel(request))
        if message["author"]["id"] != str(self.world.bot.id):
            raise forbidden(
                err.CANNOT_EDIT_OTHERS_MESSAGE, "Cannot edit a message authored by another user"
            )
        self._edit(message, request.body or {})
        await self.s.publish("MESSAGE_UPDATE", message)
        return Reply(data=message)

    async def delete_message(self, request: ApiRequest) -> Reply:
        """DELETE /channels/{id}/messages/{id}."""
        message = self._message(request, self._channel(request))
        await self.s.remove_message(int(message["id"]))
        return Reply(204)

    async def reaction(self, request: ApiRequest) -> Reply:
        """PUT/DELETE a reaction by the bot (recorded; reactions are not modelled further)."""
        self._message(request, self._channel(request))
        return Reply(204)

    # ----- application commands -----------------------------------------------------------------
    def _scope(self, request: ApiRequest) -> int | None:
        if _snowflake(request.params["app_id"]) != self.world.bot.id:
            raise forbidden(err.MISSING_ACCESS, "Missing Access")
        if "guild_id" in request.params:
            self._guild(request)
            return self.world.guild_id
        return None

    def _command(self, scope: int | None, data: Mapping[str, Any]) -> dict[str, Any]:
        _validate_command(data)
        existing = self.s.commands.get(scope, {}).get(data["name"])
        command: dict[str, Any] = {
            "type": 1,
            "description": "",
            "options": [],
            "default_member_permissions": None,
            "dm_permission": True,
            "nsfw": False,
            "contexts": None,
            "integration_types": [0],
            "name_localizations": None,
            "description_localizations": None,
            **data,
            "id": existing["id"] if existing else str(self.s.snowflakes.next()),
            "application_id": str(self.world.bot.id),
            "version": str(self.s.snowflakes.next()),
        }
        if scope is not None:
            command["guild_id"] = str(scope)
        return command

    async def get_commands(self, request: ApiRequest) -> Reply:
        """GET the commands synced globally or to the guild."""
        return Reply(data=list(self.s.commands.get(self._scope(request), {}).values()))

    async def put_commands(self, request: ApiRequest) -> Reply:
        """PUT (bulk overwrite, what ``tree.sync`` does): echo the commands back with ids."""
        scope = self._scope(request)
        commands = [self._command(scope, c) for c in request.body or []]
        self.s.commands[scope] = {c["name"]: c for c in commands}
        return Reply(data=commands)

    async def post_command(self, request: ApiRequest) -> Reply:
        """POST (upsert one command)."""
        scope = self._scope(request)
        command = self._command(scope, request.body or {})
        self.s.commands.setdefault(scope, {})[command["name"]] = command
        return Reply(201, command)

    async def delete_command(self, request: ApiRequest) -> Reply:
        """DELETE one command."""
        table = self.s.commands.get(self._scope(request), {})
        for name, command in list(table.items()):
            if command["id"] == request.params["command_id"]:
                del table[name]
                return Reply(204)
        raise not_found(err.UNKNOWN_COMMAND, "application command")

    # ----- interactions -------------------------------------------------------------------------
    def _record(self, interaction_id: int | None, token: str) -> InteractionRecord:
        record = self.s.interactions_by_token.get(token)
        if record is None or (interaction_id is not None and record.id != interaction_id):
            if interaction_id is None:
                raise not_found(err.UNKNOWN_WEBHOOK, "Webhook")
            raise not_found(err.UNKNOWN_INTERACTION, "interaction")
        return record

    async def interaction_callback(self, request: ApiRequest) -> Reply:
        """POST /interactions/{id}/{token}/callback -> ``{"interaction": ..., "resource": ...}``."""
        record = self._record(_snowflake(request.params["interaction_id"]), request.params["token"])
        timeout = self.s.interaction_timeout
        if timeout is not None and self.s.loop_time() - record.dispatched_at > timeout:
            raise not_found(err.UNKNOWN_INTERACTION, "interaction")
        if record.callbacks:
            raise ApiError(
                400, err.ALREADY_ACKNOWLEDGED, "Interaction has already been acknowledged."
            )
        body = request.body or {}
        kind = body.get("type")
        data = body.get("data") or {}
        resource: dict[str, Any] = {"type": kind}
        info: dict[str, Any] = {"id": str(record.id), "type": record.type}
        channel = self.world.channel(record.channel_id)
        assert channel is not None
        is_component = record.type == MESSAGE_COMPONENT
        if kind in (CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE):
            message = self._interaction_message(
                record, channel, data, request.files, loading=kind == 5
            )
            record.original_message_id = int(message["id"])
            resource["message"] = message
            info["response_message_id"] = message["id"]
            info["response_message_loading"] = kind == DEFERRED_CHANNEL_MESSAGE
            info["response_message_ephemeral"] = bool(message["flags"] & EPHEMERAL)
        elif kind in (DEFERRED_UPDATE_MESSAGE, UPDATE_MESSAGE) and is_component:
            record.original_message_id = record.message_id
            message = self.s.messages[record.message_id or 0]
            if kind == UPDATE_MESSAGE:
                self._edit(message, data)
                resource["message"] = message
            info["response_message_id"] = message["id"]
        elif kind == AUTOCOMPLETE_RESULT and record.type == 4:
            _validate_choices(data.get("choices") or [])
        elif kind == MODAL and record.type in (APPLICATION_COMMAND, MESSAGE_COMPONENT):
            record.modal = dict(data)
        else:
            errors = FormErrors()
            errors.add(["type"], "INTERACTION_RESPONSE_TYPE_INVALID", f"type {kind} not valid here")
            errors.raise_if_any()
        record.callbacks.append(dict(body))
        if kind == UPDATE_MESSAGE:
            await self.s.publish("MESSAGE_UPDATE", resource["message"])
        elif "message" in resource:
            await self.s.publish("MESSAGE_CREATE", resource["message"])
        return Reply(data={"interaction": info, "resource": resource})

    def _interaction_message(
        self,
        record: InteractionRecord,
        channel: Channel,
        data: Mapping[str, Any],
        files: list[dict[str, Any]],
        *,
        loading: bool,
    ) -> dict[str, Any]:
        if loading:
            body: dict[str, Any] = {
                "content": "",
                "flags": LOADING | (int(data.get("flags") or 0) & EPHEMERAL),
            }
        else:
            validate_message(data, has_files=bool(files))
            body = dict(data)
        user = self.world.users[record.user_id]
        metadata = {
            "id": str(record.id),
            "type": record.type,
            "user": user.payload(),
            "authorizing_integration_owners": {"0": str(self.world.guild_id)},
        }
        kind = TYPE_CHAT_INPUT_COMMAND if record.type == APPLICATION_COMMAND else TYPE_DEFAULT
        extra = {
            "webhook_id": str(self.world.bot.id),
            "application_id": str(self.world.bot.id),
            "interaction_metadata": metadata,
        }
        return self._new_message(channel, body, files, message_type=kind, extra=extra)

    async def create_followup(self, request: ApiRequest) -> Reply:
        """POST /webhooks/{app}/{token}: a followup (the first after a defer fills the original)."""
        record = self._webhook_record(request)
        if not record.acknowledged:
            raise not_found(err.UNKNOWN_WEBHOOK, "Webhook")
        body = request.body or {}
        validate_message(body, has_files=bool(request.files))
        original = self.s.messages.get(record.original_message_id or 0)
        if original is not None and original["flags"] & LOADING:
            self._edit(original, body)
            original["flags"] &= ~LOADING
            message = original
            await self.s.publish("MESSAGE_UPDATE", message)
        else:
            channel = self.world.channel(record.channel_id)
            assert channel is not None
            message = self._interaction_message(record, channel, body, request.files, loading=False)
            record.followup_ids.append(int(message["id"]))
            await self.s.publish("MESSAGE_CREATE", message)
        wait = request.query.get("wait", "0").lower() in ("1", "true")
        return Reply(data=message) if wait else Reply(204)

    def _webhook_record(self, request: ApiRequest) -> InteractionRecord:
        if _snowflake(request.params["app_id"]) != self.world.bot.id:
            raise not_found(err.UNKNOWN_WEBHOOK, "Webhook")
        return self._record(None, request.params["token"])

    def _webhook_message(self, request: ApiRequest) -> tuple[InteractionRecord, dict[str, Any]]:
        record = self._webhook_record(request)
        raw = request.params["message_id"]
        message_id = record.original_message_id if raw == "@original" else _snowflake(raw)
        allowed = {record.original_message_id, *record.followup_ids}
        message = self.s.messages.get(message_id or 0)
        if message_id is None or message_id not in allowed or message is None:
            raise not_found(err.UNKNOWN_MESSAGE, "Message")
        return record, message

    async def get_webhook_message(self, request: ApiRequest) -> Reply:
        """GET /webhooks/{app}/{token}/messages/@original (or a followup id)."""
        return Reply(data=self._webhook_message(request)[1])

    async def edit_webhook_message(self, request: ApiRequest) -> Reply:
        """PATCH /webhooks/{app}/{token}/messages/@original: edit the response (ends "thinking")."""
        _, message = self._webhook_message(request)
        self._edit(message, request.body or {})
        message["flags"] &= ~LOADING
        await self.s.publish("MESSAGE_UPDATE", message)
        return Reply(data=message)

    async def delete_webhook_message(self, request: ApiRequest) -> Reply:
        """DELETE /webhooks/{app}/{token}/messages/@original."""
        _, message = self._webhook_message(request)
        await self.s.remove_message(int(message["id"]))
        return Reply(204)


def _snowflake(raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        errors = {
            "_errors": [
                {"code": "NUMBER_TYPE_COERCE", "message": f"Value {raw!r} is not snowflake."}
            ]
        }
        raise ApiError(400, err.INVALID_FORM_BODY, "Invalid Form Body", errors) from None


def _validate_command(data: Mapping[str, Any]) -> None:
    errors = FormErrors()
    name = data.get("name") or ""
    slash = data.get("type", 1) == 1  # context-menu names may hold spaces and capitals
    valid = _COMMAND_NAME.match(name) and name == name.lower() if slash else 1 <= len(name) <= 32
    if not valid:
        errors.add(
            ["name"], "APPLICATION_COMMAND_INVALID_NAME", f"Command name {name!r} is invalid"
        )
    if slash and not 1 <= len(data.get("description") or "") <= 100:
        errors.add(["description"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
    _validate_command_options(list(data.get("options") or []), ["options"], errors)
    errors.raise_if_any()


def _validate_command_options(
    options: list[dict[str, Any]], path: list[str | int], errors: FormErrors
) -> None:
    if len(options) > 25:
        errors.add(path, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
    seen_optional = False
    for i, option in enumerate(options):
        here = [*path, i]
        if (
            not _COMMAND_NAME.match(option.get("name") or "")
            or option["name"] != option["name"].lower()
        ):
            errors.add([*here, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Invalid option name")
        if not 1 <= len(option.get("description") or "") <= 100:
            errors.add(
                [*here, "description"],
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 1 and 100 in length.",
            )
        if option.get("required"):
            if seen_optional:
                errors.add(
                    here,
                    "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                    "Required options must be first",
                )
        else:
            seen_optional = True
        if option.get("autocomplete") and option.get("choices"):
            errors.add(
                here, "APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE", "choices and autocomplete"
            )
        if len(option.get("choices") or []) > 25:
            errors.add([*here, "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
        if option.get("type") in (1, 2):
            _validate_command_options(list(option.get("options") or []), [*here, "options"], errors)


def _validate_choices(choices: list[dict[str, Any]]) -> None:
    errors = FormErrors()
    if len(choices) > 25:
        errors.add(["data", "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
    for i, choice in enumerate(choices):
        if not 1 <= len(choice.get("name") or "") <= 100:
            errors.add(
                ["data", "choices", i, "name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100."
            )
        value = choice.get("value")
        if isinstance(value, str) and len(value) > 100:
            errors.too_long(["data", "choices", i, "value"], 100)
    errors.raise_if_any()
