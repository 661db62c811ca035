"""Autospecced stand-ins for Discord objects, so tests never touch Discord's network.

Each mock is spec'd on the real discord.py class (`spec_set`): using an attribute that the real object lacks
fails the test. Coroutine methods are AsyncMocks. Tests call command callbacks directly, e.g.
`await cog.ask.callback(cog, interaction, question="...")`, then assert on what was sent.
"""

from __future__ import annotations

import itertools
from typing import Any
from unittest.mock import AsyncMock, MagicMock

import discord

_ids = itertools.count(1000)


class _SpecMock(MagicMock):
    """Base of the mocks below: their children are plain mocks (AsyncMock for coroutine methods), not copies."""

    def _get_child_mock(self, **kwargs: Any) -> MagicMock:
        if kwargs.get("_new_name") in self.__dict__["_spec_asyncs"]:
            return AsyncMock(**kwargs)
        return MagicMock(**kwargs)


class MockRole(_SpecMock):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(spec_set=discord.Role)
        self.id = kwargs.get("id", next(_ids))
        self.name = kwargs.get("name", "role")


class MockMember(_SpecMock):
    """A server member; `manage_guild=True` gives the Manage Server permission."""

    def __init__(self, *, manage_guild: bool = False, roles: list[MockRole] | None = None, **kwargs: Any) -> None:
        super().__init__(spec_set=discord.Member)
        self.id = kwargs.get("id", next(_ids))
        self.bot = kwargs.get("bot", False)
        self.name = kwargs.get("name", "member")
        self.mention = f"<@{self.id}>"
        self.roles = roles or []
        self.guild_permissions = discord.Permissions(manage_guild=manage_guild)


class MockTextChannel(_SpecMock):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(spec_set=discord.TextChannel)
        self.id = kwargs.get("id", next(_ids))
        self.name = kwargs.get("name", "channel")


class MockMessage(_SpecMock):
    """A message posted by `author` (a member by default) in `channel`."""

    def __init__(self, content: str, **kwargs: Any) -> None:
        super().__init__(spec_set=discord.Message)
        self.id = next(_ids)
        self.content = content
        self.author = kwargs.get("author") or MockMember()
        self.channel = kwargs.get("channel") or MockTextChannel()


class MockInteractionResponse(_SpecMock):
    """Tracks `is_done()` like the real one: true once the interaction was responded to or deferred."""

    def __init__(self) -> None:
        super().__init__(spec_set=discord.InteractionResponse)
        done = False

        async def mark_done(*args: Any, **kwargs: Any) -> None:
            nonlocal done
            done = True

        self.is_done.side_effect = lambda: done
        for method in ("defer", "send_message", "edit_message"):
            getattr(self, method).side_effect = mark_done


class MockInteraction(_SpecMock):
    """A slash-command interaction by `user` in `channel`, sent to `client` (the bot)."""

    def __init__(self, client: Any, **kwargs: Any) -> None:
        super().__init__(spec_set=discord.Interaction)
        self.client = client
        self.user = kwargs.get("user") or MockMember()
        self.channel = kwargs.get("channel") or MockTextChannel()
        self.channel_id = self.channel.id
        self.response = MockInteractionResponse()
        self.followup = MagicMock(spec_set=discord.Webhook)
        self.edit_original_response = AsyncMock()


def pings_nobody(kwargs: dict[str, Any]) -> bool:
    """True when a send's `allowed_mentions` lets it mention nobody."""
    allowed = kwargs.get("allowed_mentions")
    return allowed is not None and allowed.to_dict() == discord.AllowedMentions.none().to_dict()


def sent_kwargs(mock: AsyncMock) -> list[dict[str, Any]]:
    """The keyword arguments of every call of a send-like mock."""
    return [call.kwargs for call in mock.await_args_list]


def sent_text(mock: AsyncMock) -> str:
    """Everything sent through a send-like mock, as text: contents, embed titles, descriptions and fields."""
    parts = []
    for call in mock.await_args_list:
        parts += [str(arg) for arg in call.args]
        parts.append(str(call.kwargs.get("content") or ""))
        if embed := call.kwargs.get("embed"):
            parts += [embed.title or "", embed.description or "", embed.footer.text or ""]
            parts += [f"{field.name} {field.value}" for field in embed.fields]
    return "\n".join(parts)
