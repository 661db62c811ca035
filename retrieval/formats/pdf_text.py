"""PDF text as the document reads, from the layout of its lines (pdfplumber).

A PDF holds lines placed on pages, not paragraphs. Lines wrapped by the layout are joined back into their
paragraphs (a word hyphenated at a line end is made whole again), running headers, footers and page numbers are
left out, ruled tables become one line per row (retrieval/formats/tables.py), and prose set in two columns reads down
each column (retrieval/formats/pdf_columns.py). Each page's text is anchored, so a citation still names its page.
"""

from __future__ import annotations

import io
import itertools
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from retrieval.formats.pdf_columns import reading_regions
from retrieval.formats.tables import table_lines
from retrieval.text.language import is_cjk

MARGIN_SHARE = 0.12  # the top and bottom of a page where running headers and footers stand
MARGIN_LINES = 2  # of a page's lines, the first and last few may be a header or a footer
RUNNING_PAGES = 3  # a margin line repeating on this many pages (digits aside) runs with the layout
WORD_GAP = 0.15  # a gap wider than this share of the font size between two characters separates words
PARAGRAPH_GAP = 1.45  # a gap above a line larger than this many usual line pitches starts a paragraph
SHORT_LINE_SHARE = 0.12  # a line ending this share of the column's width before its right edge ends a paragraph
HEIGHT_CHANGE = 0.2  # a change of line height (font size) by this share starts a paragraph
SMALL_PRINT_SHARE = 0.9  # a line lower than this share of the page's usual line height is set in small print
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:page|p\.|seite|第)?\s*\d+\s*(?:(?:of|/|von)\s*\d+)?\s*页?[-–—\s]*$", re.I)
# A footer that ends with where the page stands in the document ("Planning Committee minutes 6 October 2025
# Page 1 of 1"): one even a document of one page runs, where no line can be seen to repeat.
_PAGE_OF_PAGES = re.compile(r"(?:^|\s)(?:page|seite)\s*\d+\s*(?:of|/|von)\s*\d+\s*$", re.I)
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.I)  # in the names PDFs give their fonts
_EDGE_NUMBER = re.compile(r"^(\d{1,4})\s|\s(\d{1,4})$")
_SENTENCE_END = tuple(".!?:;。！？；：…\"'”’)")
_LIST_ITEM = re.compile(r"^(?:[•▪◦‣*-]|\d{1,2}[.)]|[a-z][.)])\s")
# A line that opens with a field's label, as minutes set their front matter a field to a line ("Present: Cllr Hale…"
# under "Date: Tuesday 4 November 2025"), starts its own paragraph however long the line before it ran.
_FIELD = re.compile(r"^[A-Z][\w'’-]*(?: [\w'’()-]+){0,3}:\s")
_WORD_AT_END = re.compile(r"(\w+)-$")
_WORD_AT_START = re.compile(r"^(\w+)")


class NoTextLayer(Exception):
    """The PDF has pages but no text to read (a scan)."""


@dataclass(frozen=True)
class Line:
    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    bold: bool = False  # every letter set in a bold font, as a heading is
    region: int = 0  # the part of the page it stands in, in reading order (retrieval/formats/pdf_columns.py)

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class Page:
    number: int
    height: float
    lines: list[Line]
    tables: list[tuple[tuple[int, float], list[str]]]  # ((region, top), one line per row)


@dataclass
class Block:
    """A paragraph or a table row, with the page it starts on and where each later page starts, if it runs on."""

    text: str
    page: int
    page_starts: list[tuple[int, int]]  # (offset in text, page number) for pages the block runs onto
    complete: bool  # cannot go on: a table row, or a paragraph ending short or with punctuation
    is_row: bool = False


@dataclass(frozen=True)
class PdfText:
    text: str  # one paragraph or table row per line
    anchors: tuple[tuple[int, str], ...]  # (offset, "page N") where each page's text starts
    title: str | None  # from the document's metadata


def read_pdf(data: bytes) -> PdfText:
    """The document's paragraphs and table rows in reading order, one per line, with page anchors.

    Raises pdfplumber's errors for unreadable files and NoTextLayer for a PDF without text.
    """
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        title = pdf.metadata.get("Title")
        pages = [_page(number, page) for number, page in enumerate(pdf.pages, start=1)]
    if not any(page.lines or page.tables for page in pages):
        raise NoTextLayer()
    _drop_running_lines(pages)
    texts: list[str] = []
    anchors: list[tuple[int, str]] = []
    offset = 0
    for block in _blocks(pages, _vocabulary(pages)):
        for start, page in [(0, block.page), *block.page_starts]:
            if not anchors or anchors[-1][1] != f"page {page}":
                anchors.append((offset + start, f"page {page}"))
        texts.append(block.text)
        offset += len(block.text) + 1
    return PdfText("\n".join(texts) + "\n", tuple(anchors), title.strip() if isinstance(title, str) else None)


