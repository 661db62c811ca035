"""References to spans of records.

A ref names an exact span: ``meeting#start-end`` (character offsets into the record's text), stable as long as
the record does not change. People may also cite lines: ``meeting:31`` or ``meeting:31-33``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.errors import UnknownRef

_CHAR_REF = re.compile(r"^(?P<meeting>.+)#(?P<start>\d+)-(?P<end>\d+)$")
_LINE_REF = re.compile(r"^(?P<meeting>.+):(?P<start>\d+)(?:-(?P<end>\d+))?$")


@dataclass(frozen=True)
class ParsedRef:
    meeting: str
    start: int
    end: int
    unit: str  # "char" (end exclusive) or "line" (1-based, end inclusive)


def make_ref(meeting: str, start_char: int, end_char: int) -> str:
    return f"{meeting}#{start_char}-{end_char}"


def parse_ref(ref: str) -> ParsedRef:
    """Parse a char ref or a line ref; raise UnknownRef for anything else."""
    ref = ref.strip()
    if match := _CHAR_REF.match(ref):
        parsed = ParsedRef(match["meeting"], int(match["start"]), int(match["end"]), "char")
        if parsed.end > parsed.start:
            return parsed
    elif match := _LINE_REF.match(ref):
        start = int(match["start"])
        parsed = ParsedRef(match["meeting"], start, int(match["end"] or start), "line")
        if 1 <= parsed.start <= parsed.end:
            return parsed
    raise UnknownRef(ref)
