"""Sections of written minutes: the heading a sentence falls under ("## Decisions", "ACTION ITEMS:", "**Next
steps**", "决定事项：") says what the sentences under it are when they do not say it themselves ("Sam owns the deploy
pipeline." under "Decisions"). Transcripts have none: every line of one is a speaker's turn.

A heading line, a table's header row ("| Action | Owner | Due |") and the rule under it name what follows rather
than say anything: they are no answer. A meeting held aloud has its sections too, where the chair announces the
items of the agenda ("ITEM 4 IS THE SIDEWALK REPAIR CONTRACT."): what is said after it is about that item, and its
turns are still a conversation.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from retrieval.answers.quotes import quote_at
from retrieval.formats.markdown import CHINESE_NUMBERING, LIST_MARK, MARKDOWN_HEADING, NUMBER_MARK, unformatted
from retrieval.formats.tables import CELL_SEPARATOR, is_row, row_name
from retrieval.lexical import tokenize
from retrieval.loading import is_date_line
from retrieval.models import Passage, Quote
from retrieval.questions.quantities import gives_a_sum_of_money
from retrieval.questions.query import FUNCTION_WORDS
from retrieval.text.language import is_cjk, word_count
from retrieval.text.sentences import MINUTE_REFERENCE, SPOKEN_OPENING, TERMINATORS, sentence_spans
from retrieval.text.turns import CHINESE_FIELDS, FIELD_LABELS, header_speaker, is_a_field, speaker_of, without_speaker

HEADING_MAX_WORDS = 6
HEADING_MAX_WORDS_IN_CAPITALS = 10  # "ITEM 7 - PARKING ON HIGH STREET": set in capitals, a line is set apart
# A line that opens with a minute's reference (sentences.MINUTE_REFERENCE) heads its item, naming its matter at
# length: "PL/63 Application 25/1203: change of use of the former bank, High Street, to a cafe"
HEADING_MAX_WORDS_AFTER_A_REFERENCE = 16
# An agenda item's number before a colon, as minutes head what was said of it: "Item 3: Road resurfacing", "Agenda
# item 2: Budget", "议题一：村道硬化工程", "第二项：冬季防火". Such a line heads its item as a reference does.
_ITEM_NUMBER = re.compile(
    r"(?:(?:agenda\s+)?item|topic)\s+(?:no\.?\s*)?\d{1,2}[a-z]?\s*[:：]"
    r"|(?:议题|事项|议程)[一二三四五六七八九十\d]{1,3}\s*[:：]|第[一二三四五六七八九十\d]{1,3}(?:项|个议题)\s*[:：]",
    re.IGNORECASE,
)
RUN_IN_MAX_WORDS = 3  # "1. Rent increase. Chloe explained…"
RUN_IN_MAX_CHARACTERS = 6  # "二、租金上涨。朴晓说明…"
RUN_IN_PARAGRAPH_MIN_WORDS = 12  # after a paragraph's heading: "Right. Let's move on." is a caption's reply
# Characters that make a short Chinese sentence say something rather than name a subject ("一、会议决定了。").
_SAYING_CHARACTERS = frozenset("了的是在有将要和与对已")
_HEADING_MAX_CHARS = 100  # longer is no heading, whatever its marks
_LIST_ITEM = re.compile(LIST_MARK)
# Words that announce a meeting's items by their number or as its agenda, and the colon before the items ("three
# things today:", "on the agenda:"; not "Action items:" or "Open issues:", which list what they are about).
_ITEMS_ANNOUNCED = re.compile(
    r"(?:(?:\b(?:\d|two|three|four|five|six|a few|several)\s+(?:items|things|topics|points)|\bagenda)\b"
    r"(?:\s+[\w'’]+){0,3}"
    r"|(?:[两三四五六几]|\d)(?:件事情?|个(?:议题|事项|问题|方面)|项(?:议题|内容)?)|议程|议题)\s*[:：]",  # "三件事："
    re.IGNORECASE,
)
# The same said aloud, the items after a comma: "Okay, two roles today, the data engineer and the support lead."
_ITEMS_TODAY = re.compile(
    r"\b(?P<count>two|three|four|five|\d)\s+(?:items|things|topics|points|roles|matters|issues|questions|updates)"
    r"\s+(?:today|this (?:morning|afternoon|evening|week)|to (?:cover|discuss|get through))\s*[,:]",
    re.IGNORECASE,
)
# What a meeting takes first and what after, as its chair opens it: "今天先看双十二的准备情况，再说一下新品发布会。"
_ITEMS_IN_ORDER_ZH = re.compile(
    r"(?:今天|这次|本次)[^。！？，,]{0,6}?先(?:看|说|讨论|聊|讲|过)[^。！？]*?[，,]\s*(?:然后|再|接着)\w{0,2}?"
    r"(?:看|说|讨论|聊|讲|过)"
)
# …or names them, as what the meeting is to settle: "大家晚上好，今天主要定一下十二月的书和见面的安排。" (not
# "今天定一下和物业的合同。", one matter)
_ITEMS_NAMED_ZH = re.compile(
    r"(?:今天|这次|本次)(?:会议)?(?:主要)?(?:是)?(?:说|定|讨论|商量|聊|讲|过)(?:一下|一说)?(?!一下|一说)[^。！？和]{2,30}?"
    r"(?:和|以及|、)[^。！？]{2,30}"
)
# …or counts them and numbers each: "今天主要说两件事，一是门诊排队，二是冬季流感门诊的准备。" (not "三个问题，一是…":
# what a sentence says the problems are is no list of the meeting's items)
_ITEMS_NUMBERED_ZH = re.compile(
    r"(?:[两三四五六几]|\d)(?:件事情?|个(?:议题|事项)|项(?:议题|内容)?)[：:，,]\s*(?:一是|第一)[^。！？]*?[，,；;]\s*"
    r"(?:二是|第二)"
)
_NEGATION = re.compile(r"n[’']t\b|\b(?:not|no|never|nothing|none|without)\b", re.IGNORECASE)
_GOES_ON = frozenset(TERMINATORS) | frozenset(",，、;；")  # a line that ends so is a sentence, or goes on
_DENIED_WORDS = 3  # the words after a negation that it denies: "didn't go well", "aren't we putting up"
_DENIAL = re.compile(r"n[’']t\b|\b(?:not|never)\b", re.IGNORECASE)
_NEGATION_ZH = re.compile(r"没有|未(?!来)|没|不(?!仅|但|过|久|少|同|断|管|如|论)")  # not 未来 (the future), 不仅…
_DENIED_CHARACTERS = 2  # "未通过": a Chinese verb is two characters
_ITEM_SEPARATOR = re.compile(r",|，|、|\band\b|和|及")
_NUMBERED_ITEM = re.compile(rf"[ \t]*{NUMBER_MARK}[ \t]+")
_CHINESE_NUMBERED = re.compile(CHINESE_NUMBERING)
_CONCERNING = "关于"  # "concerning": how a Chinese heading names its matter ("关于调整物业服务费的决议")
_TABLE_RULE = re.compile(r"\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*")  # |---|:--:| under a header row
_COLON = re.compile(r"[:：]")
_TOPIC_LABEL = re.compile(r"(?:\*\*)?(?P<label>[^\W\d_][^:：*\n]{0,60}?)(?:\*\*)?[:：](?:\*\*)?\s")
# An item of the agenda announced aloud, as a sentence of its own: "ITEM 4 IS THE SIDEWALK REPAIR CONTRACT.",
# "Item 3, then, is papers to note.", "Item 2 this morning is an evidence session…", "Next item: the library
# hours.", "Moving on to item 5, the budget.", "First item is the office move.", "Second item, the staff survey.",
# "Item four, the application for a drive-through…", "Main thing today is the warehouse move to Daventry.", "Main
# topic is the spring campaign budget." ("Main thing is…" says what matters most: "Main thing is we ship on time.")
# Not what is said of an item ("Item 4 was deferred.").
_ITEM_ANNOUNCED = re.compile(
    SPOKEN_OPENING
    + r"(?:(?:we(?:['’]ll| will)?\s+)?(?:now\s+)?(?:move|moving|turn|turning|go|going|come|coming)(?:\s+on)?\s+to\s+)?"
    r"(?:the\s+)?(?:(?:next|first|second|third|fourth|fifth|last|final)\s+item"
    # "Last one, safeguarding software." (not "First up is CHG-2291, …", whose next item may open "Next, CHG-2295,
    # …", which announces none: "Next, the car park.")
    r"|(?:next|last|final)\s+one(?=\s*[,:–—-])"
    r"|main\s+(?:(?:item|topic)(?=\s+is\b|\s+(?:today|tonight|this))|thing(?=\s+(?:today|tonight|this)))"
    r"(?:\s+(?:today|tonight|this\s+(?:morning|afternoon|evening|week)))?"
    r"|(?:agenda\s+)?item\s+(?:number\s+|no\.?\s*)?(?:\d+[a-z]?|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve))\b"
    r"(?:\s+on\s+(?:the|our)\s+agenda)?"
    r"(?:\s*[,:–—-]\s*(?:then\s*,\s*)?(?:is\s+)?|(?:\s+[\w'’]+){0,2}?\s+is\s+)"
    r"(?=\w)",
    re.IGNORECASE,
)
# A topic announced aloud, in a short sentence of its own: "OK, let's go through Tuesday's outage.", "So let's talk
# about the budget." (tokenised transcripts write "let 's"). It heads what is said after it, so "How long did the
# outage last?" is answered by "So roughly 43 minutes of impact.", not by the announcement, which holds "outage".
_TOPIC_ANNOUNCED = re.compile(
    SPOKEN_OPENING
    + r"let\s?['’]s\s+(?:now\s+)?(?:go\s+(?:through|over)|talk\s+about|discuss|move\s+on\s+to|turn\s+to|look\s+at"
    r"|start\s+with)\s+(?=\w)",
    re.IGNORECASE,
)
SPOKEN_TOPIC_MAX_WORDS = 12
# The same in Chinese, by its number: "第二件事，新品发布会。", "下面第三项：冬季防火。"
_ITEM_ANNOUNCED_ZH = re.compile(
    r"(?:好的?[，,]?\s*|那么?\s*|下面\s*|接下来\s*)?第[一二三四五六七八九十两\d]+(?:件事情?|项|个(?:议题|事项|问题)|点)"
    r"\s*[，,：:]\s*(?:是\s*)?(?=\w)"
)
# A matter a Chinese speaker puts to the meeting to settle: "各位家委，元旦联欢会的事情我们定一下。" (元旦联欢会).
_MATTER_TO_SETTLE_ZH = re.compile(
    r"(?:[^，,。]{1,10}[，,]\s*)?(?:今天|现在|接下来|下面)?(?P<matter>[^，,。！？]{2,20}?)的事(?:情|儿)?[，,]?\s*"
    r"(?:我们|咱们|大家)?(?:来|先)?(?:定|讨论|商量|说|聊|过)一下[。！.!]?"
)
# The cheap test first, on every line.
_MAY_ANNOUNCE_AN_ITEM = re.compile(r"\bitem\b|\blet\s?['’]s\b|\bone\b|第|一下", re.IGNORECASE)
SPOKEN_ITEM_MAX_WORDS = 25  # a longer sentence goes on to say more than which item comes next
_FIELD_WORDS = frozenset(word for label in FIELD_LABELS for word in label.split() if word.isascii())


class HeadedSentence(NamedTuple):
    quote: Quote
    heading: str | None  # the heading of the section the sentence is in
    names_a_section: bool  # a heading line, a table's header row or its rule, a list of the items: no answer
    marked_up: bool  # on a list item's line or after a bold label ("- Lea: …", "**Mei Lin:** …"), as minutes are


class SpokenHeading(str):
    """An item of the agenda a chair announced aloud (`announced_item`): the heading of the section of what is said
    after it, whose turns are still a conversation."""


def announced_item(sentence: str, speaker: str | None = None) -> SpokenHeading | None:
    """The item of the agenda or the topic a sentence announces aloud ("ITEM 4 IS THE SIDEWALK REPAIR CONTRACT.";
    "Tuesday's outage" of "OK, let's go through Tuesday's outage."; "元旦联欢会" of "各位家委，元旦联欢会的事情我们定
    一下。"), as a heading, or None; a turn's first sentence is read without `speaker`'s label."""
    said = without_speaker(sentence, speaker).strip()
    if _ITEM_ANNOUNCED.match(said):
        if word_count(said) > SPOKEN_ITEM_MAX_WORDS:
            return None
    elif word_count(said) > SPOKEN_TOPIC_MAX_WORDS:
        return None
    elif topic := _TOPIC_ANNOUNCED.match(said) or _ITEM_ANNOUNCED_ZH.match(said):
        said = said[topic.end() :]  # the topic, without the words that announce it ("start" of "let's start with")
    elif topic := _MATTER_TO_SETTLE_ZH.fullmatch(said):
        said = topic["matter"]
    else:
        return None
    return SpokenHeading(said.rstrip(".!;:。！；：").strip())


def section_of(sentence: HeadedSentence) -> str | None:
    """The heading of the section of minutes a sentence is in; None before any heading, and under the record's
    title, which heads the whole record and no section."""
    heading = sentence.heading
    return None if heading == sentence.quote.title else heading


def negated(text: str) -> bool:
    """Whether an English heading or question is put in the negative ("What didn't go well", "Not agreed", "Why
    was nothing decided?"), which its positive counterpart is no answer to."""
    return _NEGATION.search(text) is not None


@lru_cache(maxsize=256)
def opposed(heading: str, question: str) -> bool:
    """Whether a heading says the opposite of a question: one of them is put in the negative, and the other holds a
    word of what it denies ("What went well" for "What didn't go well?"). A topic has no opposite: "Christmas
    lights" still heads the answer to "Why aren't we putting up the Christmas lights?". Cached: every sentence under
    a heading asks it again."""
    if negated(heading) == negated(question):
        return False
    denying, other = (heading, question) if negated(heading) else (question, heading)
    return not denied_terms(denying).isdisjoint(tokenize(other))


def denied_terms(text: str) -> frozenset[str]:
    """The terms of what a text denies: of the few words after each negation of a verb ("didn't go well" → go,
    well; "aren't we putting up" → put; not "no teletext", which names a thing), or the Chinese characters after
    one ("没有通过", "审议未通过《…》" → 通过)."""
    denied = [" ".join(text[match.end() :].split()[:_DENIED_WORDS]) for match in _DENIAL.finditer(text)]
    denied += [text[match.end() : match.end() + _DENIED_CHARACTERS] for match in _NEGATION_ZH.finditer(text)]
    return frozenset(tokenize(" ".join(denied)))


def in_conversation(sentence: HeadedSentence) -> bool:
    """Whether a sentence is a speaker's turn of a conversation, as a transcript records it, rather than written:
    a line of minutes led by a name ("- Lea: the on-call rota is published." under "Updates") is what that person
    reported, no reply to the sentence before it. List items, bold labels and sections are what minutes have and
    transcripts do not; the record's title heads no section, and an item announced aloud heads a section of the
    conversation."""
    section = section_of(sentence)
    return (
        sentence.quote.speaker is not None
        and not sentence.marked_up
        and (section is None or isinstance(section, SpokenHeading))
    )


def is_heading(line: str) -> bool:
    """Whether a line heads a section: a Markdown heading, or a short line (at most HEADING_MAX_WORDS words, or
    more where it is marked out as one: `_most_words`) that is no sentence, list item, table row or
    speaker's turn, and has nothing after a colon as a turn or a field has, unless it opens with a minute's reference
    or an item's number ("Decisions", "ACTION ITEMS:", "**Next steps**", "决定事项：", "一、城市建设", "ITEM 7 - PARKING
    ON HIGH STREET", "PL/62 Application 25/1188: rear extension, 14 Orchard Way", "Item 3: Road resurfacing",
    "议题一：村道硬化工程"); not a line that goes on after a
    comma, as a letter's greeting does ("Hi everyone,"), nor one that only dates the record ("2025年11月20日" under
    a transcript's title): the sentences after it are not about its date; nor one that gives a sum, as a row of
    accounts set in columns of spaces does ("Subscriptions          £41,200    £38,900")."""
    if MARKDOWN_HEADING.match(line):
        return True
    stripped = line.strip()  # the cheap tests first: a record's heading lines are looked for in each of its lines
    if not stripped or stripped[-1] in _GOES_ON or len(stripped) > _HEADING_MAX_CHARS or stripped[0] == "|":
        return False
    if (_LIST_ITEM.match(line) and not _CHINESE_NUMBERED.match(line)) or (
        stripped[-1] in ":：" and _is_empty_turn(line)
    ):
        return False
    text = heading_text(line)
    has_letters = any(character.isalpha() for character in text)
    return (
        has_letters
        and (not _COLON.search(text) or _opens_with_a_reference(text))
        and text[-1] not in TERMINATORS
        and word_count(text) <= _most_words(line, text)
        and not is_date_line(text)
        and not gives_a_sum_of_money(text)
    )


def _opens_with_a_reference(text: str) -> bool:
    """Whether a line opens with a minute's reference ("PL/62 ") or an agenda item's number ("Item 3:", "议题一：")."""
    return MINUTE_REFERENCE.match(text) is not None or _ITEM_NUMBER.match(text) is not None


def _most_words(line: str, text: str) -> int:
    """How many words a heading line may run to: more where it is marked out as one, by a minute's reference, set in
    capitals, led by an agenda item's number ("Agenda item 2: Budget for the new financial year"), or numbered as a
    Chinese item that names its matter ("三、关于使用专项维修资金更换电梯的决议"; not
    "五、审议未通过《关于变更部分募集资金用途的议案》", which says what became of it)."""
    if MINUTE_REFERENCE.match(text):
        return HEADING_MAX_WORDS_AFTER_A_REFERENCE
    numbered = _CHINESE_NUMBERED.match(line)
    names_its_matter = numbered is not None and line[numbered.end() :].startswith(_CONCERNING)
    if text.isupper() or _ITEM_NUMBER.match(text) or names_its_matter:
        return HEADING_MAX_WORDS_IN_CAPITALS
    return HEADING_MAX_WORDS


class Headings(NamedTuple):
    """A record's heading lines: where each starts, and its heading, in order."""

    starts: list[int]
    texts: list[str | None]  # None where a section under no heading resumes

    def at(self, offset: int) -> str | None:
        """The heading of the section `offset` is in: the last heading line that starts before it."""
        index = bisect_right(self.starts, offset - 1) - 1
        return self.texts[index] if index >= 0 else None


def heading_lines(lines: Sequence[str]) -> list[bool]:
    """Whether each of `lines` heads a section: as `is_heading` says, or as a numbered line that stands alone
    between paragraphs, as plain-text minutes number their items ("4. New science wing" over what was said of it;
    not an item of a list, as "2. Hire two staff" under "1. Approve the budget" is). What a speaker says under a
    turn's header line, up to a blank line, is their turn, however short ("Lena Vogel  [9:14 AM]" over "rollback
    done, p95 back to 320ms")."""
    heads, in_a_turn = [], False
    for index, line in enumerate(lines):
        heads.append(not in_a_turn and (is_heading(line) or _numbered_heading(lines, index)))
        in_a_turn = bool(line.strip()) and (in_a_turn or header_speaker(line) is not None)
    return heads


def _numbered_heading(lines: Sequence[str], index: int) -> bool:
    item = _NUMBERED_ITEM.match(lines[index])
    if item is None:
        return False
    text = lines[index][item.end() :].strip()
    if not text or text[-1] in TERMINATORS or _COLON.search(text) or word_count(text) > HEADING_MAX_WORDS:
        return False
    before = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].strip()), None)
    after = next((lines[i] for i in range(index + 1, len(lines)) if lines[i].strip()), None)
    return after is not None and not _LIST_ITEM.match(after) and not (before and _LIST_ITEM.match(before))


