import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval import Minutebot
from retrieval.lexical import tokenize
from retrieval.models import Passage
from retrieval.questions.acts import (
    act_asked,
    act_or_outcome_asked,
    act_terms,
    declares_an_outcome,
    every_act_asked,
    gives_the_next_meeting,
    reports,
    sentences_reporting,
)
from retrieval.settings import PROJECT_ROOT
from retrieval.text.sections import headed_sentences


@pytest.mark.parametrize(
    ("question", "sentence", "reports"),
    [
        ("What did Paul Otto propose?", "Paul Otto proposed opening on Sundays.", True),
        ("What did Paul Otto propose?", "Paul Otto suggested a trial.", True),
        ("What did Paul Otto propose?", "Attendees: Mira Chen, Paul Otto.", False),
        ("What was decided about opening hours?", "The board agreed to a six-month trial.", True),
        ("What was decided about opening hours?", "Paul Otto proposed opening on Sundays.", False),
        ("Which recommendation was approved?", "The committee approved it unanimously.", True),
        ("Who attended?", "**Attendees:** Priya Shah, Marco Bianchi", True),
        ("Who volunteered for the garden?", "Volunteers: Ana Ruiz and Dev Singh.", True),
        ("Who volunteered for the garden?", "Dev Singh proposed a community garden.", False),
        ("Who abstained on the solar panels?", "Carried, three in favour and one abstention (Mr Osei).", True),
        ("Who was absent?", "**Absent:** Karen Blume", True),
        ("Who was absent?", "Apologies for absence: Nina Brooks and Carl Webb.", True),
        ("Who was absent?", "Persistent absence has fallen to 11%.", False),  # pupils' absence, not the meeting's
        # asked yes or no, how a matter was settled: what the meeting decided, not what was proposed
        ("Will the food bank open on Saturdays?", "The trustees agreed to a trial of Saturday opening.", True),
        ("Will the food bank open on Saturdays?", "Claire proposed opening on Saturday mornings.", False),
        ("Is the club raising the adult fee?", "The committee approved an adult fee of £195.", True),
        ("物业是否调整停车费？", "经讨论，决定停车费调整为每月180元。", True),
        ("Who is the new treasurer?", "Dev Patel was elected treasurer unopposed.", True),
        ("Who is the new treasurer?", "Gary Finch has stepped down as treasurer.", False),
    ],
)
def test_a_sentence_reports_the_act_asked_about_in_any_of_its_words(
    question: str, sentence: str, reports: bool
) -> None:
    reports_act = act_or_outcome_asked(question)
    assert reports_act is not None and reports_act(set(tokenize(sentence))) is reports


@pytest.mark.parametrize(
    ("said", "decided"),
    [
        ("Let's book the Corn Exchange for 12 March.", True),
        ("Well, let's book the Corn Exchange for 12 March.", True),  # after a word said before it
        ("Um, we'll go with the Corn Exchange.", True),
        ("OK, let's start with the venue.", False),  # opens a subject
        ("Decision: the Corn Exchange, for 12 March.", True),  # labelled, as a chat's chair writes it
        ("The decision is yours.", False),
    ],
)
def test_a_turn_that_opens_with_a_decision_said_aloud_reports_one(said: str, decided: bool) -> None:
    text = f"Marcus Bell: The Guildhall only holds 250.\nLaura Kim: {said}\n"
    passage = Passage("m", "m.vtt", 0, len(text), 1, 2, text, title="Conference planning call", score=1.0)
    sentence = headed_sentences([passage])[-1]
    reports_act = act_or_outcome_asked("What was decided about the venue?")
    assert reports_act is not None
    assert reports(reports_act, sentence, set(tokenize(sentence.quote.text))) == float(decided)


