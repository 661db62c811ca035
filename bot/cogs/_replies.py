"""Plain-words replies to people, whether or not the interaction was answered already."""

from __future__ import annotations

import logging

import discord
from discord import app_commands

from retrieval import MinutebotError

log = logging.getLogger(__name__)

GENERIC_FAILURE = "Sorry, something went wrong while answering. The error was logged for the bot's admins."


async def reply_privately(interaction: discord.Interaction, content: str) -> None:
    """Send `content` only to the user, as the response or, once responded, as a follow-up."""
    if interaction.response.is_done():
        await interaction.followup.send(content, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())
    else:
        await interaction.response.send_message(
            content, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
        )


def user_message(error: BaseException) -> str:
    """What to tell a person about `error`; unexpected errors are logged with their traceback."""
    if isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    elif isinstance(error, app_commands.TransformerError) and isinstance(error.__cause__, MinutebotError):
        error = error.__cause__  # an option that could not be read, such as a day mistyped
    if isinstance(error, MinutebotError):
        return str(error)
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"You are asking quickly: try again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.MissingPermissions | app_commands.CheckFailure):
        return "Only server admins (Manage Server) or configured admin users and roles can do that."
    log.error("unexpected error", exc_info=error)
    return GENERIC_FAILURE
