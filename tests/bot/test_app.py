import asyncio
import logging
from collections.abc import AsyncIterator

import discord
import discord.ext.test as dpytest
import pytest

from bot.app import MinuteBot, find_extensions, is_admin
from retrieval import Minutebot
from tests.bot.conftest import discord_settings
from tests.helpers import MockMember, MockRole

EXPECTED_COMMANDS = {"ask", "cite", "reindex", "meetings", "status"}


def test_every_cog_module_is_an_extension_and_helpers_are_not() -> None:
    names = set(find_extensions())
    assert names == {f"bot.cogs.{n}" for n in ("admin", "ask", "cite", "errors", "info")}


async def test_extensions_load_with_unique_commands(sample_bot: MinuteBot) -> None:
    names = [command.name for command in sample_bot.tree.get_commands()]
    assert sorted(names) == sorted(EXPECTED_COMMANDS)
    assert set(sample_bot.cogs) == {"Admin", "Ask", "Cite", "ErrorHandler", "Info"}


async def test_command_specs_hide_reindex_from_non_admins(sample_bot: MinuteBot) -> None:
    specs = {spec["name"]: spec for spec in sample_bot.command_specs()}
    assert specs["reindex"]["default_member_permissions"] == 32  # Manage Server
    assert specs["ask"]["default_member_permissions"] is None
    assert all(spec["description"] for spec in specs.values())


async def test_failing_extension_is_logged_not_fatal(
    sample_bot: MinuteBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    bot = MinuteBot(sample_bot.core, sample_bot.settings)
    monkeypatch.setattr("bot.app.find_extensions", lambda: iter(["bot.cogs.missing", "bot.cogs.info"]))
    await bot.load_extensions()
    assert "Info" in bot.cogs and "could not load extension bot.cogs.missing" in caplog.text


@pytest.mark.parametrize(
    ("member", "settings", "allowed"),
    [
        (MockMember(manage_guild=True), {}, True),
        (MockMember(), {}, False),
        (MockMember(id=77), {"admin_user_ids": [77]}, True),
        (MockMember(roles=[MockRole(id=5)]), {"admin_role_ids": [5]}, True),
    ],
)
def test_is_admin(member: MockMember, settings: dict, allowed: bool) -> None:
    assert is_admin(member, discord_settings(**settings)) is allowed


def test_recent_refs_are_newest_first_and_unique(sample_bot: MinuteBot) -> None:
    sample_bot.remember_refs(1, ["a#0-1", "b#0-1"])
    sample_bot.remember_refs(1, ["a#0-1"])
    assert sample_bot.recent_refs(1) == ["a#0-1", "b#0-1"]
    assert sample_bot.recent_refs(2) == []


# The fake gateway dispatches on the loop the fixture ran on (the session's): the tests must run there too.
ON_THE_GATEWAY_LOOP = pytest.mark.asyncio(loop_scope="session")


@pytest.fixture
async def gateway_bot(sample_core: Minutebot) -> AsyncIterator[MinuteBot]:
    """The bot behind dpytest's fake gateway and HTTP layer: messages go through discord.py's own dispatch.

    dpytest 0.7 predates discord.py 2.7: it needs the members intent and member cache to build members, and the
    state's event loop set for `channel.typing()`.
    """
    bot = MinuteBot(sample_core, discord_settings(answer_channel_ids=[]))
    bot._connection._intents.members = True
    bot._connection.member_cache_flags = discord.MemberCacheFlags.all()
    await bot._async_setup_hook()
    await bot.load_extensions()
    dpytest.configure(bot)
    bot._connection.loop = asyncio.get_running_loop()
    yield bot
    await dpytest.empty_queue()


@ON_THE_GATEWAY_LOOP
async def test_a_mention_is_answered_once_and_never_parsed_as_a_command(
    gateway_bot: MinuteBot, caplog: pytest.LogCaptureFixture
) -> None:
    question = "How many old residential areas were renovated?"
    with caplog.at_level(logging.INFO):
        await dpytest.message(f"<@{gateway_bot.user.id}> {question}")
        await _replies_settled()
    reply = dpytest.get_message()
    assert reply.embeds[0].title == question
    assert "128 old residential areas" in reply.embeds[0].description
    assert dpytest.verify().message().nothing()  # exactly one reply
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]  # no CommandNotFound traceback


@ON_THE_GATEWAY_LOOP
async def test_other_bots_are_not_answered(gateway_bot: MinuteBot) -> None:
    other_bot = dpytest.backend.make_user("helperbot", "0002")
    other_bot.bot = True
    member = dpytest.backend.make_member(other_bot, dpytest.get_config().guilds[0])
    await dpytest.message(f"<@{gateway_bot.user.id}> How many people visited?", member=member)
    await _replies_settled()
    assert dpytest.verify().message().nothing()


async def _replies_settled() -> None:
    """Let the answer, which runs in a worker thread, come back and be sent."""
    for _ in range(50):
        await asyncio.sleep(0.1)
        await dpytest.run_all_events()
        if not dpytest.sent_queue.empty():
            return
