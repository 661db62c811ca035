import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from discord import app_commands

from bot.app import MinuteBot
from retrieval import Minutebot
from retrieval.errors import IndexBusy
from tests.helpers import MockInteraction, MockMember, sent_text


@pytest.fixture
async def records_bot(
    make_core: Callable[..., Minutebot], make_bot: Callable[..., Any], records_dir: Path
) -> MinuteBot:
    core = make_core(records_dir)
    core.index()
    (records_dir / "retro.md").write_text("# Retro\nClerk: The team agreed to ship on Friday.\n")
    return await make_bot(core)


async def test_admin_reindex_ends_with_a_summary(records_bot: MinuteBot) -> None:
    cog = records_bot.get_cog("Admin")
    interaction = MockInteraction(records_bot, user=MockMember(manage_guild=True))
    assert await cog.reindex.checks[0](interaction)
    await cog.reindex.callback(cog, interaction, full=False)
    assert "Reindexing" in sent_text(interaction.response.send_message)
    final = interaction.edit_original_response.await_args.kwargs["content"]
    assert final.startswith("Reindex finished.") and "1 added" in final and "added: retro" in final


async def test_non_admin_cannot_reindex(records_bot: MinuteBot) -> None:
    cog = records_bot.get_cog("Admin")
    with pytest.raises(app_commands.MissingPermissions):
        await cog.reindex.checks[0](MockInteraction(records_bot, user=MockMember()))


async def test_concurrent_reindex_is_refused(records_bot: MinuteBot) -> None:
    cog = records_bot.get_cog("Admin")
    async with records_bot.reindex_lock:
        with pytest.raises(IndexBusy):
            await cog.reindex.callback(cog, MockInteraction(records_bot, user=MockMember(manage_guild=True)), full=True)


async def test_questions_are_answered_while_a_reindex_runs(records_bot: MinuteBot) -> None:
    admin, ask = records_bot.get_cog("Admin"), records_bot.get_cog("Ask")
    reindexing = MockInteraction(records_bot, user=MockMember(manage_guild=True))
    asking = MockInteraction(records_bot)
    await asyncio.gather(
        admin.reindex.callback(admin, reindexing, full=True),
        ask.ask.callback(ask, asking, question="What does the budget allow per unit?"),
    )
    assert "twelve Euro fifty" in sent_text(asking.followup.send)
    assert "Reindex finished" in reindexing.edit_original_response.await_args.kwargs["content"]
