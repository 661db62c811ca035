"""Interactions as Discord sends them, and a recording of what the bot sends back, through discord.py's own code.

`interaction_payload` builds an INTERACTION_CREATE payload; `ConnectionState.parse_interaction_create` turns it into
a `discord.Interaction` and hands it to the bot's `CommandTree`, as the gateway would. Interaction responses and
follow-ups go out through discord.py's webhook adapter; `RecordingAdapter` takes its place and keeps the method,
path and JSON body of each request, answering as Discord would.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import discord
from discord.webhook.async_ import AsyncWebhookAdapter, async_context

_ids = itertools.count(1_300_000_000_000_000_000)
APPLICATION_COMMAND, AUTOCOMPLETE = 2, 4
STRING_OPTION, BOOLEAN_OPTION = 3, 5


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    json: dict[str, Any]

    @property
    def is_callback(self) -> bool:
        return self.path.endswith("/callback")


class RecordingAdapter(AsyncWebhookAdapter):
    """discord.py's webhook adapter with the network replaced by a list of the requests it would send."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[Request] = []

    async def request(self, route: Any, session: Any, *, payload: dict[str, Any] | None = None, **_: Any) -> Any:
        self.requests.append(Request(route.method, route.path.format_map(_Keep(route.__dict__)), payload or {}))
        if route.path.endswith("/callback"):
            return {"interaction": {"id": str(route.__dict__.get("webhook_id", 0)), "type": APPLICATION_COMMAND}}
        return _message(payload or {})

    def callbacks(self) -> list[Request]:
        return [r for r in self.requests if r.is_callback]

    def messages(self) -> list[dict[str, Any]]:
        """The JSON of every message sent or edited: callback data and follow-ups alike."""
        bodies = [r.json.get("data", {}) if r.is_callback else r.json for r in self.requests]
        return [body for body in bodies if "embeds" in body or "content" in body]


@contextmanager
def recording() -> Iterator[RecordingAdapter]:
    adapter = RecordingAdapter()
    token = async_context.set(adapter)
    try:
        yield adapter
    finally:
        async_context.reset(token)


def interaction_payload(
    bot: discord.Client,
    channel: discord.abc.GuildChannel,
    command: str,
    options: dict[str, Any],
    *,
    user_id: int = 4242,
    roles: tuple[discord.Role, ...] = (),
    kind: int = APPLICATION_COMMAND,
    focused: str | None = None,
) -> dict[str, Any]:
    """An INTERACTION_CREATE payload for a slash command (or its autocomplete) used in `channel`.

    The member's permissions come from `roles` (roles of the guild), as Discord's do.
    """
    permissions = 0
    for role in roles:
        permissions |= role.permissions.value
    option_types = {bool: BOOLEAN_OPTION}
    return {
        "id": str(next(_ids)),
        "application_id": str(bot.application_id),
        "type": kind,
        "token": f"token-{next(_ids)}",
        "version": 1,
        "guild_id": str(channel.guild.id),
        "channel_id": str(channel.id),
        "channel": {"id": str(channel.id), "type": 0, "guild_id": str(channel.guild.id), "name": channel.name},
        "app_permissions": str(discord.Permissions.all().value),
        "attachment_size_limit": 10_485_760,
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": str(channel.guild.id)},
        "context": 0,
        "member": {
            "user": {"id": str(user_id), "username": f"user{user_id}", "discriminator": "0", "avatar": None},
            "roles": [str(role.id) for role in roles],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "permissions": str(permissions),
        },
        "data": {
            "id": str(next(_ids)),
            "name": command,
            "type": 1,
            "options": [
                {"name": name, "type": option_types.get(type(value), STRING_OPTION), "value": value}
                | ({"focused": True} if name == focused else {})
                for name, value in options.items()
            ],
        },
    }


async def dispatch(bot: discord.Client, payload: dict[str, Any], adapter: RecordingAdapter, replies: int) -> None:
    """Hand `payload` to discord.py as the gateway would, and wait until `replies` requests went out."""
    bot._connection.parse_interaction_create(payload)
    for _ in range(600):
        if len(adapter.requests) >= replies:
            return
        await asyncio.sleep(0.05)


class _Keep(dict):
    """Leaves unknown placeholders of a route's path as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _message(payload: dict[str, Any]) -> dict[str, Any]:
    """A message as Discord returns it after a send or an edit."""
    return {
        "id": str(next(_ids)),
        "channel_id": str(next(_ids)),
        "type": 0,
        "content": payload.get("content", ""),
        "embeds": payload.get("embeds", []),
        "author": {"id": "1", "username": "minutebot", "discriminator": "0", "avatar": None, "bot": True},
        "attachments": [],
        "mentions": [],
        "mention_roles": [],
        "mention_everyone": False,
        "pinned": False,
        "tts": False,
        "timestamp": "2026-11-28T00:00:00+00:00",
        "edited_timestamp": None,
        "flags": payload.get("flags", 0),
        "components": payload.get("components", []),
    }
