"""Questions: /ask, messages that mention the bot, and messages in the configured answer channels."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
from collections import OrderedDict
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import MinuteBot
from bot.cogs._days import Day
from bot.cogs._format import CHOICE_NAME_LIMIT, CHOICES_LIMIT, answer_embed
from bot.cogs._message_options import read_message_question
from bot.cogs._replies import user_message
from bot.cogs._views import SourceView
from retrieval import Answer
from retrieval.errors import EmptyQuestion

log = logging.getLogger(__name__)

HISTORY_TURNS = 3  # earlier exchanges of a thread given with a follow-up question
MAX_CONVERSATIONS = 500  # threads remembered at once; the least recent are forgotten
_MENTION = re.compile(r"<@!?\d+>")
HOW_TO_ASK = (
    "Ask me a question about the meeting records, for example: “How many old residential areas were renovated?”, "
    "“Summarize the last meeting.” or “What did Marketing say at Monday's meeting?” "
    "Add meeting:ID, after:YYYY-MM-DD or before:YYYY-MM-DD to keep to one meeting or to a range of days."
)


class Ask(commands.Cog):
    def __init__(self, bot: MinuteBot) -> None:
        self.bot = bot
        settings = bot.settings
        self._history: OrderedDict[int, tuple[tuple[str, str], ...]] = OrderedDict()
        self.cooldown = commands.CooldownMapping.from_cooldown(
            settings.ask_cooldown_rate, settings.ask_cooldown_seconds, lambda user_id: user_id
        )

    @app_commands.command()
    @app_commands.describe(
        question="What you want to know",
        meeting="Search only this meeting",
        after="Only meetings dated on or after this day (YYYY-MM-DD)",
        before="Only meetings dated on or before this day (YYYY-MM-DD)",
    )
    async def ask(
        self,
        interaction: discord.Interaction,
        question: str,
        meeting: str | None = None,
        after: app_commands.Transform[dt.date, Day] | None = None,
        before: app_commands.Transform[dt.date, Day] | None = None,
    ) -> None:
        """Ask a question about the meeting records; answers quote them word for word."""
        if not question.strip():
            raise EmptyQuestion()
        if slow_down := self._cooldown_hit(interaction.user.id):
            raise slow_down
        await interaction.response.defer(thinking=True)
        answer = await asyncio.to_thread(self.bot.core.ask, question, meeting=meeting, after=after, before=before)
        embed, view = await self._reply_parts(answer, interaction.channel_id)
        await interaction.followup.send(embed=embed, view=view, allowed_mentions=discord.AllowedMentions.none())

    @ask.autocomplete("meeting")
    async def meeting_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        meetings = await asyncio.to_thread(self.bot.core.meetings)
        needle = current.lower()
        matching = [m for m in meetings if needle in m.meeting.lower() or needle in m.title.lower()]
        return [
            app_commands.Choice(name=f"{m.meeting} · {m.title}"[:CHOICE_NAME_LIMIT], value=m.meeting)
            for m in matching[:CHOICES_LIMIT]
        ]

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Answer a message that mentions the bot or is posted where the bot answers everything."""
        if message.author.bot or not self._is_addressed(message):
            return
        content = _MENTION.sub(" ", message.content).strip()
        if not content:
            await reply(message, content=HOW_TO_ASK)
            return
        if slow_down := self._cooldown_hit(message.author.id):
            await reply(message, content=user_message(slow_down))
            return
        conversation = message.channel.id if isinstance(message.channel, discord.Thread) else None
        history = self._history.get(conversation, ()) if conversation else ()
        async with message.channel.typing():
            try:
                question = read_message_question(content)
                answer = await asyncio.to_thread(
                    self.bot.core.ask,
                    question.text,
                    meeting=question.meeting,
                    after=question.after,
                    before=question.before,
                    history=history,
                )
            except Exception as error:  # the user always hears why; unexpected errors are also logged
                await reply(message, content=user_message(error))
                return
        if conversation:
            self._remember(conversation, question.text, answer.answer)
        embed, view = await self._reply_parts(answer, message.channel.id)
        await reply(message, embed=embed, view=view)

    def _remember(self, conversation: int, question: str, answer: str) -> None:
        """Keep the last exchanges of a thread, so follow-ups there are understood ("and who proposed it?")."""
        self._history[conversation] = (*self._history.get(conversation, ()), (question, answer))[-HISTORY_TURNS:]
        self._history.move_to_end(conversation)
        while len(self._history) > MAX_CONVERSATIONS:
            self._history.popitem(last=False)

    def _is_addressed(self, message: discord.Message) -> bool:
        channel = message.channel
        answer_channels = self.bot.settings.answer_channel_ids
        in_answer_channel = channel.id in answer_channels or (
            isinstance(channel, discord.Thread) and channel.parent_id in answer_channels
        )
        return in_answer_channel or (self.bot.user is not None and self.bot.user.mentioned_in(message))

    def _cooldown_hit(self, user_id: int) -> app_commands.CommandOnCooldown | None:
        """The cooldown error if `user_id` asks too fast, else None; every question counts against it."""
        bucket = self.cooldown.get_bucket(user_id)
        retry_after = bucket.update_rate_limit()
        return app_commands.CommandOnCooldown(bucket, retry_after) if retry_after else None

    async def _reply_parts(self, answer: Answer, channel_id: int | None) -> tuple[discord.Embed, SourceView]:
        generation = await asyncio.to_thread(self.bot.core.status)
        if channel_id is not None:
            self.bot.remember_refs(channel_id, [quote.ref for quote in answer.quotes])
        return answer_embed(answer, generation), SourceView(self.bot.core, answer)


async def reply(message: discord.Message, **parts: Any) -> None:
    """Reply to `message`, pinging nobody. Discord refusing the send (a 5xx after discord.py's own retries, a
    missing permission) is one warning line: the question cannot be answered there, and the bot goes on."""
    try:
        await message.reply(allowed_mentions=discord.AllowedMentions.none(), **parts)
    except discord.HTTPException as error:
        log.warning(
            "could not reply in channel %s: Discord answered %s (%s)", message.channel.id, error.status, error.text
        )


async def setup(bot: MinuteBot) -> None:
    await bot.add_cog(Ask(bot))
