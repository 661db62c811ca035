"""Text out of HTML, as minutes kept as a web page (a wiki's export, Google Docs' "Web page", a council's site) or
sent as a mail's body are read: a line per paragraph, heading and list item, and a table a line per row."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from retrieval.formats.decoding import decode
from retrieval.formats.extract import LIST_ITEM_MARK
from retrieval.formats.tables import labelled_rows, table_lines

_BLOCKS = frozenset("p div br li tr table ul ol h1 h2 h3 h4 h5 h6 blockquote pre hr".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# No words of the record: a page's head, code, and a site's navigation and footer around the minutes; and, marked by
# their role or their name, its banner, breadcrumbs, search box and cookie notice (on elements whose end tag is never
# left out, so that what they hide ends with them).
_HIDDEN = frozenset("head script style title noscript template svg nav footer".split())
_HIDDEN_ROLES = frozenset("navigation banner contentinfo search".split())
_HIDDEN_NAMES = re.compile(r"breadcrumb|cookie|consent|skip-?link|skip-?to", re.IGNORECASE)
_CLOSED_ELEMENTS = frozenset("div section aside header ul ol form dialog span".split())
# The page's own content, where it marks it: a site's page of minutes holds them there, and all else is the site.
_MAIN_CONTENT = re.compile(r"""<main[\s>]|\brole\s*=\s*["']?main\b""", re.IGNORECASE)
_BLANK_LINES = re.compile(r"\n{3,}")
_TITLE_LEVEL = 0  # a paragraph in the Title style heads the document, over its first-level headings
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class HtmlPage:
    text: str
    title: str | None  # as the page shows it (in the Title style, or its first top heading), else as its tab does
    headings: tuple[tuple[int, str], ...]  # (character offset, heading) of each heading's line


def html_source(data: bytes) -> str:
    """An HTML file's text, in the character set its `<meta charset>` declares, else as any text record is read."""
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared:
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            codec = None
        if codec is not None:
            return data.decode(codec.name, errors="replace")  # white space, line ends too, is read as one space
    return decode(data)


def read_html(html: str) -> HtmlPage:
    """A web page's text (as `html_text`), its title and where each heading's line starts."""
    reader = _read(html)
    text = _lines(reader)
    headings, unplaced = [], [heading for _, heading in reader.heading_levels]
    offset = 0
    for line in text.split("\n"):
        if unplaced and line == unplaced[0]:
            headings.append((offset, unplaced.pop(0)))
        offset += len(line) + 1
    top = min(reader.heading_levels, default=None, key=lambda heading: heading[0])
    title = (top[1] if top and top[0] <= 1 else None) or " ".join("".join(reader.title).split()) or None
    return HtmlPage(text + "\n" if text else "", title, tuple(headings))


def html_text(html: str) -> str:
    """The text of an HTML body: a line per paragraph and list item ("- …"), and a table a line per row, each cell
    led by its column's heading as Word's and PDFs' tables are read (retrieval/formats/tables.py)."""
    return _lines(_read(html))


def _read(html: str) -> _HtmlText:
    reader = _HtmlText(main_only=_MAIN_CONTENT.search(html) is not None)
    reader.feed(html)
    reader.close()
    return reader


