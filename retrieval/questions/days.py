"""Days as people write them: typed to keep to a date range (`ask --after`, `/ask before:`) as YYYY-MM-DD,
written in records and questions as 2022-06-20, 2023年3月1日, June 20, 2022 or 20 June 2022, and named in questions
as "yesterday's meeting" or "Monday's call"."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from retrieval.errors import InvalidDay
from retrieval.text.language import is_cjk

ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")  # 2023年3月1日(星期三)
MONTHS = "january february march april may june july august september october november december".split()
_MONTH = r"(" + "|".join(MONTHS) + r")"
# With its year a month may be cut short, as wikis and trackers write it: "Nov 28, 2025", "28 Nov 2025", "Sept. 3".
_MONTH_OR_SHORT = r"(" + "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
_MONTH_STARTS = [name[:3] for name in MONTHS]  # each month's first three letters, which tell it apart
_MONTH_FIRST = re.compile(r"\b" + _MONTH_OR_SHORT + r"\s+(\d{1,2}),?\s+(\d{4})\b", re.IGNORECASE)  # June 20, 2022
_DAY_FIRST = re.compile(r"\b(\d{1,2})\s+" + _MONTH_OR_SHORT + r",?\s+(\d{4})\b", re.IGNORECASE)  # 20 June 2022
# What people call a meeting (or its record), in English: "yesterday's stand-up", "the sync of 2025-03-14".
MEETING_NOUN = r"(?:meeting|mtg|minutes|session|call|stand-?up|sync|huddle|retro(?:spective)?|briefing|hearing)"
MEETING_NOUN_ZH = r"(?:会议?|例会|议事会)"  # what follows 下次 where minutes name the next meeting
# A team's regular meeting may be named by what it does, once "next" says it is one: "Next review: Wednesday 10
# December" (not "review" alone, which is as often a document's: "What did the code review find?").
_NEXT_MEETING_NOUN = rf"(?:{MEETING_NOUN}|review|check-?in|catch-?up)"
# The next meeting, as minutes name it where they close: "Next meeting", "Next call", "Date of next meeting";
# in Chinese "下次会议", "下次例会", "下次议事会".
NEXT_MEETING = rf"(?:date of (?:the )?)?next {_NEXT_MEETING_NOUN}s?"
NEXT_MEETING_ZH = rf"下次[\u4e00-\u9fff]{{0,3}}?{MEETING_NOUN_ZH}"
# Words that name the next meeting, in a question ("When is the next meeting?", "…the next UX call?", "下次业委会
# 会议什么时候？") or a heading ("25/36 DATE OF NEXT MEETING").
NEXT_MEETING_NAMED = re.compile(
    rf"\bnext (?:[\w-]+ ){{0,2}}?{_NEXT_MEETING_NOUN}s?\b|下一?次[\u4e00-\u9fff]{{0,4}}?{MEETING_NOUN_ZH}",
    re.IGNORECASE,
)
_MEETING_NOUN_ZH_AT_END = re.compile(rf"{MEETING_NOUN_ZH}$")


def next_meeting_kind(named: str) -> str:
    """Words of NEXT_MEETING_NAMED without those that tell which meeting: "next planning committee meeting" → "next
    meeting", "next design review" → "next review", "下次业委会" → "下次会"."""
    words = named.split()
    if len(words) > 1:
        return f"{words[0]} {words[-1]}"
    noun = _MEETING_NOUN_ZH_AT_END.search(named)
    return f"下次{noun.group()}" if noun else named


