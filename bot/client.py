"""The Discord bot: a ``commands.Bot`` that holds the services and loads the handlers.

Everything the handlers need (settings, FAQ, stores) is built once by ``build_services`` and
passed into ``FaqBot``'s constructor, as in discord.py's ``examples/advanced_startup.py``; the
cogs in ``bot/handlers/`` read them from ``bot.services``, so tests inject their own.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import signal
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.cooldown import Cooldown
from bot.crisis.detector import load_detector
from bot.escalation import EscalationService
from bot.faq.last_good import NoUsableFaqError, last_good_path, load_faq_or_last_good
from bot.live_faq import LiveFaq
from bot.recent import RecentQuestions
from bot.store.audit import ReloadLog
from bot.store.database import Database, open_database
from bot.store.escalations import EscalationStore
from bot.store.feedback import FeedbackStore
from bot.store.questions import QuestionLog
from bot.wiring import matcher_for
from bot.yamlsource import DataFileError

if TYPE_CHECKING:
    from bot.settings import Settings

log = logging.getLogger(__name__)

# One "Talk to staff" handoff per member per ten minutes.
HANDOFF_COOLDOWN = dt.timedelta(minutes=10)
# SQLite runs on the event loop: a write waits at most this long for another process's lock
# before failing (a crisis is then kept in memory and stored when the lock is gone).
DATABASE_BUSY_TIMEOUT = dt.timedelta(milliseconds=200)

# Loaded in this order: the crisis listener is registered first, so its reply is scheduled
# before any FAQ handling of the same message; members defines the /faq group that
# moderators then adds its commands to.
EXTENSIONS: tuple[str, ...] = (
    "bot.handlers.crisis",
    "bot.handlers.staff_alerts",
    "bot.handlers.faq_buttons",
    "bot.handlers.members",
    "bot.handlers.moderators",
    "bot.handlers.privacy",
)


def utc_now() -> dt.datetime:
    """The current time in UTC (the default clock)."""
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True, slots=True)
class BotConfig:
    """The settings the Discord layer acts on, in the units it uses."""

    staff_channel_id: int
    staff_role_id: int
    moderator_role_id: int | None = None
    mod_log_channel_id: int | None = None
    help_channel_ids: frozenset[int] = frozenset()
    guild_id: int | None = None
    reping_interval: dt.timedelta = dt.timedelta(minutes=10)
    faq_cooldown: dt.timedelta = dt.timedelta(seconds=5)
    retention: dt.timedelta = dt.timedelta(days=90)
    # How often the staff-alert outbox is checked: a retry goes out within this long of its
    # back-off running out (two indexed SQLite reads per check).
    delivery_interval_seconds: float = 1.0

    @classmethod
    def from_settings(cls, settings: Settings) -> BotConfig:
        """Build from validated settings (the staff channel and role are required)."""
        if settings.staff_channel_id is None or settings.staff_role_id is None:
            raise ValueError("STAFF_CHANNEL_ID and STAFF_ROLE_ID are required to run on Discord")
        return cls(
            staff_channel_id=settings.staff_channel_id,
            staff_role_id=settings.staff_role_id,
            moderator_role_id=settings.moderator_role_id,
            mod_log_channel_id=settings.mod_log_channel_id,
            help_channel_ids=frozenset(settings.help_channel_ids),
            guild_id=settings.guild_id,
            reping_interval=dt.timedelta(minutes=settings.reping_minutes),
            faq_cooldown=dt.timedelta(seconds=settings.faq_cooldown_seconds),
            retention=dt.timedelta(days=settings.retention_days),
        )


@dataclass(frozen=True, slots=True)
class Services:
    """Everything the handlers use, built once and shared."""

    config: BotConfig
    faq: LiveFaq
    database: Database
    escalations: EscalationStore
    escalation_service: EscalationService
    feedback: FeedbackStore
    questions: QuestionLog
    reloads: ReloadLog
    clock: Callable[[], dt.datetime] = field(default=utc_now)
    recent: RecentQuestions = field(default_factory=RecentQuestions)
    handoffs: Cooldown = field(default_factory=lambda: Cooldown(HANDOFF_COOLDOWN))

    def now(self) -> dt.datetime:
        """The current time from the services' clock."""
        return self.clock()


