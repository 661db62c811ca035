"""Speaker turns: transcript lines of the form `Name: words` (or `姓名：话`), told apart from field labels; and in
a transcript exported as text, the lines under a line that names the speaker and the time (`Priya Shah  0:04`).

Minutes are full of lines like `Date: 12 March 2024.` or `Present: …` that look like turns. A label names a
field, not a person, so those lines have no speaker; nor has a table row (`Owner: … · Action: …`), nor a role's
line that names who held it (`Chair: Farah Khan`, retrieval/questions/attendance.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from retrieval.formats.markdown import LIST_MARK
from retrieval.formats.tables import CELL_SEPARATOR
from retrieval.questions.attendance import is_attendance_line, may_label_attendance
from retrieval.questions.days import NEXT_MEETING, NEXT_MEETING_ZH
from retrieval.text.language import is_cjk
from retrieval.text.sentences import TITLES

# A name may carry a parenthesis, as parliamentary records write a role or a seat: "Hon. Deb Schulte (Minister of
# Seniors):", "The Chair (Hon. Anthony Rota (Nipissing—Timiskaming, Lib.)):". A turn may be empty ("Grad B:").
_PARENTHESIS = r"\((?:[^()\n]|\([^()\n]*\)){1,120}\)"
# Minutes may list what each person reported, and set the name in bold: "- Lea: the rota is published.",
# "- [ ] **Marco:** share the runbook", "1、张明：…". A transcript may open each turn with when it was said:
# "[00:00:27] Hannah Weiss: Engineering found the cause.", "00:01:02 Liam: …", "(0:04) Priya: …", and a chat with
# a handle in lower case after the time: "[09:03] marco: looking."; a chat exported from WhatsApp, the day before
# the time: "[27/11/2025, 19:02:11] Rosa Martin: …", "27/11/2025, 19:02 - Rosa Martin: …", "[11/27/25, 7:02 PM] …".
_CLOCK = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[ \t\u202f]?[AaPp]\.?[Mm]\.?)?"  # 0:04, 14:02:11, 9:05 AM
_CHAT_DAY = r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4},?[ \t]"
_TIME_STAMP = rf"[\[(]?(?:{_CHAT_DAY})?{_CLOCK}(?:[.,]\d{{1,3}})?[\])]?(?:[ \t]+-)?"
SPEAKER_TURN = re.compile(
    rf"^(?P<stamp>{_TIME_STAMP}[ \t]+)?(?:{LIST_MARK})?(?:\*\*)?"
    rf"(?P<speaker>[A-Z][\w .'’-]{{0,40}}?(?: {_PARENTHESIS})?|[\u4e00-\u9fff]{{2,8}}"
    r"|(?(stamp)[a-z][\w.-]{0,30}|(?!)))"
    r"(?:\*\*)?(?::(?:\*\*)?(?:\s|$)|：(?:\*\*)?)"
)
# Field labels of minutes and documents, compared lower-case without a trailing number ("Item 3").
FIELD_LABELS = frozenset(
    label.strip()
    for label in """
    date|time|day|location|venue|place|where|present|attendees|attendance|attending|apologies|absent|regrets|
    agenda|item|items|topic|topics|subject|re|title|focus|goal|goals|theme|scope|
    decision|decisions|decided|resolution|resolved|motion|outcome|
    action|actions|action item|action items|owner|owners|due|due date|deadline|status|priority|responsible|
    assigned to|assignee|note|notes|minutes|summary|background|purpose|objective|objectives|result|results|
    recommendation|recommendations|agreed|approved|noted|discussed|update|updates|issue|issues|risk|risks|blocker|
    blockers|comment|comments|feedback|next meeting|next steps|follow-up|follow up|in attendance|also present|quorum|
    prepared by|recorded by|minutes taken by|minute taker|author|from|to|cc|bcc|sent|distribution|page|reference|ref|
    related|tags|
    moved|moved by|seconded|seconded by|proposed by|proposer|seconder|vote|votes|voting|carried|for|against|
    abstentions|category|type|id|email|phone|tel|fax|address|url|link|source|question|answer|authors|reviewer|reviewers|
    approvers|approved by|editor|version|severity|impact|duration|yesterday|today|tomorrow|this week|last week|
    next week|done|doing|progress|blocked|blocked by|blocked on|
    时间|日期|地点|出席|出席人员|参会人员|参加人员|与会人员|列席|缺席|请假|主持|记录|记录人|议题|主题|会议议题|
    会议时间|会议地点|会议内容|会议主题|决定|决议|事项|备注|附件|抄送|主送|结果|表决结果|表决情况|投票结果|理由|原因|
    说明|内容|进展|状态|完成情况
    """.split("|")
)
CHINESE_FIELDS = tuple(label for label in FIELD_LABELS if not label.isascii())
_TRAILING_NUMBER = re.compile(r"\s*\d+[a-z]?$")
_NEXT_MEETING_LABEL = re.compile(f"{NEXT_MEETING}|{NEXT_MEETING_ZH}", re.IGNORECASE)
# A label of more words than a name or a role has, with a word in lower case that no name holds, is the start of a
# sentence of minutes: "Raj Patel presented the refresh plan: 140 laptops…" is no line of a speaker by that name.
# Marked up, in bold or as a list's item, a label of two words or more with one in lower case is a field or a topic
# of minutes ("**Sprint goal:** …", "- Conference budget: …"), where a name writes each word with a capital
# ("**Marco Rossi:** share the runbook").
_NAME_MAX_WORDS = 3
# A label that opens with a preposition opens a sentence too ("On hiring: we made an offer…").
_PREPOSITIONS = frozenset("on for as in at by with about regarding from to after before under over".split())
_SHORT_IN_A_NAME = TITLES | {"rt", "st", "jr", "sr"}  # "Rt. Hon. …", "St. John", "Jr."
_NAME_PARTICLES = frozenset("de da di del della der den du la le van von bin ibn al el y of the and".split())
# A line that heads a speaker's turn in a transcript exported as text: the name and when they spoke, the words on
# the lines below it up to a blank line (Otter, Teams: "Priya Shah  0:04"; Zoom: "[Priya Shah] 14:02:11"; a chat
# copied from Slack: "Jon Park  9:05 AM", "Jon Park  [9:05 AM]"; a WeChat chat exported as text, with the day:
# "陈芳  2025-11-21 19:08:02"; a chat copied from Teams, the day and the time first and the name in full, as a line
# of a transcript may be one word: "[25/11/2025 16:02] Hannah Lee"; a Zoom meeting's chat saved as text: "10:06:02
# From Maria Lopez to Everyone:"; Rev, the time in brackets and a colon: "Raj Menon (00:00:19):"). The name is
# written as names are, each word with a capital: "Doors open 6:30 PM" is a line of an agenda.
_NAME_IN_A_HEADER = r"[^\W\d_][\w.'’ -]{0,40}?"
_DAY = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
_HEADER = (
    rf"(?:\[?(?P<speaker>{_NAME_IN_A_HEADER})\]?[ \t]+(?:{_DAY}[ \t]+)?[(\[]?{_CLOCK}[)\]]?:?"
    rf"|\[(?:{_CHAT_DAY}|{_DAY}[ \t]+)?{_CLOCK}\][ \t]+(?P<stamped>{_NAME_IN_A_HEADER}[ ][\w.'’-]{{2,20}})"
    rf"|{_CLOCK}[ \t]+From[ \t]+(?P<sender>{_NAME_IN_A_HEADER})[ \t]+to[ \t]+[^:\n]{{1,60}}:)[ \t]*"
)
_TURN_HEADER = re.compile(_HEADER)
_TURN_HEADERS = re.compile(rf"^{_HEADER}$", re.MULTILINE)
TURN_MAX_LINES = 20  # lines of one turn under its header looked through, at most
# Lines whose speaker is remembered: a question's passages ask it of each line for every sentence on it, and of
# the lines around them (about 130 asks of 80 lines for a QMSum question).
LINES_REMEMBERED = 256
# A second `Label: value` field on the line, after the separator table rows are written with: a table row.
_FIELD_ROW = re.compile(rf"{re.escape(CELL_SEPARATOR)}[^·:]{{1,40}}: ")


@lru_cache(maxsize=LINES_REMEMBERED)
def speaker_of(line: str) -> str | None:
    """The speaker who opens `line`, if it is a speaker turn and not a field (`Date: …`) or a table row."""
    match = SPEAKER_TURN.match(line)
    if not match:
        return None
    speaker = match["speaker"]
    name = bare_name(speaker)
    marked_up = match.start("speaker") > max(match.end("stamp"), 0)
    if (
        is_a_field(name)
        or _FIELD_ROW.search(line)
        or _is_a_clause(name, marked_up=marked_up)
        or (marked_up and _repeated_in_lower_case(name, line[match.end() :]))
    ):
        return None
    listing = may_label_attendance(name) and is_attendance_line(line)  # "Chair: Farah Khan" names who chaired
    return None if listing else speaker


def is_a_field(label: str) -> bool:
    """Whether a label names a field of minutes: one of FIELD_LABELS ("Item 3" as "Item"), the next meeting's ("Next
    call", "Next sync", "下次例会"), or in Chinese one that ends with one ("下次会议时间" with "会议时间")."""
    label = _TRAILING_NUMBER.sub("", label.lower())
    return (
        label in FIELD_LABELS
        or _NEXT_MEETING_LABEL.fullmatch(label) is not None
        or (is_cjk(label[-1]) and any(label.endswith(field) for field in CHINESE_FIELDS))
    )