class TableCaptions(NamedTuple):
    """The lines that caption a table and head no more ("Public speakers" over who spoke, inside "PL/45 Land at
    Orchard Farm"), and where the section each stood in goes on: the first line written after its rows, to the
    caption's line."""

    lines: frozenset[int]
    resumes: dict[int, int]


def table_captions(lines: Sequence[str], heads: Sequence[bool]) -> TableCaptions:
    """The captions of tables among `lines` (those `heads` marks as heading lines). A Markdown heading heads a
    section, table or not."""
    captions, resumes = set(), {}
    for index, line in enumerate(lines):
        if not heads[index] or MARKDOWN_HEADING.match(line):
            continue
        after = index + 1
        while after < len(lines) and is_row(lines[after]):
            after += 1
        if after == index + 1:
            continue
        captions.add(index)
        while after < len(lines) and not lines[after].strip():
            after += 1
        if after < len(lines) and not heads[after]:
            resumes[after] = index
    return TableCaptions(frozenset(captions), resumes)


def captioned(caption: str, outside: str | None, title: str | None) -> str:
    """A caption's heading: its rows are of the section it stands in too, but for the record's `title`, which heads
    no section."""
    return caption if outside is None or outside == title else f"{outside} · {caption}"


def headings_of(text: str, title: str | None = None) -> Headings:
    """The heading lines of a record's text, and the items of its agenda announced aloud. A table's caption is of
    the section it stands in, but for the record's `title`, which heads no section."""
    headings = Headings([], [])
    lines = text.split("\n")
    starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    heads_by_line = heading_lines(lines)
    captions, resumes = table_captions(lines, heads_by_line)
    items = NumberedItems()
    for index, (line, heads, start) in enumerate(zip(lines, heads_by_line, starts, strict=True)):
        if index in resumes and (outside := headings.at(starts[resumes[index]])) is not None:
            headings.starts.append(start - 1)  # where the table ends: a passage that opens after it opens in it
            headings.texts.append(outside)
        if heads:
            items.end()
            text = heading_text(line)
            if index in captions:
                text = captioned(text, headings.at(start), title)
            headings.starts.append(start)
            headings.texts.append(text)
        elif (item := items.heading(line, in_force := headings.at(start))) != in_force:
            headings.starts.append(start)
            headings.texts.append(item)
        elif _MAY_ANNOUNCE_AN_ITEM.search(line):
            speaker = speaker_of(line)
            for begin, end in sentence_spans(line):
                if item := announced_item(line[begin:end], speaker if begin == 0 else None):
                    headings.starts.append(start + begin)
                    headings.texts.append(item)
    return headings


