"""minutebot's retrieval core: records → chunks → store → search → answers with verbatim quotes.

This package never imports Discord or CLI code; `bot/` adapts it to people. Its exports are imported on first
use, so that a command importing one light module (say, the models) does not pay for search and the model.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from retrieval.engine import Minutebot
    from retrieval.errors import MinutebotError
    from retrieval.models import Answer, Citation, IndexSummary, MeetingInfo, Passage, Quote, Record
    from retrieval.settings import RetrievalSettings

_EXPORTS = {
    "Answer": "retrieval.models",
    "Citation": "retrieval.models",
    "IndexSummary": "retrieval.models",
    "MeetingInfo": "retrieval.models",
    "Minutebot": "retrieval.engine",
    "MinutebotError": "retrieval.errors",
    "Passage": "retrieval.models",
    "Quote": "retrieval.models",
    "Record": "retrieval.models",
    "RetrievalSettings": "retrieval.settings",
}
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


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'retrieval' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