_MEETING_WORD = re.compile(rf"\b{MEETING_NOUN}s?\b|会议|会上|例会", re.IGNORECASE)
_MEETING_WORD_BEFORE, _MEETING_WORD_AFTER = 40, 12  # characters: "the meeting held on …", "… meeting"
# What a meeting did, asked about in the past: "What did we decide yesterday?", "What was discussed on Monday?"
_BUSINESS_ZH = "讨论|决定|商定|通过|研究|提到|部署|强调|汇报"
_MEETING_BUSINESS = re.compile(
    r"\b(?:decided|discussed|agreed|said|talked|presented|mentioned|covered|happened|proposed|reported|raised"
    r"|approved)\b"
    r"|\bdid\b.*\b(?:decide|discuss|agree|say|talk|present|mention|cover|propose|report|raise|approve)\b"
    rf"|{_BUSINESS_ZH}",
    re.IGNORECASE,
)
# A day that something is due by, not one that people met on: "due on Friday", "by 2025-02-28", "周五前", "截止3月1日".
_DEADLINE = re.compile(
    r"(?:\b(?:due|by|until|till|before|after|from|deadline)\s+(?:on\s+|next\s+|this\s+)?|截止|截至|到)$",
    re.IGNORECASE,
)
_DEADLINE_BEFORE = 20  # characters looked at before the day for _DEADLINE
# A day a meeting or a thing is moved to is none held yet, though a word for a meeting stands by it: "Why was the
# next meeting moved to Tuesday?", "下次例会为什么改到周二？".
_MOVED_TO = re.compile(
    r"\b(?:mov|postpon|push|reschedul|chang|shift|delay|switch|brought\s+forward|put\s+(?:back|off))\w*"
    r"(?:\s+(?:it|them|this|that))?\s+(?:to|until|till|for)\s+(?:next\s+|this\s+)?$"
    r"|(?:改|推迟|延期|延后|提前|调整|调|挪|移|顺延|换)(?:到|在|为|至)(?:\d{4}\s*年\s*)?$",  # a year-less day's year
    re.IGNORECASE,
)
_MOVED_BEFORE = 30  # characters looked at before the day for _MOVED_TO
# A day said before the thing it is the day of is no meeting's: "Sunday opening", "today's outage", "this week's
# release". Said as a time, it is followed by the question's end, a mark, or one of these words ("What did we
# decide on Monday about the budget?", "…yesterday morning?").
_AFTER_A_TIME = re.compile(
    r"\s*(?:$|[^\w\s'’]|(?:about|regarding|concerning|on|at|in|by|with|for|of|and|or|but|so|that|which|when|where"
    r"|who|what|how|why|to|from|during|after|before|while|again|too|also|then|morning|afternoon|evening|night"
    r"|we|you|they|i|he|she|it|as)\b)",
    re.IGNORECASE,
)
# Chinese says a meeting's day before what the meeting did ("昨天讨论了什么？", "周一我们决定了什么？"), a thing's day
# before the thing ("周日开放", "周五的发布"): said as a time, it is followed by one of these or by a mark.
_AFTER_A_TIME_ZH = re.compile(
    rf"\s*(?:$|[^\w\s]|{_BUSINESS_ZH}|开会|召开|会上|上午|下午|晚上|早上|中午|我们|咱们|大家|你们|他们|都|又|还|已经|一共|主要)"
)
_DEADLINE_AFTER = re.compile(r"\s*(?:之?前|以前|以后|之后|为止)")
_WRITTEN = (ISO_DATE, CJK_DATE, _MONTH_FIRST, _DAY_FIRST)  # in the order a record's date is looked for
_WITHOUT_YEAR = (
    re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b", re.IGNORECASE),  # March 14
    re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b", re.IGNORECASE),  # 14 March
    re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"),  # 3月1日
)
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
MONTHS_AND_DAYS = frozenset([*MONTHS, *WEEKDAYS])  # lower-case: words that name a time, not a thing or a person
# A time as a sentence may give it, which answers "when…": a date, a month or weekday, a year, the hour, a day
# said from today, a week, month or quarter, a season, a part of the day, a holiday ("before Christmas", "half
# term"), the end of one ("I'd say end of day"); in Chinese a year, month or day in digits or in words (1998年,
# 一九六一年九月十日), years ago, a decade, century or era, a season, a part of the day, a holiday (元旦, 春节). "May"
# and "march" are words too, so they count only beside a number or after a word that puts a time ("in March",
# "by mid-May"). A number alone ("5% of traffic", "5号线") and a length of time ("十年来") are no time.
_MONTH_WORD = "(?:" + "|".join(month for month in MONTHS if month not in ("may", "march")) + ")"
TIME_WRITTEN = re.compile(
    rf"\b(?:{_MONTH_WORD}|(?:{'|'.join(WEEKDAYS)})s?|(?:1[5-9]|20)\d\d|\d{{1,2}}:\d\d|\d{{1,2}} ?[ap]\.?m\b"
    r"|(?:may|march) \d{1,2}|(?:\d+|in|by|from|until|since|before|after|early|late|mid-?) ?(?:may|march)"
    r"|today|tomorrow|yesterday|tonight|noon|midnight|(?:morning|afternoon|evening|weekday|weekend)s?|q[1-4]"
    r"|(?:next|last|this|coming) (?:week|month|year|quarter)|spring|summer|autumn|winter|christmas|easter|new year"
    r"|half[- ]term|(?:the )?end of (?:the )?(?:day|week|month|year|quarter|term)|eod"
    r"|\d+(?:st|nd|rd|th)|(?:\d+|an?|one|two|three|four|a few|a couple of) (?:days?|weeks?|months?|years?)"
    r" (?:ago|later|after|before)"
    r"|the (?:day|week|month|year) (?:after|before)|the (?:following|next) (?:day|week|month|year))\b"
    r"|\d+\s*年(?![来间内])|[〇零一二三四五六七八九]{2,}年|[\d一二三四五六七八九十]+\s*月|\d+\s*日|年[前后]|世纪|年代"
    r"|时期|时代|[春夏秋冬]季|(?:上|下|本|这)(?:周|个?月|年)|今天|明天|昨天|星期|周[一二三四五六日天]|周末"
    r"|早上|上午|中午|下午|傍晚|晚上|凌晨|平日|元旦|春节|国庆|中秋",
    re.IGNORECASE,
)
_CJK_WEEKDAYS = {name: weekday for weekday, name in enumerate("一二三四五六日")} | {"天": 6}  # 周一 … 周日, 周天
_DAYS_AGO = {
    **dict.fromkeys(("today", "this morning", "this afternoon", "this evening", "tonight", "今天", "今日", "今早"), 0),
    **dict.fromkeys(("yesterday", "last night", "昨天", "昨日", "昨晚"), 1),
    **dict.fromkeys(("the day before yesterday", "前天"), 2),
}
_DAY_AGO = re.compile(  # the longest first: "the day before yesterday" is not "yesterday"
    r"\b(the day before yesterday|today|yesterday|this (?:morning|afternoon|evening)|tonight|last night)"
    r"(?: (?:morning|afternoon|evening))?(?:['’]s)?\b"
    r"|(今天|今日|今早|昨天|昨日|昨晚|前天)",
    re.IGNORECASE,
)
_ENGLISH_WEEKDAY = "(" + "|".join(WEEKDAYS) + ")"
_CHINESE_WEEKDAY = r"(?:周|星期|礼拜)([一二三四五六日天])"  # 周一, 星期天
WEEKDAY = re.compile(rf"\b{_ENGLISH_WEEKDAY}\b|{_CHINESE_WEEKDAY}", re.IGNORECASE)  # as a record's date line has it
_WEEKDAY_OF_A_MEETING = re.compile(  # last Monday's, 上周一
    rf"\b(?:(?:last|this|past)\s+)?{_ENGLISH_WEEKDAY}(?:['’]s)?\b|(?:上|这|本)?{_CHINESE_WEEKDAY}", re.IGNORECASE
)
_WEEK = re.compile(r"\b(?:(last)|this)\s+week(?:['’]s)?\b|(上周|上星期|上个星期)|本周|这周|这个?星期", re.IGNORECASE)
# "The last meeting" is the latest held up to the day asked; "the last meetings" or "the previous meetings" are
# not one meeting, and stay part of the question.
_LAST_MEETING = re.compile(
    rf"\b(?:last|latest|previous|most\s+recent)(?=\s+{MEETING_NOUN}\b)|(?:上次|上一次|最近一次)(?=的?(?:会议|例会))",
    re.IGNORECASE,
)
# "Last time" ends a question about what the last meeting did ("What did we decide last time?", "上次讨论了什么？");
# elsewhere it is a time asked about ("When was the last time the budget was discussed?").
_LAST_TIME = re.compile(r"\blast time(?=\W*$)|上一?次(?=讨论|决定|商定|说|提到|汇报)", re.IGNORECASE)
_DAY_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(\d\d)[-_.]?(\d\d)(?!\d)")
_LEAP_YEAR = 2000  # a day written without its year is checked in one: February 29 is a day