@pytest.mark.parametrize(
    "question", ["When does the pool open?", "Who is the treasurer?", "停车费调整为多少？", "Can you summarise it?"]
)
def test_a_question_about_neither_an_act_nor_how_a_matter_was_settled(question: str) -> None:
    assert act_or_outcome_asked(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "How many trees will be planted?",
        "What did Marketing think about the remote control?",
        "What did Marco present?",  # a presentation, not who was present
        "What were the participants of this meeting responsible for?",  # what they did, not who came
    ],
)
def test_a_question_that_names_no_act_has_no_test(question: str) -> None:
    assert act_asked(question) is None


@pytest.mark.parametrize(
    ("question", "every"),
    [
        ("What did we decide?", True),
        ("What decisions were made?", True),
        ("Which decisions were made at the last meeting?", True),
        ("What are the action items?", True),
        ("What are the next steps?", True),
        ("What was proposed?", True),
        ("What did the board decide?", True),  # who met is no topic
        ("会议决定了什么？", True),
        ("有哪些待办事项？", True),
        ("What are Tom's action items?", True),  # a name, no topic
        ("What are the action items for Tom Berg?", True),
        ("What are the open action items?", True),  # which reports: the latest minutes' list
        ("Which action items are still pending?", True),
        ("What are the remaining tasks?", True),
        ("What are the outstanding action items for Tom?", True),
        ("What were the key decisions?", True),
        ("What did we decide in March?", False),  # a month is no name: a time, to search for
        ("What was decided about the Postgres upgrade?", False),  # a topic
        ("What did we decide about Postgres?", False),  # a topic, however written
        ("Summarize the meeting.", False),  # no act
        ("Who attended?", True),  # every attendance line: who is a way of asking, as what is
        ("Who was present?", True),  # being present is attending, and no topic
        ("Who volunteered?", True),
        ("Who sent apologies?", True),  # sending is how apologies are given, no topic
        ("When was the meeting held?", False),  # no act
    ],
)
def test_a_question_of_an_act_and_framing_asks_for_every_report_of_it(question: str, every: bool) -> None:
    assert (every_act_asked(question) is not None) is every


def test_what_the_board_approved_is_asked_of_the_board_s_meetings_where_others_are_held_too() -> None:
    titles = ["Library Digitisation Project – Board Meeting", "Mobile sync 2025-11-27"]
    assert every_act_asked("What did the board approve?", titles=titles).titles == {titles[0]}
    assert every_act_asked("What did we approve?", titles=titles).titles == frozenset()


def test_a_meeting_named_by_its_initials_is_no_person() -> None:
    titles = ["Elm Court Housing Co-operative - Annual General Meeting", "Board of Trustees", "Sprint 42 retro"]
    asked = every_act_asked("Who attended the AGM?", titles=(title for title in titles))
    assert asked is not None
    assert asked.titles == {titles[0]}
    assert asked.people == frozenset()
    by_name = every_act_asked("What did Tom Berg decide?", titles=titles)
    assert by_name is not None and by_name.people == {"Tom", "Berg"} and by_name.titles == frozenset()


def test_what_we_decided_is_what_the_latest_minutes_record_under_decisions(weekly_core: Minutebot) -> None:
    decided = weekly_core.ask("What did we decide?")
    assert [q.text for q in decided.quotes] == ["- The Postgres upgrade happens on April 12."]
    assert decided.answer == "The Postgres upgrade happens on April 12."
    assert "weekly-2025-03-17" in (decided.note or "")
    assert weekly_core.ask("What were the key decisions?").answer == decided.answer
    earlier = weekly_core.ask("What decisions were made in the meeting on 2025-03-10?")
    assert earlier.answer == "Every deploy goes through a canary stage from April 1. Sam owns the deploy pipeline."


def test_the_action_items_come_from_the_latest_minutes_that_have_them_not_a_table_s_header(
    weekly_core: Minutebot,
) -> None:
    actions = weekly_core.ask("What are the action items?")  # the latest minutes, of 2025-03-17, have none
    assert actions.answer == (
        "Sam: write the postmortem for the Saturday outage. Priya: add the canary stage to the roadmap."
    )
    assert "weekly-2025-03-10" in (actions.note or "")
    toms = weekly_core.ask("What are Tom's action items?")  # only the first week's table names him
    assert toms.answer == "Remove the extension from the reporting service · Tom · 2025-03-21"
    assert "weekly-2025-03-03" in (toms.note or "")
    assert weekly_core.ask("What are Tom's open action items?").answer == toms.answer
    table = weekly_core.ask("What are the action items of the meeting on 2025-03-03?")
    assert table.answer == "Remove the extension from the reporting service · Tom · 2025-03-21"
    assert table.quotes[0].text == "| Remove the extension from the reporting service | Tom | 2025-03-21 |"


