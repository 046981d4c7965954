"""A throwaway discord.py bot that proves the fake Discord server works. Not part of the product.

Run by tests/e2e/test_fake_server.py as ``python tests/fakediscord/echo_client.py`` with the fake
server's environment (FAKE_DISCORD_URL, DISCORD_TOKEN, GUILD_ID, STAFF_CHANNEL_ID, STAFF_ROLE_ID).

- on_ready / on_resumed: posts "ready" / "resumed" in #general;
- "!echo <text>": replies with <text> (allowed mentions: none);
- "!staff": pings the staff role in the staff channel, retrying on 403, then says "staff alerted";
- "!dm": sends the author a DM;
- /echo text:<str> [slow:<bool>]: answers "echo: <text>" with buttons "Again" and "Close"
  (slow defers first, then sends a followup); text has autocomplete (alpha, beta, gamma).
"""

from __future__ import annotations

import asyncio
import os

import discord
from discord import app_commands
from discord.ext import commands

GUILD = discord.Object(int(os.environ["GUILD_ID"]))
STAFF_CHANNEL_ID = int(os.environ["STAFF_CHANNEL_ID"])
STAFF_ROLE_ID = int(os.environ["STAFF_ROLE_ID"])
WORDS = ("alpha", "beta", "gamma")


class EchoView(discord.ui.View):
    """Persistent buttons under every /echo answer."""

    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.button(label="Again", custom_id="echo:again")
    async def again(
        self, interaction: discord.Interaction, button: discord.ui.Button[EchoView]
    ) -> None:
        """Answer privately who clicked."""
        await interaction.response.send_message(f"clicked by {interaction.user.id}", ephemeral=True)

    @discord.ui.button(label="Close", custom_id="echo:close", style=discord.ButtonStyle.danger)
    async def close(
        self, interaction: discord.Interaction, button: discord.ui.Button[EchoView]
    ) -> None:
        """Edit the message in place and remove the buttons."""
        await interaction.response.edit_message(content="closed", view=None)


class EchoBot(commands.Bot):
    """The minimal client."""

    def __init__(self) -> None:
        intents = discord.Intents.default()
        intents.message_content = True
        super().__init__(
            command_prefix="!", intents=intents, allowed_mentions=discord.AllowedMentions.none()
        )

    async def setup_hook(self) -> None:
        """Register the persistent view and sync /echo to the guild."""
        self.add_view(EchoView())
        self.tree.add_command(echo, guild=GUILD)
        await self.tree.sync(guild=GUILD)

    async def _general(self) -> discord.abc.Messageable:
        guild = self.get_guild(GUILD.id)
        assert guild is not None
        channel = discord.utils.get(guild.text_channels, name="general")
        assert channel is not None
        return channel

    async def on_ready(self) -> None:
        """Say so in #general."""
        await (await self._general()).send("ready")

    async def on_resumed(self) -> None:
        """Say so in #general."""
        await (await self._general()).send("resumed")

    async def on_message(self, message: discord.Message) -> None:
        """Handle the ! commands."""
        if message.author.bot:
            return
        if message.content.startswith("!echo "):
            await message.reply(message.content.removeprefix("!echo "))
        elif message.content == "!staff":
            await self._alert_staff(message)
        elif message.content == "!dm":
            await message.author.send("hello in private")

    async def _alert_staff(self, message: discord.Message) -> None:
        channel = self.get_channel(STAFF_CHANNEL_ID)
        assert isinstance(channel, discord.TextChannel)
        text = f"<@&{STAFF_ROLE_ID}> {message.author.mention} asked for staff (@everyone)"
        mentions = discord.AllowedMentions(
            everyone=False, users=False, roles=[discord.Object(STAFF_ROLE_ID)]
        )
        for _attempt in range(5):
            try:
                await channel.send(text, allowed_mentions=mentions)
            except discord.Forbidden:
                await asyncio.sleep(0.1)
            else:
                await message.channel.send("staff alerted")
                return
        await message.channel.send("staff alert failed")


@app_commands.command(name="echo", description="Repeat some text")
@app_commands.describe(text="What to repeat", slow="Defer first, then answer")
async def echo(interaction: discord.Interaction, text: str, slow: bool = False) -> None:
    """Repeat the text with buttons."""
    if slow:
        await interaction.response.defer(thinking=True)
        await interaction.followup.send(f"echo: {text}", view=EchoView())
    else:
        await interaction.response.send_message(f"echo: {text}", view=EchoView())


@echo.autocomplete("text")
async def echo_text(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    """Offer the words starting with what was typed."""
    return [app_commands.Choice(name=w, value=w) for w in WORDS if w.startswith(current)]


if __name__ == "__main__":
    EchoBot().run(os.environ["DISCORD_TOKEN"])
