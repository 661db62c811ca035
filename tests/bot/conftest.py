"""A real MinuteBot object (never connected) over a real retrieval core, with every cog loaded."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

import pytest

from bot.app import MinuteBot
from bot.settings import DiscordSettings
from retrieval import Minutebot

ANSWER_CHANNEL_ID = 424242


def discord_settings(**overrides: Any) -> DiscordSettings:
    values = {"discord_token": "test-token", "answer_channel_ids": [ANSWER_CHANNEL_ID], **overrides}
    return DiscordSettings(_env_file=None, **values)


@pytest.fixture
def make_bot() -> Callable[..., Coroutine[Any, Any, MinuteBot]]:
    async def make(core: Minutebot, **settings: Any) -> MinuteBot:
        bot = MinuteBot(core, discord_settings(**settings))
        await bot.load_extensions()
        return bot

    return make


@pytest.fixture
async def sample_bot(sample_core: Minutebot, make_bot: Callable[..., Any]) -> MinuteBot:
    return await make_bot(sample_core)
