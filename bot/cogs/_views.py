"""Buttons under an answer that open a quote's full source passage, privately."""

from __future__ import annotations

import asyncio

import discord

from bot.cogs._format import citation_embed, shown_quotes
from bot.cogs._replies import reply_privately, user_message
from retrieval import Answer, Minutebot

VIEW_TIMEOUT_SECONDS = 15 * 60


class SourceButton(discord.ui.Button["SourceView"]):
    def __init__(self, core: Minutebot, number: int, ref: str) -> None:
        super().__init__(label=f"Source {number}", style=discord.ButtonStyle.secondary)
        self.core = core
        self.ref = ref

    async def callback(self, interaction: discord.Interaction) -> None:
        citation = await asyncio.to_thread(self.core.cite, self.ref)
        await interaction.response.send_message(
            embed=citation_embed(citation), ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
        )


class SourceView(discord.ui.View):
    """One "Source N" button per quote shown in the answer."""

    def __init__(self, core: Minutebot, answer: Answer) -> None:
        super().__init__(timeout=VIEW_TIMEOUT_SECONDS)
        for number, quote in enumerate(shown_quotes(answer), start=1):
            self.add_item(SourceButton(core, number, quote.ref))

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item) -> None:
        await reply_privately(interaction, user_message(error))
