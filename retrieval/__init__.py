"""minutebot's retrieval core: records → chunks → store → search → answers with verbatim quotes.

This package never imports Discord or CLI code; `bot/` adapts it to people.
"""

from retrieval.engine import Minutebot
from retrieval.errors import MinutebotError
from retrieval.models import Answer, Citation, IndexSummary, MeetingInfo, Passage, Quote, Record
from retrieval.settings import RetrievalSettings

__all__ = [
    "Answer",
    "Citation",
    "IndexSummary",
    "MeetingInfo",
    "Minutebot",
    "MinutebotError",
    "Passage",
    "Quote",
    "Record",
    "RetrievalSettings",
]
