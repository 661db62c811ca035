"""Start the Discord bot, or check its configuration offline (`minutebot serve [--check]`)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp
import discord
from pydantic import ValidationError

from bot.app import MinuteBot
from bot.settings import DiscordSettings
from retrieval import Minutebot, MinutebotError, RetrievalSettings
from retrieval.errors import InvalidSettings
from retrieval.settings import describe

log = logging.getLogger(__name__)


class DiscordUnreachable(MinutebotError):
    """Discord's servers cannot be reached from here."""


def load_discord_settings() -> DiscordSettings:
    try:
        settings = DiscordSettings()
    except ValidationError as error:
        raise InvalidSettings(describe(error)) from None
    if settings.discord_token is None or not settings.discord_token.get_secret_value().strip():
        raise InvalidSettings("DISCORD_TOKEN is not set: put the bot token in .env (see README, 'Discord').")
    return settings


def check(settings: DiscordSettings) -> list[dict[str, Any]]:
    """The slash commands the bot registers, built without connecting to Discord or loading the model."""

    async def build() -> list[dict[str, Any]]:
        bot = MinuteBot(core=None, settings=settings)
        await bot.load_extensions()
        return bot.command_specs()

    return asyncio.run(build())


def serve(retrieval_settings: RetrievalSettings, settings: DiscordSettings) -> None:
    """Load the core once (indexing on first use), then run the bot until stopped."""
    core = Minutebot(retrieval_settings)
    if reason := core.needs_index():
        log.warning("indexing %s before serving (%s)", retrieval_settings.data_dir, reason)
        core.index()
    core.searcher.view()  # load the model and the index before the first question, not during it
    bot = MinuteBot(core, settings)
    token = settings.discord_token.get_secret_value() if settings.discord_token else ""
    try:
        bot.run(token, log_handler=None)
    except discord.LoginFailure:
        raise InvalidSettings(
            "Discord rejected DISCORD_TOKEN: copy the bot token again from the developer portal."
        ) from None
    except (aiohttp.ClientError, OSError) as error:
        raise DiscordUnreachable(f"Cannot reach Discord ({error}); check the network and try again.") from None
    except discord.PrivilegedIntentsRequired:
        raise InvalidSettings(
            "Discord refused the Message Content intent: enable it for the bot in the developer portal "
            "(Bot → Privileged Gateway Intents)."
        ) from None
