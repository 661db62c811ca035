"""A mail saved as a file (.eml), as a meeting's recap or minutes sent round are kept: who sent it, when, to whom and
about what, then what it says, in plain text (from its HTML where it has none)."""

from __future__ import annotations

import email
import re
from email import policy
from email.message import EmailMessage
from typing import cast

from retrieval.html_text import html_text

_HEADERS = ("From", "Date", "To", "Cc", "Subject")
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
