"""Tables as text: one line per row, each cell led by its column's heading, so that a row reads on its own."""

from __future__ import annotations

from collections.abc import Sequence

CELL_SEPARATOR = " · "


def table_lines(rows: Sequence[Sequence[str | None]]) -> list[str]:
    """Rows after the first as `Heading: cell · Heading: cell`, the first row giving the headings.

    A table of one row, or one column, has no headings to lead with: its cells are joined as they are.
    Cells repeated across a merged span count once; empty cells are left out.
    """
    cleaned = [_merged(row) for row in rows]
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


def _merged(row: Sequence[str | None]) -> list[str]:
    """The row's cells with white space collapsed; a merged cell's repeats (equal neighbours) become empty.

    Positions are kept, so that each cell still lines up with its column's heading.
    """
    cells = [" ".join((cell or "").split()) for cell in row]
    return [cell if i == 0 or cell != cells[i - 1] else "" for i, cell in enumerate(cells)]