def _page(number: int, page: Any) -> Page:
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    whole = _text_lines(page, boxes)
    regions = reading_regions(page, whole)
    in_regions = [whole] if len(regions) == 1 else [_text_lines(page.crop(region), boxes) for region in regions]
    lines = [
        Line(line["top"], line["bottom"], line["x0"], line["x1"], line["text"], _is_bold(line["chars"]), index)
        for index, region_lines in enumerate(in_regions)
        for line in region_lines
    ]
    rows = [((_region_of(table.bbox, regions), table.bbox[1]), table_lines(table.extract())) for table in tables]
    return Page(number, float(page.height), lines, rows)


def _text_lines(page: Any, tables: list[tuple[float, float, float, float]]) -> list[dict[str, Any]]:
    """The lines of text on a page (or a part of one), with their characters, but for those in `tables`."""
    lines = page.extract_text_lines(strip=True, return_chars=True, x_tolerance_ratio=WORD_GAP)
    return [line for line in lines if line["text"].strip() and not any(_inside(line, box) for box in tables)]


def _region_of(box: tuple[float, float, float, float], regions: list[tuple[float, float, float, float]]) -> int:
    """The part of the page a table stands in: the one that holds its top left corner."""
    return next(
        (i for i, (x0, top, x1, bottom) in enumerate(regions) if x0 <= box[0] < x1 and top <= box[1] < bottom), 0
    )


def _is_bold(characters: list[dict[str, Any]]) -> bool:
    """Whether every letter of a line is set in a bold font."""
    letters = [character for character in characters if character["text"].strip()]
    return bool(letters) and all(_BOLD_FONT.search(character.get("fontname", "")) for character in letters)


