"""What a question asks was done (proposed, decided), and whether a sentence reports that act.

"What did Paul Otto propose?" is answered by "Paul Otto proposed opening on Sundays", not by the attendance line
that also names him; "What was decided about opening hours?" by "the board agreed to a six-month trial"; "Who
attended?" by "Attendees: Priya Shah, Marco Bianchi, Jun Park".
Opinions ("What did X think…") are no such act: speakers say "I think" in nearly every turn, and counting it put
fewer gold sentences first on QMSum's training meetings (benchmarks/README.md).
"""

from __future__ import annotations

from collections.abc import Callable

from retrieval.lexical import tokenize

# Words that name the same act, any one of which in a question asks for a sentence holding one of them.
ACTS = (
    "propose proposed proposal proposals suggest suggested suggestion suggestions recommend recommended recommendation",
    "decide decided decision decisions agree agreed agreement approve approved resolve resolved conclude "
    "concluded conclusion",
    # Not "present": "What did Marco present?" asks about a presentation, and the stems are the same. Not
    # "participants": "What were the participants responsible for?" asks what they did, not who came.
    "attend attended attending attendance attendee attendees",
)
_ACT_STEMS = tuple(frozenset(tokenize(words)) for words in ACTS)

ReportsAct = Callable[[set[str]], bool]  # whether a sentence's terms report the act asked about


def act_asked(question: str) -> ReportsAct | None:
    """A test of whether a sentence (its terms, as `tokenize` gives them) reports the act `question` asks about,
    or None when the question names no act."""
    terms = set(tokenize(question))
    asked = frozenset().union(*(stems for stems in _ACT_STEMS if stems & terms))
    if not asked:
        return None
    return lambda sentence_terms: not asked.isdisjoint(sentence_terms)
