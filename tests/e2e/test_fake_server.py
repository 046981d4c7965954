"""The fake Discord server, proven with a real discord.py client (fakediscord/echo_client.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.e2e.conftest import StartBot
from tests.fakediscord import ECHO_CLIENT, BotProcess, FakeDiscord, pings
from tests.fakediscord.messages import EPHEMERAL, LOADING, resolve_pings
from tests.fakediscord.process import PYTHONPATH_DIR


def _is(content: str) -> Any:
    return lambda m: m["content"] == content


@pytest.fixture
async def echo(start_bot: StartBot, fake_discord: FakeDiscord) -> BotProcess:
    """The echo client, connected, with on_ready done."""
    process = await start_bot(argv=[sys.executable, str(ECHO_CLIENT)])
    await fake_discord.wait_ready()
    await fake_discord.wait_for_message(fake_discord.channel("general").id, predicate=_is("ready"))
    return process


# ----- the real client against the server ---------------------------------------------------------
@pytest.mark.e2e
async def test_login_ready_and_guild_command_sync(
    echo: BotProcess, fake_discord: FakeDiscord
) -> None:
    logins = [(r.method, r.path, r.status) for r in fake_discord.requests[:2]]
    assert logins == [("GET", "/users/@me", 200), ("GET", "/oauth2/applications/@me", 200)]
    synced = await fake_discord.wait_for_commands("echo")
    assert synced["echo"]["guild_id"] == str(fake_discord.guild_id)
    assert [o["name"] for o in synced["echo"]["options"]] == ["text", "slow"]
    assert fake_discord.stats.identifies == 1


@pytest.mark.e2e
async def test_reply_to_a_message_pings_nobody(echo: BotProcess, fake_discord: FakeDiscord) -> None:
    general = fake_discord.channel("general").id
    alice = fake_discord.user("alice").id
    sent = await fake_discord.send_message(
        general, fake_discord.user("bob").id, f"!echo hi @everyone <@{alice}>"
    )
    reply = await fake_discord.wait_for_message(general, after=int(sent["id"]))
    assert reply["content"] == f"hi @everyone <@{alice}>"
    assert reply["message_reference"]["message_id"] == sent["id"]
    assert pings(reply).nobody
    assert fake_discord.sent_body(int(reply["id"]))["allowed_mentions"]["parse"] == []


@pytest.mark.e2e
async def test_slash_command_then_buttons(echo: BotProcess, fake_discord: FakeDiscord) -> None:
    alice, bob = fake_discord.user("alice").id, fake_discord.user("bob").id
    command = await fake_discord.send_slash_command("echo", {"text": "hi"}, user_id=alice)
    await fake_discord.wait_for_interaction_response(command)
    assert command.response_type == 4
    answer = command.original
    assert answer is not None
    assert answer["content"] == "echo: hi"
    answer_id = int(answer["id"])

    again = await fake_discord.click_button(answer_id, "echo:again", bob)
    await fake_discord.wait_for_interaction_response(again)
    assert again.original is not None
    assert again.original["content"] == f"clicked by {bob}"
    assert again.original["flags"] & EPHEMERAL

    close = await fake_discord.click_button(answer_id, "echo:close", alice)
    await fake_discord.wait_for_interaction_response(close)
    assert close.response_type == 7
    closed = fake_discord.get_message(answer_id)
    assert closed is not None
    assert (closed["content"], closed["components"]) == ("closed", [])
    with pytest.raises(LookupError):
        await fake_discord.click_button(answer_id, "echo:again", bob)


@pytest.mark.e2e
async def test_deferred_slash_command_is_completed_by_followup(
    echo: BotProcess, fake_discord: FakeDiscord
) -> None:
    command = await fake_discord.send_slash_command(
        "echo", {"text": "later", "slow": True}, user_id=fake_discord.user("alice").id
    )
    await fake_discord.wait_for_interaction_response(command, completed=True)
    assert command.response_type == 5
    assert command.original is not None
    assert command.original["content"] == "echo: later"
    assert not command.original["flags"] & LOADING


@pytest.mark.e2e
async def test_autocomplete_offers_matching_choices(
    echo: BotProcess, fake_discord: FakeDiscord
) -> None:
    typing = await fake_discord.send_autocomplete(
        "echo", {"text": "b"}, focused="text", user_id=fake_discord.user("alice").id
    )
    await fake_discord.wait_for_interaction_response(typing)
    assert typing.response_type == 8
    assert typing.response_data["choices"] == [{"name": "beta", "value": "beta"}]


@pytest.mark.e2e
async def test_dm_and_closed_dms(echo: BotProcess, fake_discord: FakeDiscord) -> None:
    general = fake_discord.channel("general").id
    alice, bob = fake_discord.user("alice").id, fake_discord.user("bob").id
    await fake_discord.send_message(general, alice, "!dm")
    dm = await fake_discord.wait_for_dm(alice)
    assert dm["content"] == "hello in private"

    fake_discord.close_dms(bob)
    await fake_discord.send_message(general, bob, "!dm")
    dm_channel = fake_discord.world.dm_channel(bob).id
    refused = await fake_discord.wait_for_request("POST", f"/channels/{dm_channel}/messages")
    assert (refused.status, refused.response["code"]) == (403, 50007)


@pytest.mark.e2e
async def test_persistent_button_works_after_a_crash_and_restart(
    echo: BotProcess, start_bot: StartBot, fake_discord: FakeDiscord
) -> None:
    alice = fake_discord.user("alice").id
    command = await fake_discord.send_slash_command("echo", {"text": "keep"}, user_id=alice)
    await fake_discord.wait_for_interaction_response(command)
    assert command.original is not None

    assert await echo.kill() == -9
    await start_bot(argv=[sys.executable, str(ECHO_CLIENT)])
    await fake_discord.wait_ready()
    click = await fake_discord.click_button(int(command.original["id"]), "echo:again", alice)
    await fake_discord.wait_for_interaction_response(click)
    assert click.original is not None
    assert click.original["content"] == f"clicked by {alice}"
    assert fake_discord.stats.identifies == 2


@pytest.mark.e2e
async def test_a_bot_that_dies_at_start_up_fails_the_wait_at_once(
    start_bot: StartBot, fake_discord: FakeDiscord
) -> None:
    process = await start_bot({"GUILD_ID": None}, argv=[sys.executable, str(ECHO_CLIENT)])
    with pytest.raises(RuntimeError, match="exited unexpectedly with 1") as failure:
        await fake_discord.wait_ready(timeout=30.0)
    assert "KeyError: 'GUILD_ID'" in str(failure.value)
    assert process.returncode == 1


# ----- faults ------------------------------------------------------------------------------------
@pytest.mark.e2e
async def test_staff_post_forbidden_twice_then_recovers(
    echo: BotProcess, fake_discord: FakeDiscord
) -> None:
    staff_channel = fake_discord.channel("staff").id
    staff_role = fake_discord.role("staff").id
    fault = fake_discord.forbid("POST", f"/channels/{staff_channel}/messages", times=2)
    sent = await fake_discord.send_message(
        fake_discord.channel("general").id, fake_discord.user("alice").id, "!staff"
    )

    alert = await fake_discord.wait_for_message(staff_channel, after=int(sent["id"]))
    await fake_discord.wait_for_message(
        fake_discord.channel("general").id, predicate=_is("staff alerted")
    )
    statuses = [
        r.status for r in fake_discord.requests_to("POST", f"/channels/{staff_channel}/messages")
    ]
    assert statuses == [403, 403, 200]
    assert fault.hits == 2
    assert pings(alert).roles == {staff_role}
    assert not pings(alert).users
    assert not pings(alert).everyone


@pytest.mark.e2e
async def test_rate_limit_is_waited_out_and_retried(
    echo: BotProcess, fake_discord: FakeDiscord
) -> None:
    general = fake_discord.channel("general").id
    fake_discord.rate_limit("POST", f"/channels/{general}/messages", times=1, retry_after=0.2)
    mark = len(fake_discord.requests)
    sent = await fake_discord.send_message(
        general, fake_discord.user("alice").id, "!echo slow down"
    )
    reply = await fake_discord.wait_for_message(general, after=int(sent["id"]))
    assert reply["content"] == "slow down"
    posts = fake_discord.requests_to("POST", f"/channels/{general}/messages", since=mark)
    assert [r.status for r in posts] == [429, 200]


@pytest.mark.e2e
async def test_server_error_is_retried(echo: BotProcess, fake_discord: FakeDiscord) -> None:
    general = fake_discord.channel("general").id
    fake_discord.server_error("POST", f"/channels/{general}/messages", times=1)
    mark = len(fake_discord.requests)
    sent = await fake_discord.send_message(general, fake_discord.user("alice").id, "!echo again")
    reply = await fake_discord.wait_for_message(general, after=int(sent["id"]))
    assert reply["content"] == "again"
    posts = fake_discord.requests_to("POST", f"/channels/{general}/messages", since=mark)
    assert [r.status for r in posts] == [500, 200]


@pytest.mark.e2e
async def test_gateway_drop_resumes_and_replays_missed_events(
    echo: BotProcess, fake_discord: FakeDiscord
) -> None:
    general = fake_discord.channel("general").id
    await fake_discord.drop_gateway()
    sent = await fake_discord.send_message(
        general, fake_discord.user("alice").id, "!echo while away"
    )
    reply = await fake_discord.wait_for_message(
        general, after=int(sent["id"]), predicate=_is("while away")
    )
    await fake_discord.wait_for_message(general, predicate=_is("resumed"))
    assert reply["message_reference"]["message_id"] == sent["id"]
    assert (fake_discord.stats.identifies, fake_discord.stats.resumed) == (1, 1)


@pytest.mark.e2e
async def test_reconnect_request_is_followed_by_a_resume(
    echo: BotProcess, fake_discord: FakeDiscord
) -> None:
    general = fake_discord.channel("general").id
    await fake_discord.send_reconnect()
    await fake_discord.wait_for_message(general, predicate=_is("resumed"))
    assert (fake_discord.stats.identifies, fake_discord.stats.resumed) == (1, 1)
    sent = await fake_discord.send_message(
        general, fake_discord.user("alice").id, "!echo still here"
    )
    reply = await fake_discord.wait_for_message(general, after=int(sent["id"]))
    assert reply["content"] == "still here"


@pytest.mark.e2e
async def test_late_interaction_answer_is_refused_when_a_deadline_is_set(
    echo: BotProcess, fake_discord: FakeDiscord
) -> None:
    fake_discord.interaction_timeout = 0.0
    command = await fake_discord.send_slash_command(
        "echo", {"text": "too late"}, user_id=fake_discord.user("alice").id
    )
    refused = await fake_discord.wait_for_request("POST", f"/interactions/{command.id}/*/callback")
    assert (refused.status, refused.response["code"]) == (404, 10062)
    assert not command.acknowledged


@pytest.mark.e2e
async def test_invalid_session_makes_the_client_identify_again(
    echo: BotProcess, fake_discord: FakeDiscord
) -> None:
    general = fake_discord.channel("general").id
    await fake_discord.drop_gateway(resumable=False)
    await fake_discord.wait_until(
        lambda: (
            len([m for m in fake_discord.bot_messages(general) if m["content"] == "ready"]) == 2
        ),
        what="a second on_ready",
        timeout=10.0,  # discord.py waits 5 s before any IDENTIFY that is not its first
    )
    assert (fake_discord.stats.identifies, fake_discord.stats.invalid_sessions) == (2, 1)
    sent = await fake_discord.send_message(general, fake_discord.user("alice").id, "!echo back")
    reply = await fake_discord.wait_for_message(general, after=int(sent["id"]))
    assert reply["content"] == "back"


# ----- the server on its own ----------------------------------------------------------------
def test_sitecustomize_redirects_only_when_asked(tmp_path: Path) -> None:
    code = (
        "import discord.http, discord.gateway as g;"
        "print(discord.http.Route.BASE, g.DiscordWebSocket.DEFAULT_GATEWAY)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("FAKE_DISCORD")}
    env["PYTHONPATH"] = str(PYTHONPATH_DIR)

    def run(extra: dict[str, str]) -> str:
        done = subprocess.run(
            [sys.executable, "-c", code],
            env=env | extra,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    assert run({}) == "https://discord.com/api/v10 wss://gateway.discord.gg/"
    assert run({"FAKE_DISCORD_URL": "http://127.0.0.1:4321"}) == (
        "http://127.0.0.1:4321/api/v10 ws://127.0.0.1:4321/gateway"
    )


async def _call(server: FakeDiscord, method: str, path: str, **kwargs: Any) -> tuple[int, str, Any]:
    headers = {"Authorization": f"Bot {server.token}"} | kwargs.pop("headers", {})
    async with (
        aiohttp.ClientSession() as session,
        session.request(
            method, f"{server.url}/api/v10{path}", headers=headers, **kwargs
        ) as response,
    ):
        return response.status, response.headers.get("Content-Type", ""), await response.json()


async def test_unknown_routes_and_bad_tokens_get_json_errors(fake_discord: FakeDiscord) -> None:
    assert await _call(fake_discord, "GET", "/nothing/here") == (
        404,
        "application/json",
        {"message": "404: Not Found", "code": 0},
    )
    status, _, body = await _call(
        fake_discord, "GET", "/users/@me", headers={"Authorization": "Bot wrong"}
    )
    assert (status, body["code"]) == (401, 0)


async def test_messages_over_discord_limits_are_refused(fake_discord: FakeDiscord) -> None:
    general = fake_discord.channel("general").id
    path = f"/channels/{general}/messages"
    status, _, body = await _call(fake_discord, "POST", path, json={"content": "x" * 2001})
    assert (status, body["code"], list(body["errors"])) == (400, 50035, ["content"])
    status, _, body = await _call(fake_discord, "POST", path, json={"content": ""})
    assert (status, body["code"]) == (400, 50006)
    status, _, body = await _call(
        fake_discord, "POST", path, json={"embeds": [{"title": "t" * 257}]}
    )
    assert (status, body["code"]) == (400, 50035)
    status, _, body = await _call(fake_discord, "POST", path, json={"content": "x" * 2000})
    assert status == 200
    assert body["content"] == "x" * 2000


async def test_synced_commands_get_ids_and_permission_defaults(fake_discord: FakeDiscord) -> None:
    app, guild = fake_discord.bot_user.id, fake_discord.guild_id
    manage_guild = str(1 << 5)
    commands = [
        {"name": "faqmod", "description": "moderators", "default_member_permissions": manage_guild},
        {"name": "faq", "description": "everyone"},
    ]
    path = f"/applications/{app}/guilds/{guild}/commands"
    status, _, synced = await _call(fake_discord, "PUT", path, json=commands)
    assert status == 200
    assert [c["name"] for c in synced] == ["faqmod", "faq"]
    assert all(c["id"] and c["guild_id"] == str(guild) for c in synced)
    _, _, again = await _call(fake_discord, "PUT", path, json=commands)
    assert [c["id"] for c in again] == [c["id"] for c in synced]
    users = ("owner", "mona", "alice")
    assert [fake_discord.may_use_command("faqmod", fake_discord.user(u).id) for u in users] == [
        True,
        False,
        False,
    ]
    assert fake_discord.may_use_command("faq", fake_discord.user("alice").id)
    status, _, body = await _call(
        fake_discord, "PUT", path, json=[{"name": "Bad Name", "description": "x"}]
    )
    assert (status, body["code"]) == (400, 50035)


def test_allowed_mentions_decide_who_is_pinged(fake_discord: FakeDiscord) -> None:
    world = fake_discord.world
    general = fake_discord.channel("general")
    staff = fake_discord.role("staff").id
    text = f"@everyone <@&{staff}> <@{fake_discord.user('alice').id}>"
    bot = world.bot.id
    unguarded = resolve_pings(world, content=text, allowed=None, author_id=bot, channel=general)
    assert unguarded.everyone
    assert unguarded.roles == {staff}
    guarded = resolve_pings(
        world, content=text, allowed={"parse": []}, author_id=bot, channel=general
    )
    assert guarded.nobody
    staff_only = resolve_pings(
        world, content=text, allowed={"roles": [str(staff)]}, author_id=bot, channel=general
    )
    assert (staff_only.everyone, staff_only.roles, staff_only.users) == (
        False,
        {staff},
        frozenset(),
    )


async def test_user_actions_need_a_connected_bot(fake_discord: FakeDiscord) -> None:
    with pytest.raises(RuntimeError, match="never connected"):
        await fake_discord.send_message(
            fake_discord.channel("general").id, fake_discord.user("alice").id, "hi"
        )
