"""A running FaqBot against SimCord's simulated Discord, with real stores on temporary SQLite.

SimCord feeds real gateway payloads through discord.py's own parsers and answers its REST
calls from an in-memory server, so the cogs, views and slash commands under test are exactly
what runs in production. Only the crisis detector is a small hand-written fake: which words
count as a crisis is the detector's own business (tests/crisis), and these tests are about
what the bot does once it knows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
import pytest
from simcord.actors import MemberActor
from simcord.builders import ChannelHandle, GuildHandle, RoleHandle
from simcord.env import Env

from bot.client import BotConfig, FaqBot, Services
from bot.crisis.result import Assessment, Category, CrisisResult
from bot.escalation import EscalationService
from bot.faq.matcher import FaqMatcher
from bot.faq.models import FaqDocument
from bot.live_faq import LiveFaq
from bot.store.audit import ReloadLog
from bot.store.database import open_database
from bot.store.escalations import EscalationStore
from bot.store.feedback import FeedbackStore
from bot.store.questions import QuestionLog

CRISIS_PHRASES = {
    "whole bottle": CrisisResult(1, Category.OVERDOSE, ("whole bottle",)),
    "kill myself": CrisisResult(1, Category.SUICIDE, ("kill myself",)),
    "hurt myself": CrisisResult(2, Category.SELF_HARM, ("hurt myself",)),
}
SAFETY_WORDS = ("overdose",)


class FakeDetector:
    """Flags a few fixed phrases as crises and "overdose" as needing the safety line."""

    def assess(self, text: str) -> Assessment:
        lowered = text.casefold()
        for phrase, result in CRISIS_PHRASES.items():
            if phrase in lowered:
                return Assessment(crisis=result)
        return Assessment(safety_note=any(word in lowered for word in SAFETY_WORDS))


class SimClock:
    """The services' clock: SimCord's virtual time once the world exists."""

    def __init__(self) -> None:
        self.env: Env | None = None

    def __call__(self) -> dt.datetime:
        if self.env is None:
            return dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        return self.env.now()


MatcherFactory = Callable[[FaqDocument], Any]


def make_services(
    faq_path: Path,
    database_path: Path,
    clock: SimClock,
    *,
    matcher_factory: MatcherFactory = FaqMatcher,
) -> Services:
    """Real stores on ``database_path``, the real FAQ and matcher, the fake detector."""
    database = open_database(database_path)
    escalations = EscalationStore(database)
    return Services(
        config=BotConfig(staff_channel_id=1, staff_role_id=1),
        faq=LiveFaq.from_file(faq_path, FakeDetector(), matcher_factory=matcher_factory),
        database=database,
        escalations=escalations,
        escalation_service=EscalationService(escalations, clock=clock),
        feedback=FeedbackStore(database),
        questions=QuestionLog(database),
        reloads=ReloadLog(database),
        clock=clock,
    )


@dataclass
class World:
    """A server with an ordinary, a help and a locked staff channel, and four people."""

    env: Env
    bot: FaqBot
    guild: GuildHandle
    general: ChannelHandle
    help: ChannelHandle
    staff: ChannelHandle
    mod_log: ChannelHandle
    staff_role: RoleHandle
    moderator_role: RoleHandle
    alice: MemberActor  # an ordinary member
    bob: MemberActor  # another ordinary member
    sam: MemberActor  # staff
    mona: MemberActor  # moderator

    @property
    def services(self) -> Services:
        return self.bot.services

    @property
    def bot_mention(self) -> str:
        assert self.bot.user is not None
        return f"<@{self.bot.user.id}>"

    def bot_messages(self, channel: ChannelHandle) -> list[discord.Message]:
        """Messages the bot posted in ``channel``, oldest first."""
        assert self.bot.user is not None
        bot_id = self.bot.user.id
        return [m for m in channel.history() if m.author.id == bot_id]

    def posts_to(self, channel: ChannelHandle) -> list[dict[str, Any]]:
        """JSON bodies of every message the bot tried to post in ``channel``."""
        path = f"/channels/{channel.id}/messages"
        return [
            request.json
            for request in self.env.http_requests
            if request.method == "POST" and request.path == path and request.json is not None
        ]


def build_world(env: Env, clock: SimClock, **config: Any) -> World:
    """Create the server and point the bot's settings at it."""
    clock.env = env
    bot = env.bot
    assert isinstance(bot, FaqBot)
    guild = env.create_guild()
    bot_role = guild.roles["TestBot"]
    staff_role = guild.create_role("Staff")
    moderator_role = guild.create_role("Moderators")
    general = guild.create_text_channel("general")
    help_channel = guild.create_text_channel("klonopin-help")
    hidden = discord.PermissionOverwrite(view_channel=False)
    shown = discord.PermissionOverwrite(view_channel=True, send_messages=True)
    # Moderators can read the staff channel but are not the staff who take alerts.
    staff = guild.create_text_channel(
        "staff-alerts",
        overwrites={
            guild.default_role: hidden,
            staff_role: shown,
            moderator_role: shown,
            bot_role: shown,
        },
    )
    mod_log = guild.create_text_channel(
        "mod-log", overwrites={guild.default_role: hidden, moderator_role: shown, bot_role: shown}
    )
    world = World(
        env=env,
        bot=bot,
        guild=guild,
        general=general,
        help=help_channel,
        staff=staff,
        mod_log=mod_log,
        staff_role=staff_role,
        moderator_role=moderator_role,
        alice=guild.add_member(env.create_user("alice")),
        bob=guild.add_member(env.create_user("bob")),
        sam=guild.add_member(env.create_user("sam"), roles=[staff_role]),
        mona=guild.add_member(env.create_user("mona"), roles=[moderator_role]),
    )
    settings = {
        "staff_channel_id": staff.id,
        "staff_role_id": staff_role.id,
        "moderator_role_id": moderator_role.id,
        "mod_log_channel_id": mod_log.id,
        "help_channel_ids": frozenset({help_channel.id}),
        **config,
    }
    bot.services = dataclasses.replace(bot.services, config=BotConfig(**settings))
    return world


@pytest.fixture
def clock() -> SimClock:
    return SimClock()


@pytest.fixture
def services(faq_file: Path, tmp_path: Path, clock: SimClock) -> Iterator[Services]:
    built = make_services(faq_file, tmp_path / "bot.sqlite3", clock)
    yield built
    built.database.close()


@pytest.fixture
def simcord_bot(services: Services) -> FaqBot:
    return FaqBot(services)


@pytest.fixture
def world(simcord_env: Env, clock: SimClock) -> World:
    return build_world(simcord_env, clock)
