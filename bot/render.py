"""Plain-text renderings of answers, citations, meetings and index summaries for the terminal."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
import unicodedata

from retrieval.encoders.tuned_model import model_description
from retrieval.models import Answer, Citation, IndexSummary, MeetingInfo, Span
from retrieval.text.language import CJK_CHARACTERS
from retrieval.text.turns import opens_with_label

WIDTH = 100


def wrap(text: str, width: int = WIDTH) -> str:
    """Fill to `width` columns without splitting hyphenated words: wrapped quotes must read the same joined back up.

    Chinese and Japanese, written without spaces and two columns wide, may break between any two characters,
    but never before closing punctuation ("，", "。", "」"): a line does not open with it. Korean, two columns
    wide too, breaks at its spaces.
    """
    if not any(_columns(character) == 2 for character in text):
        return textwrap.fill(text, width, break_on_hyphens=False)
    lines, line, used = [], "", 0
    for piece in _WRAP_PIECES.findall(" ".join(text.split())):
        size = sum(_columns(character) for character in piece)
        if line and used + size > width and not piece.isspace():
            lines.append(line.rstrip())
            line, used = "", 0
        if line or not piece.isspace():
            line, used = line + piece, used + size
    return "\n".join([*lines, line.rstrip()])


def _columns(character: str) -> int:
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


# What a line may break before: a space, a character of Chinese or Japanese writing with the closing punctuation
# after it, or a word of any other writing. Korean is written with spaces: its words, wide as they are, stay whole.
_CLOSING = "，。、；：？！）」』》】〉”’…—"
_WRAP_PIECES = re.compile(rf"\s|[{CJK_CHARACTERS}][{_CLOSING}]*|[^\s{CJK_CHARACTERS}]+[{_CLOSING}]*")


def lines_label(span: Span, anchor: str | None = None) -> str:
    """'line 5' or 'lines 5-7', led by the page or caption time when the record has one ('page 2, line 40')."""
    lines = (
        f"line {span.start_line}" if span.start_line == span.end_line else f"lines {span.start_line}-{span.end_line}"
    )
    return f"{anchor}, {lines}" if anchor else lines


def location(span: Span, title: str, date: str | None, anchor: str | None = None) -> str:
    return f"{title}{f' ({date})' if date else ''} · {span.source}, {lines_label(span, anchor)}"


def built_from(answer: Answer) -> str:
    """Which quotes the answer line is built from, in its order: 'from quotes 2, 1 and 3'."""
    numbers = [str(position + 1) for position in answer.answer_quotes]
    listed = ", ".join(numbers[:-1]) + f" and {numbers[-1]}" if len(numbers) > 1 else "".join(numbers)
    return f"from quote{'s' if len(numbers) > 1 else ''} {listed}"


def render_answer(answer: Answer) -> str:
    out = [f"Q: {answer.question}", "", wrap(answer.answer)]
    if len(answer.answer_quotes) > 1:
        out.append(f"({built_from(answer)})")
    if answer.note:
        out += ["", f"Note: {answer.note}"]
    if answer.quotes:
        out += ["", "Quotes:"]
        for number, quote in enumerate(answer.quotes, start=1):
            speaker = f"{quote.speaker} — " if quote.speaker and not opens_with_label(quote.text, quote.speaker) else ""
            body = wrap(f"“{speaker}{' '.join(quote.text.split())}”", WIDTH - 6)
            out.append(f"  [{number}] " + textwrap.indent(body, "      ").lstrip())
            out.append(f"      {location(quote, quote.title, quote.date, quote.anchor)} · ref {quote.ref}")
        out += ["", "Full passage: minutebot cite REF"]
    return "\n".join(out)


def render_citation(citation: Citation) -> str:
    span = citation.span
    text = " ".join(part for part in (citation.context_before, f"»{span.text}«", citation.context_after) if part)
    return "\n".join(
        [
            f"ref:     {span.ref}",
            f"meeting: {citation.title}{f' ({citation.date})' if citation.date else ''}",
            f"source:  {span.source}, {lines_label(span, citation.anchor)}",
            f"chars:   {span.start_char}-{span.end_char}",
            "",
            wrap(text) if "\n" not in text else text,
        ]
    )


def render_meetings(meetings: list[MeetingInfo]) -> str:
    rows = [("MEETING", "DATE", "CHUNKS", "TITLE")]
    rows += [(m.meeting, m.date or "-", str(m.chunks), m.title) for m in meetings]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join(f"{a:<{widths[0]}}  {b:<{widths[1]}}  {c:>{widths[2]}}  {d}" for a, b, c, d in rows)


def render_summary(summary: IndexSummary) -> str:
    verb = "would change" if summary.dry_run else "indexed"
    out = [
        f"{verb}: {len(summary.added)} added, {len(summary.changed)} changed, {len(summary.removed)} removed, "
        f"{len(summary.unchanged)} unchanged, {len(summary.skipped)} skipped · {summary.chunks} chunks "
        f"({summary.embedded} {'to embed' if summary.dry_run else 'embedded'}) in {summary.seconds:.1f} s"
        + (f" · model {model_description(summary.model, summary.vectors)}" if summary.model else "")
    ]
    if summary.embedded_again:
        out.append(
            f"  every passage {'would be' if summary.dry_run else 'is'} embedded again: {summary.embedded_again}"
        )
    if summary.cut_again:
        out.append(f"  every record {'would be' if summary.dry_run else 'is'} cut again: {summary.cut_again}")
    if summary.read_again:
        out.append(f"  every record {'would be' if summary.dry_run else 'is'} read again: {summary.read_again}")
    for label, names in (("added", summary.added), ("changed", summary.changed), ("removed", summary.removed)):
        out += [f"  {label}: {name}" for name in names]
    out += [f"  skipped: {s.source}: {s.reason}" for s in summary.skipped]
    return "\n".join(out)


def format_time(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp, tz=dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