def parse_day(text: str) -> date:
    """The day `text` names, as YYYY-MM-DD; InvalidDay, whose message says how to write one, otherwise."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidDay(text) from None


def day_in_name(name: str) -> date | None:
    """The day a file name gives, as teams name minutes by their meeting's day ("board_2025-03-14",
    "20250314-standup", "2025.03.14 Board"); None when it gives none."""
    match = _DAY_IN_NAME.search(name)
    return _day_of(match) if match else None


def days_written(text: str) -> Iterator[tuple[re.Match[str], date]]:
    """Every real day written in `text` with its year, and where: ISO dates first, then Chinese, then English."""
    for pattern in _WRITTEN:
        for match in pattern.finditer(text):
            if (day := _day_of(match)) is not None:
                yield match, day


@dataclass(frozen=True)
class MeetingDays:
    """The days a question gives as a meeting's, and the question without them: whole days (written with their
    year, or "yesterday"); days named in part, each standing for the latest meeting held on it (a month and day,
    "the March 14 meeting"; a day of the week, "Monday's call", 0 for Monday; "the last meeting", the latest
    held on or before `latest_by`); and weeks ("last week's meetings", by their Monday)."""

    rest: str
    days: frozenset[date] = frozenset()
    month_days: frozenset[tuple[int, int]] = frozenset()
    weekdays: frozenset[int] = frozenset()
    latest_by: date | None = None
    weeks: frozenset[date] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.days or self.partial)

    @property
    def partial(self) -> bool:
        """Whether a day is named only in part: which one it is, is the index's to say, and worth saying back."""
        return bool(self.month_days or self.weekdays or self.latest_by or self.weeks)

    def held(self, indexed: set[date]) -> set[date]:
        """The `indexed` days these name: a whole day if it is indexed, the latest indexed day that falls on a day
        named in part (the March 14 meeting is the last one held on March 14), and every indexed day of a week."""
        falling_on = [
            *({day for day in indexed if (day.month, day.day) == month_day} for month_day in self.month_days),
            *({day for day in indexed if day.weekday() == weekday} for weekday in self.weekdays),
            {day for day in indexed if self.latest_by and day <= self.latest_by},
        ]
        in_weeks = {day for day in indexed for monday in self.weeks if monday <= day < monday + timedelta(days=7)}
        return {day for day in self.days if day in indexed} | {max(days) for days in falling_on if days} | in_weeks

    def described(self) -> str:
        """When these say the meeting was held, as a note says it: "on 2025-02-04, on March 14 or on a Monday"."""
        named = [
            *(f"on {day}" for day in sorted(self.days)),
            *(f"on {MONTHS[month - 1].title()} {day}" for month, day in sorted(self.month_days)),
            *(f"on a {WEEKDAYS[weekday].title()}" for weekday in sorted(self.weekdays)),
            *(f"in the week of {monday}" for monday in sorted(self.weeks)),
            *([f"on or before {self.latest_by}"] if self.latest_by else []),
        ]
        return ", ".join(named[:-1]) + " or " + named[-1] if len(named) > 1 else "".join(named)