def headed_sentences(passages: Sequence[Passage], continuous: bool = False) -> list[HeadedSentence]:
    """Each sentence of `passages` with the heading of its section. A passage starts in the section it opens in
    (`Passage.heading`), or, when `continuous` (the passages are one record's, in order, as a summary reads
    them), in the one the passage before it ended in."""
    headed: list[HeadedSentence] = []
    heading = None
    for number, passage in enumerate(passages):
        # an item announced aloud in this passage, and the section it was announced in: it heads the sentences after
        # it up to the section's end
        spoken: tuple[str | None, SpokenHeading] | None = None
        if not continuous or number == 0:
            heading = passage.heading
        line_starts, line_headings, naming, marked_up, turn_headers = [], [], [], [], []
        lines = passage.text.split("\n")
        heads_by_line = heading_lines(lines)
        captions, resumes = table_captions(lines, heads_by_line)
        outside: dict[int, str | None] = {}  # the heading in force before each heading line
        items = NumberedItems()
        start = 0
        for index, (line, heading_line) in enumerate(zip(lines, heads_by_line, strict=True)):
            header_row = line.lstrip().startswith("|") and index + 1 < len(lines) and _is_rule(lines[index + 1])
            heads = not (index == 0 and _opens_mid_line(passage, line)) and heading_line
            if index in resumes and resumes[index] in outside:
                heading = outside[resumes[index]]
            if heads:
                items.end()
                outside[index] = heading
                heading = heading_text(line)
                if index in captions:
                    heading = captioned(heading, outside[index], passage.title)
            elif not (index == 0 and _opens_mid_line(passage, line)):
                heading = items.heading(line, heading)
            line_starts.append(start)
            line_headings.append(heading)
            naming.append(heads or header_row or _is_rule(line))
            marked_up.append(_LIST_ITEM.match(line) is not None or line.lstrip().startswith("**"))
            turn_headers.append(header_speaker(line) is not None)
            start += len(line) + 1
        spans = sentence_spans(passage.text)
        line_of = [bisect_right(line_starts, begin) - 1 for begin, _ in spans]
        run_in: dict[int, str] = {}  # a list item's or a paragraph's own heading, by line
        for position, ((begin, end), line) in enumerate(zip(spans, line_of, strict=True)):
            if turn_headers[line]:
                continue  # a turn's header line ("Priya Shah  0:04") says whose the lines below it are
            quote = quote_at(passage, begin, end)
            if item := announced_item(quote.text, quote.speaker):
                spoken = (line_headings[line], item)
            opens_line = position == 0 or line_of[position - 1] != line
            item_goes_on = position + 1 < len(spans) and line_of[position + 1] == line
            opens_item = opens_line and item_goes_on and (marked_up[line] or _is_a_paragraph(lines[line], quote))
            item_heading = run_in_heading(quote.text) if opens_item else None
            if item_heading:
                run_in[line] = item_heading
            elif opens_line and marked_up[line] and (label := topic_label(quote)):
                # within its section: "- Budget: …" under "## Action items" is still an action item
                outer = line_headings[line]
                run_in[line] = f"{outer} · {label}" if outer and outer != passage.title else label
            if line in run_in:  # an item wrapped over lines goes on under its heading
                for wrapped in range(line + 1, bisect_right(line_starts, end - 1)):
                    run_in.setdefault(wrapped, run_in[line])
            heading_here = run_in.get(line, line_headings[line])
            if spoken is not None and line_headings[line] is spoken[0]:
                heading_here = spoken[1]
            if opens_line and item_goes_on and (row := row_name(lines[line])):
                # the row's later sentences are about what its first cell names ("…at 9am. · Owner: Gary Holt")
                run_in[line] = f"{heading_here} · {row}" if heading_here else row
            names = naming[line] or bool(item_heading) or item is not None or lists_the_items(quote.text)
            headed.append(HeadedSentence(quote, heading_here, names, marked_up[line]))
        if spoken is not None and line_headings and line_headings[-1] is spoken[0]:
            heading = spoken[1]  # a summary's next passage goes on under the item
    return headed


