import errno
import json
import logging
import shutil
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import discord
import discord.ext.test as dpytest
import pytest

from bot.app import MinuteBot, find_extensions, is_admin
from bot.cogs._format import EMBED_TOTAL_LIMIT
from retrieval import Minutebot
from tests.bot.conftest import discord_settings
from tests.bot.gateway import (
    AUTOCOMPLETE,
    AUTOCOMPLETE_RESULT,
    CHANNEL_MESSAGE,
    DEFERRED_WITH_SOURCE,
    EPHEMERAL,
    ON_THE_GATEWAY_LOOP,
    dispatch,
    interaction_payload,
    recording,
    settle,
    start_gateway,
)
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


MANAGE_GUILD = discord.Permissions(manage_guild=True).value


@pytest.fixture
async def gateway_bot(sample_core: Minutebot) -> AsyncIterator[MinuteBot]:
    yield await start_gateway(sample_core)
    await dpytest.empty_queue()


@ON_THE_GATEWAY_LOOP
async def test_a_mention_is_answered_once_and_never_parsed_as_a_command(
    gateway_bot: MinuteBot, caplog: pytest.LogCaptureFixture
) -> None:
    question = "How many old residential areas were renovated?"
    with caplog.at_level(logging.INFO):
        await dpytest.message(f"<@{gateway_bot.user.id}> {question}")
        await settle()
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
    await settle()
    assert dpytest.verify().message().nothing()


@ON_THE_GATEWAY_LOOP
async def test_slash_ask_defers_then_answers_within_discords_limits(gateway_bot: MinuteBot) -> None:
    channel = dpytest.get_config().channels[0]
    with recording() as sent:
        payload = interaction_payload(gateway_bot, channel, "ask", {"question": "How many people visited?"})
        await dispatch(gateway_bot, payload, sent, replies=2)
    first, follow_up = sent.requests[:2]
    assert first.is_callback and first.json["type"] == DEFERRED_WITH_SOURCE  # deferred before the slow work
    assert follow_up.method == "POST" and not follow_up.is_callback
    (embed,) = follow_up.json["embeds"]
    assert "80,000 people" in embed["description"] + json.dumps(embed["fields"])
    assert len(discord.Embed.from_dict(embed)) <= EMBED_TOTAL_LIMIT
    assert follow_up.json["allowed_mentions"] == {"parse": []}


@ON_THE_GATEWAY_LOOP
async def test_reindex_is_refused_to_members_and_run_for_admins(
    make_core: Callable[..., Minutebot], records_dir: Path
) -> None:
    core = make_core(records_dir)
    core.index()
    bot = await start_gateway(core)
    channel = dpytest.get_config().channels[0]
    with recording() as sent:
        await dispatch(bot, interaction_payload(bot, channel, "reindex", {}), sent, replies=1)
    (refusal,) = sent.requests
    assert refusal.json["type"] == CHANNEL_MESSAGE and refusal.json["data"]["flags"] == EPHEMERAL
    assert refusal.json["data"]["content"].startswith("Only server admins")
    with recording() as sent:
        managers = dpytest.backend.make_role("managers", channel.guild, permissions=MANAGE_GUILD)
        payload = interaction_payload(bot, channel, "reindex", {"full": True}, roles=(managers,))
        await dispatch(bot, payload, sent, replies=2)
    started, finished = sent.requests[:2]
    assert started.json["data"]["content"].startswith("Reindexing")
    assert finished.method == "PATCH" and finished.json["content"].startswith("Reindex finished")
    assert all(message.get("allowed_mentions") == {"parse": []} for message in sent.messages())
    await dpytest.empty_queue()


