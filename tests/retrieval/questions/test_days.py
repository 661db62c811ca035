from datetime import date, timedelta

import pytest

from retrieval.errors import InvalidDay
from retrieval.questions.days import (
    NEXT_MEETING_NAMED,
    TIME_WRITTEN,
    MeetingDays,
    days_written,
    meeting_days_named,
    next_meeting_kind,
    parse_day,
)


def test_a_day_is_read_as_written_with_spaces_around_it() -> None:
    assert parse_day(" 2022-06-20 ") == date(2022, 6, 20)


@pytest.mark.parametrize("text", ["2022-13-01", "20 June 2022", "", "yesterday"])
def test_anything_else_says_how_to_write_a_day(text: str) -> None:
    with pytest.raises(InvalidDay, match="write it as YYYY-MM-DD"):
        parse_day(text)


def test_days_are_read_as_records_and_people_write_them() -> None:
    text = "Held 2025-03-14; next on April 11, 2025 or 2 May 2025 (2023年3月1日; not 2024-02-30)."
    assert [day for _, day in days_written(text)] == [
        date(2025, 3, 14),
        date(2023, 3, 1),
        date(2025, 4, 11),
        date(2025, 5, 2),
    ]
    short = "Date: 28 Nov 2025 (last modified Sept. 3, 2025; Janet 5 2024 is a name)"  # as wikis write them
    assert [day for _, day in days_written(short)] == [date(2025, 9, 3), date(2025, 11, 28)]


TODAY = date(2025, 3, 17)  # a Monday


@pytest.mark.parametrize(
    ("question", "days", "month_days", "rest"),
    [
        ("Summarize the meeting of 2025-03-14.", {date(2025, 3, 14)}, set(), "Summarize the meeting of ."),
        ("What did the March 14, 2025 meeting decide?", {date(2025, 3, 14)}, set(), "What did the meeting decide?"),
        ("2023年3月1日的会议决定了什么？", {date(2023, 3, 1)}, set(), "的会议决定了什么？"),
        ("What was decided at the March 14 meeting?", set(), {(3, 14)}, "What was decided at the meeting?"),
        ("Summarize the meeting on the 1st of February.", set(), {(2, 1)}, "Summarize the meeting on the ."),
        ("3月1日的会议决定了什么？", set(), {(3, 1)}, "的会议决定了什么？"),
        ("What is due on 2025-02-28?", set(), set(), "What is due on 2025-02-28?"),  # a due date, not a meeting's
        ("What is due on March 14?", set(), set(), "What is due on March 14?"),
        ("Summarize the meeting on February 30.", set(), set(), "Summarize the meeting on February 30."),  # no day
    ],
)
def test_a_meeting_s_day_is_taken_out_of_the_question(
    question: str, days: set[date], month_days: set[tuple[int, int]], rest: str
) -> None:
    assert meeting_days_named(question, TODAY) == MeetingDays(rest, frozenset(days), frozenset(month_days))


@pytest.mark.parametrize(
    ("question", "days", "rest"),
    [
        ("What did we agree at yesterday's meeting?", {date(2025, 3, 16)}, "What did we agree at meeting?"),
        ("Summarize today’s call.", {TODAY}, "Summarize call."),
        ("What was decided in the meeting yesterday?", {date(2025, 3, 16)}, "What was decided in the meeting ?"),
        ("昨天的会议决定了什么？", {date(2025, 3, 16)}, "的会议决定了什么？"),
        ("前天会上谁发言了？", {date(2025, 3, 15)}, "会上谁发言了？"),
        ("What did we decide at this morning's meeting?", {TODAY}, "What did we decide at meeting?"),
        ("Summarize the call the day before yesterday.", {date(2025, 3, 15)}, "Summarize the call ."),
        ("昨晚的会议决定了什么？", {date(2025, 3, 16)}, "的会议决定了什么？"),
        ("What is due today?", set(), "What is due today?"),  # no meeting named: a due date
        ("What is the status of today's release?", set(), "What is the status of today's release?"),
        ("Summarize yesterday's stand-up.", {date(2025, 3, 16)}, "Summarize stand-up."),  # what teams call one
        ("What did we decide at yesterday afternoon's meeting?", {date(2025, 3, 16)}, "What did we decide at meeting?"),
        ("What was decided at last night's meeting?", {date(2025, 3, 16)}, "What was decided at meeting?"),
    ],
)
def test_today_and_yesterday_are_counted_from_the_day_asked(question: str, days: set[date], rest: str) -> None:
    assert meeting_days_named(question, TODAY) == MeetingDays(rest, frozenset(days))