def lists_the_items(sentence: str) -> bool:
    """Whether a sentence lists what a meeting is to be about, as its chair opens it ("We have three items: the heat
    pump, the cleaning contract, and the fire drill."; "Three things today: the mobile release, the pricing page
    and hiring."; "今天主要说三件事：秋游的费用、冬季校服和期末的家长开放日。"; "今天主要说两件事，一是门诊排队，二
    是冬季流感门诊的准备。"; "今天主要定一下十二月的书和见面的安排。"): it names every subject, and says
    nothing of any. Said aloud, the items may follow a comma ("Okay, two roles today, the data engineer and the
    support lead."). In a table's row, the items are those of the cell: "议题: 快递柜收费 · 讨论情况: 马强提出…，…"
    names one subject and says something of it."""
    if today := _ITEMS_TODAY.search(sentence):
        return _items_after(sentence, today.end()) >= (1 if today["count"].lower() in ("two", "2") else 2)
    announced = _ITEMS_ANNOUNCED.search(sentence)
    if announced is None:
        return any(items.search(sentence) for items in (_ITEMS_IN_ORDER_ZH, _ITEMS_NUMBERED_ZH, _ITEMS_NAMED_ZH))
    return _items_after(sentence, announced.end()) >= 2


def _items_after(sentence: str, start: int) -> int:
    """How many separators of items (`_ITEM_SEPARATOR`) follow `start` in its cell of a table's row, or in the
    sentence."""
    end = sentence.find(CELL_SEPARATOR, start)
    return len(_ITEM_SEPARATOR.findall(sentence, start, len(sentence) if end < 0 else end))


