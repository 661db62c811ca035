"""A day option for slash commands: typed as YYYY-MM-DD, suggested from the dates of the indexed meetings."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter

import discord
from discord import app_commands

from bot.cogs._format import CHOICES_LIMIT
from retrieval.questions.days import parse_day


class Day(app_commands.Transformer):
    """The same dates `minutebot ask --after/--before` take; a typo gets a plain message, not a failure."""

    async def transform(self, interaction: discord.Interaction, value: str) -> dt.date:
        return parse_day(value)

    async def autocomplete(self, interaction: discord.Interaction, value: str) -> list[app_commands.Choice[str]]:
        """The indexed meetings' dates that start with what was typed, newest first."""
        meetings = await asyncio.to_thread(interaction.client.core.meetings)
        dates = Counter(m.date for m in meetings if m.date and m.date.startswith(value.strip()))
        return [
            app_commands.Choice(name=f"{day} · {count} meeting{'s' if count != 1 else ''}", value=day)
            for day, count in sorted(dates.items(), reverse=True)[:CHOICES_LIMIT]
        ]
