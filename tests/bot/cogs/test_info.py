from bot.app import MinuteBot
from tests.helpers import MockInteraction, sent_kwargs, sent_text


async def test_meetings_lists_titles_and_dates(sample_bot: MinuteBot) -> None:
    cog = sample_bot.get_cog("Info")
    interaction = MockInteraction(sample_bot)
    await cog.meetings.callback(cog, interaction)
    text = sent_text(interaction.response.send_message)
    assert "1 indexed meetings" in text
    assert "`city-party-history-summary-2022-06-20` · 2022-06-20 · The city held party history" in text


async def test_status_shows_records_passages_model_and_time(sample_bot: MinuteBot) -> None:
    cog = sample_bot.get_cog("Info")
    interaction = MockInteraction(sample_bot)
    await cog.status.callback(cog, interaction)
    fields = {f.name: f.value for f in sent_kwargs(interaction.response.send_message)[0]["embed"].fields}
    assert fields["Records"] == "1" and int(fields["Passages"]) > 0
    assert "MiniLM" in fields["Model"] and fields["Last indexed"].endswith("UTC")
