"""Attendance lines of minutes: who came, who sent apologies, who held a role at the meeting.

"Present: Ana Ruiz (chair), Ben Cole and Dev Singh", "Members absent: Peter Wong", "出席：张明、李华" list who
attended or not; "Chair: Farah Khan", "Facilitator: Yuki Tanaka" and "Team: Omar, Beatriz, Kwame" list who held a
role. Such a line names people and says nothing of what they discussed. A role's label opens a speaker's turn
when more than names follow it ("Chair: Thank you all for coming.", "Chair: Okay.").
"""

from __future__ import annotations

import re

from retrieval.formats.markdown import unformatted
from retrieval.text.sentences import sentence_spans

_ATTENDANCE_LABELS = frozenset(
    "present|members present|also present|board present|absent|members absent|also absent|board absent|attendees"
    "|attending|attendance|in attendance|apologies|apologies for absence|regrets|participants|出席|出席人员|列席"
    "|列席人员|缺席|缺席人员|请假|请假人员|参会|参会人员|参加人员|与会|与会人员".split("|")
)
# Roles a line of minutes may name the holder of ("Chair: Farah Khan"); a speaker's label may be one too.
_ROLE_LABELS = frozenset(
    "chair|chairperson|chairman|chairwoman|chaired by|facilitator|facilitated by|moderator|host|hosted by|secretary"
    "|treasurer|president|team|members|guests|scribe|note taker|notetaker|minute taker|timekeeper|clerk|主持|主持人"
    "|记录|记录人".split("|")
)


# Chinese minutes name who attended by what they are, after the word for attending: "出席董事" (directors present),
# "出席领导", "列席代表", "参会嘉宾".
_ATTENDING_ZH = r"(?:出席|列席|缺席|请假|参会|参加|与会)[\u4e00-\u9fff]{1,4}"
_ATTENDING_AS_ZH = re.compile(_ATTENDING_ZH)
# …and so do English ones, before the word: "Governors present", "Trustees absent", "Officers in attendance",
# "Board members present".
_ATTENDING_EN = r"[A-Za-z]+(?: [A-Za-z]+)? (?:present|absent|in attendance)"
_ATTENDING_AS_EN = re.compile(_ATTENDING_EN, re.IGNORECASE)


def _label_pattern(labels: frozenset[str], *patterns: str) -> re.Pattern[str]:
    alternatives = "|".join([*(re.escape(label) for label in sorted(labels, key=len, reverse=True)), *patterns])
    return re.compile(rf"\s*(?P<label>{alternatives})\s*[:：]", re.IGNORECASE)


_ATTENDANCE = _label_pattern(_ATTENDANCE_LABELS, _ATTENDING_ZH, _ATTENDING_EN)
_ROLE_LABEL = _label_pattern(_ROLE_LABELS)
_ROLE = re.compile(r"\s*[(（][^()（）]*[)）]")  # "(chair)", "（主持）"
_TWO_CELLS = re.compile(r"\s*\|(?P<label>[^|]+)\|(?P<listed>[^|]+)\|?\s*")  # a Markdown table's row of two
_NAME_SEPARATOR = re.compile(r"\s*(?:[,;，；、]|\band\b|和)\s*")
_PERSON = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}|[\u4e00-\u9fff]{2,4}")  # Ana Ruiz, 张明
# Chinese minutes run a role and a name together: "社区民警王涛", "物业公司代表李强", "筹备组组长孙立新", "成员黄梅",
# "财务总监吴敏".
_ROLE_BEFORE_NAME_ZH = re.compile(
    r"[\u4e00-\u9fff]*?(?:代表|民警|书记|主任|经理|委员|组长|成员|老师|校长|局长|处长|科长|部长|主席|秘书|工程师|总监|董事长|董事)"
    r"(?P<name>[\u4e00-\u9fff]{2,3})"
)

# So do English ones, a role or an office before a full name: "Treasurer Nikhil Rao", "Vice-Commodore Ian Shaw",
# "Sailing Secretary Bea Lund", and a councillor's "Cllr Jane Hart". Other titles of address stay ("Dr. Alan
# Brooks"): they are how a person is named.
_ROLE_BEFORE_NAME = re.compile(
    r"(?:[A-Z][\w'’-]* )*?(?i:(?:vice-|deputy |assistant )?(?:chair|chairman|chairwoman|chairperson|commodore"
    r"|treasurer|secretary|president|director|councillor|cllr|mayor|clerk|governor|trustee|bosun|captain"
    r"|headteacher|principal|warden|member|officer|representative|coordinator)) "
    r"(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,2})"
)