@pytest.mark.parametrize(
    ("question", "weekdays", "rest"),
    [
        ("What did Monday's meeting decide?", {0}, "What did meeting decide?"),
        ("Summarize last Friday's call.", {4}, "Summarize call."),
        ("What was agreed at the meeting on Tuesday or Thursday?", {1, 3}, "What was agreed at the meeting on or ?"),
        ("上周五的会议决定了什么？", {4}, "的会议决定了什么？"),
        ("星期天的例会讨论了什么？", {6}, "的例会讨论了什么？"),
        ("What is due on Friday?", set(), "What is due on Friday?"),
    ],
)
def test_a_day_of_the_week_is_taken_out_of_the_question(question: str, weekdays: set[int], rest: str) -> None:
    assert meeting_days_named(question, TODAY) == MeetingDays(rest, weekdays=frozenset(weekdays))


def test_a_day_named_in_part_is_the_latest_meeting_held_on_it() -> None:
    indexed = {date(2024, 3, 14), date(2025, 3, 14), date(2025, 2, 1), date(2025, 2, 7)}  # Thu, Fri, Sat, Fri
    named = meeting_days_named("What was decided at the March 14 meeting or the meeting of 2025-02-01?", TODAY)
    assert named.held(indexed) == {date(2025, 3, 14), date(2025, 2, 1)} and named.partial
    assert named.described() == "on 2025-02-01 or on March 14"
    assert meeting_days_named("the meeting of 1 June", TODAY).held(indexed) == set()
    fridays = meeting_days_named("Friday's meeting", TODAY)
    assert fridays.held(indexed) == {date(2025, 3, 14)} and fridays.partial
    assert meeting_days_named("Monday's meeting", TODAY).held(indexed) == set()
    some = meeting_days_named("the meetings of 2025-02-04, March 3 and Monday", TODAY)
    assert some.described() == "on 2025-02-04, on March 3 or on a Monday"
    assert not meeting_days_named("yesterday's meeting", TODAY).partial


@pytest.mark.parametrize(
    ("question", "rest"),
    [
        (
            "What did we decide about the budget at the last meeting?",
            "What did we decide about the budget at the meeting?",
        ),
        ("Summarize the most recent call.", "Summarize the call."),
        ("What was decided at the last sync?", "What was decided at the sync?"),
        ("上次会议讨论了什么？", "会议讨论了什么？"),
    ],
)
def test_the_last_meeting_is_the_latest_held_by_the_day_asked(question: str, rest: str) -> None:
    named = meeting_days_named(question, TODAY)
    assert named == MeetingDays(rest, latest_by=TODAY) and named.partial
    indexed = {date(2025, 3, 14), date(2025, 2, 1), date(2025, 4, 1)}  # the last, a meeting still to come
    assert named.held(indexed) == {date(2025, 3, 14)}
    assert named.described() == "on or before 2025-03-17"


@pytest.mark.parametrize(
    ("question", "rest"),
    [
        ("What did we decide last time?", "What did we decide ?"),
        ("上次讨论了什么？", "讨论了什么？"),
    ],
)
def test_last_time_ending_a_question_about_what_a_meeting_did_is_the_last_meeting(question: str, rest: str) -> None:
    assert meeting_days_named(question, TODAY) == MeetingDays(rest, latest_by=TODAY)


@pytest.mark.parametrize(
    "question", ["When was the last time the budget was discussed?", "What broke last time?", "上次的预算是多少？"]
)
def test_last_time_elsewhere_is_part_of_the_question(question: str) -> None:
    assert not meeting_days_named(question, TODAY)


def test_the_previous_meetings_are_no_one_meeting() -> None:
    question = "How did the team reflect on the previous meetings?"
    assert meeting_days_named(question, TODAY) == MeetingDays(question)


@pytest.mark.parametrize(
    ("question", "monday", "rest"),
    [
        ("What was decided at last week's meetings?", date(2025, 3, 10), "What was decided at meetings?"),
        ("Summarize this week's call.", TODAY, "Summarize call."),
        ("上周的会议决定了什么？", date(2025, 3, 10), "的会议决定了什么？"),
        ("本周例会讨论了什么？", TODAY, "例会讨论了什么？"),
        ("上周五的会议决定了什么？", None, "的会议决定了什么？"),  # a Friday, not the week
    ],
)
def test_a_week_keeps_to_its_meetings(question: str, monday: date | None, rest: str) -> None:
    named = meeting_days_named(question, TODAY)
    assert named.rest == rest and named.weeks == ({monday} if monday else set())
    if monday:
        indexed = {monday - timedelta(days=1), monday, monday + timedelta(days=6), monday + timedelta(days=7)}
        assert named.held(indexed) == {monday, monday + timedelta(days=6)}
        assert named.described() == f"in the week of {monday}"


