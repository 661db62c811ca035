"""/meetings and /status: what is indexed, and how fresh it is."""

from __future__ import annotations

import asyncio

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import MinuteBot
from bot.cogs._format import DESCRIPTION_LIMIT, trim
from bot.render import format_time
from retrieval.encoders.tuned_model import model_description
from retrieval.errors import NotIndexed
from retrieval.settings import PROJECT_ROOT


class Info(commands.Cog):
    def __init__(self, bot: MinuteBot) -> None:
        self.bot = bot

    @app_commands.command()
    async def meetings(self, interaction: discord.Interaction) -> None:
        """List the indexed meeting records with their title and date."""
        meetings = await asyncio.to_thread(self.bot.core.meetings)
        lines = [f"`{m.meeting}` · {m.date or 'no date'} · {discord.utils.escape_markdown(m.title)}" for m in meetings]
        embed = discord.Embed(
            title=f"{len(meetings)} indexed meetings", description=trim("\n".join(lines), DESCRIPTION_LIMIT)
        )
        await interaction.response.send_message(embed=embed, allowed_mentions=discord.AllowedMentions.none())

    @app_commands.command()
    async def status(self, interaction: discord.Interaction) -> None:
        """Show how many records and passages are indexed, when, and with which model."""
        generation = await asyncio.to_thread(self.bot.core.status)
        if generation is None:
            raise NotIndexed()
        model = model_description(generation.embedding_model, generation.vectors)
        if generation.embedding_model == "minilm" and self.bot.core.settings.model_path:
            model = str(self.bot.core.settings.model_path)
        embed = discord.Embed(title="minutebot status")
        embed.add_field(name="Records", value=str(generation.records))
        embed.add_field(name="Passages", value=str(generation.chunks))
        embed.add_field(name="Last indexed", value=format_time(generation.built_at))
        embed.add_field(name="Model", value=trim(str(model), 1024), inline=False)
        embed.add_field(name="Data folder", value=trim(_display_path(generation.data_dir), 1024), inline=False)
        await interaction.response.send_message(
            embed=embed, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
        )


def _display_path(path: str) -> str:
    return path.replace(str(PROJECT_ROOT), ".", 1) if path.startswith(str(PROJECT_ROOT)) else path


async def setup(bot: MinuteBot) -> None:
    await bot.add_cog(Info(bot))