def run_in_heading(sentence: str) -> str | None:
    """The heading a list item opens with, as a sentence of its own before what the item says ("1. Heating. Ben
    Cole reported that the boiler failed…" → "Heating"): one to RUN_IN_MAX_WORDS capitalised words, none of them
    a function word ("1. We agreed. …" opens with no heading); in Chinese, up to RUN_IN_MAX_CHARACTERS characters
    that say nothing ("一、供暖。陈本报告…" → "供暖")."""
    match = _LIST_ITEM.match(sentence)
    text = unformatted(sentence[match.end() if match else 0 :]).strip().rstrip(".:：。").strip()
    if text and all(is_cjk(character) for character in text):
        return text if len(text) <= RUN_IN_MAX_CHARACTERS and _SAYING_CHARACTERS.isdisjoint(text) else None
    return text if _names_a_subject(text) and text[0].isupper() else None


class NumberedItems:
    """The heading in force through minutes whose numbered items open with a heading of their own and go on over
    paragraphs ("3. Battery storage. The board considered three quotes…" | a table of the quotes | "Gareth noted…
    the board resolved to accept the Greenstore quote…" | "4. Community benefit fund. …"): each item's heading
    (`run_in_heading`) heads the lines after it, up to the next numbered item or heading line; a numbered item with
    no heading of its own goes back to the heading the items stood under."""

    def __init__(self) -> None:
        self._outside: list[str | None] = []  # the heading the items stand under, once one opens

    def heading(self, line: str, heading: str | None) -> str | None:
        """The heading in force from `line` on, `heading` being the one in force before it."""
        if not (_NUMBERED_ITEM.match(line) or _CHINESE_NUMBERED.match(line)):
            return heading
        spans = sentence_spans(line)
        item = run_in_heading(line[spans[0][0] : spans[0][1]]) if len(spans) > 1 else None
        if item is None:
            return self._outside.pop() if self._outside else heading
        if not self._outside:
            self._outside.append(heading)
        return item

    def end(self) -> None:
        """A heading line ends the items: what follows is under it."""
        self._outside.clear()


