"""Quotes: the sentences of passages, located in their records, and the lines that head a record rather than
say something (its title, a date line, who attended)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Set
from functools import lru_cache

from retrieval.formats.extract import anchor_at
from retrieval.lexical import tokenize
from retrieval.loading import is_date_line, title_text
from retrieval.models import Passage, Quote
from retrieval.questions.attendance import is_attendance_line
from retrieval.questions.days import MEETING_NOUN, days_written
from retrieval.text.sentences import sentence_spans
from retrieval.text.turns import speaker_at

_SENTENCE_OR_CUT = frozenset(".!?。！？…")  # how a first line that is no title ends
# A run of capitalised words ("Co-operative" is one), whose initials a name may go by.
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+")
# Words at least that initials stand for: "AGM", "PTA", "SLT"; not "HR" or "IT", which read as words of their own.
INITIALLED_WORDS = 3
# The line under a record's title that names its meeting and when it was held, as minutes open: "Minutes of the
# Trustees' Meeting, 17 September 2025, 6.30pm, Community Centre Room 2"; not "Minutes of the last meeting were
# approved.", a sentence.
_NAMES_ITS_MEETING = re.compile(
    r"(?:(?:draft|unconfirmed|approved|confirmed)\s+)?(?:minutes|notes|record)\s+of\s+(?:the\s+|a\s+)?\S.*[^.!?。]$",
    re.IGNORECASE,
)

# A meeting said aloud to be the one it is, as a call opens: "This is the weekly ops review for the warehouse move.",
# "OK, today is the onboarding review for the mobile app.", "Welcome everyone to our sprint retro."
_INTRODUCES_ITS_MEETING = re.compile(
    r"\W*(?:(?:ok(?:ay)?|so|right|alright|hi|hello|morning|good (?:morning|afternoon|evening))\b"
    r"(?:\s+(?:all|everyone|everybody|team|folks))?[,.!]?\s*)*"
    r"(?:this is|today is|welcome(?:\s+(?:all|everyone|everybody))?\s+to)\s+(?:the|our|this)\s+"
    r"(?:(?!(?:with|of|for|about|to|in|on|at|from|by|and|or|that|the|a|an)\b)[\w'’-]+\s+){0,3}?"
    rf"(?:{MEETING_NOUN}|review|check-?in|catch-?up|workshop|kick-?off)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def title_terms(title: str) -> frozenset[str]:
    """The terms of a record's title, with the initials its capitalised names go by ("AGM" of "Annual General
    Meeting"); none when the "title" is a sentence or cut short: a record without a title line is titled by its
    first line (retrieval/loading.py), which says something rather than names it."""
    if title.rstrip()[-1:] in _SENTENCE_OR_CUT:
        return frozenset()
    return frozenset(tokenize(title)) | _initials(title)


def _initials(title: str) -> frozenset[str]:
    """The initials of every run of INITIALLED_WORDS or more capitalised words in a title, as a term: "Elm Court
    Housing Co-operative - Annual General Meeting" holds "agm" (and "echc", "ech", "chc")."""
    runs = [run.split() for run in _CAPITALISED_RUN.findall(title)]
    return frozenset(
        term
        for words in runs
        for start in range(len(words))
        for end in range(start + INITIALLED_WORDS, len(words) + 1)
        for term in tokenize("".join(word[0] for word in words[start:end]))
    )


def titles_holding(terms: Set[str], titles: Iterable[str]) -> frozenset[str]:
    """The titles that hold every one of `terms`, none when there are no terms: the meetings a question names by
    the words of their title ("the parks committee" of "Parks Committee — minutes")."""
    return frozenset(title for title in titles if terms <= title_terms(title)) if terms else frozenset()


def is_title_line(quote: Quote) -> bool:
    """True for the record's title line itself ("# Budget committee"): it names the record, which the quotes'
    sources show, and is on no topic of its own. A first line that says something is no title (`title_terms`)."""
    title = quote.title or ""
    return bool(title_terms(title)) and title_text(quote.text) == title


def names_its_meeting(quote: Quote) -> bool:
    """True for the line that opens minutes by naming their meeting and the day it was held ("Minutes of the
    Planning Committee held on Monday 6 October 2025 at 7pm…"): like the title, it says which meeting this is, and
    holds the words a question names it by ("When is the next planning committee meeting?") on no topic."""
    return _NAMES_ITS_MEETING.match(title_text(quote.text)) is not None and any(days_written(quote.text))


def introduces_its_meeting(said: str) -> bool:
    """True for words said to open a meeting by naming it ("This is the weekly ops review for the warehouse
    move."): like a title, they hold the words of the meeting's subject, and answer nothing about it."""
    return _INTRODUCES_ITS_MEETING.match(said) is not None


def is_front_matter(quote: Quote) -> bool:
    """True for a record's title line, the line that names its meeting, a date line or an attendance line: they say
    which meeting, when and who came, which the quotes' sources show or a question about attendance asks for, and
    are on no topic."""
    text = quote.text
    return is_title_line(quote) or names_its_meeting(quote) or is_date_line(text) or is_attendance_line(text)


def sentence_quotes(passage: Passage) -> list[Quote]:
    """Each sentence of a passage as a Quote located in its record."""
    return [quote_at(passage, start, end) for start, end in sentence_spans(passage.text)]


def quote_at(passage: Passage, start: int, end: int) -> Quote:
    """`passage.text[start:end]` as a Quote located in its record, with its speaker and anchor."""
    on_first_line = passage.text.rfind("\n", 0, start) == -1
    if on_first_line and passage.opens_mid_line:  # "Lena: yes, …" after "Tobias asked if…" is no turn of Lena's
        speaker = passage.turn
    else:
        speaker = speaker_at(passage.text, start, passage.turn) or (passage.turn if on_first_line else None)
    first_line = passage.start_line + passage.text.count("\n", 0, start)
    return Quote(
        meeting=passage.meeting,
        source=passage.source,
        start_char=passage.start_char + start,
        end_char=passage.start_char + end,
        start_line=first_line,
        end_line=first_line + passage.text.count("\n", start, end),
        text=passage.text[start:end],
        title=passage.title,
        date=passage.date,
        speaker=speaker,
        anchor=anchor_at(passage.anchors, passage.start_char + start),
    )