def _lines(reader: _HtmlText) -> str:
    lines = (" ".join(line.split()) for line in "".join(reader.parts).split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _hides(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    if tag in _HIDDEN:
        return True
    if tag not in _CLOSED_ELEMENTS:
        return False
    values = dict(attrs)
    names = " ".join(values.get(name) or "" for name in ("id", "class", "aria-label"))
    return values.get("role") in _HIDDEN_ROLES or _HIDDEN_NAMES.search(names) is not None


def _styled_as_the_title(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """A paragraph in the document's Title style, as Google Docs (`class="title"`) and Word (`class=MsoTitle`)
    export it: the title as the document shows it, where the browser's tab shows the file's name."""
    classes = (dict(attrs).get("class") or "").lower().split()
    return tag in ("p", "div") and ("title" in classes or "msotitle" in classes)


def _word_list_mark(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """The bullet or number Word writes before a list item's words in a web page (`mso-list:Ignore`)."""
    return tag == "span" and "mso-list:ignore" in (dict(attrs).get("style") or "").replace(" ", "").lower()


def _is_main(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    return tag == "main" or (tag in _CLOSED_ELEMENTS and dict(attrs).get("role") == "main")


class _Element:
    """An element read into, and how deep its tag nests in itself: it ends at the end tag that closes the first."""

    def __init__(self, tag: str) -> None:
        self.tag, self.depth = tag, 1

    def ends(self, tag: str, start: bool) -> bool:
        """Count a tag into the element: whether it closes it."""
        if tag == self.tag:
            self.depth += 1 if start else -1
        return self.depth == 0


def _table_lines(rows: list[list[tuple[str, bool]]]) -> list[str]:
    """A table's lines: a row per line, each cell led by its column's heading, or by its row's where every row
    opens with a heading cell of its own and has no other (a page's properties, as Notion exports them)."""
    filled = [row for row in rows if row]
    texts = [[text for text, _ in row] for row in filled]
    by_row = any(len(row) > 1 for row in filled) and all(
        row[0][1] and not any(heading for _, heading in row[1:]) for row in filled
    )
    return labelled_rows(texts) if by_row else table_lines(texts)


class _HtmlText(HTMLParser):
    def __init__(self, main_only: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []  # the text so far; a table cell's text while it is read
        self.hiding: _Element | None = None  # the hidden element being passed over
        self.main_only = main_only  # whether only the page's main content is read
        self.main: _Element | None = None
        self.list_mark = False  # in the bullet or number Word writes before a list item's words
        # the rows of the tables being read, innermost last: each cell's text, and whether it is a heading (<th>)
        self.tables: list[list[list[tuple[str, bool]]]] = []
        self.cell_starts: list[tuple[int, bool]] = []  # where in `parts` each open cell's text starts, and its kind
        self.title: list[str] = []
        self.heading: tuple[str, int] | None = None  # the tag of the heading being read, where its text starts
        self.heading_levels: list[tuple[int, str]] = []

    @property
    def hidden(self) -> bool:
        return self.hiding is not None or (self.main_only and self.main is None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.hiding is not None and tag == "body" and self.hiding.tag == "head":
            self.hiding = None  # a head whose end tag is left out, as HTML allows
        if self.hiding is not None:
            self.hiding.ends(tag, start=True)
        elif _hides(tag, attrs):
            self.hiding = _Element(tag)
        elif _word_list_mark(tag, attrs):
            self._mark_item()
            self.hiding = _Element(tag)
        elif self.main is not None:
            self.main.ends(tag, start=True)
        elif self.main_only and _is_main(tag, attrs):
            self.main = _Element(tag)
        if self.hidden:
            return
        if (tag in _HEADINGS or _styled_as_the_title(tag, attrs)) and not self.tables:
            self._new_line()
            self.heading = (tag, len(self.parts))
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._close_cell()
            self.cell_starts.append((len(self.parts), tag == "th"))
        elif tag == "li":
            self._new_line(LIST_ITEM_MARK)
        elif tag in _BLOCKS:
            self._new_line()

    def handle_endtag(self, tag: str) -> None:
        if self.hiding is not None:
            if self.hiding.ends(tag, start=False):
                self.hiding = None
            return
        if self.main is not None and self.main.ends(tag, start=False):
            self.main = None
            self._new_line()
        if self.hidden:
            return
        if self.heading is not None and tag == self.heading[0]:
            level, start = _TITLE_LEVEL if tag not in _HEADINGS else int(tag[1]), self.heading[1]
            self.heading = None
            if heading := self._text_since(start):
                self.heading_levels.append((level, heading))
            self._new_line()
        elif tag in ("td", "th"):
            self._close_cell()
        elif tag == "table" and self.tables:
            self._close_cell()
            rows = self.tables.pop()
            self._new_line()
            self.parts.append("\n".join(_table_lines(rows)))
            self._new_line()
        elif tag in _BLOCKS and tag != "tr":
            self._new_line()

    def unknown_decl(self, data: str) -> None:
        """Word's web pages hold a list item's bullet or number in `<![if !supportLists]>…<![endif]>`: a mark of
        the item, no words of it."""
        condition = data.strip().lower()
        if condition == "if !supportlists":
            self.list_mark = True
            self._mark_item()
        elif condition == "endif":
            self.list_mark = False

    def handle_data(self, data: str) -> None:
        if self.list_mark:
            return
        if not self.hidden:
            self.parts.append(re.sub(r"\s+", " ", data))
        elif self.lasttag == "title":
            self.title.append(data)

    def _close_cell(self) -> None:
        """End the table cell being read, if one is: its text becomes a cell of the table's last row."""
        if len(self.cell_starts) < len(self.tables) or not self.tables:
            return
        start, heading = self.cell_starts.pop()
        text = self._text_since(start)
        del self.parts[start:]
        if not self.tables[-1]:
            self.tables[-1].append([])
        self.tables[-1][-1].append((text, heading))

    def _text_since(self, start: int) -> str:
        """The words read since `parts[start]`, white space collapsed."""
        return " ".join("".join(self.parts[start:]).split())

    def _mark_item(self) -> None:
        """Open the line as a list's item, once (Word marks its bullet twice over)."""
        if not self.hidden and LIST_ITEM_MARK not in self.parts[-2:]:
            self.parts.append(LIST_ITEM_MARK)

    def _new_line(self, lead: str = "") -> None:
        """Start a line, opening with `lead`: one, where a block's end and the next's start meet (with no text, or
        only the white space between tags, between them)."""
        for part in reversed(self.parts):
            if part.rstrip(" ").endswith("\n"):
                break
            if part.strip() and part != LIST_ITEM_MARK:  # a list item's mark over a block: "<li><div>…"
                self.parts.append("\n")
                break
        self.parts.append(lead)
