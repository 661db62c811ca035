"""Columns of a PDF page: where prose runs in two columns side by side, as a newsletter or a report sets it, the page
reads down the left column and then down the right; what spans the page (a title, a footer) reads where it stands.

Text read line by line across the page runs the columns together ("The council met on 12 November. Work on the
Mill Lane footpath starts on 5 Councillors agreed to buy…"). Text set side by side is not always columns, though:
a label and its value ("Present:      Cllr Hale, Cllr Pike") or a table without rules leave the same blank on
every line. Columns are prose: the layout wrapped the left column's lines at the gutter, so most of them run up
to it, and the right column's lines start at one edge; and they break their paragraphs each where it will, where
a table's rows leave a blank across both sides between them.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass
from typing import Any

GUTTER_MIN = 9.0  # points of blank across every line between two columns, at least
COLUMN_MIN_LINES = 3  # lines on each side of the gutter, at least
MIDDLE = (0.3, 0.7)  # where a gutter may stand, as shares of the width the page's text spans
FILLED_SHARE = 0.6  # of the left column's lines, running to within…
FILLED_REACH = 0.12  # …this share of the column's width from its right edge (the last line of a paragraph stops short)
ALIGNED_SHARE = 0.8  # of the right column's lines, starting at one edge, within…
ALIGNED = 2.0  # …this many points
ROW_GAP = 0.8  # a blank across the page taller than this many lines' heights parts two rows of a table


@dataclass(frozen=True)
class Band:
    """Lines of a page, from `top` to `bottom`, set in two columns either side of `gutter` (an x coordinate)."""

    top: float
    bottom: float
    gutter: float


def reading_regions(page: Any, lines: list[dict[str, Any]]) -> list[tuple[float, float, float, float]]:
    """The parts of a pdfplumber page (bounding boxes: x0, top, x1, bottom) in the order it reads, from its text
    `lines` (`extract_text_lines` with their characters): the whole page, or where a band of it is set in two
    columns, what is above the band, its left column, its right column, and what is below, read the same way."""
    return _regions(float(page.width), 0.0, float(page.height), lines)


def _regions(
    width: float, top: float, bottom: float, lines: list[dict[str, Any]]
) -> list[tuple[float, float, float, float]]:
    band = _two_columns(lines)
    if band is None:
        return [(0.0, top, width, bottom)]
    above = [(0.0, top, width, band.top)] if band.top > top else []
    columns = [(0.0, band.top, band.gutter, band.bottom), (band.gutter, band.top, width, band.bottom)]
    below = [line for line in lines if line["top"] >= band.bottom]
    return above + columns + _regions(width, band.bottom, bottom, below)


def _two_columns(lines: list[dict[str, Any]]) -> Band | None:
    """The first band of `lines` set in two columns of prose, if there is one."""
    segments = [_segments(line) for line in lines]
    spans = [span for line in segments for span in line]
    if len(lines) < 2 * COLUMN_MIN_LINES or not spans:
        return None
    left, right = min(x0 for x0, _ in spans), max(x1 for _, x1 in spans)
    low, high = left + MIDDLE[0] * (right - left), left + MIDDLE[1] * (right - left)
    if not _may_have_a_gutter(segments, low, high):
        return None
    best: tuple[int, int, float] | None = None  # (first line, last line + 1, gutter)
    for x in _places_between_text(spans, low, high):
        for start, end in _runs_clear_of(segments, x):
            start = _where_both_start(segments, start, end, x)
            longer = best is None or end - start > best[1] - best[0]
            if longer and _columns_of_prose(segments[start:end], x) and not _in_rows(lines[start:end]):
                best = (start, end, x)
    if best is None:
        return None
    start, end, gutter = best
    return Band(lines[start]["top"] - 0.5, lines[end - 1]["bottom"] + 0.5, gutter)


def _where_both_start(segments: list[list[tuple[float, float]]], start: int, end: int, gutter: float) -> int:
    """The first line of a run clear of `gutter` by which both columns have started: a line above it (a title, a
    header set to one side) is above the columns."""
    return max(
        next(i for i in range(start, end) if _left_of(segments[i], gutter)),
        next(i for i in range(start, end) if _right_of(segments[i], gutter)),
    )


def _in_rows(lines: list[dict[str, Any]]) -> bool:
    """Whether lines set side by side stand in rows, as a table laid out without rules has them: a blank taller
    than ROW_GAP lines' heights runs across both sides between two of them (columns of prose break their
    paragraphs each where it will)."""
    height = statistics.median(line["bottom"] - line["top"] for line in lines)
    return any(b["top"] - a["bottom"] > ROW_GAP * height for a, b in itertools.pairwise(lines))


def _places_between_text(spans: list[tuple[float, float]], low: float, high: float) -> list[float]:
    """One place between each two edges of text (kept half a gutter clear) from `low` to `high`: which lines are
    clear of a place changes only at those edges."""
    edges = sorted(
        {low, high}
        | {edge for x0, x1 in spans for edge in (x0 - GUTTER_MIN / 2, x1 + GUTTER_MIN / 2) if low < edge < high}
    )
    return [(a + b) / 2 for a, b in itertools.pairwise(edges)]


def _may_have_a_gutter(segments: list[list[tuple[float, float]]], low: float, high: float) -> bool:
    """The cheap test first: whether 2 × COLUMN_MIN_LINES lines in a row leave some of the middle of the page blank
    (a page of prose in one column runs every line across it)."""
    run = 0
    for line in segments:
        spans_the_middle = any(x0 - GUTTER_MIN / 2 < low and x1 + GUTTER_MIN / 2 > high for x0, x1 in line)
        run = 0 if spans_the_middle else run + 1
        if run >= 2 * COLUMN_MIN_LINES:
            return True
    return False


def _segments(line: dict[str, Any]) -> list[tuple[float, float]]:
    """The stretches of a line's text, split where GUTTER_MIN or more of blank lies between two characters."""
    characters = sorted((c for c in line["chars"] if c["text"].strip()), key=lambda c: c["x0"])
    spans: list[tuple[float, float]] = []
    for character in characters:
        if spans and character["x0"] - spans[-1][1] < GUTTER_MIN:
            spans[-1] = (spans[-1][0], max(spans[-1][1], character["x1"]))
        else:
            spans.append((character["x0"], character["x1"]))
    return spans


