import pytest

from bot.cogs._format import trim


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [("short", 10, "short"), ("one two three four", 12, "one two…"), ("x" * 20, 10, "x" * 9 + "…")],
)
def test_trim_cuts_between_words_with_an_ellipsis(text: str, limit: int, expected: str) -> None:
    assert trim(text, limit) == expected
    assert len(trim(text, limit)) <= limit