def _is_a_clause(label: str, marked_up: bool) -> bool:
    """Whether a label is the opening of a sentence, or `marked_up` (in bold or a list's item) a field or a topic,
    rather than a name or a role: it opens with a preposition, has more than _NAME_MAX_WORDS words (marked up,
    more than one), one of them in lower case and no particle of a name ("van"), or ends a sentence within it
    ("Meeting of 26 November 2025. Chair: …"; not a title's or an initial's full stop, "Hon. Bill Blair", "John F.
    Kennedy")."""
    words = label.split()
    many_words = len(words) > (1 if marked_up else _NAME_MAX_WORDS)
    ends_a_sentence = any(
        word.endswith(".") and len(word) > 2 and word[:-1].lower() not in _SHORT_IN_A_NAME for word in words[:-1]
    )
    return (
        words[0].lower() in _PREPOSITIONS
        or ends_a_sentence
        or (many_words and any(word.islower() and word not in _NAME_PARTICLES for word in words))
    )


def _repeated_in_lower_case(label: str, words: str) -> bool:
    """Whether a label of one word is written again in lower case in the words it labels: the topic of a list's item
    ("* Playground: … new playground equipment"), as no one writes their own name so."""
    return " " not in label and label.isalpha() and re.search(rf"\b{label.lower()}\b", words) is not None


