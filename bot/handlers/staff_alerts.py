"""Staff alerts: deliver every recorded escalation to the staff channel, re-ping, claim, resolve.

The escalation store is a durable outbox: the crisis handler records an escalation before it
replies, and this cog posts each due one to ``STAFF_CHANNEL_ID``, pinging only
``STAFF_ROLE_ID``. A failed post (missing permissions, deleted channel, Discord errors) is
recorded and retried with back-off; pending escalations from before a restart go out as soon
as the bot is ready; ``mark_delivered`` makes each delivery count exactly once. The Claim and
Resolve buttons carry the escalation id in their ``custom_id``, so they keep working after a
restart.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import sqlite3
from typing import Any, Self

import discord
from discord.ext import commands, tasks

from bot.alerts import AlertContent, build_alert, reping_text
from bot.client import FaqBot, Services, services_of
from bot.escalation import ALERT_COUNT_WINDOW
from bot.handlers.embeds import (
    ALERT_COLOURS,
    CLAIMED_COLOUR,
    RESOLVED_COLOUR,
    add_fields,
    fit_embed,
)
from bot.store.escalations import Escalation
from bot.text_limits import EMBED_DESCRIPTION_MAX, EMBED_TITLE_MAX, MESSAGE_CONTENT_MAX, truncate

log = logging.getLogger(__name__)

# How long a fresh alert waits for the crisis handler to note whether its reply and DM went
# out (it normally wakes delivery itself within a second or two).
REPLY_WAIT = dt.timedelta(seconds=10)
NOT_STAFF = "Only members with the staff role (or Manage Server) can claim or resolve alerts."


def staff_ping(role_id: int) -> discord.AllowedMentions:
    """Allowed mentions that ping the staff role and nothing else."""
    return discord.AllowedMentions(
        everyone=False, users=False, roles=[discord.Object(id=role_id)], replied_user=False
    )


def is_staff(user: discord.abc.User, staff_role_id: int) -> bool:
    """True for members with the staff role or Manage Server."""
    if not isinstance(user, discord.Member):
        return False
    return user.guild_permissions.manage_guild or any(
        role.id == staff_role_id for role in user.roles
    )


def alerts_before(services: Services, escalation: Escalation) -> int:
    """Escalations for the same person in the 24 hours up to this one, this one included."""
    user_id = escalation.origin.user_id
    if user_id is None:
        return 1
    since = escalation.created_at - ALERT_COUNT_WINDOW
    return services.escalations.count_for_user(user_id, since, until=escalation.created_at)


def alert_content(services: Services, escalation: Escalation) -> AlertContent:
    """What the alert for ``escalation`` says in its current state."""
    return build_alert(
        escalation,
        alerts_24h=alerts_before(services, escalation),
        staff_role_mention=f"<@&{services.config.staff_role_id}>",
    )


def alert_embed(content: AlertContent, escalation: Escalation) -> discord.Embed:
    """The staff alert embed: every field of ``content``, coloured by level and state."""
    colour = ALERT_COLOURS.get(escalation.level, discord.Colour.orange())
    if escalation.state == "resolved":
        colour = RESOLVED_COLOUR
    elif escalation.state == "claimed":
        colour = CLAIMED_COLOUR
    embed = discord.Embed(
        title=truncate(content.title, EMBED_TITLE_MAX),
        description=truncate(content.summary, EMBED_DESCRIPTION_MAX),
        colour=colour,
        timestamp=escalation.created_at,
    )
    add_fields(embed, content.fields, inline=True)
    embed.set_footer(text=f"Escalation #{escalation.id}: press Claim when you take it")
    return fit_embed(embed)


def alert_view(escalation: Escalation) -> discord.ui.View:
    """Claim and Resolve buttons; Claim is disabled once taken, both once resolved."""
    view = discord.ui.View(timeout=None)
    claim = ClaimButton(escalation.id)
    claim.item.disabled = escalation.state in ("claimed", "resolved")
    resolve = ResolveButton(escalation.id)
    resolve.item.disabled = escalation.state == "resolved"
    view.add_item(claim)
    view.add_item(resolve)
    return view


class _StaffActionButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=r"$^"
):
    """Shared behaviour of Claim and Resolve: staff only, then update the alert in place."""

    action = ""
    label = ""
    style = discord.ButtonStyle.secondary

    def __init__(self, escalation_id: int) -> None:
        super().__init__(
            discord.ui.Button(
                label=self.label,
                style=self.style,
                custom_id=f"esc:{self.action}:{escalation_id}",
            )
        )
        self.escalation_id = escalation_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[discord.Client],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild the button from its ``custom_id`` (works after a restart)."""
        return cls(int(match["id"]))

    def apply(self, services: Services, user_id: int) -> Escalation | None:
        """Change the escalation; None when it was already in that state."""
        raise NotImplementedError

    async def callback(self, interaction: discord.Interaction[discord.Client]) -> None:
        """Check the clicker is staff, record the action, update the alert."""
        services = services_of(interaction.client)
        if not is_staff(interaction.user, services.config.staff_role_id):
            await interaction.response.send_message(NOT_STAFF, ephemeral=True)
            return
        changed = self.apply(services, interaction.user.id)
        current = changed or services.escalations.get(self.escalation_id)
        if current is None:
            await interaction.response.send_message(
                "This alert is no longer stored (past its retention period).", ephemeral=True
            )
            return
        embed = alert_embed(alert_content(services, current), current)
        await interaction.response.edit_message(embed=embed, view=alert_view(current))
        if changed is not None:
            await _log_staff_action(interaction.client, services, changed)
        if changed is None:
            await interaction.followup.send(
                f"Already {current.state}: the alert shows who has it.", ephemeral=True
            )