def _names_a_subject(text: str) -> bool:
    """Whether `text` names a subject and says nothing of it: one to RUN_IN_MAX_WORDS words, none of them a function
    word or a stopword ("Any other business", "Omar writes a rollout checklist")."""
    words = text.split()
    plain = all(word.replace("-", "").isalpha() and word.lower() not in FUNCTION_WORDS for word in words)
    return 0 < len(words) <= RUN_IN_MAX_WORDS and plain and len(tokenize(text)) == len(words)


def topic_label(sentence: Quote) -> str | None:
    """The topic a list item's label names, as minutes sent by email lead their items ("* Playground: the school
    has asked…" → "Playground"): the item's sentences are about it. A speaker's label (`- Lea: …`) names who, a
    field's (`- Owner: …`) what kind of line it is, and a clause before a colon says something ("- Omar writes a
    rollout checklist: every flag…"): none of them is a topic."""
    item = _LIST_ITEM.match(sentence.text)
    label = _TOPIC_LABEL.match(sentence.text, item.end() if item else 0)
    if sentence.speaker is not None or label is None or is_a_field(label["label"]):
        return None
    return label["label"] if _names_a_subject(label["label"]) else None


def _is_a_paragraph(line: str, first_sentence: Quote) -> bool:
    """Whether a line is a paragraph of prose, which may open with a heading of its own as a list item may
    ("Fireworks. The fireworks quote is 9,000 euros. Because…", as a PDF of minutes reads): no speaker's turn
    (its first sentence has no speaker, by a label or a turn's header line above it), and long after its first
    sentence, as a caption's "Right. Let's move on." is not."""
    return (
        first_sentence.speaker is None
        and word_count(line) - word_count(first_sentence.text) >= RUN_IN_PARAGRAPH_MIN_WORDS
    )