def turn_opened_by(line: str) -> str | None:
    """The speaker whose turn opens at `line`: by its label ("Lea: …"), or as its header line ("Lea Novak  0:04")."""
    return speaker_of(line) or header_speaker(line)


def header_speaker(line: str) -> str | None:
    """The speaker whose turn `line` heads in a transcript exported as text ("Priya Shah  0:04"), or None."""
    header = _TURN_HEADER.fullmatch(line)
    if header is None:
        return None
    name = (header["speaker"] or header["stamped"] or header["sender"]).strip()
    return None if not written_as_a_name(name) or is_a_field(name) or _is_a_clause(name, marked_up=False) else name


def written_as_a_name(name: str) -> bool:
    """Whether words are written as a name or a role is, each with a capital but a name's particles ("Ana de Souza",
    "Minister of Finance"): not "Doors open", nor "Next book"."""
    return all(not word[0].islower() or word in _NAME_PARTICLES for word in name.split())


def speaker_at(text: str, offset: int, turn_before: str | None = None) -> str | None:
    """The speaker of the line of `text` that holds `offset`: whose turn a passage opening there opens in. In a
    transcript exported as text, a line with no label under a turn's header line is that speaker's; `turn_before`
    is whose turn `text` opens in, for such a line whose header is before `text` starts."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    speaker = speaker_of(line)
    if speaker is not None or not _has_turn_headers(text) or not line.strip() or header_speaker(line):
        return speaker
    return _headed_by(text, line_start, turn_before)


@lru_cache(maxsize=64)
def _has_turn_headers(text: str) -> bool:
    """Whether `text` has a line that heads a turn: read once per text (a passage's sentences ask in turn)."""
    return _TURN_HEADERS.search(text) is not None


def _headed_by(text: str, line_start: int, turn_before: str | None) -> str | None:
    """The speaker of the turn's header line above the line at `line_start`, among lines with no label and no blank
    line between; `turn_before` when those lines run to the start of `text`."""
    end = line_start - 1
    for _ in range(TURN_MAX_LINES):
        if end < 0:
            return turn_before
        start = text.rfind("\n", 0, end) + 1
        above = text[start:end]
        if header := header_speaker(above):
            return header
        if not above.strip() or speaker_of(above) is not None:
            return None
        end = start - 1
    return None


def given_name(person: str) -> str | None:
    """The name a person is called by in minutes, of a name in full: "Ana" of "Ana Ruiz", "Helen" of "Cllr Helen
    Marsh"; None for a name of one word, or one that names no one ("The Chair", "Speaker 1")."""
    words = bare_name(person).split()
    while words and (words[0].lower().rstrip(".") in TITLES or words[0].lower() in _NAME_PARTICLES):
        words.pop(0)
    return words[0] if len(words) > 1 and words[0].isalpha() and words[-1].isalpha() else None


def bare_name(speaker: str) -> str:
    """A speaker's label without the parenthesis it may carry: "Hon. Deb Schulte (Minister of Seniors)" → "Hon. Deb
    Schulte", the label the same person's later turns have."""
    return speaker.split(" (", 1)[0]


def parenthesis_of(speaker: str) -> str | None:
    """What a label's parenthesis says, without one nested in it: "The Chair (Hon. Anthony Rota (Nipissing, Lib.))"
    → "Hon. Anthony Rota"."""
    if " (" not in speaker:
        return None
    inner = speaker.split(" (", 1)[1].removesuffix(")")
    return re.sub(r"\s*\([^()]*\)", "", inner).strip() or None


def lead_with_speaker(text: str, speaker: str | None) -> str:
    """`text` led by `speaker`'s label unless it opens with it, so that who speaks stays searchable."""
    return text if not speaker or opens_with_label(text, speaker) else f"{speaker_label(speaker)}{text}"


def opens_with_label(text: str, speaker: str) -> bool:
    """Whether `text` opens with `speaker`'s label ("Lea: …", "- Lea: …", "张明：…"), which says who speaks; a
    sentence within a turn does not."""
    return without_speaker(text, speaker) != text


def speaker_label(speaker: str) -> str:
    """How a turn opens: `Name: `, or `姓名：` (a full-width colon) for a Chinese name, as Chinese records write it."""
    return f"{speaker}：" if is_cjk(speaker[-1]) else f"{speaker}: "


def without_speaker(text: str, speaker: str | None) -> str:
    """`text` without the `speaker` label it may open with: the words of the turn."""
    match = SPEAKER_TURN.match(text)
    return text[match.end() :] if speaker and match and match["speaker"] == speaker else text
