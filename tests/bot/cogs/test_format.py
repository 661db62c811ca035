import pytest

from bot.cogs._format import answer_embed, trim
from retrieval.models import Answer, Quote


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [("short", 10, "short"), ("one two three four", 12, "one two…"), ("x" * 20, 10, "x" * 9 + "…")],
)
def test_trim_cuts_between_words_with_an_ellipsis(text: str, limit: int, expected: str) -> None:
    assert trim(text, limit) == expected
    assert len(trim(text, limit)) <= limit


def test_a_quote_in_an_embed_shows_its_speaker_only_where_its_text_does_not() -> None:
    listed = Quote("m", "m.md", 0, 29, 1, 1, "- Lea: the rota is published.", speaker="Lea")
    mid_turn = Quote("m", "m.md", 30, 58, 1, 1, "Rotations start on March 10.", speaker="Lea")
    said_of = Quote("m", "m.md", 59, 90, 2, 2, "Lea said the rota is published.", speaker="Lea")
    embed = answer_embed(Answer("Any updates from Lea?", "…", [listed, mid_turn, said_of], []), None)
    bodies = [field.value.split("\n")[0] for field in embed.fields]
    assert bodies == [
        "> \\- Lea: the rota is published.",
        "> **Lea:** Rotations start on March 10.",
        "> **Lea:** Lea said the rota is published.",
    ]
