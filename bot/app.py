"""The Discord bot: a `commands.Bot` that shares one retrieval core and loads one cog per feature."""

from __future__ import annotations

import asyncio
import logging
import pkgutil
from collections import deque
from collections.abc import Iterator
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import cogs
from bot.settings import DiscordSettings
from retrieval import Minutebot

log = logging.getLogger(__name__)

RECENT_REFS_PER_CHANNEL = 25  # autocomplete shows at most 25 choices
# The bot never joins voice channels: discord.py's warnings about missing voice libraries are noise here.
discord.VoiceClient.warn_nacl = False
discord.VoiceClient.warn_dave = False


def find_extensions() -> Iterator[str]:
    """Every cog module in bot.cogs; modules starting with '_' are helpers, not extensions."""
    for module in pkgutil.iter_modules(cogs.__path__, f"{cogs.__name__}."):
        if not module.name.rsplit(".", 1)[-1].startswith("_"):
            yield module.name


class MinuteBot(commands.Bot):
    """Answers questions about meeting records. `core` is the retrieval core, built once and shared."""

    def __init__(self, core: Minutebot | None, settings: DiscordSettings) -> None:
        intents = discord.Intents.default()
        intents.message_content = True  # to read questions asked in channels (a privileged intent)
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
        )
        self._core = core
        self.settings = settings
        self.reindex_lock = asyncio.Lock()
        self._recent_refs: dict[int, deque[str]] = {}

    @property
    def core(self) -> Minutebot:
        if self._core is None:
            raise RuntimeError("the retrieval core is not loaded")
        return self._core

    async def setup_hook(self) -> None:
        await self.load_extensions()
        await self.sync_commands()

    async def load_extensions(self) -> None:
        """Load every cog; one that fails is logged and the others still load."""
        for name in find_extensions():
            try:
                await self.load_extension(name)
            except commands.ExtensionError:
                log.exception("could not load extension %s", name)

    async def sync_commands(self) -> None:
        if self.settings.discord_guild_ids:
            for guild_id in self.settings.discord_guild_ids:
                guild = discord.Object(guild_id)
                self.tree.copy_global_to(guild=guild)
                await self.tree.sync(guild=guild)
            log.info("synced app commands to %d server(s)", len(self.settings.discord_guild_ids))
        else:
            await self.tree.sync()
            log.info("synced app commands globally (may take up to an hour to appear)")

    async def on_message(self, message: discord.Message, /) -> None:
        """Messages are questions, never commands: the Ask cog's listener answers them.

        discord.py would otherwise parse a mention ("@minutebot How many…") as the command "How" and log
        CommandNotFound with a traceback for every question; the bot has slash commands only.
        """

    async def on_ready(self) -> None:
        log.info("logged in as %s, in %d server(s)", self.user, len(self.guilds))

    def remember_refs(self, channel_id: int, refs: list[str]) -> None:
        """Remember refs shown in a channel, newest first, in the order they were shown."""
        recent = self._recent_refs.setdefault(channel_id, deque(maxlen=RECENT_REFS_PER_CHANNEL))
        for ref in reversed(refs):
            if ref in recent:
                recent.remove(ref)
            recent.appendleft(ref)

    def recent_refs(self, channel_id: int) -> list[str]:
        return list(self._recent_refs.get(channel_id, ()))

    def command_specs(self) -> list[dict[str, Any]]:
        """The registered slash commands as Discord receives them (for `serve --check`)."""
        specs = []
        for command in self.tree.get_commands():
            payload = command.to_dict(self.tree)
            specs.append(
                {
                    "name": payload["name"],
                    "description": payload["description"],
                    "options": [
                        {key: option.get(key) for key in ("name", "description", "type", "required", "autocomplete")}
                        for option in payload.get("options", [])
                    ],
                    "default_member_permissions": payload.get("default_member_permissions"),
                }
            )
        return sorted(specs, key=lambda spec: spec["name"])


def is_admin(user: discord.abc.User, settings: DiscordSettings) -> bool:
    """Manage Server permission, or a configured admin user or role."""
    if user.id in settings.admin_user_ids:
        return True
    if not isinstance(user, discord.Member):
        return False
    return user.guild_permissions.manage_guild or any(role.id in settings.admin_role_ids for role in user.roles)


def admin_only() -> Any:
    """An app-command check that lets only admins (see `is_admin`) run the command."""

    async def predicate(interaction: discord.Interaction) -> bool:
        if is_admin(interaction.user, interaction.client.settings):
            return True
        raise app_commands.MissingPermissions(["manage_guild"])

    return app_commands.check(predicate)
