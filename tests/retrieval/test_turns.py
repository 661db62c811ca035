import pytest

from retrieval.turns import speaker_of


@pytest.mark.parametrize(("line", "speaker"), [("Grad E: Yes .", "Grad E"), ("No colon here", None), ("12: x", None)])
def test_speaker_of(line: str, speaker: str | None) -> None:
    assert speaker_of(line) == speaker
