"""Where a PDF page's text runs in two columns, from lines as pdfplumber gives them (with their characters)."""

from dataclasses import dataclass
from typing import Any

from retrieval.formats.pdf_columns import reading_regions

CHARACTER = 5.0  # points a character of these lines takes
PITCH = 12.0


@dataclass(frozen=True)
class PageSize:
    width: float = 600.0
    height: float = 800.0


def line(number: int, *stretches: tuple[float, float]) -> dict[str, Any]:
    """Line `number` of a page, with text from x0 to x1 for each of `stretches`."""
    top = 100.0 + number * PITCH
    chars = [
        {"text": "x", "x0": x, "x1": x + CHARACTER}
        for x0, x1 in stretches
        for x in (x0 + i * CHARACTER for i in range(int((x1 - x0) / CHARACTER)))
    ]
    return {"top": top, "bottom": top + 10.0, "chars": chars}


def test_prose_in_two_columns_reads_down_the_left_column_then_the_right() -> None:
    title = line(0, (50, 250))
    columns = [line(n, (50, 290), (310, 550)) for n in range(1, 6)]
    last = [line(6, (50, 180), (310, 550)), line(7, (310, 420))]  # a paragraph ends short in each column
    footer = line(9, (50, 550))
    regions = reading_regions(PageSize(), [title, *columns, *last, footer])
    assert len(regions) == 4  # above, left, right, below
    above, left, right, below = regions
    assert above[3] == left[1] == right[1] and title["bottom"] <= left[1] <= columns[0]["top"]  # the title above
    assert left[2] == right[0] and 290 < left[2] < 310  # the gutter
    assert left[3] == right[3] == below[1] and last[-1]["bottom"] <= below[1] <= footer["top"]  # the footer below


def test_labels_and_values_side_by_side_are_no_columns() -> None:
    """A label ends where its words end, not at a gutter: "Date:", "Members present:"…"""
    fields = [line(n, (50, 50 + width), (320, 500)) for n, width in enumerate([40, 120, 70, 30, 150, 60, 90])]
    assert reading_regions(PageSize(), fields) == [(0.0, 0.0, 600.0, 800.0)]


def test_a_table_laid_out_without_rules_is_no_columns() -> None:
    """Its rows leave a blank across both sides between them, where columns break each where it will."""
    rows = [line(n + n // 2, (50, 290), (310, 550)) for n in range(6)]  # two lines a row, a line's blank between
    assert reading_regions(PageSize(), rows) == [(0.0, 0.0, 600.0, 800.0)]


def test_one_column_of_prose_is_one_region() -> None:
    assert reading_regions(PageSize(), [line(n, (50, 550)) for n in range(10)]) == [(0.0, 0.0, 600.0, 800.0)]
