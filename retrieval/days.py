"""Days as people give them to keep to a date range (`ask --after`, `/ask before:`): YYYY-MM-DD."""

from __future__ import annotations

from datetime import date

from retrieval.errors import InvalidDay


def parse_day(text: str) -> date:
    """The day `text` names, as YYYY-MM-DD; InvalidDay, whose message says how to write one, otherwise."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidDay(text) from None