def test_a_decision_about_a_topic_is_the_sentence_under_decisions_and_attendance_answers_who_came(
    weekly_core: Minutebot,
) -> None:
    decided = weekly_core.ask("What was decided about the canary stage?")
    assert decided.quotes[0].text == "- Every deploy goes through a canary stage from April 1."
    assert decided.answer == "Every deploy goes through a canary stage from April 1."  # not the discussion around it
    came = weekly_core.ask("Who attended the meeting on 2025-03-10?")
    assert came.quotes[0].text == "Present: Priya, Marco, Sam" and came.note is None  # it shares the act's word


def test_who_was_present_is_the_attendance_line_of_the_latest_minutes(weekly_core: Minutebot) -> None:
    """Not "Marco asked who owns the deploy pipeline", which holds the question's "who"."""
    present = weekly_core.ask("Who was present?")
    assert present.quotes[0].text == "Present: Priya, Marco, Sam"
    assert "weekly-2025-03-17" in (present.note or "")
    assert weekly_core.ask("Who attended?").quotes[0] == present.quotes[0]


def test_knowing_the_acts_loads_no_chinese_dictionary_for_english_questions() -> None:
    """jieba's dictionary is 30 MB in every process that loads it: Chinese act words must not load it."""
    check = (
        "import sys, retrieval.questions.acts as acts; acts.every_act_asked('What are the action items?'); "
        "assert 'rjieba' not in sys.modules, 'jieba loaded'"
    )
    subprocess.run([sys.executable, "-c", check], cwd=PROJECT_ROOT, check=True)


def test_a_meeting_named_by_its_title_is_the_one_whose_reports_are_asked_for(
    make_core: Callable[..., Minutebot],
) -> None:
    """The English minutes set of the benchmarks: an IT steering group, a design sync whose "Agreed:" line says
    what it decided in words search favours, and two later meetings of a parks committee."""
    core = make_core(PROJECT_ROOT / "benchmarks" / "data" / "minutes-en" / "records")
    core.index()
    assert core.ask("What did the IT steering group decide?").answer == (
        "The first batch of 70 laptops is ordered in April. Dan Okafor owns the email migration from now on."
    )
    parks = core.ask("What did the parks committee decide?")  # the later of its two meetings
    assert parks.answer == "The car park stays open for deliveries until 10 am on festival days."


def test_asked_why_something_was_done_the_sentence_that_reports_it_done_is_no_reason(
    make_core: Callable[..., Minutebot], tmp_path: Path
) -> None:
    """ "The team agreed the Q1 hiring plan…" reports the approval the question asks the reason for, in words that
    count as the question's own; the reason is the sentence after it."""
    records = tmp_path / "records"
    records.mkdir()
    (records / "q1-hiring-plan-recap.md").write_text(
        "# Meeting recap: Q1 hiring plan\n\n## Summary\nThe team agreed the Q1 hiring plan for the engineering "
        "department. Budget allows for five new hires, down from the seven originally requested, because the finance "
        "team cut the headcount budget by 20%.\n\n## Notes\n- Interview process: Tom proposed cutting the take-home "
        "test to two hours, as candidates have been dropping out at that stage. The team agreed.\n"
    )
    core = make_core(records)
    core.index()
    assert core.ask("Why were only five hires approved?").quotes[0].text == (
        "Budget allows for five new hires, down from the seven originally requested, because the finance team cut "
        "the headcount budget by 20%."
    )


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("Who was absent?", {"absent"}),
        ("What did we decide about the budget?", set(tokenize("decide"))),
        ("Who sent apologies?", set(tokenize("apologies"))),
        ("What is the budget?", set()),
    ],
)
def test_the_words_of_a_question_that_name_an_act(question: str, terms: set[str]) -> None:
    assert act_terms(question) == terms


