"""/reindex: rebuild the index from the data folder while questions keep being answered."""

from __future__ import annotations

import asyncio
import logging
import time

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import MinuteBot, admin_only
from bot.cogs._format import CONTENT_LIMIT, trim
from bot.cogs._replies import user_message
from bot.render import render_summary
from retrieval.errors import IndexBusy
from retrieval.indexing import IndexProgress

log = logging.getLogger(__name__)

NO_PINGS = discord.AllowedMentions.none()  # interaction replies do not take the client's default: say it each time
PROGRESS_EDIT_SECONDS = 2.0  # Discord rate-limits message edits; one every two seconds is plenty


class Admin(commands.Cog):
    def __init__(self, bot: MinuteBot) -> None:
        self.bot = bot

    @app_commands.command()
    @app_commands.describe(full="Re-embed every record, not only new and changed ones")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    @admin_only()
    async def reindex(self, interaction: discord.Interaction, full: bool = False) -> None:
        """Rebuild the index from the records folder (admins only); answers keep working meanwhile."""
        if self.bot.reindex_lock.locked():
            raise IndexBusy()
        async with self.bot.reindex_lock:
            await interaction.response.send_message("Reindexing: reading records…", allowed_mentions=NO_PINGS)
            progress = _ProgressReporter(interaction)
            reporter = asyncio.create_task(progress.run())
            try:
                summary = await asyncio.to_thread(self.bot.core.index, full, False, progress.update)
            except Exception as error:  # nothing was made live: the previous index goes on answering
                await interaction.edit_original_response(
                    content=trim(
                        f"Reindex failed: {_why(error)} The previous index is still answering.", CONTENT_LIMIT
                    ),
                    allowed_mentions=NO_PINGS,
                )
                return
            finally:
                reporter.cancel()
            await interaction.edit_original_response(
                content=trim("Reindex finished.\n" + render_summary(summary), CONTENT_LIMIT),
                allowed_mentions=NO_PINGS,
            )


def _why(error: Exception) -> str:
    """Why a reindex failed, for the admin: the system's words for a file error (a full disk), else as for anyone."""
    if isinstance(error, OSError) and error.strerror:
        log.error("reindex failed", exc_info=error)
        return f"{error.strerror}."
    return user_message(error)


class _ProgressReporter:
    """Receives progress from the indexing thread and edits the response with it every few seconds."""

    def __init__(self, interaction: discord.Interaction) -> None:
        self.interaction = interaction
        self.latest: IndexProgress | None = None
        self.started = time.monotonic()

    def update(self, event: IndexProgress) -> None:  # called from the indexing thread
        self.latest = event

    async def run(self) -> None:
        shown: IndexProgress | None = None
        while True:
            await asyncio.sleep(PROGRESS_EDIT_SECONDS)
            event = self.latest
            if event is not None and event != shown:
                shown = event
                elapsed = time.monotonic() - self.started
                await self.interaction.edit_original_response(
                    content=f"Reindexing: {event.stage} {event.done}/{event.total} · {elapsed:.0f} s",
                    allowed_mentions=NO_PINGS,
                )


async def setup(bot: MinuteBot) -> None:
    await bot.add_cog(Admin(bot))
