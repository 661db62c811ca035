import asyncio
import json
import logging
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any
from unittest.mock import MagicMock, PropertyMock, patch

import discord
import discord.ext.test as dpytest
import pytest
from aiohttp import web
from discord import app_commands

from bot.app import MinuteBot
from bot.cogs._format import DESCRIPTION_LIMIT, EMBED_TOTAL_LIMIT, FIELD_VALUE_LIMIT, MIN_SHOWN_QUOTES
from bot.cogs._views import SourceView
from bot.cogs.ask import reply
from bot.render import built_from
from retrieval import Minutebot
from retrieval.errors import EmptyQuestion
from tests.bot.conftest import ANSWER_CHANNEL_ID, discord_settings
from tests.bot.gateway import (
    AUTOCOMPLETE,
    AUTOCOMPLETE_RESULT,
    DEFERRED_WITH_SOURCE,
    EPHEMERAL,
    ON_THE_GATEWAY_LOOP,
    dispatch,
    interaction_payload,
    message_json,
    recording,
    run_load,
    settle,
    start_gateway,
    watching_sends,
)
from tests.helpers import (
    MockInteraction,
    MockMember,
    MockMessage,
    MockTextChannel,
    pings_nobody,
    sent_kwargs,
    sent_text,
)

QUESTION = "How many old residential areas were renovated?"


async def test_ask_defers_then_answers_with_quotes_refs_and_freshness(sample_bot: MinuteBot) -> None:
    cog = sample_bot.get_cog("Ask")
    interaction = MockInteraction(sample_bot)
    await cog.ask.callback(cog, interaction, question=QUESTION)
    interaction.response.defer.assert_awaited_once_with(thinking=True)
    (sent,) = sent_kwargs(interaction.followup.send)
    embed: discord.Embed = sent["embed"]
    assert embed.title == QUESTION
    assert "128 old residential areas" in embed.fields[0].value
    assert "city-party-history-summary-2022-06-20#" in embed.fields[0].value
    assert "(2022-06-20) · line 5" in embed.fields[0].name
    assert embed.footer.text.startswith("Index built") and "1 record ·" in embed.footer.text
    assert [item.label for item in sent["view"].children] == [f"Source {n}" for n in range(1, len(embed.fields) + 1)]
    assert pings_nobody(sent)


async def test_show_source_button_opens_the_passage_privately(sample_bot: MinuteBot) -> None:
    cog = sample_bot.get_cog("Ask")
    interaction = MockInteraction(sample_bot)
    await cog.ask.callback(cog, interaction, question=QUESTION)
    button = sent_kwargs(interaction.followup.send)[0]["view"].children[0]
    click = MockInteraction(sample_bot)
    await button.callback(click)
    (sent,) = sent_kwargs(click.response.send_message)
    assert sent["ephemeral"] is True
    assert "**Four shantytowns covering 150,000 square meters" in sent["embed"].description


async def test_answer_embed_respects_limits_with_a_very_long_passage(
    make_core: Callable[..., Minutebot], make_bot: Callable[..., Any], tmp_path: Path
) -> None:
    folder = tmp_path / "long"
    folder.mkdir()
    words = " ".join(f"budgetword{i}" for i in range(900))
    (folder / "marathon.txt").write_text(f"Chair: The budget discussion went on: {words} and then it ended.\n")
    core = make_core(folder, chunk_chars=4000)
    core.index()
    bot = await make_bot(core)
    cog = bot.get_cog("Ask")
    interaction = MockInteraction(bot)
    await cog.ask.callback(cog, interaction, question="What happened in the budget discussion? " * 20)
    embed = sent_kwargs(interaction.followup.send)[0]["embed"]
    assert len(embed) <= EMBED_TOTAL_LIMIT and len(embed.description) <= DESCRIPTION_LIMIT and len(embed.title) <= 256
    trimmed = [field.value.split("\n")[0] for field in embed.fields if field.value.split("\n")[0].endswith("…")]
    assert all(len(field.value) <= FIELD_VALUE_LIMIT for field in embed.fields) and trimmed
    words = set(folder.joinpath("marathon.txt").read_text().split())
    assert all(quote[:-1].split()[-1] in words for quote in trimmed)  # cut between whole words


