"""Which row of a table a question asks for by a superlative: "What was the lowest roof bid?", "Which event raised
the most money?", "哪个项目花费最多？". Each row holds the question's words as much as the next; the one that
answers holds the largest or the smallest figure in the column the question names.

Rows are those the readers write, each cell led by its column's heading ("Contractor: A1 Exteriors · Bid:
$33,900 · Notes: …"), compared with the rows under the same headings, and a Markdown table's, compared with the
rows that follow its first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from retrieval.formats.tables import CELL_SEPARATOR
from retrieval.lexical import tokenize
from retrieval.questions.days import TIME_WRITTEN

Extreme = Literal["largest", "smallest"]

# "the most" and "the least", not "most people think": a superlative names one, a majority does not.
_LARGEST = re.compile(
    r"\bthe (?:most|largest|highest|biggest|greatest|maximum)\b|\b(?:highest|largest|biggest|greatest)\b"
    r"|最(?:多|高|大|贵|长)",
    re.IGNORECASE,
)
_SMALLEST = re.compile(
    r"\bthe (?:least|smallest|lowest|fewest|minimum)\b|\b(?:lowest|smallest|fewest|cheapest)\b|最(?:少|低|小|便宜|短)",
    re.IGNORECASE,
)
_CELL = re.compile(r"(?P<heading>[^:：]{1,40})[:：] (?P<value>.+)")
_MARKDOWN_RULE = re.compile(r"\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*")  # "|---|:--:|"
_FIGURE = re.compile(r"(?<![\d.])\d[\d,]*(?:\.\d+)?")


def extreme_asked(question: str) -> Extreme | None:
    """The extreme a question asks for, or None. "The least expensive" is the smallest figure, as "the cheapest"."""
    smallest = _SMALLEST.search(question)
    largest = _LARGEST.search(question)
    if smallest and not largest:
        return "smallest"
    if largest and not smallest:
        return "largest"
    return None


def extreme_rows(question: str, lines: Sequence[str]) -> list[dict[int, bool]]:
    """For a question that asks for an extreme, the tables whose rows are among `lines` (two rows or more): of
    each, its rows' places in `lines`, and whether each holds the extreme figure of the column the question names
    (by a word of its heading) or, where it names none, of its one column of figures. None for any other question,
    nor for a table whose column of figures is not plain."""
    extreme = extreme_asked(question)
    if extreme is None:
        return []
    asked = set(tokenize(question))
    compared = []
    for rows in _tables(lines).values():
        column = _column_asked(list(rows.values()), asked) if len(rows) > 1 else None
        if column is not None:
            figures = {index: _figure(cells[column]) or 0.0 for index, cells in rows.items()}
            best = (max if extreme == "largest" else min)(figures.values())
            compared.append({index: figure == best for index, figure in figures.items()})
    return compared


def _tables(lines: Sequence[str]) -> dict[tuple[str, ...], dict[int, dict[str, str]]]:
    """The rows among `lines` by the table they are rows of, each as its cells by heading: rows the readers write,
    whose every cell leads with its heading, are one table where their headings are the same; a Markdown table,
    whose first row gives the headings, is one where its rows follow each other."""
    tables: dict[tuple[str, ...], dict[int, dict[str, str]]] = {}
    markdown: tuple[str, ...] | None = None  # the table a run of Markdown rows is: where it starts, its headings
    for index, line in enumerate(lines):
        if not line.lstrip().startswith("|"):
            markdown = None
            if cells := _headed_cells(line):
                tables.setdefault(tuple(cells), {})[index] = cells
            continue
        row = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if markdown is None:  # its headings; a first row with a figure is a table seen from the middle: no table
            markdown = (f"| {index}", *row) if not any(map(_figure, row)) else ("|",)
        elif len(row) == len(markdown) - 1 and not _MARKDOWN_RULE.fullmatch(line.strip()):
            tables.setdefault(markdown, {})[index] = dict(zip(markdown[1:], row, strict=True))
    return _with_empty_cells_left_out(tables)


def _with_empty_cells_left_out(
    tables: dict[tuple[str, ...], dict[int, dict[str, str]]],
) -> dict[tuple[str, ...], dict[int, dict[str, str]]]:
    """`tables` with the rows the readers wrote without their empty cells ("Module: ENG102 Mechanics · Enrolled: 208 ·
    Mid-term pass rate: 81%", where the others go on "· Comment: …") in the table whose headings hold theirs in
    order, led by the same one."""
    merged: dict[tuple[str, ...], dict[int, dict[str, str]]] = {}
    for headings in sorted(tables, key=len, reverse=True):
        fuller = next((kept for kept in merged if _leaves_out(kept, headings)), headings)
        merged.setdefault(fuller, {}).update(tables[headings])
    return merged


def _leaves_out(headings: tuple[str, ...], fewer: tuple[str, ...]) -> bool:
    """Whether `fewer` are some of `headings`, in their order and led by the same one (a Markdown table's, led by
    where it starts, by no other's)."""
    if not fewer or fewer[0] != headings[0]:
        return False
    rest = iter(headings)
    return all(heading in rest for heading in fewer)


def _headed_cells(line: str) -> dict[str, str] | None:
    """A row's cells by their headings, or None for a line that is no row of headed cells."""
    if CELL_SEPARATOR not in line:
        return None
    cells = [_CELL.fullmatch(cell.strip()) for cell in line.split(CELL_SEPARATOR)]
    if not all(cells):
        return None
    return {cell["heading"].strip(): cell["value"] for cell in cells if cell}


def _column_asked(rows: Sequence[dict[str, str]], asked: set[str]) -> str | None:
    """The heading of the column of figures a question asks about: one every row gives a figure in, named by the
    question ("Bid" for "the lowest roof bid") or, failing that, the only such column. The first column names the
    rows: it is what the question asks for ("Which module had the lowest pass rate?" of "Module: ENG103 Electrical
    Circuits · … · Mid-term pass rate: 58%"), compared only in a table with no other column of figures."""
    numeric = [heading for heading in rows[0] if all(_figure(cells.get(heading, "")) is not None for cells in rows)]
    numeric = numeric[1:] if len(numeric) > 1 and numeric[0] == next(iter(rows[0])) else numeric
    named = [heading for heading in numeric if asked & set(tokenize(heading))]
    chosen = named or numeric
    return chosen[0] if len(chosen) == 1 else None


def _figure(cell: str) -> float | None:
    """The first figure a cell gives ("$38,400" → 38400), or None; a time is none ("15 January", "2026年3月"): the
    most is no date."""
    match = _FIGURE.search(cell)
    return float(match[0].replace(",", "")) if match and not TIME_WRITTEN.search(cell) else None