@pytest.mark.parametrize(
    ("question", "attending"),
    [
        ("Was Sam present?", True),
        ("Who was present at the steering group?", True),
        ("What did Marco present?", False),  # the verb, which shares the stem
        ("What was presented about the budget?", False),
    ],
)
def test_being_present_is_attending(question: str, attending: bool) -> None:
    assert (act_terms(question) >= act_terms("Who attended?")) is attending


@pytest.mark.parametrize(
    ("question", "speaker", "proposal"),
    [
        ("What did Grace suggest?", "Grace Liu", "I'd suggest we hold back the second outreach worker post."),
        ("孙磊建议了什么？", "孙磊", "我建议年货节之前临时增加十名外包客服。"),
    ],
)
def test_what_a_speaker_proposed_is_what_they_put_forward_in_so_many_words(
    question: str, speaker: str, proposal: str
) -> None:
    """Their other words in the same turn ("…差评是因为回复慢。") are why, not what they proposed."""
    call = (
        f"Chair: How is support coping?\n{speaker}: Peak demand was six times normal and replies were slow. {proposal}\n"
        "Chair: Fine, agreed.\n"
    )
    passage = Passage("m", "m.txt", 0, len(call), 1, 3, call)
    reports_act = act_or_outcome_asked(question)
    assert reports_act is not None
    assert [quote.text for quote in sentences_reporting([passage], reports_act, {speaker})] == [proposal]


def test_a_proposal_broken_off_before_it_says_what_is_no_report_of_one() -> None:
    call = "User Interface: The buttons are too small. And I propose to {disfmarker}\nMarketing: Yes.\n"
    passage = Passage("m", "m.txt", 0, len(call), 1, 2, call)
    reports_act = act_or_outcome_asked("What did User Interface propose?")
    assert reports_act is not None
    assert sentences_reporting([passage], reports_act, {"User Interface"}) == []


@pytest.mark.parametrize(
    ("said", "declares"),
    [
        ("All those in favour of deferring? That's nine. Against? Two. The item is deferred.", True),
        ("Approved unanimously, with the standard conditions.", True),
        ("The motion is carried.", True),
        ("Carried by nine votes to two.", True),
        ("After discussion the motion was carried, 29 for and 9 against.", True),
        # numbered, and what it says in between
        ("After discussion, Resolution 1, a rent increase of 4% from April 2026, was carried with 19 for.", True),
        ("Resolution 2, to set up a repairs reserve of GBP 5,000 from the surplus, was carried unanimously.", True),
        ("Item 4 was deferred.", True),
        ("The proposal, as far as I can see, is fine.", False),
        ("That's approved, then?", False),  # asked, not declared
        ("Agreed.", False),  # as often a reply
        ("I agreed with her.", False),
        ("The item is about parking.", False),
        ("Approved items go to the board.", False),
    ],
)
def test_a_chair_declares_what_became_of_a_matter(said: str, declares: bool) -> None:
    assert declares_an_outcome(said) is declares


@pytest.mark.parametrize(
    ("sentence", "gives_it"),
    [
        ("Next meeting: 8 December 2025.", True),
        ("Let's meet again on the 15th to look at results.", True),
        ("We'll reconvene next Tuesday at ten.", True),
        ("OK, let's catch up again Thursday.", True),
        ("那我们下周三下午再碰一下。", True),
        ("下周再开个会，把方案定下来。", True),
        ("We met the vendor again on Monday.", False),
        ("It was good to meet Ana in person.", False),
        ("再开发一个版本要两周。", False),
    ],
)
def test_the_next_meeting_is_given_by_its_line_or_arranged_aloud(sentence: str, gives_it: bool) -> None:
    assert gives_the_next_meeting(sentence) is gives_it
