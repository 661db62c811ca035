"""Bytes to text: UTF-8, or the encoding a record was saved in (GBK, Big5, cp1252, UTF-16 with its mark…)."""

from __future__ import annotations

from charset_normalizer import from_bytes

from retrieval.errors import UnreadableRecord

PREFERRED_ENCODING = "cp1252"


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 or, failing that, the detected encoding; newlines as Path.read_text gives them."""
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableRecord("binary content, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_detected(data)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_detected(data: bytes) -> str:
    """Decode with charset-normalizer's best guess, preferring Windows-1252 among equally good ones.

    On short Western text several single-byte code pages tie; cp1252 is by far the likeliest for minutes.
    """
    matches = list(from_bytes(data))
    if not matches:
        raise UnreadableRecord("cannot detect the text encoding")
    best = matches[0]
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    preferred = next((m for m in tied if PREFERRED_ENCODING in m.could_be_from_charset), best)
    return str(preferred)