def _opens_mid_line(passage: Passage, first_line: str) -> bool:
    """Whether a passage opens in the middle of a line of its record, or of a speaker's turn: its first line is the
    end of the line ("A replacement impeller" wrapped before "costs £640 fitted…") or of the turn ("Yeah ,"), short
    and unpunctuated as a heading may be, and no heading."""
    return passage.opens_mid_line or (passage.turn is not None and speaker_of(first_line) is None)


def heading_text(line: str) -> str:
    """A heading as it reads: without its Markdown and its closing colon ("## Action items:" → "Action items")."""
    return unformatted(line).strip().rstrip(":：").strip()


@lru_cache(maxsize=1024)
def heading_terms(heading: str) -> frozenset[str]:
    """A heading's terms, as `tokenize` gives them: what the sentences under it are ("Action items")."""
    return frozenset(tokenize(heading))


def _is_empty_turn(line: str) -> bool:
    """A speaker's label with nothing said after it ("Grad E: " in a transcript, or a turn's header line, "Priya
    Shah  0:04"), which is no heading; a field's label is one ("Decisions made:", "Next steps:", "决定事项：")."""
    if header_speaker(line):
        return True
    speaker = speaker_of(line)
    if speaker is None:
        return False
    words = speaker.lower().split()
    return not any(word in _FIELD_WORDS for word in words) and not any(label in speaker for label in CHINESE_FIELDS)


def _is_rule(line: str) -> bool:
    return _TABLE_RULE.fullmatch(line) is not None