async def test_empty_question_is_refused_before_deferring(sample_bot: MinuteBot) -> None:
    cog = sample_bot.get_cog("Ask")
    interaction = MockInteraction(sample_bot)
    with pytest.raises(EmptyQuestion):
        await cog.ask.callback(cog, interaction, question="   ")
    interaction.response.defer.assert_not_awaited()


async def test_cooldown_refuses_a_user_asking_too_fast(sample_core: Minutebot, make_bot: Callable[..., Any]) -> None:
    bot = await make_bot(sample_core, ask_cooldown_rate=1, ask_cooldown_seconds=60)
    cog = bot.get_cog("Ask")
    user = MockMember()
    await cog.ask.callback(cog, MockInteraction(bot, user=user), question=QUESTION)
    with pytest.raises(app_commands.CommandOnCooldown):
        await cog.ask.callback(cog, MockInteraction(bot, user=user), question=QUESTION)
    await cog.ask.callback(cog, MockInteraction(bot), question=QUESTION)  # other users are not slowed down


async def test_meeting_autocomplete_offers_indexed_meetings(sample_bot: MinuteBot) -> None:
    cog = sample_bot.get_cog("Ask")
    choices = await cog.meeting_autocomplete(MockInteraction(sample_bot), "party")
    assert [c.value for c in choices] == ["city-party-history-summary-2022-06-20"]
    assert await cog.meeting_autocomplete(MockInteraction(sample_bot), "zzz") == []


async def test_message_in_an_answer_channel_gets_a_reply(sample_bot: MinuteBot) -> None:
    message = MockMessage(QUESTION, channel=MockTextChannel(id=ANSWER_CHANNEL_ID))
    await sample_bot.get_cog("Ask").on_message(message)
    (sent,) = sent_kwargs(message.reply)
    assert "128 old residential areas" in sent["embed"].fields[0].value
    assert pings_nobody(sent)


async def test_mention_elsewhere_is_answered_without_the_mention(sample_bot: MinuteBot) -> None:
    me = MockMember(bot=True, id=99)
    message = MockMessage(f"<@99> {QUESTION}")
    with patch.object(MinuteBot, "user", new_callable=PropertyMock, return_value=me):
        me.mentioned_in.return_value = True
        await sample_bot.get_cog("Ask").on_message(message)
    assert sent_kwargs(message.reply)[0]["embed"].title == QUESTION


async def test_bare_mention_explains_how_to_ask(sample_bot: MinuteBot) -> None:
    message = MockMessage("<@99>", channel=MockTextChannel(id=ANSWER_CHANNEL_ID))
    await sample_bot.get_cog("Ask").on_message(message)
    assert "Ask me a question" in sent_text(message.reply)


async def test_messages_from_bots_and_unaddressed_messages_are_ignored(sample_bot: MinuteBot) -> None:
    from_bot = MockMessage(QUESTION, author=MockMember(bot=True), channel=MockTextChannel(id=ANSWER_CHANNEL_ID))
    elsewhere = MockMessage(QUESTION)
    with patch.object(MinuteBot, "user", new_callable=PropertyMock, return_value=MockMember(bot=True)) as me:
        me.return_value.mentioned_in.return_value = False
        for message in (from_bot, elsewhere):
            await sample_bot.get_cog("Ask").on_message(message)
            message.reply.assert_not_awaited()


