"""Speaker turns: transcript lines of the form `Name: words`."""

from __future__ import annotations

import re

SPEAKER_TURN = re.compile(r"^(?P<speaker>[A-Z][\w .'’-]{0,40}?):\s")


def speaker_of(line: str) -> str | None:
    """The speaker who opens `line`, if it is a speaker turn."""
    match = SPEAKER_TURN.match(line)
    return match["speaker"] if match else None


def lead_with_speaker(text: str, speaker: str | None) -> str:
    """`text` led by `speaker` when it starts mid-turn, so that who speaks stays searchable."""
    return f"{speaker}: {text}" if speaker and not text.startswith(f"{speaker}:") else text
