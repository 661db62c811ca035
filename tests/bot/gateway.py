"""The bot behind a fake Discord, driven through discord.py's own code: messages, interactions, and load.

`start_gateway` puts a bot behind dpytest's fake gateway and HTTP layer. `interaction_payload` builds an INTERACTION_CREATE payload; `ConnectionState.parse_interaction_create` turns it into
a `discord.Interaction` and hands it to the bot's `CommandTree`, as the gateway would. Interaction responses and
follow-ups go out through discord.py's webhook adapter; `RecordingAdapter` takes its place and keeps the method,
path and JSON body of each request, answering as Discord would.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import discord
import discord.ext.test as dpytest
import pytest
from discord.webhook.async_ import AsyncWebhookAdapter, async_context

from bot.app import MinuteBot
from retrieval import Minutebot
from tests.bot.conftest import discord_settings

_ids = itertools.count(1_300_000_000_000_000_000)
# The fake gateway dispatches on the loop the bot was set up on (the session's): tests must run there too.
ON_THE_GATEWAY_LOOP = pytest.mark.asyncio(loop_scope="session")
APPLICATION_COMMAND, AUTOCOMPLETE = 2, 4
STRING_OPTION, BOOLEAN_OPTION = 3, 5
CHANNEL_MESSAGE, DEFERRED_WITH_SOURCE, AUTOCOMPLETE_RESULT = 4, 5, 8  # interaction callback types
EPHEMERAL = 1 << 6


async def start_gateway(core: Minutebot) -> MinuteBot:
    """A bot behind dpytest's fake gateway and HTTP layer: events go through discord.py's own dispatch.

    dpytest 0.7 predates discord.py 2.7: it needs the members intent and member cache to build members, the
    state's event loop set for `channel.typing()`, and its state told of the command tree (for interactions).
    """
    bot = MinuteBot(core, discord_settings(answer_channel_ids=[]))
    bot._connection._intents.members = True
    bot._connection.member_cache_flags = discord.MemberCacheFlags.all()
    await bot._async_setup_hook()
    await bot.load_extensions()
    dpytest.configure(bot)
    bot._connection.loop = asyncio.get_running_loop()
    bot._connection.application_id = 777
    bot._connection._command_tree = bot.tree
    return bot


async def settle() -> None:
    """Let a reply, whose answer is worked out in a worker thread, come back and be sent (5 s at most)."""
    for _ in range(50):
        await asyncio.sleep(0.1)
        await dpytest.run_all_events()
        if not dpytest.runner.sent_queue.empty():
            return


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
        return message_json(payload or {})

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


def message_json(payload: dict[str, Any], channel_id: int | str | None = None) -> dict[str, Any]:
    """A message as Discord returns it after a send or an edit of `payload`."""
    return {
        "id": str(next(_ids)),
        "channel_id": str(channel_id or next(_ids)),
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


@contextmanager
def watching_sends(bot: MinuteBot, before: Callable[[dict[str, Any]], None]) -> Iterator[None]:
    """`before` sees the JSON of every message the bot sends, as Discord would receive it, before dpytest sends it;
    what it raises is what Discord answered."""
    send = bot.http.send_message

    async def send_message(channel_id: int, *, params: Any) -> Any:
        before(params.payload or {})
        channel = bot.get_channel(channel_id)  # noqa: F841 - dpytest looks the channel up in its caller's locals
        return await send(channel_id, params=params)

    bot.http.send_message = send_message  # type: ignore[method-assign]
    try:
        yield
    finally:
        bot.http.send_message = send  # type: ignore[method-assign]


@dataclass
class LoadReport:
    """What a load run measured; `replies` maps each question's message id to the replies that referenced it."""

    questions: int
    replies: dict[int, list[dict[str, Any]]]
    seconds: float
    reply_seconds: list[float]
    loop_lag_seconds: list[float]

    @property
    def lost(self) -> int:
        return sum(not replies for replies in self.replies.values())

    @property
    def doubled(self) -> int:
        return sum(len(replies) > 1 for replies in self.replies.values())


async def run_load(bot: MinuteBot, questions: list[str], users: int, channels: int, during: Any = None) -> LoadReport:
    """Every question sent at once by `users` members over `channels` answer channels, through the gateway.

    Replies are matched to questions by the `message_reference` of the JSON the bot sends. `during`, if given,
    is awaited alongside (a reindex, say). Loop lag is how late a 10 ms sleep wakes up, sampled throughout.
    """
    config = dpytest.get_config()
    guild = config.guilds[0]
    answer_channels = [dpytest.backend.make_text_channel(f"questions-{i}", guild) for i in range(channels)]
    bot.settings = discord_settings(answer_channel_ids=[channel.id for channel in answer_channels])
    members = [dpytest.backend.make_member(dpytest.backend.make_user(f"member{i}", i + 1), guild) for i in range(users)]
    replies: dict[int, list[dict[str, Any]]] = {}
    replied_at: dict[int, float] = {}
    asked_at: dict[int, float] = {}

    def record(payload: dict[str, Any]) -> None:
        reference = payload.get("message_reference") or {}
        if "message_id" in reference:
            asked = int(reference["message_id"])
            replies.setdefault(asked, []).append(payload)
            replied_at.setdefault(asked, loop.time())

    loop = asyncio.get_running_loop()
    lags: list[float] = []
    done = asyncio.Event()

    async def watch_the_loop() -> None:
        while not done.is_set():
            before = loop.time()
            await asyncio.sleep(0.01)
            lags.append(max(loop.time() - before - 0.01, 0.0))

    async def ask(number: int, text: str) -> None:
        await asyncio.sleep(0)  # the gateway delivers one message per frame, between which the loop runs
        channel, member = answer_channels[number % channels], members[number % users]
        message = dpytest.backend.make_message(text, member, channel)
        asked_at[message.id] = loop.time()
        replies.setdefault(message.id, [])

    with watching_sends(bot, record):
        watcher = asyncio.create_task(watch_the_loop())
        started = loop.time()
        extra = asyncio.ensure_future(during) if during is not None else None
        await asyncio.gather(*(ask(number, text) for number, text in enumerate(questions)))
        for _ in range(1200):
            await dpytest.run_all_events()
            if all(replies[m] for m in asked_at) and (extra is None or extra.done()):
                break
            await asyncio.sleep(0.05)
        elapsed = loop.time() - started
        done.set()
        await watcher
        if extra is not None:
            await extra
    return LoadReport(
        questions=len(questions),
        replies={m: replies[m] for m in asked_at},
        seconds=elapsed,
        reply_seconds=[replied_at[m] - asked_at[m] for m in asked_at if m in replied_at],
        loop_lag_seconds=lags,
    )
