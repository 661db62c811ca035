"""Context around a found passage: whole sentences of its record on either side, up to a size.

Passages are indexed small so that a match is precise; widening the ones a question returns lets a reader see
what led up to a statement and what answered it (QMSum's answers often start a turn or two away from the best
match), without embedding bigger passages.
"""

from __future__ import annotations

from retrieval.sentences import sentence_spans
from retrieval.turns import speaker_of


def widen(text: str, start: int, end: int, budget: int, lower: int = 0, upper: int | None = None) -> tuple[int, int]:
    """`text[start:end]` grown by whole sentences, one after then one before in turn, while it fits in `budget`.

    A side whose next sentence would not fit stops growing; the other side may go on. The result stays within
    `text[lower:upper]`, so that passages shown together never repeat each other's text.
    """
    upper = len(text) if upper is None else upper
    if end - start >= budget:
        return start, end
    window_start = text.rfind("\n", 0, max(start - budget, 0)) + 1
    window_end = text.find("\n", min(end + budget, len(text)))
    window_end = len(text) if window_end == -1 else window_end
    before = [span for span in sentence_spans(text, window_start, start) if lower <= span[0] and span[1] <= start]
    after = [span for span in sentence_spans(text, end, window_end) if end <= span[0] and span[1] <= upper]
    before.reverse()
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


def speakers_between(text: str, start: int, end: int) -> tuple[str, ...]:
    """The speakers of the turns that `text[start:end]` touches, in order of first appearance."""
    line_start = text.rfind("\n", 0, start) + 1
    speakers: list[str] = []
    while line_start < end:
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end == -1 else line_end
        speaker = speaker_of(text[line_start:line_end])
        if speaker and speaker not in speakers:
            speakers.append(speaker)
        line_start = line_end + 1
    return tuple(speakers)