async def test_channel_question_errors_are_told_to_the_user(
    sample_bot: MinuteBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("chroma exploded")

    monkeypatch.setattr(sample_bot.core, "ask", broken)
    message = MockMessage(QUESTION, channel=MockTextChannel(id=ANSWER_CHANNEL_ID))
    await sample_bot.get_cog("Ask").on_message(message)
    assert "something went wrong" in sent_text(message.reply)


async def test_follow_ups_in_a_thread_get_the_earlier_exchange(
    sample_bot: MinuteBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    thread = MagicMock(spec_set=discord.Thread)
    thread.id, thread.parent_id = 5150, ANSWER_CHANNEL_ID
    seen: list[tuple] = []
    real_ask = sample_bot.core.ask

    def ask(question: str, **kwargs: object) -> object:
        seen.append(kwargs["history"])
        return real_ask(question, **kwargs)

    monkeypatch.setattr(sample_bot.core, "ask", ask)
    cog = sample_bot.get_cog("Ask")
    await cog.on_message(MockMessage(QUESTION, channel=thread))
    await cog.on_message(MockMessage("and what area did they cover?", channel=thread))
    assert seen[0] == ()
    assert seen[1][0][0] == QUESTION and "128 old residential areas" in seen[1][0][1]


async def test_the_footer_says_which_answerer_answered(sample_bot: MinuteBot) -> None:
    cog = sample_bot.get_cog("Ask")
    interaction = MockInteraction(sample_bot)
    await cog.ask.callback(cog, interaction, question=QUESTION)
    assert sent_kwargs(interaction.followup.send)[0]["embed"].footer.text.endswith("mode: extractive")


async def test_channel_questions_share_the_cooldown(sample_core: Minutebot, make_bot: Callable[..., Any]) -> None:
    bot = await make_bot(sample_core, ask_cooldown_rate=1, ask_cooldown_seconds=60)
    author = MockMember()
    channel = MockTextChannel(id=ANSWER_CHANNEL_ID)
    first, second = (
        MockMessage(QUESTION, author=author, channel=channel),
        MockMessage(QUESTION, author=author, channel=channel),
    )
    await bot.get_cog("Ask").on_message(first)
    await bot.get_cog("Ask").on_message(second)
    assert "embed" in sent_kwargs(first.reply)[0]
    assert sent_text(second.reply).startswith("You are asking quickly: try again in")


async def asked_embed(core: Minutebot, make_bot: Callable[..., Any], question: str) -> tuple[MinuteBot, discord.Embed]:
    """Index `core`, ask `question` with /ask, and return the bot and the answer's embed."""
    core.index()
    bot = await make_bot(core)
    cog = bot.get_cog("Ask")
    interaction = MockInteraction(bot)
    await cog.ask.callback(cog, interaction, question=question)
    return bot, sent_kwargs(interaction.followup.send)[0]["embed"]


async def test_an_account_shows_every_quote_it_is_built_from(
    records_dir: Path, make_core: Callable[..., Minutebot], make_bot: Callable[..., Any]
) -> None:
    core = make_core(records_dir)
    _, embed = await asked_embed(core, make_bot, "What did the team think about the materials and the price?")
    answer = core.ask("What did the team think about the materials and the price?")
    assert len(answer.answer_quotes) > 1
    assert embed.description.endswith(built_from(answer))
    assert [field.name.split("]")[0] for field in embed.fields[: len(answer.quotes)]] == [
        f"[{n}" for n in range(1, len(answer.quotes) + 1)
    ]
    assert len(embed) <= EMBED_TOTAL_LIMIT


async def test_a_meeting_s_summary_shows_every_quote_it_is_built_from_with_a_button_each(
    records_dir: Path, make_core: Callable[..., Minutebot], make_bot: Callable[..., Any]
) -> None:
    core = make_core(records_dir)
    _, embed = await asked_embed(core, make_bot, "Summarize the meeting.")
    answer = core.ask("Summarize the meeting.")
    assert len(answer.answer_quotes) > MIN_SHOWN_QUOTES and embed.description.endswith(built_from(answer))
    quote_fields = [field for field in embed.fields if field.name.startswith("[")]
    assert len(quote_fields) == len(answer.answer_quotes) and len(embed) <= EMBED_TOTAL_LIMIT
    assert [button.label for button in SourceView(core, answer).children] == [
        f"Source {n}" for n in range(1, len(answer.answer_quotes) + 1)
    ]


async def test_chinese_answers_are_cut_at_characters_within_the_limits(
    make_core: Callable[..., Minutebot], make_bot: Callable[..., Any], tmp_path: Path
) -> None:
    folder = tmp_path / "zh"
    folder.mkdir()
    sentence = "会议要求各区县加快老旧小区改造进度并在年底前完成全部项目" * 50  # one sentence longer than a field
    (folder / "城建会议.txt").write_text(f"城乡建设工作会议纪要\n{sentence}。\n", encoding="utf-8")
    core = make_core(folder, embedding_model="minilm", chunk_chars=4000)  # any model: this is about the embed
    bot, embed = await asked_embed(core, make_bot, "老旧小区改造进度有什么要求？")
    assert len(embed) <= EMBED_TOTAL_LIMIT and all(len(f.value) <= FIELD_VALUE_LIMIT for f in embed.fields)
    quoted = embed.fields[0].value.split("\n")[0].removeprefix("> ")
    assert quoted.endswith("…") and sentence.startswith(quoted[:-1])  # whole characters, cut where it had to be
    choices = await bot.get_cog("Ask").meeting_autocomplete(MockInteraction(bot), "城建")
    assert [choice.value for choice in choices] == ["城建会议"] and "城乡建设工作会议纪要" in choices[0].name


LOAD_QUESTIONS = [
    "What did Marketing think the remote should look like?",
    "How much is the budget per unit?",
    "Which material is more expensive?",
    "Why does voice recognition cost more?",
]


@ON_THE_GATEWAY_LOOP
async def test_under_load_every_question_gets_exactly_one_reply_even_during_a_reindex(
    records_dir: Path, make_core: Callable[..., Minutebot]
) -> None:
    """200 questions from 50 members in 10 answer channels at once, through discord.py's event dispatch."""
    core = make_core(records_dir)
    core.index()
    bot = await start_gateway(core)
    questions = [LOAD_QUESTIONS[i % len(LOAD_QUESTIONS)] for i in range(200)]
    report = await run_load(bot, questions, users=50, channels=10, during=asyncio.to_thread(core.index, True))
    assert report.lost == 0 and report.doubled == 0
    answered = [r[0] for r in report.replies.values() if r[0].get("embeds")]
    slowed = [r[0] for r in report.replies.values() if "asking quickly" in (r[0].get("content") or "")]
    assert len(answered) == 150 and len(slowed) == 50  # each member's 4th question within 30 s meets the limit
    assert all(reply["allowed_mentions"] == {"parse": []} for reply in answered + slowed)
    await dpytest.empty_queue()


@ON_THE_GATEWAY_LOOP
async def test_a_discord_server_error_on_a_reply_is_survived(
    records_dir: Path, make_core: Callable[..., Minutebot], caplog: pytest.LogCaptureFixture
) -> None:
    core = make_core(records_dir)
    core.index()
    bot = await start_gateway(core)
    failures = [503]

    def fail_once(payload: dict[str, Any]) -> None:
        if failures:
            raise discord.DiscordServerError(dpytest.backend.FakeRequest(failures.pop(), "Service Unavailable"), "")

    with watching_sends(bot, fail_once), caplog.at_level(logging.WARNING):
        await dpytest.message(f"<@{bot.user.id}> How much is the budget per unit?")
        await settle()
        assert dpytest.verify().message().nothing()  # Discord refused that reply
        await dpytest.message(f"<@{bot.user.id}> Which material is more expensive?")
        await settle()
    assert "Rubber is more expensive" in str(dpytest.get_message().embeds[0].to_dict())  # the bot went on
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == [
        f"could not reply in channel {dpytest.get_config().channels[0].id}: Discord answered 503 ()"
    ]
    await dpytest.empty_queue()


@ON_THE_GATEWAY_LOOP
async def test_a_follow_up_in_a_thread_is_understood(records_dir: Path, make_core: Callable[..., Minutebot]) -> None:
    core = make_core(records_dir)
    core.index()
    bot = await start_gateway(core)
    config = dpytest.get_config()
    parent = config.channels[0]
    bot.settings = bot.settings.model_copy(update={"answer_channel_ids": [parent.id]})
    bot._connection.parse_thread_create(
        {
            "id": str(parent.id + 7_000_000),
            "guild_id": str(parent.guild.id),
            "parent_id": str(parent.id),
            "owner_id": str(config.members[0].id),
            "type": 11,  # a public thread, as Discord sends it
            "name": "budget questions",
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "message_count": 0,
            "member_count": 1,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": 1440,
                "locked": False,
                "archive_timestamp": "2026-01-01T00:00:00+00:00",
            },
            "newly_created": True,
        }
    )
    thread = parent.guild.get_thread(parent.id + 7_000_000)
    await dpytest.message("Which material feels nicer?", channel=thread)
    await settle()
    first = dpytest.get_message()
    await dpytest.message("and who proposed it?", channel=thread)  # means nothing without the question before
    await settle()
    follow_up = dpytest.get_message().embeds[0]
    assert "feels nicer" in first.embeds[0].description
    assert follow_up.title == "and who proposed it?" and "feels nicer" in follow_up.description
    await dpytest.empty_queue()


@pytest.fixture
async def rate_limiting_discord(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[list[dict[str, Any]]]:
    """A fake Discord HTTP API on this machine that answers a message's first send with 429, as Discord does."""
    posts: list[dict[str, Any]] = []

    def as_discord(body: dict[str, Any], status: int = 200, **headers: str) -> web.Response:
        """JSON with the exact content type Discord sends (discord.py reads nothing else as JSON)."""
        return web.Response(
            body=json.dumps(body).encode(), status=status, headers={"Content-Type": "application/json", **headers}
        )

    async def me(request: web.Request) -> web.Response:
        return as_discord({"id": "777", "username": "minutebot", "discriminator": "0", "avatar": None, "bot": True})

    async def create_message(request: web.Request) -> web.Response:
        posts.append(await request.json())
        if len(posts) == 1:
            limited = {"message": "You are being rate limited.", "retry_after": 0.2, "global": False}
            return as_discord(limited, status=429, Via="1.1 google")  # Discord's, not a Cloudflare ban
        return as_discord(message_json(posts[-1], request.match_info["channel"]))

    app = web.Application()
    app.router.add_get("/api/v10/users/@me", me)
    app.router.add_post("/api/v10/channels/{channel}/messages", create_message)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    monkeypatch.setattr(discord.http.Route, "BASE", f"http://127.0.0.1:{port}/api/v10")
    yield posts
    await runner.cleanup()


@ON_THE_GATEWAY_LOOP
async def test_a_reply_that_discord_rate_limits_is_sent_after_the_wait(
    rate_limiting_discord: list[dict[str, Any]], sample_core: Minutebot, caplog: pytest.LogCaptureFixture
) -> None:
    bot = MinuteBot(sample_core, discord_settings())  # discord.py's real HTTP client, against the fake API
    await bot.http.static_login("test-token")
    question = bot.get_partial_messageable(4242).get_partial_message(31337)
    try:
        with caplog.at_level(logging.WARNING):
            await reply(question, content="The answer.")
    finally:
        await bot.http.close()
    first, retried = rate_limiting_discord
    assert first == retried and retried["content"] == "The answer."  # the same request, sent again after 0.2 s
    assert retried["message_reference"]["message_id"] == 31337 and retried["allowed_mentions"] == {"parse": []}
    assert not [r for r in caplog.records if r.name.startswith("bot.")]  # nothing for us to report


@pytest.fixture
async def dated_gateway_bot(make_core: Callable[..., Minutebot], records_dir: Path) -> AsyncIterator[MinuteBot]:
    """A bot behind the fake gateway over three budget meetings a month apart."""
    for day in ("2024-01-10", "2024-02-10", "2024-03-10"):
        (records_dir / f"budget_{day}.md").write_text(f"# Budget review\n{day}\n\nFinance: The budget is fixed.\n")
    core = make_core(records_dir)
    core.index()
    yield await start_gateway(core)
    await dpytest.empty_queue()


@ON_THE_GATEWAY_LOOP
async def test_ask_keeps_to_the_days_given(dated_gateway_bot: MinuteBot) -> None:
    channel = dpytest.get_config().channels[0]
    options = {"question": "Is the budget fixed?", "after": "2024-02-01", "before": "2024-02-28"}
    with recording() as sent:
        await dispatch(dated_gateway_bot, interaction_payload(dated_gateway_bot, channel, "ask", options), sent, 2)
    deferred, answer = sent.requests[:2]
    assert deferred.json["type"] == DEFERRED_WITH_SOURCE
    (embed,) = answer.json["embeds"]
    sources = [field["name"] for field in embed["fields"]]
    assert sources and all("(2024-02-10)" in source for source in sources)


@ON_THE_GATEWAY_LOOP
@pytest.mark.parametrize(
    ("after", "before", "message"),
    [
        ("2024-13-01", None, "'2024-13-01' is not a day: write it as YYYY-MM-DD"),
        ("last week", None, "'last week' is not a day"),
        ("2024-03-01", "2024-02-01", "No meeting can be dated on or after 2024-03-01 and on or before 2024-02-01"),
    ],
)
async def test_ask_with_days_that_cannot_be_used_says_why_privately(
    dated_gateway_bot: MinuteBot, after: str, before: str | None, message: str, caplog: pytest.LogCaptureFixture
) -> None:
    channel = dpytest.get_config().channels[0]
    options = {"question": "Is the budget fixed?", "after": after} | ({"before": before} if before else {})
    with recording() as sent, caplog.at_level(logging.ERROR):
        await dispatch(dated_gateway_bot, interaction_payload(dated_gateway_bot, channel, "ask", options), sent, 1)
    (reply,) = sent.messages()
    assert reply["content"].startswith(message) and reply["flags"] == EPHEMERAL
    assert not caplog.records  # a mistyped day is not an error of the bot's


@ON_THE_GATEWAY_LOOP
async def test_a_message_keeps_to_the_meeting_or_days_it_names(dated_gateway_bot: MinuteBot) -> None:
    channel = dpytest.get_config().channels[0]
    dated_gateway_bot.settings = dated_gateway_bot.settings.model_copy(update={"answer_channel_ids": [channel.id]})
    await dpytest.message("Is the budget fixed? after:2024-02-01 before:2024-02-28.", channel=channel)
    await settle()
    in_range = dpytest.get_message().embeds[0]
    assert in_range.title == "Is the budget fixed?"
    assert in_range.fields and all("(2024-02-10)" in field.name for field in in_range.fields)
    await dpytest.message("meeting:budget_2024-01-10 Summarize the meeting.", channel=channel)
    await settle()
    summary = dpytest.get_message().embeds[0]
    assert summary.fields and all("(2024-01-10)" in field.name for field in summary.fields)
    await dpytest.message("Is the budget fixed? before:last-week", channel=channel)
    await settle()
    assert dpytest.get_message().content.startswith("'last-week' is not a day: write it as YYYY-MM-DD")
    await dpytest.empty_queue()


@ON_THE_GATEWAY_LOOP
async def test_day_options_suggest_the_meetings_dates_newest_first(dated_gateway_bot: MinuteBot) -> None:
    channel = dpytest.get_config().channels[0]
    options = {"question": "budget", "before": "2024-0"}
    payload = interaction_payload(dated_gateway_bot, channel, "ask", options, kind=AUTOCOMPLETE, focused="before")
    with recording() as sent:
        await dispatch(dated_gateway_bot, payload, sent, 1)
    (choices,) = sent.requests
    assert choices.json["type"] == AUTOCOMPLETE_RESULT
    assert [c["value"] for c in choices.json["data"]["choices"]] == ["2024-03-10", "2024-02-10", "2024-01-10"]
    assert choices.json["data"]["choices"][0]["name"] == "2024-03-10 · 1 meeting"