async def _log_staff_action(client: discord.Client, services: Services, done: Escalation) -> None:
    """One line in the moderator log (if configured): which alert, what, by whom. No names."""
    channel_id = services.config.mod_log_channel_id
    channel = client.get_channel(channel_id) if channel_id is not None else None
    if not isinstance(channel, discord.abc.Messageable):
        return
    who = done.resolved_by if done.state == "resolved" else done.claimed_by
    text = f"Crisis alert #{done.id} (level {done.level}) {done.state} by <@{who}>."
    try:
        await channel.send(text, allowed_mentions=discord.AllowedMentions.none())
    except discord.HTTPException as error:
        log.warning("could not post to the moderator log (HTTP %s)", error.status)


class ClaimButton(_StaffActionButton, template=r"esc:claim:(?P<id>[0-9]+)"):
    """A staff member takes the alert."""

    action = "claim"
    label = "Claim"
    style = discord.ButtonStyle.primary

    def apply(self, services: Services, user_id: int) -> Escalation | None:
        """Claim it for ``user_id``."""
        return services.escalations.claim(self.escalation_id, user_id, services.now())


class ResolveButton(_StaffActionButton, template=r"esc:resolve:(?P<id>[0-9]+)"):
    """A staff member closes the alert."""

    action = "resolve"
    label = "Resolve"
    style = discord.ButtonStyle.success

    def apply(self, services: Services, user_id: int) -> Escalation | None:
        """Resolve it as ``user_id``."""
        return services.escalations.resolve(self.escalation_id, user_id, services.now())


def describe_http_error(error: discord.HTTPException) -> str:
    """A delivery error for the store and the log: class, status and Discord code, no text."""
    return f"{type(error).__name__} (HTTP {error.status}, code {error.code})"


