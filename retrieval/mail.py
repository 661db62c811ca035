"""A mail saved as a file (.eml), as a meeting's recap or minutes sent round are kept: who sent it, when, to whom and
about what, then what it says, in plain text (from its HTML where it has none)."""

from __future__ import annotations

import email
import re
from email import policy
from email.message import EmailMessage
from html.parser import HTMLParser
from typing import cast

from retrieval.tables import table_lines

_HEADERS = ("From", "Date", "To", "Cc", "Subject")
_BLOCKS = frozenset("p div br li tr table ul ol h1 h2 h3 h4 h5 h6 blockquote pre hr".split())
_HIDDEN = frozenset("head script style title".split())
_BLANK_LINES = re.compile(r"\n{3,}")


def mail_text(data: bytes) -> tuple[str, str | None]:
    """A mail's text, its header lines ("From: …", "Date: Thursday 27 November 2025, 16:12", "Subject: …") over
    its body, and its subject. Raises ValueError for a body in an unknown character set."""
    message = cast(EmailMessage, email.message_from_bytes(data, policy=policy.default))  # as the policy makes it
    headers = [f"{name}: {value}" for name in _HEADERS if (value := _header(message, name))]
    body = message.get_body(preferencelist=("plain", "html"))
    try:
        content = "" if body is None else str(body.get_content())
    except LookupError as error:  # a charset Python does not know
        raise ValueError(f"unknown character set ({error})") from None
    if body is not None and body.get_content_type() == "text/html":
        content = html_text(content)
    text = "\n".join(headers) + "\n\n" + _BLANK_LINES.sub("\n\n", content.replace("\r\n", "\n")).strip() + "\n"
    return text, _header(message, "Subject")


def _header(message: EmailMessage, name: str) -> str | None:
    value = message[name]
    if value is None:
        return None
    when = getattr(value, "datetime", None)
    if name == "Date" and when is not None:
        return f"{when:%A} {when.day} {when:%B %Y, %H:%M}"
    return " ".join(str(value).split()) or None


def html_text(html: str) -> str:
    """The text of an HTML body: a line per paragraph and list item ("- …"), and a table a line per row, each cell
    led by its column's heading as Word's and PDFs' tables are read (retrieval/tables.py)."""
    reader = _HtmlText()
    reader.feed(html)
    reader.close()
    lines = (" ".join(line.split()) for line in "".join(reader.parts).split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []  # the text so far; a table cell's text while it is read
        self.hidden = 0
        self.tables: list[list[list[str]]] = []  # the rows of the tables being read, innermost last
        self.cell_starts: list[int] = []  # where in `parts` each open cell's text starts

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._close_cell()
            self.cell_starts.append(len(self.parts))
        elif tag == "li":
            self._new_line("- ")
        elif tag in _BLOCKS:
            self._new_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in ("td", "th"):
            self._close_cell()
        elif tag == "table" and self.tables:
            self._close_cell()
            rows = self.tables.pop()
            self._new_line()
            self.parts.append("\n".join(table_lines(rows)))
            self._new_line()
        elif tag in _BLOCKS and tag != "tr":
            self._new_line()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(re.sub(r"\s+", " ", data))

    def _close_cell(self) -> None:
        """End the table cell being read, if one is: its text becomes a cell of the table's last row."""
        if len(self.cell_starts) < len(self.tables) or not self.tables:
            return
        start = self.cell_starts.pop()
        text = " ".join("".join(self.parts[start:]).split())
        del self.parts[start:]
        if not self.tables[-1]:
            self.tables[-1].append([])
        self.tables[-1][-1].append(text)

    def _new_line(self, lead: str = "") -> None:
        """Start a line, opening with `lead`: one, where a block's end and the next's start meet (with no text, or
        only the white space between tags, between them)."""
        for part in reversed(self.parts):
            if part.rstrip(" ").endswith("\n"):
                break
            if part.strip():
                self.parts.append("\n")
                break
        self.parts.append(lead)
