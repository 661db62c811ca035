"""Resolve a ref to its exact span of a record, with the sentences around it."""

from __future__ import annotations

from retrieval.chunking import LineIndex
from retrieval.errors import RefOutsideRecord
from retrieval.formats.extract import anchor_at
from retrieval.models import Citation, Record, Span
from retrieval.refs import ParsedRef
from retrieval.text.sentences import sentence_spans

CONTEXT_SENTENCES = 2


def cite(record: Record, ref: ParsedRef, raw_ref: str) -> Citation:
    """The span `ref` names in `record`; RefOutsideRecord (an UnknownRef) when it lies outside the record."""
    lines = LineIndex(record.text)
    start, end = _char_range(record, lines, ref, raw_ref)
    start_line, end_line = lines.span_lines(start, end)
    span = Span(record.meeting, record.source, start, end, start_line, end_line, record.text[start:end])
    sentences = sentence_spans(record.text)
    before = [s for s in sentences if s[1] <= start][-CONTEXT_SENTENCES:]
    after = [s for s in sentences if s[0] >= end][:CONTEXT_SENTENCES]
    return Citation(
        span=span,
        title=record.title,
        date=record.date,
        context_before=record.text[before[0][0] : start].strip() if before else "",
        context_after=record.text[end : after[-1][1]].strip() if after else "",
        anchor=anchor_at(record.anchors, start),
    )


def _char_range(record: Record, lines: LineIndex, ref: ParsedRef, raw_ref: str) -> tuple[int, int]:
    found = (ref.start, ref.end) if ref.unit == "char" and ref.end <= len(record.text) else None
    if ref.unit == "line":
        found = lines.char_range(ref.start, ref.end)
    if found is None:
        raise RefOutsideRecord(raw_ref, record.meeting, lines.line_count, len(record.text))
    return found
