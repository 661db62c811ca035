"""/cite: the full source passage behind a ref, or behind the best quote for a search query."""

from __future__ import annotations

import asyncio

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import MinuteBot
from bot.cogs._format import CHOICE_NAME_LIMIT, CHOICES_LIMIT, citation_embed
from retrieval import Citation
from retrieval.errors import NoMatch, UnknownRef
from retrieval.refs import parse_ref


class Cite(commands.Cog):
    def __init__(self, bot: MinuteBot) -> None:
        self.bot = bot

    @app_commands.command()
    @app_commands.describe(ref="A ref from an answer (meeting#start-end or meeting:line), or words to search for")
    async def cite(self, interaction: discord.Interaction, ref: str) -> None:
        """Show the full source passage behind a quote, with its file, lines, meeting title and date."""
        citation = await asyncio.to_thread(self._resolve, ref)
        await interaction.response.send_message(
            embed=citation_embed(citation), allowed_mentions=discord.AllowedMentions.none()
        )

    @cite.autocomplete("ref")
    async def ref_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        refs = self.bot.recent_refs(interaction.channel_id or 0)
        matching = [r for r in refs if current in r]
        return [app_commands.Choice(name=r[:CHOICE_NAME_LIMIT], value=r) for r in matching[:CHOICES_LIMIT]]

    def _resolve(self, text: str) -> Citation:
        """A ref is cited as it is (UnknownRef if it names nothing); other text is searched for."""
        try:
            parse_ref(text)
        except UnknownRef:
            answer = self.bot.core.ask(text)
            if not answer.quotes:
                raise NoMatch(text) from None
            return self.bot.core.cite(answer.quotes[0].ref)
        return self.bot.core.cite(text)


async def setup(bot: MinuteBot) -> None:
    await bot.add_cog(Cite(bot))
