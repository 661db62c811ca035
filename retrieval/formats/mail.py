"""A mail saved as a file (.eml), as a meeting's recap or minutes sent round are kept: who sent it, when, to whom and
about what, then what it says, in plain text (from its HTML where it has none, or only a stub)."""

from __future__ import annotations

import email
import re
from email import policy
from email.message import EmailMessage
from typing import cast

from retrieval.formats.html_text import html_text
from retrieval.text.language import word_count

_HEADERS = ("From", "Date", "To", "Cc", "Subject")
_BLANK_LINES = re.compile(r"\n{3,}")


def mail_text(data: bytes) -> tuple[str, str | None]:
    """A mail's text, its header lines ("From: …", "Date: Thursday 27 November 2025, 16:12", "Subject: …") over
    its body, and its subject. Raises ValueError for a body in an unknown character set."""
    message = cast(EmailMessage, email.message_from_bytes(data, policy=policy.default))  # as the policy makes it
    headers = [f"{name}: {value}" for name in _HEADERS if (value := _header(message, name))]
    content = _body_text(message)
    text = "\n".join(headers) + "\n\n" + _BLANK_LINES.sub("\n\n", content.replace("\r\n", "\n")).strip() + "\n"
    return text, _header(message, "Subject")


def _body_text(message: EmailMessage) -> str:
    """What a mail says: its plain text, or its HTML read as text where it has none, or where the plain text says
    less than half as much (a stub, "Please see the HTML version of this message.")."""
    plain, html = (message.get_body(preferencelist=(kind,)) for kind in ("plain", "html"))
    said = _content(plain) if plain is not None else ""
    if html is None:
        return said
    written = html_text(_content(html))
    return written if word_count(said) < word_count(written) / 2 else said


def _content(part: EmailMessage) -> str:
    try:
        return str(part.get_content())
    except LookupError as error:  # a charset Python does not know
        raise ValueError(f"unknown character set ({error})") from None


def _header(message: EmailMessage, name: str) -> str | None:
    value = message[name]
    if value is None:
        return None
    when = getattr(value, "datetime", None)
    if name == "Date" and when is not None:
        return f"{when:%A} {when.day} {when:%B %Y, %H:%M}"
    return " ".join(str(value).split()) or None