@ON_THE_GATEWAY_LOOP
async def test_meeting_autocomplete_answers_with_choices(gateway_bot: MinuteBot) -> None:
    channel = dpytest.get_config().channels[0]
    with recording() as sent:
        payload = interaction_payload(
            gateway_bot, channel, "ask", {"question": "x", "meeting": "city"}, kind=AUTOCOMPLETE, focused="meeting"
        )
        await dispatch(gateway_bot, payload, sent, replies=1)
    (choices,) = sent.requests
    assert choices.json["type"] == AUTOCOMPLETE_RESULT
    assert [c["value"] for c in choices.json["data"]["choices"]] == ["city-party-history-summary-2022-06-20"]


@ON_THE_GATEWAY_LOOP
async def test_quoted_mentions_never_ping(make_core: Callable[..., Minutebot], tmp_path: Path) -> None:
    folder = tmp_path / "pings"
    folder.mkdir()
    (folder / "all-hands.txt").write_text(
        "All-hands minutes\nChair: The launch date is 9 May, @everyone and @here must confirm, "
        "and <@123> with <@&456> will book the venue.\n"
    )
    core = make_core(folder)
    core.index()
    bot = await start_gateway(core)
    channel = dpytest.get_config().channels[0]
    with recording() as sent:
        payload = interaction_payload(bot, channel, "ask", {"question": "When is the launch date?"})
        await dispatch(bot, payload, sent, replies=2)
        quote_ref = json.dumps(sent.requests[1].json)
        assert "@everyone" in quote_ref and "<@123>" in quote_ref  # the record is quoted as it is…
        ref = core.ask("When is the launch date?").quotes[0].ref
        await dispatch(bot, interaction_payload(bot, channel, "cite", {"ref": ref}), sent, replies=3)
    assert len(sent.messages()) >= 2
    assert all(message["allowed_mentions"] == {"parse": []} for message in sent.messages())  # …and pings nobody
    await dpytest.empty_queue()


@ON_THE_GATEWAY_LOOP
async def test_meetings_and_status_from_payloads(gateway_bot: MinuteBot) -> None:
    channel = dpytest.get_config().channels[0]
    with recording() as sent:
        await dispatch(gateway_bot, interaction_payload(gateway_bot, channel, "meetings", {}), sent, replies=1)
        await dispatch(gateway_bot, interaction_payload(gateway_bot, channel, "status", {}), sent, replies=2)
    meetings, status = (request.json for request in sent.requests)
    assert meetings["type"] == CHANNEL_MESSAGE and "city-party-history-summary-2022-06-20" in json.dumps(meetings)
    (embed,) = status["data"]["embeds"]
    assert status["data"]["flags"] == EPHEMERAL  # shown to the asker only
    assert {"name": "Model", "value": "all-MiniLM-L6-v2 (English), tuned for meetings", "inline": False} in embed[
        "fields"
    ]
    assert all(request.json["data"]["allowed_mentions"] == {"parse": []} for request in sent.requests)


@ON_THE_GATEWAY_LOOP
@pytest.mark.parametrize("fault", ["disk full", "folder gone"])
async def test_a_failed_reindex_tells_the_admin_why_and_keeps_the_old_index(
    make_core: Callable[..., Minutebot], records_dir: Path, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    core = make_core(records_dir)
    core.index()
    live = core.status()
    if fault == "disk full":

        def no_space(*args: object, **kwargs: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(core.store, "add_chunks", no_space)
        reason = "No space left on device."
    else:
        shutil.rmtree(records_dir)
        reason = f"The data folder {records_dir} does not exist"
    bot = await start_gateway(core)
    channel = dpytest.get_config().channels[0]
    managers = dpytest.backend.make_role("managers", channel.guild, permissions=MANAGE_GUILD)
    with recording() as sent:
        payload = interaction_payload(bot, channel, "reindex", {"full": True}, roles=(managers,))
        await dispatch(bot, payload, sent, replies=2)
    failed = sent.requests[1].json["content"]
    assert failed.startswith(f"Reindex failed: {reason}") and failed.endswith("The previous index is still answering.")
    assert core.status() == live
    assert "Budget is twelve Euro fifty" in core.ask("How much is the budget per unit?").quotes[0].text
    await dpytest.empty_queue()
