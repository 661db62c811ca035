"""Context around a found passage: whole sentences of its record on either side, up to a size.

Passages are indexed small so that a match is precise; widening the ones a question returns lets a reader see
what led up to a statement and what answered it (QMSum's answers often start a turn or two away from the best
match), without embedding bigger passages.
"""

from __future__ import annotations

from retrieval.text.sentences import (
    REPLY_LINES,
    SENTENCE_END_CHARACTERS,
    is_soft_break,
    last_sentence_span,
    puts_a_question,
    sentence_spans,
)
from retrieval.text.turns import turn_opened_by

_LOOKBACK = 200  # characters of white space tolerated before a sentence


def widen(text: str, start: int, end: int, budget: int, lower: int = 0, upper: int | None = None) -> tuple[int, int]:
    """`text[start:end]` grown by whole sentences, one after then one before in turn, while it fits in `budget`.

    A side whose next sentence would not fit stops growing; the other side may go on. A passage that ends on a
    question, asked or told of, then takes the sentence after it too, past the budget: its reply ("A resident
    asked about parking." / "The committee will propose a permit scheme."). The result stays within
    `text[lower:upper]`, so that passages shown together never repeat each other's text. A budget of 0 leaves
    the passage as it is.
    """
    upper = len(text) if upper is None else upper
    if not budget:
        return start, end
    if end - start < budget:
        start, end = _grown(text, start, end, budget, lower, upper)
    return start, _with_reply(text, start, end, upper)


def _grown(text: str, start: int, end: int, budget: int, lower: int, upper: int) -> tuple[int, int]:
    before = _whole_sentences(text, max(start - budget, lower), start)[::-1]
    after = _whole_sentences(text, end, min(end + budget, upper))
    grow_after = True
    while before or after:
        side = after if (grow_after and after) or not before else before
        sentence_start, sentence_end = side.pop(0)
        new_start, new_end = min(start, sentence_start), max(end, sentence_end)
        if new_end - new_start > budget:
            side.clear()
        else:
            start, end = new_start, new_end
        grow_after = not grow_after
    return start, end


def _with_reply(text: str, start: int, end: int, upper: int) -> int:
    """The end of `text[start:end]`, past the sentence after it when its last sentence puts a question and the
    next opens within REPLY_LINES lines."""
    last = last_sentence_span(text, start, end)
    if last is None or last[1] != end or not puts_a_question(text[last[0] : end]):
        return end
    reach = end
    for _ in range(REPLY_LINES + 1):
        line_end = text.find("\n", reach + 1, upper)
        reach = upper if line_end == -1 else line_end
    after = _whole_sentences(text, end, reach)
    return after[0][1] if after else end


def _whole_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of `text[start:end]`, without a sentence that either edge cuts in two."""
    spans = sentence_spans(text, start, end)
    if spans and not _follows_a_sentence_end(text, spans[0][0]):
        spans.pop(0)
    ends_a_line = end == len(text) or (text[end] == "\n" and not is_soft_break(text, end))
    if spans and not (text[spans[-1][1] - 1] in SENTENCE_END_CHARACTERS or ends_a_line):
        spans.pop()
    return spans


def _follows_a_sentence_end(text: str, position: int) -> bool:
    """True when only white space stands between `position` and a line start or the end of a sentence."""
    before = text[max(position - _LOOKBACK, 0) : position].rstrip(" \t")
    if before[-1:] == "\n":
        return not is_soft_break(text, text.rfind("\n", 0, position))
    return not before or before[-1] in SENTENCE_END_CHARACTERS


def speakers_between(text: str, start: int, end: int) -> tuple[str, ...]:
    """The speakers of the turns that `text[start:end]` touches, in order of first appearance."""
    line_start = text.rfind("\n", 0, start) + 1
    speakers: list[str] = []
    while line_start < end:
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end == -1 else line_end
        speaker = turn_opened_by(text[line_start:line_end])
        if speaker and speaker not in speakers:
            speakers.append(speaker)
        line_start = line_end + 1
    return tuple(speakers)