def meeting_days_named(question: str, today: date) -> MeetingDays:
    """The days a question gives as a meeting's ("the meeting of 2025-03-14", "the March 14 meeting",
    "2023年3月1日的会议", "yesterday's meeting", "last Monday's call", "the last meeting", "last week's meetings"),
    and the question without them. A day written away from such a word is left in: "What is due on 2025-02-28?"
    asks about a due date, which the records may hold, not about a meeting's day. A day said as people say a recent
    one is a meeting's in a question about what a meeting did, too: "What did we decide yesterday?"."""
    days: set[date] = set()
    for match, day in days_written(question):
        if _next_to_a_meeting_word(question, match):
            days.add(day)
            question = _blanked(question, match)
    month_days: set[tuple[int, int]] = set()
    for pattern in _WITHOUT_YEAR:  # the full days are blanked already: "June 20, 2022" is no "June 20" now
        question, taken = _taken(
            question, pattern, lambda text, m: _day_of(m) is not None and _next_to_a_meeting_word(text, m)
        )
        month_days |= {(day.month, day.day) for day in map(_day_of, taken) if day}
    question, days_ago = _taken(question, _DAY_AGO, _of_a_meeting)
    days |= {
        today - timedelta(days=_DAYS_AGO[(english or chinese).lower()])
        for english, chinese in map(re.Match.groups, days_ago)
    }
    # before the weeks: 上周五 is a Friday, not last week
    question, on_weekdays = _taken(question, _WEEKDAY_OF_A_MEETING, _of_a_meeting)
    weekdays = {
        WEEKDAYS.index(english.lower()) if english else _CJK_WEEKDAYS[chinese]
        for english, chinese in map(re.Match.groups, on_weekdays)
    }
    question, in_weeks = _taken(question, _WEEK, _of_a_meeting)
    this_monday = today - timedelta(days=today.weekday())
    weeks = {
        this_monday - timedelta(days=7) if last or last_zh else this_monday
        for last, last_zh in map(re.Match.groups, in_weeks)
    }
    question, last_meeting = _taken(question, _LAST_MEETING, lambda text, m: True)
    question, last_time = _taken(question, _LAST_TIME, lambda text, m: _MEETING_BUSINESS.search(text) is not None)
    latest = bool(last_meeting or last_time)
    return MeetingDays(
        " ".join(question.split()),
        frozenset(days),
        frozenset(month_days),
        frozenset(weekdays),
        today if latest else None,
        frozenset(weeks),
    )


