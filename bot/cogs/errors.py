"""One handler for every slash-command error: plain words to the user, the traceback to the log."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import MinuteBot
from bot.cogs._replies import reply_privately, user_message


class ErrorHandler(commands.Cog):
    def __init__(self, bot: MinuteBot) -> None:
        self.bot = bot
        self._previous = bot.tree.on_error
        bot.tree.on_error = self.on_app_command_error

    async def cog_unload(self) -> None:
        self.bot.tree.on_error = self._previous

    async def on_app_command_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        await reply_privately(interaction, user_message(error))


async def setup(bot: MinuteBot) -> None:
    await bot.add_cog(ErrorHandler(bot))