def may_label_attendance(label: str) -> bool:
    """Whether a line's label ("Present", "Chair") may open an attendance line: the cheap test before reading what
    it lists."""
    label = label.lower()
    return (
        label in _ATTENDANCE_LABELS
        or label in _ROLE_LABELS
        or _ATTENDING_AS_ZH.fullmatch(label) is not None
        or _ATTENDING_AS_EN.fullmatch(label) is not None
    )


def is_attendance_line(line: str) -> bool:
    """True for a line of minutes that lists who attended, sent apologies or held a role ("Present: Ana Ruiz
    (chair), Tom Berg", "**Attendees:** …", "出席：张明、李华", "Chair: Farah Khan")."""
    return _listing(line) is not None


def attendees(line: str) -> list[str]:
    """The people an attendance line names, without their roles: "Present: Ana Ruiz (chair), Ben Cole and Dev Singh"
    → Ana Ruiz, Ben Cole, Dev Singh; "出席：张明、李华" → 张明, 李华. No one for another line, or for one that
    names no one ("In attendance: the city clerk")."""
    listing = _listing(line)
    return [name for name in _listed(listing[1]) if _PERSON.fullmatch(name)] if listing else []


def attendance_label(line: str) -> str | None:
    """The label of an attendance line ("Apologies" of "Apologies: Sam", "Facilitator" of "Facilitator: Yuki
    Tanaka"), or None for another line."""
    listing = _listing(line)
    return listing[0] if listing else None


def _listing(line: str) -> tuple[str, str] | None:
    """An attendance line's label and what it lists; for a role, what its first sentence lists ("Facilitator: Yuki
    Tanaka. Team: Omar, Lina." lists Yuki Tanaka as facilitator). A Markdown table of a page's properties, as
    Notion exports one, lists them in a row of two cells: "| Attendees | Lena Fischer, Omar Said |"."""
    if ":" not in line and "：" not in line and "|" not in line:  # the cheap test first: every sentence is looked at
        return None
    row = _TWO_CELLS.fullmatch(line)
    text = unformatted(f"{row['label']}: {row['listed']}" if row else line)
    if attending := _ATTENDANCE.match(text):
        return attending["label"], text[attending.end() :]
    if not (role := _ROLE_LABEL.match(text)):
        return None
    listed = _first_sentence(text[role.end() :])
    return (role["label"], listed) if _only_names(listed) else None


def _only_names(listed: str) -> bool:
    """Whether a role's line lists people and nothing else: two or more, or one by a full name ("Yuki Tanaka",
    "Dr. Alan Brooks"); one word alone may be a speaker's reply ("Chair: Okay.")."""
    names = _listed(listed)
    return (
        bool(names)
        and all(_PERSON.fullmatch(name) for name in names)
        and (len(names) > 1 or " " in names[0] or not names[0].isascii())
    )


def _listed(listed: str) -> list[str]:
    """The items a line lists after its label, without roles in parentheses or before a name, nor the brackets and
    quotes of a list written as YAML writes one ("attendees: [Nora Quinn, Felix Brandt]", a note's front matter)."""
    items = (item.strip(" .。[]\"'") for item in _NAME_SEPARATOR.split(_ROLE.sub("", listed)))
    return [_without_role(item) for item in items if item]


def _without_role(item: str) -> str:
    """An item's name without the role it follows ("社区民警王涛" → 王涛, "Treasurer Nikhil Rao" → Nikhil Rao); any
    other item as it is."""
    match = _ROLE_BEFORE_NAME_ZH.fullmatch(item) or _ROLE_BEFORE_NAME.fullmatch(item)
    return match["name"] if match else item


def _first_sentence(text: str) -> str:
    """`text` up to its first sentence end, which a title or an initial does not make ("Dr. Alan Brooks. Team: …")."""
    spans = sentence_spans(text)
    return text[spans[0][0] : spans[0][1]] if spans else text
