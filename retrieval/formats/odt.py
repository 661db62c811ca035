"""OpenDocument text (.odt), as LibreOffice and many councils keep minutes: headings, paragraphs, list items and
table rows in document order, read from the file's content.xml with the standard library's zip and lxml."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from io import BytesIO
from typing import TYPE_CHECKING

from lxml import etree

from retrieval.formats.tables import table_lines

if TYPE_CHECKING:
    from retrieval.formats.extract import Block
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _tag(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


_HEADING, _PARAGRAPH, _SPACES, _SPACE_COUNT = _tag(_TEXT, "h"), _tag(_TEXT, "p"), _tag(_TEXT, "s"), _tag(_TEXT, "c")
_LIST_PARTS = {_tag(_TEXT, "list"), _tag(_TEXT, "list-item"), _tag(_TEXT, "list-header")}
_BREAKS = {_tag(_TEXT, "tab"), _tag(_TEXT, "line-break")}
_TABLE_ELEMENT, _ROW, _CELL = _tag(_TABLE, "table"), _tag(_TABLE, "table-row"), _tag(_TABLE, "table-cell")
_COVERED_CELL, _REPEATED = _tag(_TABLE, "covered-table-cell"), _tag(_TABLE, "number-columns-repeated")
_TEXT_BOX = _tag(_DRAW, "text-box")
_MOST_REPEATED = 64  # columns a repeated cell or spaces count for at most: more is no layout minutes have
# What a paragraph holds that is no text of it: a footnote, a comment, a box drawn over the page (read after it).
_NOT_INLINE = {_tag(_TEXT, "note"), _tag(_OFFICE, "annotation"), _tag(_DRAW, "frame")}
# Body elements with no text read: what tracked changes deleted, a table of contents repeating the headings.
_NOT_BODY = {_tag(_TEXT, "tracked-changes"), _tag(_TEXT, "table-of-content"), _tag(_OFFICE, "forms")}


class NotOpenDocument(ValueError):
    """The file is no OpenDocument text: the message says what is wrong."""


def odt_blocks(data: bytes) -> tuple[Iterator[Block], str | None]:
    """The document's blocks in order (a heading's, item's or paragraph's text, a table's rows a line each), and
    the title its metadata gives. Tracked changes read as accepted: what was deleted is kept apart from the text."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as package:
            content = etree.fromstring(package.read("content.xml"), _PARSER)
            meta = etree.fromstring(package.read("meta.xml"), _PARSER) if "meta.xml" in package.namelist() else None
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as error:
        raise NotOpenDocument(str(error)) from None
    body = content.find(f"{{{_OFFICE}}}body/{{{_OFFICE}}}text")
    if body is None:
        raise NotOpenDocument("no text body (a spreadsheet or a presentation?)")
    title = meta.findtext(f".//{{{_DC}}}title") if meta is not None else None
    return _blocks(body), " ".join((title or "").split()) or None


def _blocks(element: etree._Element, in_list: bool = False) -> Iterator[Block]:
    for child in element:
        tag = child.tag
        if tag == _HEADING:
            yield "heading", _inline_text(child)
            yield from _frames(child)
        elif tag == _PARAGRAPH:
            yield ("item" if in_list else "text"), _inline_text(child)
            yield from _frames(child)
        elif tag in _LIST_PARTS:
            yield from _blocks(child, in_list=True)
        elif tag == _TABLE_ELEMENT:
            rows = [row for row in child.iter(_ROW) if _table_of(row) is child]
            for line in table_lines([_row_cells(row) for row in rows]):
                yield "row", line
        elif tag not in _NOT_BODY:  # a section, a region of change marks, a text box's content
            yield from _blocks(child, in_list)


def _frames(paragraph: etree._Element) -> Iterator[Block]:
    """The text boxes anchored in a paragraph, after it."""
    for box in paragraph.iter(_TEXT_BOX):
        yield from _blocks(box)


def _table_of(row: etree._Element) -> etree._Element | None:
    return next(row.iterancestors(_TABLE_ELEMENT), None)


def _row_cells(row: etree._Element) -> list[str | None]:
    """A table row's cell texts, None where a merged cell goes on, a repeated cell once per column it spans."""
    cells: list[str | None] = []
    for cell in row:
        repeated = min(int(cell.get(_REPEATED, "1")), _MOST_REPEATED)
        if cell.tag == _COVERED_CELL:
            cells.extend([None] * repeated)
        elif cell.tag == _CELL:
            text = "\n".join(_inline_text(paragraph) for paragraph in cell.iter(_PARAGRAPH, _HEADING))
            cells.extend([text] * repeated)
    return cells


def _inline_text(paragraph: etree._Element) -> str:
    """A paragraph's words: its spans and links, `<text:s text:c="3"/>` as three spaces, tabs and line breaks as
    spaces; no footnote, comment or box drawn in it."""
    parts = [paragraph.text or ""]
    for child in paragraph:
        if child.tag == _SPACES:
            parts.append(" " * min(int(child.get(_SPACE_COUNT, "1")), _MOST_REPEATED))
        elif child.tag in _BREAKS:
            parts.append(" ")
        elif child.tag not in _NOT_INLINE:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
