import pytest

from bot.app import MinuteBot
from retrieval.errors import UnknownRef
from tests.helpers import MockInteraction, sent_kwargs

REF = "city-party-history-summary-2022-06-20#1876-2065"


async def test_cite_shows_the_passage_with_source_lines_and_date(sample_bot: MinuteBot) -> None:
    cog = sample_bot.get_cog("Cite")
    interaction = MockInteraction(sample_bot)
    await cog.cite.callback(cog, interaction, ref=REF)
    embed = sent_kwargs(interaction.response.send_message)[0]["embed"]
    assert embed.title == "The city held party history study education summary meeting"
    assert "**Four shantytowns covering 150,000 square meters" in embed.description
    assert "636 practical things" in embed.description  # context before
    fields = {field.name: field.value for field in embed.fields}
    assert fields == {
        "Source": "city-party-history-summary-2022-06-20.txt, line 5",
        "Date": "2022-06-20",
        "Ref": f"`{REF}`",
    }


async def test_cite_unknown_ref_says_so(sample_bot: MinuteBot) -> None:
    cog = sample_bot.get_cog("Cite")
    with pytest.raises(UnknownRef):
        await cog.cite.callback(cog, MockInteraction(sample_bot), ref="city-party-history-summary-2022-06-20#0-999999")


async def test_cite_a_query_shows_the_best_quote(sample_bot: MinuteBot) -> None:
    cog = sample_bot.get_cog("Cite")
    interaction = MockInteraction(sample_bot)
    await cog.cite.callback(cog, interaction, ref="visitors to the red education sites")
    assert "80,000 people" in sent_kwargs(interaction.response.send_message)[0]["embed"].description


async def test_ref_autocomplete_offers_refs_recently_shown_in_the_channel(sample_bot: MinuteBot) -> None:
    ask, cite = sample_bot.get_cog("Ask"), sample_bot.get_cog("Cite")
    asked = MockInteraction(sample_bot)
    await ask.ask.callback(ask, asked, question="How many people visited?")
    shown = [f.value.split("`")[-2] for f in sent_kwargs(asked.followup.send)[0]["embed"].fields]
    choices = await cite.ref_autocomplete(MockInteraction(sample_bot, channel=asked.channel), "")
    assert [c.value for c in choices] == shown