def bot_intents() -> discord.Intents:
    """Guilds, guild and DM messages, and message content (privileged: enable it in the portal)."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.dm_messages = True
    intents.message_content = True
    return intents


class FaqCommandTree(app_commands.CommandTree[discord.Client]):
    """Slash commands whose failures always get a private answer and never a stack of noise."""

    async def on_error(
        self,
        interaction: discord.Interaction[discord.Client],
        error: app_commands.AppCommandError,
        /,
    ) -> None:
        """A refused check says why; anything else is logged and the member told, privately."""
        if isinstance(error, app_commands.CheckFailure):
            log.info("refused /%s: %s", _command_name(interaction), type(error).__name__)
            text = str(error) or "You can't use this command here."
        else:
            log.error("slash command /%s failed", _command_name(interaction), exc_info=error)
            text = "Something went wrong on my side; the details are in the bot's log."
        try:
            if interaction.response.is_done():
                await interaction.followup.send(text, ephemeral=True)
            else:
                await interaction.response.send_message(text, ephemeral=True)
        except discord.HTTPException:
            log.warning("could not tell the member about a failed command")


def _command_name(interaction: discord.Interaction[discord.Client]) -> str:
    command = interaction.command
    return command.qualified_name if command is not None else "?"


class FaqBot(commands.Bot):
    """The community bot: FAQ answers, crisis replies and staff alerts."""

    def __init__(self, services: Services, *, extensions: Sequence[str] = EXTENSIONS) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=bot_intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            tree_cls=FaqCommandTree,
        )
        self.services = services
        self._extensions = tuple(extensions)

    async def setup_hook(self) -> None:
        """Load the handlers (which register their persistent buttons) and sync slash commands."""
        for name in self._extensions:
            await self.load_extension(name)
        await self.sync_commands()

    async def sync_commands(self) -> None:
        """Sync slash commands: to GUILD_ID at once when set, else globally (can take an hour)."""
        guild_id = self.services.config.guild_id
        try:
            if guild_id is not None:
                guild = discord.Object(id=guild_id)
                self.tree.copy_global_to(guild=guild)
                synced = await self.tree.sync(guild=guild)
                log.info("synced %d slash commands to guild %s", len(synced), guild_id)
            else:
                synced = await self.tree.sync()
                log.info("synced %d slash commands globally", len(synced))
        except discord.HTTPException as error:
            # Messages and crisis alerts still work without slash commands.
            log.error(
                "could not sync slash commands (HTTP %s); was the bot invited with the "
                "applications.commands scope?",
                error.status,
            )

    async def on_ready(self) -> None:
        """Log who we are and where (never any message text)."""
        user = self.user
        log.info(
            "connected as %s (%s) in %d servers",
            user,
            user.id if user else "?",
            len(self.guilds),
        )

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: the cogs' listeners handle every message."""
        del message


def services_of(client: discord.Client) -> Services:
    """The services of the running ``FaqBot`` (for buttons, which only see the client)."""
    if not isinstance(client, FaqBot):
        raise TypeError("this handler needs a FaqBot")
    return client.services


def build_services(settings: Settings) -> Services:
    """Open the database and load the FAQ and crisis lexicon (DataFileError when invalid)."""
    config = BotConfig.from_settings(settings)
    # A corrupt faq.yaml falls back to the last good copy kept next to the database; checked
    # before the (slower) crisis lexicon, so an unusable FAQ stops start-up at once.
    backup = last_good_path(settings.database_path)
    document = load_faq_or_last_good(settings.faq_path, backup).document
    detector = load_detector(settings.crisis_lexicon_path)
    faq = LiveFaq(
        settings.faq_path, document, detector, matcher_factory=matcher_for, last_good=backup
    )
    database = open_database(settings.database_path, busy_timeout=DATABASE_BUSY_TIMEOUT)
    escalations = EscalationStore(database)
    return Services(
        config=config,
        faq=faq,
        database=database,
        escalations=escalations,
        escalation_service=EscalationService(
            escalations,
            cooldown=dt.timedelta(minutes=settings.crisis_reply_cooldown_minutes),
            store_text=settings.store_message_text,
        ),
        feedback=FeedbackStore(database),
        questions=QuestionLog(database),
        reloads=ReloadLog(database),
    )


def configure_logging(level: str) -> None:
    """Log to stderr; discord.py's own loggers never go below INFO (its DEBUG logs payloads)."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(level=level, format="%(asctime)s %(levelname)-8s %(name)s: %(message)s")
    root.setLevel(level)
    discord_logger = logging.getLogger("discord")
    discord_logger.setLevel(max(logging.INFO, logging.getLevelName(level)))


def run_bot(settings: Settings) -> int:
    """Build everything, run until SIGTERM or SIGINT, close the database; return an exit code."""
    configure_logging(settings.log_level)
    token = settings.discord_token.get_secret_value() if settings.discord_token else ""
    if not token:
        print("DISCORD_TOKEN is not set; see .env.example", file=sys.stderr)
        return 2
    try:
        services = build_services(settings)
    except NoUsableFaqError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"faq-bot: {error.summary}", file=sys.stderr)
        return 2
    except DataFileError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    try:
        return asyncio.run(_run(FaqBot(services), token))
    finally:
        services.escalation_service.flush_unsaved()
        services.database.close()


async def _run(bot: FaqBot, token: str) -> int:
    loop = asyncio.get_running_loop()
    closing: list[asyncio.Task[None]] = []

    def request_stop() -> None:
        log.info("stopping: closing the Discord connection")
        if not closing:
            closing.append(loop.create_task(bot.close()))

    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, request_stop)
    try:
        async with bot:
            await bot.start(token)
    except discord.LoginFailure:
        print(
            "Discord rejected DISCORD_TOKEN: copy the bot token again from the portal.",
            file=sys.stderr,
        )
        return 1
    except discord.PrivilegedIntentsRequired:
        print(
            "Discord refused the Message Content intent: turn it on in the Developer Portal "
            "(Bot > Privileged Gateway Intents > Message Content Intent).",
            file=sys.stderr,
        )
        return 1
    finally:
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(signum)
        if closing:
            await asyncio.gather(*closing, return_exceptions=True)
    return 0
