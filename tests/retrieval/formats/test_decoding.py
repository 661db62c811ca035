import pytest

from retrieval.formats.decoding import decode


@pytest.mark.parametrize("encoding", ["gbk", "cp1252", "utf-16"])
def test_decode_detects_encodings(encoding: str) -> None:
    text = {
        "gbk": "会议纪要：城市党史学习教育总结会议在市政府召开。" * 3,
        "cp1252": "Café minutes — résumé of the naïve plan. " * 3,
        "utf-16": "Minutes with a byte order mark.",
    }[encoding]
    assert decode(text.encode(encoding)) == text


def test_decode_normalises_newlines_like_read_text() -> None:
    assert decode(b"a\r\nb\rc\n") == "a\nb\nc\n"
