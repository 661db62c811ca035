"""Speaker turns: transcript lines of the form `Name: words`."""

from __future__ import annotations

import re

SPEAKER_TURN = re.compile(r"^(?P<speaker>[A-Z][\w .'’-]{0,40}?):\s")


def speaker_of(line: str) -> str | None:
    """The speaker who opens `line`, if it is a speaker turn."""
    match = SPEAKER_TURN.match(line)
    return match["speaker"] if match else None
