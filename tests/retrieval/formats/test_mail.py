"""Mails saved as files, from messages the tests write with Python's own email package."""

import datetime
from email.message import EmailMessage
from email.utils import format_datetime

import pytest

from retrieval.formats.mail import mail_text

RECAP = "Hi all,\n\nWe agreed to go with Stratus at $212,000 a year.\n\nThanks,\nPriya\n"


def recap(plain: str | None = RECAP, html: str | None = None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Priya Nair <priya@example.com>"
    message["To"] = "Vendor review group <vendors@example.com>"
    message["Subject"] = "Recap - cloud vendor review"
    message["Date"] = format_datetime(datetime.datetime(2025, 11, 27, 16, 12, tzinfo=datetime.UTC))
    if plain is not None:
        message.set_content(plain)
    if html is not None:
        if plain is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    return message


def test_a_mail_reads_as_its_header_lines_over_its_text() -> None:
    text, subject = mail_text(bytes(recap(html="<p>Hi all, in HTML</p>")))  # the plain text, where there is one
    assert subject == "Recap - cloud vendor review"
    assert text == (
        "From: Priya Nair <priya@example.com>\n"
        "Date: Thursday 27 November 2025, 16:12\n"
        "To: Vendor review group <vendors@example.com>\n"
        "Subject: Recap - cloud vendor review\n\n" + RECAP
    )


def test_a_mail_in_html_only_reads_a_line_per_paragraph_item_and_table_row() -> None:
    """A table's row reads on its own, each cell led by its column's heading, as Word's and PDFs' tables do."""
    html = (
        "<html><head><style>p {margin: 0}</style></head><body><p>Hi all,</p>\n<p>We agreed to go with <b>Stratus</b>."
        "</p>\n<table><tr><th>Action</th><th>Owner</th></tr>\n<tr><td>Ask for the SLA</td><td>Daniel</td></tr>"
        "</table><ul><li>Book the follow-up</li> <li>Check the exit clauses</li></ul><p>Thanks<br>Priya</p></body></html>"
    )
    text, _ = mail_text(bytes(recap(plain=None, html=html)))
    assert text.split("\n\n", 1)[1] == (
        "Hi all,\nWe agreed to go with Stratus.\nAction: Ask for the SLA · Owner: Daniel\n- Book the follow-up\n"
        "- Check the exit clauses\nThanks\nPriya\n"
    )


def test_a_mail_whose_plain_text_is_a_stub_reads_as_its_html() -> None:
    """Some senders write the whole message only in HTML, and a line in the plain part that says so."""
    html = (
        "<h3>Decisions</h3><ul><li>We're switching kit supplier to Pitchside from next season, because our current "
        "supplier has put prices up by 20%.</li><li>The subs for juniors stay at £15 a month.</li></ul>"
    )
    text, _ = mail_text(bytes(recap(plain="Please see the HTML version of this message.\n", html=html)))
    assert text.split("\n\n", 1)[1] == (
        "Decisions\n- We're switching kit supplier to Pitchside from next season, because our current supplier has "
        "put prices up by 20%.\n- The subs for juniors stay at £15 a month.\n"
    )


def test_a_body_in_an_unknown_character_set_is_an_error_that_says_so() -> None:
    data = bytes(recap()).replace(b'charset="utf-8"', b'charset="x-no-such-charset"')
    with pytest.raises(ValueError, match="character set"):
        mail_text(data)