@pytest.mark.parametrize(
    ("question", "meeting_s"),
    [
        ("What did we decide yesterday?", True),
        ("What was discussed on Monday?", True),
        ("What did we agree last week?", True),
        ("昨天讨论了什么？", True),
        ("What did we agree is due by Friday?", False),  # a deadline
        ("What should be finished before Monday, as decided?", False),
        ("周五前要完成什么？", False),
        ("What is due on Friday?", False),  # nothing a meeting did
        ("What did the board decide about Sunday opening?", False),  # the day of a thing, not of a meeting
        ("关于周日开放决定了什么？", False),
        ("周五的发布讨论了什么？", False),
        ("周一我们决定了什么？", True),
        ("上周五讨论了什么？", True),
        ("我们决定了什么，在昨天？", True),
        ("What did we decide about today's outage?", False),
        ("What did we decide about this week's release?", False),
        ("What did we decide on Monday about the budget?", True),
        ("What was decided Monday, and by whom?", True),
        ("What happened on January 25?", False),  # a written day needs a word for a meeting: records tell of days
        ("What was decided on 2025-03-14?", False),
        ("Why was the next meeting moved to Tuesday?", False),  # a day a meeting is moved to: none held yet
        ("The meeting was postponed until next Friday: why?", False),
        ("下次例会为什么改到周二？", False),
        ("例会为什么推迟到2025年12月2日？", False),
        ("Who came to Monday's meeting?", True),
    ],
)
def test_a_recent_day_in_a_question_about_what_a_meeting_did_is_the_meeting_s(question: str, meeting_s: bool) -> None:
    assert bool(meeting_days_named(question, TODAY)) is meeting_s


@pytest.mark.parametrize(
    ("sentence", "tells_a_time"),
    [
        ("Every deploy goes through a canary stage from April 1.", True),
        ("The release moves to 2 May.", True),
        ("Rotations start on March 10; Marco takes the first week.", True),  # a day of two digits
        ("The playground reopens on May 12.", True),
        ("A six-month trial of Sunday opening starts in March.", True),
        ("We rolled back at 14:20 on Saturday.", True),
        ("Interviews start next week.", True),
        ("The plant was founded in 1998.", True),
        ("1990年代以后开始改建。", True),
        ("一九六一年九月十日互换批准书。", True),
        ("盛花期为夏季。", True),
        ("A bad release reaches 5% of traffic first.", False),
        ("We may march on with version 16.", False),
        ("80%的居民参加了投票。", False),
        ("十年来一直是香港的冠军。", False),  # a length of time
        ("由5号线转乘本线。", False),  # a line's number
        ("只在平日早上提供服务。", True),
        ("约9500万年前生活在乌兹别克。", True),
        ("RESOLVED: to replace the seat before Christmas.", True),  # a holiday
        ("联欢会定在元旦前一天。", True),
        ("Installed the week after.", True),  # a time told from another, said aloud
        ("The racking goes in the following week.", True),
        ("The keys came a few days later.", True),
        ("The week was long.", False),
        ("It needs review, so I'd say end of day.", True),  # the end of one
        ("We'll have the numbers by the end of the month.", True),
        ("That's the end of the matter.", False),
    ],
)
def test_a_time_written_in_a_sentence(sentence: str, tells_a_time: bool) -> None:
    assert (TIME_WRITTEN.search(sentence) is not None) is tells_a_time


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When is the next planning committee meeting?", "next meeting"),
        ("When is the next design review?", "next review"),
        ("When's the next stand-up?", "next stand-up"),
        ("下次业委会会议什么时候开？", "下次会"),  # the match ends at the first meeting noun: "下次业委会"
        ("下次例会是什么时候？", "下次例会"),
    ],
)
def test_the_next_meeting_is_named_by_its_kind_without_which_meeting(question: str, kind: str) -> None:
    named = NEXT_MEETING_NAMED.search(question)
    assert named is not None and next_meeting_kind(named.group()) == kind