def _inside(line: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    middle_x, middle_y = (line["x0"] + line["x1"]) / 2, (line["top"] + line["bottom"]) / 2
    return box[0] <= middle_x <= box[2] and box[1] <= middle_y <= box[3]


def _drop_running_lines(pages: list[Page]) -> None:
    """Remove running headers and footers: page numbers, lines in the margins that repeat on several pages
    (digits aside), and lines there whose number goes up with the page ("Chapter 3: Utilities 7").

    Running heads may change with each chapter, so a line counts as running once it repeats on RUNNING_PAGES
    pages, or on every page of a shorter document. A document of one page repeats nothing: there, a line at the
    top in small print is its running header ("Ashford Vale Town Council" over "ASHFORD VALE TOWN COUNCIL").
    """
    margins = [_margin_lines(page) for page in pages]
    repeats = max(2, min(RUNNING_PAGES, len(pages)))
    keys = Counter(key for lines in margins for key in {_key(line) for line in lines})
    folios = Counter(
        folio for page, lines in zip(pages, margins, strict=True) for folio in {_folio(line, page) for line in lines}
    )
    for page, lines in zip(pages, margins, strict=True):
        running = {
            id(line)
            for line in lines
            if keys[_key(line)] >= repeats
            or (folios[_folio(line, page)] >= repeats and _folio(line, page) is not None)
            or _PAGE_NUMBER.match(line.text)
            or _PAGE_OF_PAGES.search(line.text)
            or (len(pages) == 1 and _small_print_at_the_top(line, page))
        }
        page.lines = [line for line in page.lines if id(line) not in running]


def _small_print_at_the_top(line: Line, page: Page) -> bool:
    return line.top < page.height / 2 and line.height < SMALL_PRINT_SHARE * statistics.median(
        other.height for other in page.lines
    )


def _folio(line: Line, page: Page) -> tuple[bool, int] | None:
    """(at the top?, printed number minus page number) for a margin line that starts or ends with a number."""
    number = _EDGE_NUMBER.search(line.text)
    if number is None:
        return None
    return line.top < page.height / 2, int(number.group(1) or number.group(2)) - page.number


def _margin_lines(page: Page) -> list[Line]:
    edge = page.height * MARGIN_SHARE
    first, last = page.lines[:MARGIN_LINES], page.lines[-MARGIN_LINES:]
    return [line for line in first if line.top <= edge] + [
        line for line in last if line.bottom >= page.height - edge and line not in first
    ]


def _key(line: Line) -> str:
    return re.sub(r"\d+", "#", " ".join(line.text.lower().split()))


def _vocabulary(pages: list[Page]) -> Counter[str]:
    """How often each word occurs in the document, to tell a hyphenated word from one broken by the layout."""
    return Counter(
        word.lower() for page in pages for line in page.lines for word in re.findall(r"\w+(?:-\w+)*", line.text)
    )


def _blocks(pages: list[Page], vocabulary: Counter[str]) -> Iterator[Block]:
    """Paragraphs and table rows of all pages; a paragraph left open at a page's end goes on on the next page."""
    open_block: Block | None = None
    for page in pages:
        for index, block in enumerate(_page_blocks(page, vocabulary)):
            if index == 0 and open_block is not None and not open_block.complete and not block.is_row:
                joined = join_lines(open_block.text, block.text, vocabulary)
                open_block.page_starts.append((len(joined) - len(block.text), page.number))
                open_block.text = joined
                open_block.complete = block.complete
                continue
            if open_block is not None:
                yield open_block
            open_block = block
    if open_block is not None:
        yield open_block


def _page_blocks(page: Page, vocabulary: Counter[str]) -> list[Block]:
    """The page's paragraphs and table rows in reading order: top to bottom, down each column in turn where the
    page sets its text in columns."""
    placed: list[tuple[tuple[int, float], Block]] = []
    for paragraph in _paragraphs(page.lines):
        text = paragraph[0].text
        for line in paragraph[1:]:
            text = join_lines(text, line.text, vocabulary)
        last = paragraph[-1]
        complete = last.text.endswith(_SENTENCE_END) or _is_short(last, _in_region(page.lines, last.region))
        placed.append(((paragraph[0].region, paragraph[0].top), Block(text, page.number, [], complete)))
    for place, rows in page.tables:
        placed.extend((place, Block(row, page.number, [], True, is_row=True)) for row in rows)
    placed.sort(key=lambda item: item[0])
    return [block for _, block in placed]


def _paragraphs(lines: list[Line]) -> Iterator[list[Line]]:
    if not lines:
        return
    pitches = [b.top - a.top for a, b in itertools.pairwise(lines) if b.top > a.top and a.region == b.region]
    pitch = statistics.median(pitches) if pitches else lines[0].height * 1.2
    right = {region: max(line.x1 for line in _in_region(lines, region)) for region in {line.region for line in lines}}
    current = [lines[0]]
    for line in lines[1:]:
        previous = current[-1]
        new_paragraph = (
            (line.region == previous.region and line.top - previous.top > pitch * PARAGRAPH_GAP)
            or abs(line.height - previous.height) > HEIGHT_CHANGE * max(previous.height, 1e-6)
            or line.bold != previous.bold  # a heading set in bold over its paragraph, whatever its length
            or _ended_early(previous, line, right[previous.region])
            or bool(_LIST_ITEM.match(line.text) or _FIELD.match(line.text))
        )
        if new_paragraph:
            yield current
            current = []
        current.append(line)
    yield current


def _in_region(lines: list[Line], region: int) -> list[Line]:
    return [line for line in lines if line.region == region]


def _ended_early(line: Line, following: Line, right: float) -> bool:
    """True when the first word of the following line would have fitted on `line`: the layout did not wrap it.

    After a hyphen, the word that did not fit is the whole one ("renova-" + "tion").
    """
    words = following.text.split()
    word = (_WORD_AT_END.search(line.text) or [""])[0] + words[0] if words else ""
    character = (line.x1 - line.x0) / max(len(line.text), 1)
    return right - line.x1 > character * (len(word) + 1)


def _is_short(line: Line, lines: list[Line]) -> bool:
    """True when the line stops well before the right edge of the text column: the layout did not wrap it."""
    left, right = min(other.x0 for other in lines), max(other.x1 for other in lines)
    return right - line.x1 > SHORT_LINE_SHARE * (right - left)


def join_lines(first: str, second: str, vocabulary: Counter[str] | None = None) -> str:
    """Two lines wrapped by a layout, joined as the writer wrote them.

    A hyphen at the line end is dropped when the word is whole without it (it occurs so elsewhere, or not with
    the hyphen) and kept otherwise ("well-known"); Chinese, Japanese and Korean text is joined without a space.
    """
    vocabulary = vocabulary or Counter()
    head = _WORD_AT_END.search(first)
    tail = _WORD_AT_START.match(second)
    if head and tail and second[0].islower():
        hyphenated = f"{head.group(1)}-{tail.group(1)}".lower()
        whole = f"{head.group(1)}{tail.group(1)}".lower()
        keep = vocabulary[hyphenated] > vocabulary[whole]
        return first + second if keep else first[:-1] + second
    if first.endswith("_") or (is_cjk(first[-1]) and is_cjk(second[0])):
        return first + second
    return f"{first} {second}"
