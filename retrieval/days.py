"""Days as people write them: typed to keep to a date range (`ask --after`, `/ask before:`) as YYYY-MM-DD, and
written in records and questions as 2022-06-20, 2023年3月1日, June 20, 2022 or 20 June 2022."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from retrieval.errors import InvalidDay

ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")  # 2023年3月1日(星期三)
MONTHS = "january february march april may june july august september october november december".split()
_MONTH = r"(" + "|".join(MONTHS) + r")"
_MONTH_FIRST = re.compile(_MONTH + r"\s+(\d{1,2}),?\s+(\d{4})\b", re.IGNORECASE)  # June 20, 2022
_DAY_FIRST = re.compile(r"\b(\d{1,2})\s+" + _MONTH + r",?\s+(\d{4})\b", re.IGNORECASE)  # 20 June 2022
_MEETING_WORD = re.compile(r"\b(?:meeting|minutes|session|call)s?\b|会议|会上|例会", re.IGNORECASE)
_MEETING_WORD_BEFORE, _MEETING_WORD_AFTER = 40, 12  # characters: "the meeting held on …", "… meeting"
_WRITTEN = (ISO_DATE, CJK_DATE, _MONTH_FIRST, _DAY_FIRST)  # in the order a record's date is looked for


def parse_day(text: str) -> date:
    """The day `text` names, as YYYY-MM-DD; InvalidDay, whose message says how to write one, otherwise."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidDay(text) from None


def days_written(text: str) -> Iterator[tuple[re.Match[str], date]]:
    """Every real day written in `text` with its year, and where: ISO dates first, then Chinese, then English."""
    for pattern in _WRITTEN:
        for match in pattern.finditer(text):
            if (day := _day_of(match)) is not None:
                yield match, day


def meeting_days_named(question: str) -> tuple[set[date], str]:
    """The days a question gives as a meeting's ("the meeting of 2025-03-14", "2023年3月1日的会议"), and the
    question without them. A day written away from such a word is left in: "What is due on 2025-02-28?" asks about
    a due date, which the records may hold, not about a meeting's day."""
    days: set[date] = set()
    for match, day in days_written(question):
        around = question[max(0, match.start() - _MEETING_WORD_BEFORE) : match.end() + _MEETING_WORD_AFTER]
        if _MEETING_WORD.search(around):
            days.add(day)
            question = question[: match.start()] + " " * (match.end() - match.start()) + question[match.end() :]
    return days, " ".join(question.split())


def _day_of(match: re.Match[str]) -> date | None:
    first, second, third = match.groups()
    if first.isalpha():  # June 20, 2022
        year, month, day = third, MONTHS.index(first.lower()) + 1, second
    elif second.isalpha():  # 20 June 2022
        year, month, day = third, MONTHS.index(second.lower()) + 1, first
    else:
        year, month, day = first, second, third
    try:
        return date(int(year), int(month), int(day))
    except ValueError:  # 2024-02-30
        return None
