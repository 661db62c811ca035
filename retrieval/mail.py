"""A mail saved as a file (.eml), as a meeting's recap or minutes sent round are kept: who sent it, when, to whom and
about what, then what it says, in plain text (from its HTML where it has none)."""

from __future__ import annotations

import email
import re
from email import policy
from email.message import EmailMessage
from html.parser import HTMLParser
from typing import cast

from retrieval.tables import CELL_SEPARATOR

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
    """The text of an HTML body: a line per paragraph, list item ("- …") and table row (its cells apart)."""
    reader = _HtmlText()
    reader.feed(html)
    reader.close()
    lines = (" ".join(line.split()) for line in "".join(reader.parts).split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.cells = 0  # of the table row being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "li":
            self._new_line("- ")
        elif tag in ("td", "th"):
            self.parts.append(CELL_SEPARATOR if self.cells else "")
            self.cells += 1
        elif tag in _BLOCKS:
            self._new_line()
            self.cells = 0

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self._new_line()

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

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(re.sub(r"\s+", " ", data))
