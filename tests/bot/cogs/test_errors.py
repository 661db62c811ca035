import discord
import pytest
from discord import app_commands

from bot.app import MinuteBot
from bot.cogs._replies import GENERIC_FAILURE
from retrieval.errors import UnknownMeeting
from tests.helpers import MockInteraction, pings_nobody, sent_kwargs


def invoke_error(original: Exception) -> app_commands.CommandInvokeError:
    command = discord.app_commands.Command(name="x", description="x", callback=lambda interaction: None)
    return app_commands.CommandInvokeError(command, original)


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (invoke_error(UnknownMeeting("q3")), "Unknown meeting 'q3'"),
        (app_commands.MissingPermissions(["manage_guild"]), "Only server admins"),
        (invoke_error(RuntimeError("boom")), GENERIC_FAILURE),
    ],
)
async def test_errors_are_told_privately_in_plain_words(sample_bot: MinuteBot, error: Exception, message: str) -> None:
    interaction = MockInteraction(sample_bot)
    await sample_bot.tree.on_error(interaction, error)
    (sent,) = sent_kwargs(interaction.response.send_message)
    assert interaction.response.send_message.await_args.args[0].startswith(message)
    assert sent["ephemeral"] is True and pings_nobody(sent)


async def test_error_after_deferring_goes_to_a_followup(sample_bot: MinuteBot) -> None:
    interaction = MockInteraction(sample_bot)
    await interaction.response.defer()
    await sample_bot.tree.on_error(interaction, invoke_error(UnknownMeeting("q3")))
    assert interaction.followup.send.await_args.kwargs["ephemeral"] is True


async def test_unexpected_errors_are_logged_with_traceback(
    sample_bot: MinuteBot, caplog: pytest.LogCaptureFixture
) -> None:
    await sample_bot.tree.on_error(MockInteraction(sample_bot), invoke_error(RuntimeError("boom")))
    assert "boom" in caplog.text