def _runs_clear_of(segments: list[list[tuple[float, float]]], x: float) -> list[tuple[int, int]]:
    """Runs of consecutive lines (first, last + 1) none of which has text across `x` or within half a gutter of it,
    with COLUMN_MIN_LINES at least on each side."""
    runs = []
    start = 0
    for index in range(len(segments) + 1):
        if index == len(segments) or any(x0 - GUTTER_MIN / 2 < x < x1 + GUTTER_MIN / 2 for x0, x1 in segments[index]):
            run = segments[start:index]
            on_the_left = sum(bool(_left_of(line, x)) for line in run)
            on_the_right = sum(bool(_right_of(line, x)) for line in run)
            if min(on_the_left, on_the_right) >= COLUMN_MIN_LINES:
                runs.append((start, index))
            start = index + 1
    return runs


def _columns_of_prose(segments: list[list[tuple[float, float]]], gutter: float) -> bool:
    """Whether lines either side of `gutter` read as two columns of prose: the left column's lines run up to the
    gutter (but for the last of a paragraph), and the right column's start at one edge."""
    ends = [max(x1 for _, x1 in left) for line in segments if (left := _left_of(line, gutter))]
    starts = [min(x0 for x0, _ in right) for line in segments if (right := _right_of(line, gutter))]
    column_left = min(x0 for line in segments for x0, _ in _left_of(line, gutter))
    reach = FILLED_REACH * (max(ends) - column_left)
    filled = sum(max(ends) - end <= reach for end in ends)
    aligned = sum(start - min(starts) <= ALIGNED for start in starts)
    return filled >= FILLED_SHARE * len(ends) and aligned >= ALIGNED_SHARE * len(starts)


def _left_of(line: list[tuple[float, float]], x: float) -> list[tuple[float, float]]:
    """The stretches of a line's text that end before `x`."""
    return [(x0, x1) for x0, x1 in line if x1 < x]


def _right_of(line: list[tuple[float, float]], x: float) -> list[tuple[float, float]]:
    """The stretches of a line's text that start after `x`."""
    return [(x0, x1) for x0, x1 in line if x0 > x]