def _taken(
    question: str, pattern: re.Pattern[str], is_a_meeting_s: Callable[[str, re.Match[str]], bool]
) -> tuple[str, list[re.Match[str]]]:
    """The question with each match of `pattern` that `is_a_meeting_s` takes blanked, and those matches. The test
    sees the question as blanked so far; blanking keeps every offset right."""
    taken = []
    for match in pattern.finditer(question):
        if is_a_meeting_s(question, match):
            taken.append(match)
            question = _blanked(question, match)
    return question, taken


def _next_to_a_meeting_word(text: str, match: re.Match[str]) -> bool:
    """Whether a word for a meeting stands by the day matched ("the meeting of 2025-03-14", "yesterday's call") and
    the day is not one something is moved to."""
    if _MOVED_TO.search(text[max(0, match.start() - _MOVED_BEFORE) : match.start()]):
        return False
    around = text[max(0, match.start() - _MEETING_WORD_BEFORE) : match.end() + _MEETING_WORD_AFTER]
    return _MEETING_WORD.search(around) is not None


def _of_a_meeting(text: str, match: re.Match[str]) -> bool:
    """Whether a day said as people say a recent one ("yesterday", "Monday", "last week") is a meeting's: next to a
    word for one, or in a question about what a meeting did ("What did we decide yesterday?") where it is no
    deadline ("What did we agree is due by Friday?") and not said of a thing ("What did we decide about Sunday
    opening?", "关于周日开放决定了什么？"). A written day needs the word: "What happened on January 25?" may ask
    about a day the records tell of."""
    if _next_to_a_meeting_word(text, match):
        return True
    before, after = text[max(0, match.start() - _DEADLINE_BEFORE) : match.start()], text[match.end() :]
    if _DEADLINE.search(before) or _DEADLINE_AFTER.match(after) or not _MEETING_BUSINESS.search(text):
        return False
    if is_cjk(match.group()[0]):
        return _AFTER_A_TIME_ZH.match(after) is not None
    said_of_a_thing = match.group().endswith(("'s", "’s")) or not _AFTER_A_TIME.match(after)
    return not said_of_a_thing


def _blanked(text: str, match: re.Match[str]) -> str:
    """`text` with the match's characters as spaces: the other matches' offsets stay right."""
    return text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]


def _day_of(match: re.Match[str]) -> date | None:
    """The day a match of one of the patterns above writes, in _LEAP_YEAR when it gives no year; None when it
    is no day (2024-02-30). The year is the group of four digits, the month the one named or the first number."""
    groups = match.groups()
    year = next((int(group) for group in groups if len(group) == 4 and group.isdigit()), _LEAP_YEAR)
    rest = [group for group in groups if not (len(group) == 4 and group.isdigit())]
    named = next((group for group in rest if group.isalpha()), None)
    if named is None:
        month, day = map(int, rest)
    else:
        month = _MONTH_STARTS.index(named.lower()[:3]) + 1
        day = int(next(group for group in rest if group.isdigit()))
    try:
        return date(year, month, day)
    except ValueError:
        return None
