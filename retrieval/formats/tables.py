"""Tables as text: one line per row, each cell led by its column's heading, so that a row reads on its own."""

from __future__ import annotations

import re
from collections.abc import Sequence

CELL_SEPARATOR = " · "
# A row as table_lines writes it, and the name its first cell gives it: "Topic: Slipway · Notes: …" → "Slipway", or
# as long as an application's title: "FREC-25-118 Wearable sleep trackers in older adults (Dr Chen)".
_ROW_NAME = re.compile(rf"[^·:：\n]{{1,40}}: (?P<name>[^·;:\n]{{1,90}}?){re.escape(CELL_SEPARATOR)}")
ROW_NAME_MAX_WORDS = 12
# Cells that open a row with a figure or a time and name nothing: "Time: 10 min · Item: Postgres upgrade · …" is about
# the upgrade, "No.: 3 · Item: Roof · …" about the roof.
_FIGURE_CELLS = re.compile(
    rf"(?:[^·:：\n]{{1,40}}: [\d.,:/–-]+(?:\s?(?:min|mins|minutes|h|hrs?|hours|am|pm|%))?{re.escape(CELL_SEPARATOR)})*",
    re.IGNORECASE,
)


def table_lines(rows: Sequence[Sequence[str | None]]) -> list[str]:
    """Rows after the first as `Heading: cell · Heading: cell`, the first row giving the headings.

    A table of one row, or one column, has no headings to lead with: its cells are joined as they are.
    Empty cells are left out, and so are the places a merged cell spans after its first (None, as the readers
    give them): two cells that only say the same ("£7,200" in 2025 and in 2026) are both kept.
    """
    cleaned = [[" ".join((cell or "").split()) for cell in row] for row in rows]
    cleaned = [row for row in cleaned if any(row)]
    if len(cleaned) < 2 or max(map(len, cleaned)) < 2:
        return [CELL_SEPARATOR.join(filter(None, row)) for row in cleaned]
    headings, *body = cleaned
    lines = []
    for row in body:
        cells = [
            f"{headings[i]}: {cell}" if i < len(headings) and headings[i] and headings[i] != cell else cell
            for i, cell in enumerate(row)
            if cell
        ]
        if cells:
            lines.append(CELL_SEPARATOR.join(cells))
    return lines


def labelled_rows(rows: Sequence[Sequence[str]]) -> list[str]:
    """A table whose every row is led by a heading cell of its own (a page's properties: "Attendees | Lena Fischer,
    Grace Kim"; "Type | Weekly sync") as `Heading: cell · cell`, a line per row."""
    cleaned = [[" ".join(cell.split()) for cell in row] for row in rows]
    return [f"{row[0]}: {CELL_SEPARATOR.join(filter(None, row[1:]))}" for row in cleaned if row and any(row[1:])]


def is_row(line: str) -> bool:
    """Whether a line is a table's row, as `table_lines` writes one or Markdown does ("| Owner | Due |")."""
    return CELL_SEPARATOR in line or line.lstrip().startswith("|")


def row_name(line: str) -> str | None:
    """What a table row is about, as its first cell names it in a few words ("Topic: Slipway · Notes: …" →
    "Slipway"; a time or a figure before it names nothing), or None for a line that is no row or whose first cell
    says more."""
    match = _ROW_NAME.match(line, _FIGURE_CELLS.match(line).end())
    return match["name"].strip() if match and len(match["name"].split()) <= ROW_NAME_MAX_WORDS else None