class StaffAlerts(commands.Cog):
    """Delivers crisis alerts to staff and re-pings the unclaimed ones."""

    def __init__(self, bot: FaqBot) -> None:
        self.bot = bot
        self._lock = asyncio.Lock()
        # Escalations older than this process will never get their reply noted: no wait.
        self._started_at = bot.services.now()

    @property
    def services(self) -> Services:
        """The bot's services (read each time, so tests can swap them)."""
        return self.bot.services

    async def cog_load(self) -> None:
        """Register the persistent buttons and start the delivery loop."""
        self.bot.add_dynamic_items(ClaimButton, ResolveButton)
        self.delivery_loop.change_interval(seconds=self.services.config.delivery_interval_seconds)
        self.delivery_loop.start()
        try:
            waiting = self.services.escalations.release_after_restart(self._started_at)
        except sqlite3.Error:  # storage trouble must not stop start-up; the loop retries
            log.exception("could not make the pending staff alerts due at start-up")
        else:
            if waiting:
                log.info("%d staff alert(s) pending from before the restart: due now", waiting)

    async def cog_unload(self) -> None:
        """Stop the loop and unregister the buttons."""
        self.delivery_loop.cancel()
        self.bot.remove_dynamic_items(ClaimButton, ResolveButton)

    @tasks.loop(seconds=1)  # cog_load sets the configured interval
    async def delivery_loop(self) -> None:
        """Every second or so: deliver what is due (retries included) and re-ping."""
        await self.deliver_pending()

    @delivery_loop.before_loop
    async def _wait_until_ready(self) -> None:
        await self.bot.wait_until_ready()

    @commands.Cog.listener()
    async def on_escalation_recorded(self) -> None:
        """A crisis was just recorded: deliver at once rather than at the next tick."""
        await self.deliver_pending()

    async def deliver_pending(self) -> int:
        """One delivery pass; returns how many alerts were delivered. Never raises."""
        async with self._lock:
            try:
                return await self._deliver_pass()
            except Exception:
                log.exception("staff alert delivery pass failed; retrying at the next tick")
                return 0

    async def _deliver_pass(self) -> int:
        services = self.services
        services.escalation_service.flush_unsaved()
        if services.escalation_service.unsaved_count:
            return 0  # storage is still failing: do not wait on it again until the next tick
        delivered = 0
        now = services.now()
        for due in services.escalations.due_for_delivery(now):
            if (
                due.reply_sent is None
                and due.created_at >= self._started_at
                and now - due.created_at < REPLY_WAIT
            ):
                continue  # the crisis handler is still replying; it wakes us when done
            escalation = services.escalations.begin_delivery(due.id, services.now())
            if escalation is not None and await self._deliver(escalation):
                delivered += 1
        interval = services.config.reping_interval
        for unclaimed in services.escalations.due_for_reping(interval, services.now()):
            await self._reping(unclaimed)
        return delivered

    async def _staff_channel(self) -> discord.abc.Messageable:
        channel_id = self.services.config.staff_channel_id
        channel = self.bot.get_channel(channel_id)
        if channel is None:
            channel = await self.bot.fetch_channel(channel_id)
        if not isinstance(channel, discord.abc.Messageable):
            raise TypeError(f"STAFF_CHANNEL_ID {channel_id} is not a text channel")
        return channel

    async def _deliver(self, escalation: Escalation) -> bool:
        services = self.services
        config = services.config
        content = alert_content(services, escalation)
        try:
            channel = await self._staff_channel()
            message = await channel.send(
                truncate(content.message_content, MESSAGE_CONTENT_MAX),
                embed=alert_embed(content, escalation),
                view=alert_view(escalation),
                allowed_mentions=staff_ping(config.staff_role_id),
                # Discord drops a resend with the same nonce within a few minutes, so a crash
                # between posting and recording cannot post the alert twice.
                nonce=f"e{escalation.id}-{int(escalation.created_at.timestamp())}",
            )
        except (discord.HTTPException, TypeError) as error:
            reason = (
                describe_http_error(error)
                if isinstance(error, discord.HTTPException)
                else f"{type(error).__name__}: {error}"
            )
            services.escalations.record_failure(escalation.id, reason, services.now())
            log.warning("escalation %d: staff alert not posted: %s", escalation.id, reason)
            return False
        return services.escalations.mark_delivered(escalation.id, message.id, services.now())

    async def _reping(self, escalation: Escalation) -> None:
        services = self.services
        config = services.config
        content = reping_text(
            escalation, staff_role_mention=f"<@&{config.staff_role_id}>", now=services.now()
        )
        reference = (
            discord.MessageReference(
                message_id=escalation.alert_message_id,
                channel_id=config.staff_channel_id,
                fail_if_not_exists=False,
            )
            if escalation.alert_message_id is not None
            else None
        )
        try:
            channel = await self._staff_channel()
            if reference is not None:
                await channel.send(
                    content, reference=reference, allowed_mentions=staff_ping(config.staff_role_id)
                )
            else:
                await channel.send(content, allowed_mentions=staff_ping(config.staff_role_id))
        except (discord.HTTPException, TypeError) as error:
            log.warning("escalation %d: re-ping failed (%s)", escalation.id, type(error).__name__)
            return
        services.escalations.mark_repinged(escalation.id, services.now())
        log.info("escalation %d: staff re-pinged", escalation.id)


async def setup(bot: commands.Bot) -> None:
    """Add the cog (extension entry point)."""
    if not isinstance(bot, FaqBot):
        raise TypeError("the staff alerts extension needs a FaqBot")
    await bot.add_cog(StaffAlerts(bot))
