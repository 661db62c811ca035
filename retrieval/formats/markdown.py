"""Markdown that formats minutes (lists, checkboxes, headings, bold), as opposed to the words they say."""

from __future__ import annotations

import re

from retrieval.formats.tables import CELL_SEPARATOR
from retrieval.text.language import is_cjk, is_wide

# What opens a list item: a bullet or a number, then a checkbox ("- ", "2) ", "- [ ] ", "1、" as Chinese writes a
# list's numbers); or a number as Chinese writes a section's ("一、", "（二）"), whose line of its own is a heading
# ("一、城市建设") and whose line that says more is an item ("一、供暖。陈本报告…").
_CHINESE_NUMERAL = r"[一二三四五六七八九十]{1,3}"
CHINESE_NUMBERING = rf"[ \t]*(?:{_CHINESE_NUMERAL}、|（(?:{_CHINESE_NUMERAL}|\d{{1,3}})）)[ \t]*"
NUMBER_MARK = r"\d{1,3}[.)]"  # "1.", "2)": a numbered item's mark
LIST_MARK = rf"(?:[ \t]*(?:(?:[-*+•]|{NUMBER_MARK})[ \t]+|\d{{1,3}}、[ \t]*)|{CHINESE_NUMBERING})(?:\[[ xX]\][ \t]+)?"
# What opens a list item, a heading or a quotation.
_LEAD = re.compile(rf"^(?:{LIST_MARK}|\s*#{{1,6}}\s+|\s*>\s+)")
MARKDOWN_HEADING = re.compile(r"\s{0,3}#{1,6}\s+\S")  # "# Budget committee", "## Action items"
# Text set in bold, whose marks go and words stay; not __bold__, as "__init__" is a word.
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
# HTML that exported Markdown formats with (Notion's toggles, a table cell's line breaks): "<summary>Notes on
# onboarding</summary>", "Ship it<br>after QA". A line break reads as a space (none after Chinese punctuation or
# before a Chinese character: "增设普通班1班，<br>班级分为…"), the other tags as nothing.
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:summary|details|b|i|u|s|em|strong|mark|span|sup|sub|kbd|code|p|div|font)\b[^<>\n]*>", re.IGNORECASE
)
_TABLE_ROW = re.compile(r"\s*\|(.*)\|\s*")  # | Remove the extension | Tom | 2025-03-21 |
_QUOTED_LINE_MARKS = re.compile(r"(?<=\n)[ \t]*(?:>[ \t]*)+")  # the marks of a quotation's later lines


def unformatted(text: str) -> str:
    """`text` without the Markdown that formats it: a list item's bullet, number or checkbox, a heading's mark, a
    quotation's marks on each line it wraps over (as mail quotes too), bold ("- [ ] **Marco:** share the runbook"
    → "Marco: share the runbook"), a table row's bars ("| Draft the runbook | Marco |" → "Draft the runbook ·
    Marco"), and HTML tags of exported Markdown ("<summary>Notes</summary>" → "Notes", "<br>" → " ")."""
    text = _HTML_TAG.sub("", _HTML_BREAK.sub(_line_break, text))
    if row := _TABLE_ROW.fullmatch(text):
        text = CELL_SEPARATOR.join(cell.strip() for cell in row.group(1).split("|") if cell.strip())
    return _BOLD.sub(r"\1", _LEAD.sub("", _QUOTED_LINE_MARKS.sub("", text)))


def _line_break(tag: re.Match[str]) -> str:
    before, after = tag.string[tag.start() - 1 : tag.start()], tag.string[tag.end() : tag.end() + 1]
    return "" if (before and is_wide(before)) or (after and is_cjk(after)) else " "
