"""Options written into a question asked by message, as Discord's own search takes them: `meeting:ID`,
`after:YYYY-MM-DD` and `before:YYYY-MM-DD`, anywhere in the message (`/ask` has them as options)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from retrieval.questions.days import parse_day

# A name and a colon with no space after it: "meeting:parks-2025-03-14", not "the meeting: what was decided?".
_OPTION = re.compile(r"(?<!\S)(meeting|after|before):(\S+)", re.IGNORECASE)
_TRAILING = ".,;:!?)"  # a value ending the sentence ("… before:2025-03-01?")


@dataclass(frozen=True)
class MessageQuestion:
    text: str
    meeting: str | None = None
    after: dt.date | None = None
    before: dt.date | None = None


def read_message_question(content: str) -> MessageQuestion:
    """The question without its options, and the options. A day mistyped raises InvalidDay, which says how to
    write one."""
    options = {match[1].lower(): match[2].rstrip(_TRAILING) for match in _OPTION.finditer(content)}
    days = {name: parse_day(options[name]) for name in ("after", "before") if name in options}
    text = " ".join(_OPTION.sub(" ", content).split())
    return MessageQuestion(text, options.get("meeting"), days.get("after"), days.get("before"))
