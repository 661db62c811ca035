import re

import numpy as np
import pytest

from retrieval import Minutebot
from retrieval.answering import (
    FEATURES,
    LATER_MEETING,
    MAX_QUOTES,
    NO_SHARED_WORD,
    SIMILARITY_SENTENCES,
    TOPIC_FEATURE,
    Question,
    extractive_answer,
    later_word,
    rank_sentences,
    sentence_features,
    summary_answer,
)
from retrieval.answers.quotes import is_title_line
from retrieval.errors import EmptyQuestion
from retrieval.models import Answer, Passage, Quote
from retrieval.questions.acts import act_asked, sentences_reporting
from retrieval.questions.attendance import attendees
from retrieval.questions.people import people_of
from retrieval.questions.topics import topic_terms
from retrieval.search import RecordToSummarize
from retrieval.text.sections import headed_sentences
from tests.conftest import SAMPLE_MEETING

# Each figure of the sample report, asked in words that differ from the record's.
FIGURE_QUESTIONS = [
    ("How many practical projects for residents were completed?", "636 practical things"),
    ("How many government service items can be handled at a single window?", "549 administrative items"),
    ("How many shantytowns were rebuilt, and over what area?", "Four shantytowns covering 150,000 square meters"),
    ("How many old neighbourhoods were renovated?", "128 old residential areas"),
    ("What area did the renovated old residential areas cover?", "1.07 million square meters"),
    ("For how many people did housing conditions get better?", "40,000 people"),
    ("How many visitors came to learn from the red revolutionary resources?", "80,000 people"),
]


@pytest.mark.parametrize(("question", "figure"), FIGURE_QUESTIONS)
def test_first_quote_contains_the_figure(sample_core: Minutebot, question: str, figure: str) -> None:
    answer = sample_core.ask(question)
    assert figure in answer.quotes[0].text, answer.quotes[0].text
    assert figure in answer.answer or answer.answer.endswith("…")


def test_quotes_and_passages_are_exact_at_their_offsets_and_lines(sample_core: Minutebot) -> None:
    text = sample_core.store.record(sample_core.status().name, SAMPLE_MEETING).text
    answer = sample_core.ask("What did the meeting stress about party history education?")
    assert answer.quotes and answer.passages
    for span in [*answer.quotes, *answer.passages]:
        assert text[span.start_char : span.end_char] == span.text
        assert span.start_line == text.count("\n", 0, span.start_char) + 1
        assert span.end_line == text.count("\n", 0, span.end_char - 1) + 1


def test_answer_limits_and_order(sample_core: Minutebot) -> None:
    answer = sample_core.ask("renovated residential areas", top_k=3)
    assert len(answer.passages) <= 3 and len(answer.quotes) <= MAX_QUOTES
    scores = [p.score for p in answer.passages]
    assert scores == sorted(scores, reverse=True)
    assert answer.mode == "extractive"


def test_a_question_about_a_fact_in_framing_words_is_searched_not_summed_up(sample_core: Minutebot) -> None:
    answer = sample_core.ask("When was the meeting held?")  # every word frames: still a question about a day
    assert answer.answer.startswith("January 25, the city’s party history study education summary meeting held.")


def test_the_record_s_title_line_is_no_answer_while_another_sentence_is(sample_core: Minutebot) -> None:
    first = sample_core.ask("Who was at the meeting?").quotes[0]  # "meeting" is in every sentence and the title
    assert not is_title_line(first) and first.text != "The city held party history study education summary meeting"


def test_a_title_line_holds_the_question_s_words_only_as_its_record_s_title_does() -> None:
    """ "incident" is the title's word, which counts for every sentence of the record the question names: the title
    line holds no more of the topic than the line that says how long it lasted."""
    title = "#platform-incidents — thread export, 26 November 2025"
    thread = (
        f"{title}\n\nMaya Chen  9:14 AM\nHeads up: checkout API error rate jumped to 7% at 09:02.\n\n"
        "Maya Chen  9:40 AM\nThanks both. Total impact was roughly 31 minutes and about 1,200 failed checkouts.\n"
    )
    answer = answer_from("How long did the incident last?", thread, title)
    assert answer.quotes[0].text == "Total impact was roughly 31 minutes and about 1,200 failed checkouts."


def test_answer_is_a_verbatim_quote(sample_core: Minutebot) -> None:
    answer = sample_core.ask("Who presided over the meeting?")
    assert answer.answer.rstrip("…") in " ".join(answer.quotes[0].text.split())
    assert "Chi Jintao" in answer.quotes[0].text


@pytest.mark.parametrize("question", ["", "   ", "\n\t"])
def test_empty_question_is_refused(sample_core: Minutebot, question: str) -> None:
    with pytest.raises(EmptyQuestion):
        sample_core.ask(question)


def test_a_sentence_that_only_restates_the_question_ranks_below_one_that_says_more() -> None:
    restating = "Marketing: So a rubber clip on the remote control case ."
    answering = "A rubber clip on the case means nobody loses the remote control under the sofa ."
    text = f"{restating} {answering}"
    passage = Passage("m", "m.txt", 0, len(text), 1, 1, text, score=1.0)
    question = "Why did the team want a rubber clip on the remote control case?"
    ranked = rank_sentences(question, [passage], term_weight=lambda term: 1.0)
    assert [quote.text for quote in ranked] == [answering, restating]


def test_what_a_named_speaker_said_comes_before_a_better_placed_sentence_of_another() -> None:
    def passage(rank: int, text: str) -> Passage:
        return Passage("m", "m.txt", 100 * rank, 100 * rank + len(text), rank + 1, rank + 1, text, score=1.0)

    others = (
        "Project Manager: The rubber case should come in a bright yellow colour so kids like it and parents spot it ."
    )
    theirs = "Marketing: A rubber case feels soft in the hand and young buyers will pay more for that feeling ."
    filler = "User Interface: Lunch is at noon today ."
    passages = [passage(0, others), passage(1, filler), passage(2, filler), passage(3, theirs)]
    ranked = rank_sentences("What did Marketing think about the rubber case colour?", passages, lambda term: 1.0)
    assert ranked[0].text == theirs and ranked[0].speaker == "Marketing"


def test_the_words_that_make_a_question_specific_beat_its_subject_named_everywhere() -> None:
    """The subject is rare in the index (high IDF) but in most sentences here; the answer does not name it."""
    text = (
        "Tanaka was born in Osaka in 1960 . Tanaka studied law in Kyoto . Tanaka joined the council in 1990 . "
        "In 1998 he was appointed treasurer ."
    )
    passage = Passage("m", "m.txt", 0, len(text), 1, 1, text, score=1.0)
    ranked = rank_sentences("When was Tanaka appointed treasurer?", [passage], lambda t: 5.0 if t == "tanaka" else 1.0)
    assert ranked[0].text == "In 1998 he was appointed treasurer ."


@pytest.mark.parametrize(
    ("question", "other", "answer"),
    [
        ("When did the council meet?", "The council met in the town hall .", "The council met on 12 March ."),
        ("理事会什么时候开会？", "理事会在市政厅开会。", "理事会于3月12日开会。"),
        ("理事会有多少成员？", "理事会的成员来自各个城区。", "理事会共有9名成员。"),
    ],
)
def test_a_question_about_a_time_or_quantity_prefers_a_sentence_with_a_number(
    question: str, other: str, answer: str
) -> None:
    text = f"{other} {answer}"
    passage = Passage("m", "m.txt", 0, len(text), 1, 1, text, score=1.0)
    assert rank_sentences(question, [passage], lambda term: 1.0)[0].text == answer


def test_asked_which_firm_a_sentence_naming_one_the_question_does_not_comes_first() -> None:
    """The first sentence holds the question's whole "物业公司", the second names the firm."""
    text = "物业公司提出将住宅物业费由每月每平方米1.8元上调至2.2元。经表决，同意续聘安居物业服务有限公司，合同期三年。"
    passage = Passage("m", "m.txt", 0, len(text), 1, 1, text, score=1.0)
    ranked = rank_sentences("续聘哪家物业公司？", [passage], lambda term: 1.0)
    assert ranked[0].text == "经表决，同意续聘安居物业服务有限公司，合同期三年。"


def test_a_question_about_a_records_subject_is_answered_by_what_it_asks_not_by_the_subjects_name() -> None:
    """The article's name is its title: it tells which record, not which sentence (the title line answers nothing)."""
    text = (
        "Riverside Park\nRiverside Park lies in the north of the city . Riverside Park opened in May .\n"
        "It is used for concerts and markets ."
    )
    passage = Passage("m", "m.txt", 0, len(text), 1, 3, text, title="Riverside Park", score=1.0)
    rare_name = {"riverside": 5.0, "park": 5.0}
    ranked = rank_sentences("What is Riverside Park used for?", [passage], lambda t: rare_name.get(t, 1.0))
    assert ranked[0].text == "It is used for concerts and markets ."


def test_an_account_leaves_out_the_records_title_line() -> None:
    """The title names the record, as each quote's source does; it is no part of what was said about the topic."""
    title = "Parks and gardens committee of the city council"
    text = f"# {title}\nThe parks budget was raised to 12,000 euros . The new playground opens in May .\n"
    passage = Passage("m", "m.txt", 0, len(text), 1, 2, text, title=title, score=1.0)
    answer = extractive_answer(Question("Summarize what the parks committee discussed.", 5), [passage], lambda t: 1.0)
    assert title not in answer.answer
    assert answer.answer.startswith("The parks budget was raised")
    assert not is_title_line(Quote("m", "m.txt", 0, 9, 1, 1, "The parks budget.", title="The parks budget."))


MINUTES = (
    "Library board minutes\nAttendees: Mira Chen (chair), Paul Otto, Sara Lind.\n"
    "The board discussed extending opening hours. Paul Otto proposed opening on Sundays from noon to five; the "
    "board agreed to a six-month trial starting in March.\nAction: Update the website hours · Owner: Paul Otto\n"
)


def test_what_someone_proposed_is_answered_by_the_sentence_that_reports_it_not_by_who_attended() -> None:
    passage = Passage("m", "m.txt", 0, len(MINUTES), 1, 4, MINUTES, title="Library board minutes", score=1.0)
    answer = extractive_answer(Question("What did Paul Otto propose?", 5), [passage], lambda term: 1.0)
    assert answer.quotes[0].text.startswith("Paul Otto proposed opening on Sundays from noon to five; the board")
    assert "Attendees" not in answer.answer  # who attended says nothing of what they proposed


def test_a_reason_that_opens_the_next_passage_answers_the_question_the_one_before_ends_on() -> None:
    """Passages found together never repeat each other's text: the reply to a question the minutes tell of may
    open the passage that goes on from the one that ends on it."""
    text = (
        "4. Van replacement\nThe van failed its MOT in August. The trustees discussed whether to buy an electric van. "
        "The Treasurer advised against it this year because the grant only covers £15,000.\n"
    )
    cut = text.index(" The Treasurer")
    found = [
        Passage("m", "m.pdf", 0, cut, 1, 2, text[:cut], title="Trustees", score=1.0),
        Passage("m", "m.pdf", cut + 1, len(text), 2, 2, text[cut + 1 :], title="Trustees", score=0.9),
    ]
    answer = extractive_answer(Question("Why not buy an electric van?", 5), found, lambda term: 1.0)
    assert answer.quotes[0].text.startswith("The Treasurer advised against it this year because")


def best_of(question: str, *sentences: str) -> str:
    """The sentence `rank_sentences` puts first, of one passage that holds `sentences` in order."""
    text = " ".join(sentences)
    passage = Passage("m", "m.txt", 0, len(text), 1, 1, text, score=1.0)
    return rank_sentences(question, [passage], lambda t: 1.0)[0].text


def answer_from(question: str, text: str, title: str) -> Answer:
    """The extractive answer to `question` from one passage, the whole of a record titled `title` that reads `text`."""
    passage = Passage("m", "m.md", 0, len(text), 1, text.count("\n") + 1, text, title=title, score=1.0)
    return extractive_answer(Question(question, 5), [passage], lambda t: 1.0)


def test_a_report_of_the_act_asked_about_is_on_the_topic_only_in_a_record_that_speaks_of_it() -> None:
    """ "Which safeguarding software was chosen?": a bakery's decision on its prices reports a decision, and its
    record says nothing of safeguarding software; the call that chose one does."""
    bakery = "Flour prices\nThe meeting agreed to raise the price of a large sourdough loaf from 5 January.\n"
    call = (
        "Deborah Mills: Last one, safeguarding software.\n"
        "Ravi Kumar: We trialled two products this term. Staff preferred SafeWatch.\n"
        "Deborah Mills: Agreed, SafeWatch from April.\n"
    )
    passages = [
        Passage(meeting, f"{meeting}.txt", 0, len(text), 1, text.count("\n") + 1, text, title=meeting, score=1.0)
        for meeting, text in (("bakery", bakery), ("it-steering", call))
    ]
    answer = extractive_answer(Question("Which safeguarding software was chosen?", 5), passages, lambda t: 1.0)
    assert answer.quotes[0].text == "Deborah Mills: Agreed, SafeWatch from April."


def test_a_report_of_the_act_asked_about_is_on_the_topic_only_in_a_section_that_speaks_of_it() -> None:
    """In minutes kept in sections, the decision under another item says nothing of the topic asked about, though
    the record speaks of it elsewhere: the parking decision does not answer how the bins problem is solved."""
    minutes = (
        "# Residents' committee\n## 1. Parking\n"
        "The meeting decided that visitors may park free for two hours, then pay 5 pounds an hour.\n"
        "## 2. Bins\nResidents complained that the food waste bins by block C smell.\n"
        "The managing agent will empty the food waste bins twice a day.\n"
    )
    answer = answer_from("How was the food waste bins problem resolved?", minutes, "Residents' committee")
    assert "park" not in answer.answer


def test_a_sentence_that_holds_only_a_lesser_word_is_not_on_the_subject() -> None:
    """The benches line holds the "park" of "car park" (in "Mill Park"), and says nothing of the car park."""
    minutes = (
        "- Tom Berg: the benches for Mill Park arrive on 20 May.\n"
        "Priya Shah proposed closing the Mill Park car park during the festival.\n"
        "- The car park stays open for deliveries until 10 am on festival days.\n"
    )
    answer = answer_from("What happens to the car park during the festival?", minutes, "Parks Committee")
    assert answer.answer == (
        "Priya Shah proposed closing the Mill Park car park during the festival. The car park stays open for "
        "deliveries until 10 am on festival days."
    )


@pytest.mark.parametrize(
    ("question", "item"),
    [
        ("What went well in the sprint?", "Pairing on the payment form cut review time."),
        ("What didn't go well in the sprint?", "Design changes arrived after the sprint started."),
    ],
)
def test_a_retrospective_s_heading_put_in_the_negative_answers_only_a_question_so_put(question: str, item: str) -> None:
    """ "What went well" and "What didn't go well" share every word but the negative ("went" is "go")."""
    retrospective = (
        "## What went well\n- Pairing on the payment form cut review time.\n"
        "## What didn't go well\n- Design changes arrived after the sprint started.\n"
    )
    assert answer_from(question, retrospective, "Sprint 42 retrospective").quotes[0].text == f"- {item}"


def test_a_topic_label_heads_its_item_for_a_question_put_in_the_negative() -> None:
    """ "Christmas lights" denies nothing: the reason after the decision is still about the lights."""
    notes = (
        "* Treasurer: Mike Adeyemi has stepped down after four years. Sanjay Kapoor will take over.\n"
        "* Christmas lights: we agreed NOT to put up the lights on the green this year. The old set failed\n"
        "  the electrical safety test and a new set would cost around £1,800.\n"
        "* Litter pick: the next one is Saturday 6 December.\n"
    )
    answer = answer_from("Why aren't we putting up the Christmas lights?", notes, "Residents' association")
    assert [quote.text for quote in answer.quotes[:2]] == [
        "* Christmas lights: we agreed NOT to put up the lights on the green this year.",
        "The old set failed\n  the electrical safety test and a new set would cost around £1,800.",
    ]


@pytest.mark.parametrize(
    ("question", "minutes", "quote"),
    [
        pytest.param(
            "Which motion was not carried?",
            "Motion 1: that the hall fees rise by 5% was carried.\n"
            "Motion 2: that the bar opens on Sundays was not carried.\n"
            "Motion 3: that the AGM moves to May was carried.\n",
            "Motion 2: that the bar opens on Sundays was not carried.",
            id="English",
        ),
        pytest.param(
            "哪个议案没有通过？",
            "一、审议通过《关于公司2025年第三季度报告的议案》\n表决结果：同意7票。\n"
            "二、审议未通过《关于变更部分募集资金用途的议案》\n表决结果：同意3票，反对4票。\n"
            "三、审议通过《关于召开临时股东大会的议案》\n表决结果：同意7票。\n",
            "二、审议未通过《关于变更部分募集资金用途的议案》",
            id="Chinese",
        ),
    ],
)
def test_a_question_put_in_the_negative_is_answered_by_what_denies_it_too(
    question: str, minutes: str, quote: str
) -> None:
    """Every line holds "carried" (通过): only the one that denies it holds it as the question does."""
    assert answer_from(question, minutes, "Board").quotes[0].text == quote


@pytest.mark.parametrize(
    ("question", "minutes", "quote", "title"),
    [
        pytest.param(  # the speakers' table has a caption; the decision after it is still the item's
            "What was decided about Orchard Farm?",
            "PL/44 The Old Bakery\nRESOLVED: that the application be deferred.\n"
            "PL/45 Land at Orchard Farm\nOutline application for 64 homes.\nPublic speakers\n"
            "Speaker: Helen Ward · For or against: Against\nRESOLVED: that permission be refused.\n",
            "RESOLVED: that permission be refused.",
            "Planning Committee",
            id="a decision after a captioned table in its item",
        ),
        pytest.param(  # who fills a table's column of people says who, though no attendance line lists them
            "Who spoke against the lane?",
            "Present: Cllr Rob Fenwick, Cllr Maria Delgado.\nCllr Rob Fenwick opened the debate on the lane.\n"
            "Public speakers\nSpeaker: Helen Ward · Position: against the lane\n",
            "Speaker: Helen Ward · Position: against the lane",
            "Planning Committee",
            id="a table's column of people",
        ),
        pytest.param(  # said aloud, a decision opens a turn; "let's start with the venue" opens a subject
            "Which venue was chosen for the conference?",
            "Laura Kim: OK, let's start with the venue for the conference.\n"
            "Marcus Bell: The Guildhall is cheaper, but it only holds 250.\n"
            "Laura Kim: Let's book the Corn Exchange for 12 March.\n",
            "Laura Kim: Let's book the Corn Exchange for 12 March.",
            "Conference planning call",
            id="a decision said aloud in a conversation",
        ),
        pytest.param(  # the owner's label follows the task; the other owner is named at the top, this one is not
            "Who owns the index status check?",
            "**Facilitator:** Aaron Lee\n## Action items\n"
            "- [ ] Add an index check to the deploy pipeline — owner: Sara Kim, due 5 December\n"
            "- [ ] Update the rollback runbook — owner: Aaron Lee, due 28 November\n",
            "- [ ] Add an index check to the deploy pipeline — owner: Sara Kim, due 5 December",
            "Incident review: search outage",
            id="an owner's label after the task",
        ),
        pytest.param(  # Chinese minutes charge a department with a task by the verb: 由…负责
            "剩余小区改造由谁负责？",
            "出席：张伟、李娜\n张伟介绍了小区改造的进展。\n（一）11月底前完成剩余2个小区的改造，由城建科负责。\n",
            "（一）11月底前完成剩余2个小区的改造，由城建科负责。",
            "街道工作会议纪要",
            id="charged with a task, 由…负责",
        ),
        pytest.param(  # "个小" of "多少个小区" is no topic of the question, though "剩余2个小区" holds it
            "第三季度改造了多少个小区？",
            "第三季度完成改造小区6个，惠及居民1280户。\n（一）11月底前完成剩余2个小区的改造。\n",
            "第三季度完成改造小区6个，惠及居民1280户。",
            "街道第三季度工作汇报",
            id="a Chinese question's character pairs across its words",
        ),
        pytest.param(  # every row holds "bid"; the lowest figure answers
            "What was the lowest roof bid?",
            "Three bids were received for replacing the clubhouse roof:\n"
            "Contractor: Summit Roofing · Bid: $38,400 · Notes: 20-year warranty\n"
            "Contractor: A1 Exteriors · Bid: $33,900 · Notes: 10-year warranty\n"
            "Contractor: Peak Builders · Bid: $41,250 · Notes: includes gutters\n",
            "Contractor: A1 Exteriors · Bid: $33,900 · Notes: 10-year warranty",
            "HOA board minutes",
            id="a superlative over a table's rows",
        ),
        pytest.param(  # asked what is to come, a time gone by is no answer
            "When will the export be finished?",
            "Jonas Berg: The migration was supposed to finish last Friday, but the old CRM export kept timing out.\n"
            "Jonas Berg: We've now split the export into batches, and it's running overnight.\n"
            "Priya Nair: So next step: Jonas finishes the batched export by Wednesday.\n",
            "Priya Nair: So next step: Jonas finishes the batched export by Wednesday.",
            "CRM migration sync",
            id="a time to come, not one gone by",
        ),
        pytest.param(  # "on Tuesday took 9 hours": a verb in the past after the time puts it in the past
            "When will rebuilds run?",
            "- The index rebuild on Tuesday took 9 hours instead of 3, because the reindex job ran on one worker.\n"
            "- We agreed to run rebuilds overnight only, starting at 1am.\n",
            "- We agreed to run rebuilds overnight only, starting at 1am.",
            "Search team retro",
            id="a time to come, not one a verb in the past follows",
        ),
        pytest.param(  # the chair declares the outcome; another record's "agreed" is of something else
            "Was the drive-through approved?",
            "CHAIR: Item four, the application for a drive-through coffee shop at Beacon Retail Park.\n"
            "OFFICER: The recommendation is refusal, on highways safety.\n"
            "CHAIR: All those in favour of deferring? That's nine. Against? Two. The item is deferred.\n"
            "CHAIR: Item five, 3 Orchard Close, a loft conversion.\n",
            "The item is deferred.",
            "Planning committee",
            id="how a matter was settled, as a chair declares it",
        ),
        pytest.param(  # the mover's line names no heater; it goes on with the motion, and says who in full
            "Who proposed asking for electric heaters?",
            "1. Heating complaints\nMembers asked for temporary heaters in the meantime.\nMotion: that the "
            "association asks the landlord for electric heaters for every north block flat. Proposed by Femi "
            "Johnson, seconded by Alice Grant. Carried unanimously.\n",
            "Proposed by Femi Johnson, seconded by Alice Grant.",
            "Tenants' association minutes",
            id="a motion's mover, who names nothing of it",
        ),
        pytest.param(  # the vote goes on from the mover's line, which goes on from the motion
            "Was the heater motion carried?",
            "1. Heating complaints\nMembers asked for temporary heaters in the meantime.\nMotion: that the "
            "association asks the landlord for electric heaters for every north block flat. Proposed by Femi "
            "Johnson, seconded by Alice Grant. Carried unanimously.\n2. Subscriptions\nMotion: to keep the "
            "subscription at £2 a month. Proposed by Dan Webb. Carried, 24 for, 3 against.\n",
            "Carried unanimously.",
            "Tenants' association minutes",
            id="how a motion went, two sentences after it",
        ),
        pytest.param(  # the motion names the subscription; minutes tell how it went in the sentence after
            "Was the adult subscription raised?",
            "3. Subscriptions\nThe committee proposed raising the adult subscription from £420 to £450 a year. After "
            "discussion the motion was carried, 29 for and 9 against. Junior subscriptions stay at £150.\n",
            "After discussion the motion was carried, 29 for and 9 against.",
            "Rowing club AGM",
            id="how a motion went, as minutes tell it",
        ),
        pytest.param(  # where most of them come from is what causes them
            "What is causing the crashes?",
            "Time: 10 min · Item: Crash rate · Notes: Crash-free sessions on Android fell to 98.1% after 4.12.\n"
            "Most crashes come from the new image cache on devices with less than 3 GB of memory.\n",
            "Most crashes come from the new image cache on devices with less than 3 GB of memory.",
            "Release planning",
            id="a cause, as where most of something comes from",
        ),
        pytest.param(  # the proposal's cost holds more of the question; the condition sets the limit
            "年终促销费用上限是多少？",
            "三、年终促销\n市场部提出12月开展年终促销，预计费用80万元。会议同意，但要求费用不超过75万元。\n",
            "会议同意，但要求费用不超过75万元。",
            "经营分析会",
            id="a limit, as a figure given as one",
        ),
        pytest.param(  # the fund applied to is where the money comes from
            "How will the fridge be paid for?",
            "3. Community fridge\nThe community fridge at the church hall gave away 1,350 kg of food since opening in "
            "June. It needs a new fridge, which will cost about £700. Agreed: the forum will apply to the ward budget "
            "for it.\n",
            "Agreed: the forum will apply to the ward budget for it.",
            "Neighbourhood forum",
            id="how something is paid for, as a fund applied to",
        ),
        pytest.param(  # Tara takes on the fix the sentence before names; Kwame only found it
            "Who will fix the button contrast?",
            "Kwame found that the new button fails contrast checks in dark mode. Tara will darken the border and "
            "text tokens.\n- [ ] Ines: write the migration guide\n",
            "Tara will darken the border and text tokens.",
            "Design system sync",
            id="who takes on a task, read with the sentence that names it",
        ),
        pytest.param(  # asked who will, a turn says who in its words, not by whose turn it is
            "Who will apply for the event notice?",
            "Ken Liu: Mulled wine: we need a temporary event notice from the council if we sell alcohol. It costs £21\n"
            "Rosa Martin: Let's do it. Ken can you apply this week? It needs ten working days\n"
            "Ken Liu: will do tomorrow\n",
            "Ken can you apply this week?",
            "Choir committee chat",
            id="who will, said in a turn's words",
        ),
        pytest.param(  # "How can…?" asks for a way: the proposal put as a question, before the reply to it
            "How can the racking cost be reduced?",
            "Liam Porter: The racking quote came in at 46,000, which is about 6,000 over what we budgeted.\n"
            "Priya Shah: Can we reuse the old racking from Northampton for the bulk aisles?\n"
            "Liam Porter: Some of it, yes. That would bring it down to roughly 39,000.\n",
            "Priya Shah: Can we reuse the old racking from Northampton for the bulk aisles?",
            "Warehouse move sync",
            id="a way, which a proposal gives",
        ),
        pytest.param(  # a motion's seconder and vote, read with its mover and the motion before them
            "Who seconded the motion?",
            "Present: 23 members.\nMotion: that the branch rejects the offer. Moved: Aled Morgan. Seconded: Priti "
            "Desai. For 19, against 3, abstentions 1. Carried.\nMaya will draft the second-week check-in script.\n",
            "Seconded: Priti Desai.",
            "Branch meeting",
            id="a motion's seconder after its mover",
        ),
        pytest.param(
            "How many voted for the motion?",
            "Present: 23 members.\nMotion: that the branch rejects the offer. Moved: Aled Morgan. Seconded: Priti "
            "Desai. For 19, against 3, abstentions 1. Carried.\nThe company has offered 3.2% from January.\n",
            "For 19, against 3, abstentions 1.",
            "Branch meeting",
            id="a motion's vote",
        ),
        pytest.param(  # who kept the minutes, by a name in full after the field
            "Who took the minutes?",
            "Present: 23 members. Chair: Gary Lomax. Minutes: Jen Ward.\n1. Pay offer\nMoved: Aled Morgan.\n",
            "Minutes: Jen Ward.",
            "Branch meeting",
            id="who kept the minutes",
        ),
        pytest.param(  # a sentence that names a person and nothing of the topic says no who; "minutes" of the
            # title counts a tenth in every sentence of the record
            "Who took the minutes?",
            "Present: 27 members. Chair: Ruth Okafor. Minutes: Dan Webb.\n1. Heating\n"
            "Ruth reported 41 heating complaints since October, most from the north block.\n",
            "Minutes: Dan Webb.",
            "Minutes - general meeting 18 November",
            id="who kept the minutes, not who names no topic",
        ),
        pytest.param(  # a turn that takes up the one before it, by opening with "That", is read with it
            "How often has the batch failed this month?",
            "Sam Ortiz: So the batch failed again at 02:10, disk full on the reporting DB.\n"
            "Jess Park: That's the third time this month. Our alert only fires at 90%, which is too late.\n",
            "Jess Park: That's the third time this month.",
            "Ops daily stand-up",
            id="a turn that takes up the one before",
        ),
        pytest.param(  # "which days" asks for a time, as "what day" does
            "Which days are the anchor days?",
            "Marcus Grey: So 72% of staff want to keep two office days a week.\n"
            "Claire Dubois: Then two anchor days it is. Tuesdays and Thursdays for everyone.\n"
            "Claire Dubois: They can apply for one anchor day instead of two.\n",
            "Tuesdays and Thursdays for everyone.",
            "HR policy call",
            id="which days",
        ),
        pytest.param(  # Rachel Adeyemi is in no attendance line; Susan Lamb's line stands under the same heading
            "Who was elected secretary?",
            "Present: 31 members, including Margaret Hill (Chair) and Susan Lamb (Secretary).\n3. ELECTION OF OFFICERS\n"
            "Susan Lamb stood down as Secretary after six years, as she is moving to Leeds.\n"
            "Rachel Adeyemi was elected Secretary.\n",
            "Rachel Adeyemi was elected Secretary.",
            "Pantry AGM minutes",
            id="who was elected, not one only under the election's heading",
        ),
        pytest.param(  # a motion's seconder fills a field of people, which says enough however short
            "Who seconded the motion on the rent increase?",
            "III. RENT INCREASE\nThe housing association has proposed a rent increase of 6.2% from April.\n"
            "MOTION: That the association write to the housing association opposing the increase.\n"
            "Moved: Kate Sullivan. Seconded: Tom Briggs. Carried, 19 for, 2 against, 2 abstentions.\n",
            "Seconded: Tom Briggs.",
            "Tenants' association",
            id="a motion's seconder",
        ),
        pytest.param(  # where a change came from is why it came
            "Why did the cloud bill go up?",
            "## Cost review\nAmal shared the November cloud bill: $48,200, up 14% on October. Most of the increase "
            "came from log storage, which grew after debug logging was left on.\n",
            "Most of the increase came from log storage, which grew after debug logging was left on.",
            "Platform guild",
            id="where a change came from",
        ),
        pytest.param(  # those who hold a role, in one word, are not who asked
            "Who asked whether old blazers would be allowed?",
            "Governors agreed the new blazer from September 2026; the old blazers may be worn until they are "
            "outgrown.\nAsked by: Lisa Grant · Question: Will the old blazers still be allowed?\n",
            "Asked by: Lisa Grant · Question: Will the old blazers still be allowed?",
            "Governing board",
            id="who asked, not the governors who agreed",
        ),
        pytest.param(  # a Chinese name with its title of address says who, where no attendance line lists it
            "谁被聘任为副总经理？",
            "二、审议通过《关于聘任公司副总经理的议案》\n"
            "董事会同意聘任刘明先生为公司副总经理，分管海外市场业务。\n表决结果：同意7票，反对0票，弃权0票。\n",
            "董事会同意聘任刘明先生为公司副总经理，分管海外市场业务。",
            "董事会决议",
            id="a Chinese name with its title of address",
        ),
        pytest.param(  # the main end a rise serves is why it rises
            "Why is the precept going up?",
            "25/104 Precept 2026/27\nThe council discussed the draft budget for the year ahead and the reserves.\n"
            "An increase in the precept of 4% was proposed, mainly to cover the rising cost of grass cutting.\n"
            "RESOLVED to set the precept at £48,360 for 2026/27.\n",
            "An increase in the precept of 4% was proposed, mainly to cover the rising cost of grass cutting.",
            "Parish council minutes",
            id="a reason given as the main end served",
        ),
        pytest.param(  # how it is paid for: where the money comes from
            "How will the speed sign be paid for?",
            "25/102 Speed indicator device\nA resident raised concerns about speeding outside the primary school.\n"
            "The council considered the purchase of a solar-powered speed indicator device.\n"
            "RESOLVED to purchase the Elan City device at £2,950 plus VAT, to be funded from the highways reserve.\n",
            "RESOLVED to purchase the Elan City device at £2,950 plus VAT, to be funded from the highways reserve.",
            "Parish council minutes",
            id="where the money comes from",
        ),
        pytest.param(  # a member named by an initial and a surname says who
            "Who will run the fitness test?",
            "## 3. Recruitment\nTwo applicants came to the open evening. Both have been invited to the fitness test on "
            "13 December. J. Okafor will run the test with P. Quinn.\n",
            "J. Okafor will run the test with P. Quinn.",
            "Fire brigade monthly meeting",
            id="a member named by initials",
        ),
        pytest.param(  # the count of a hyphenated thing, over a table's rows of figures under its heading
            "How many call-outs were there this month?",
            "## 1. Call-outs since the last meeting\n\n| Date | Incident | Crew |\n|---|---|---|\n"
            "| 4 Nov | Chimney fire, Mill Lane | 5 |\n| 12 Nov | Road traffic collision | 6 |\n\n"
            "Three call-outs this month against seven in October.\n",
            "Three call-outs this month against seven in October.",
            "Fire brigade monthly meeting",
            id="a count of a hyphenated thing",
        ),
        pytest.param(  # asked what someone will do: the task they take on, before what else they said
            "What will Grace do?",
            "Grace Obi: Support gets a lot of tickets about codes.\n"
            "Priya Natarajan: Let's look at the numbers in two weeks. Grace, can you pull the code tickets?\n"
            "Grace Obi: Yep, I'll have that by Wednesday.\n",
            "Grace Obi: Yep, I'll have that by Wednesday.",
            "Design review",
            id="the task someone takes on",
        ),
        pytest.param(  # a speaker's next caption goes on with their turn, and is read with the one before it
            "How much did the winter fair make?",
            "Helen Carver: Evening all, thanks for coming. First thing is the winter fair.\n"
            "Helen Carver: We made 2,380 pounds in total, which is about 400 up on last year.\n"
            "Marcus Lee: The tombola did best again, it brought in 610 on its own.\n",
            "Helen Carver: We made 2,380 pounds in total, which is about 400 up on last year.",
            "PTA meeting",
            id="a turn going on over captions",
        ),
        pytest.param(  # a decision under an item headed by a minute's reference, colon and all
            "What did the committee decide about 14 Orchard Way?",
            "PL/62 Application 25/1188: two-storey rear extension, 14 Orchard Way\n"
            "Members noted that the extension would overlook the garden of number 12. It was resolved to object to "
            "the application on the grounds of overlooking and loss of privacy. For 3, against 1.\n"
            "PL/63 Application 25/1203: change of use of the former bank, High Street, to a cafe\n"
            "It was resolved to support the application, subject to a condition limiting opening hours.\n",
            "It was resolved to object to the application on the grounds of overlooking and loss of privacy.",
            "Planning committee",
            id="an item headed by a minute's reference",
        ),
        pytest.param(  # a reply to a question that only follows up the one before: read with that one
            "When is the retro?",
            "Nadia Khan: Is the retro still in room 4?\n"
            "Leo Brandt: No, room 4 is being painted, so we moved it to the library.\n"
            "Nadia Khan: And when?\n"
            "Leo Brandt: Thursday at 3pm.\n",
            "Leo Brandt: Thursday at 3pm.",
            "Team chat",
            id="a reply to a follow-up question",
        ),
        pytest.param(  # read with the sentence of the same turn that names the topic, past one that does not
            "How long did Daniel take on the coding round?",
            "Marta Kowalski  0:03\nWe saw two finalists, Daniel and Priyanka. Jamal, you start.\n\n"
            "Jamal Reed  0:12\nDaniel was solid on system design. Priyanka went straight to streaming.\n\n"
            "Ines Duarte  0:38\nI had them for the coding round. Honestly both passed. Daniel was faster, he finished "
            "in thirty-five minutes.\n\n"
            "Marta Kowalski  0:52\nWhat do we tell Daniel?\n",
            "Daniel was faster, he finished in thirty-five minutes.",
            "Hiring debrief",
            id="a turn's sentence read with an earlier one of the turn",
        ),
        pytest.param(  # 上午 (the morning) is no time gone by, as 上周 (last week) is
            "什么时候能开始安装路灯？",
            "上周讨论了安装路灯的方案和安装路灯的费用。\n施工队上午开始。\n",
            "施工队上午开始。",
            "路灯工作会议纪要",
            id="the morning is no time gone by",
        ),
    ],
)
def test_the_line_that_answers_comes_first(question: str, minutes: str, quote: str, title: str) -> None:
    assert answer_from(question, minutes, title).quotes[0].text == quote


@pytest.mark.parametrize("question", ["Who is the new treasurer?", "Who was elected treasurer?"])
def test_who_holds_a_role_anew_is_who_was_elected_to_it_not_who_left_it(question: str) -> None:
    minutes = (
        "Present: Claire Burton (Chair), Dev Patel, Gary Finch.\n1. Treasurer\n"
        "Gary Finch has stepped down as treasurer after four years. Dev Patel was elected treasurer unopposed.\n"
    )
    answer = answer_from(question, minutes, "PTA minutes")
    assert answer.quotes[0].text == "Dev Patel was elected treasurer unopposed."


def test_what_was_decided_is_answered_by_the_sentence_that_reports_a_decision() -> None:
    discussed = "The playground on Elm Street was discussed at length by residents and the council ."
    decided = "The board agreed to repair the playground ."
    assert best_of("What was decided about the playground?", discussed, decided) == decided


def test_an_answer_from_sentences_that_share_no_word_with_the_question_says_it_may_not_answer_it(
    sample_core: Minutebot,
) -> None:
    guessed = sample_core.ask("zzzz qqqq xyzzy")
    assert guessed.quotes and guessed.note == NO_SHARED_WORD
    assert sample_core.ask("How many old residential areas were renovated?").note is None


def test_what_someone_proposed_outweighs_a_better_placed_line_that_only_names_them() -> None:
    def passage(rank: int, text: str) -> Passage:
        return Passage("m", "m.md", 100 * rank, 100 * rank + len(text), rank + 1, rank + 1, text, score=1.0 - rank / 4)

    action = "- [ ] Jun: update the on-call calendar (due May 10)"
    proposal = "- Jun proposed weekly rotations instead of daily ones."
    ranked = rank_sentences("What did Jun propose?", [passage(0, action), passage(1, proposal)], lambda t: 1.0)
    assert ranked[0].text == proposal


def test_the_answer_line_leaves_out_markdown_and_the_quotes_keep_it() -> None:
    text = "## On-call\n- Jun proposed **weekly** rotations instead of daily ones.\n"
    passage = Passage("m", "m.md", 0, len(text), 1, 2, text, title="Engineering sync", score=1.0)
    answer = extractive_answer(Question("What did Jun propose?", 5), [passage], lambda t: 1.0)
    assert answer.answer == "Jun proposed weekly rotations instead of daily ones."
    assert answer.quotes[0].text == "- Jun proposed **weekly** rotations instead of daily ones."


def test_who_attended_is_answered_by_the_attendance_line_with_no_note() -> None:
    text = "**Attendees:** Priya Shah, Marco Bianchi\n- [ ] Priya: schedule interviews (due May 16)\n"
    passage = Passage("m", "m.md", 0, len(text), 1, 2, text, title="Engineering sync", score=1.0)
    answer = extractive_answer(Question("Who attended?", 5), [passage], lambda t: 1.0)
    assert answer.answer == "Attendees: Priya Shah, Marco Bianchi" and answer.note is None


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("Who was absent?", "Apologies: Sam"),
        ("Who sent apologies?", "Apologies: Sam"),
        ("Who attended?", "Present: Priya (chair), Marco, Lea, Tom"),
    ],
)
def test_who_was_absent_is_answered_by_the_apologies_line_short_as_it_is(question: str, line: str) -> None:
    text = "Present: Priya (chair), Marco, Lea, Tom\nApologies: Sam\n- Marco: the billing migration is 80% done.\n"
    passage = Passage("m", "m.md", 0, len(text), 1, 3, text, title="Platform team weekly", score=1.0)
    assert extractive_answer(Question(question, 5), [passage], lambda t: 1.0).answer == line


def test_the_apologies_line_answers_who_was_absent_though_another_meeting_ranks_first() -> None:
    """The later minutes list no apologies, and search ranks them first; the line that reports the absence holds
    the question's "absent" as its act, which no sentence of the later minutes does."""
    later_text = (
        "Present: Ana Ruiz (chair), Tom Berg, Priya Shah\n- Tom Berg: the benches for Mill Park arrive on 20 May.\n"
    )
    earlier_text = "Present: Ana Ruiz (chair), Tom Berg, Lea Novak\nApologies: Priya Shah\n"
    later = Passage("may", "may.md", 0, len(later_text), 1, 2, later_text, title="Parks Committee", score=1.0)
    earlier = Passage("april", "april.md", 0, len(earlier_text), 1, 2, earlier_text, title="Parks Committee", score=0.9)
    question = Question("Who was absent from the parks committee?", 5)
    assert extractive_answer(question, [later, earlier], lambda t: 1.0).answer == "Apologies: Priya Shah"


def test_a_question_that_shares_no_word_is_answered_by_meaning_among_the_first_sentences_only() -> None:
    """Asked in English of Chinese minutes: the first SIMILARITY_SENTENCES sentences are scored by meaning."""
    sentences = [f"第{n}项工作已经完成。" for n in range(SIMILARITY_SENTENCES + 6)]
    text = "".join(sentences)
    passage = Passage("m", "m.txt", 0, len(text), 1, 1, text, title="会议纪要", score=1.0)

    def meaning(question: str, texts: list[str]) -> list[float]:
        assert len(texts) == SIMILARITY_SENTENCES
        return [1.0 if text == sentences[3] else 0.1 for text in texts]

    answer = extractive_answer(
        Question("What was decided about the fourth item?", 5), [passage], lambda t: 1.0, None, meaning
    )
    assert answer.answer == sentences[3]


@pytest.mark.parametrize(("question", "noted"), [("Summarize the meeting.", False), ("What about the harbour?", True)])
def test_a_request_to_summarize_the_meeting_names_no_topic_and_carries_no_note(question: str, noted: bool) -> None:
    text = "The budget was approved.\nJun proposed weekly rotations instead of daily ones.\n"
    passage = Passage("m", "m.txt", 0, len(text), 1, 2, text, title="Engineering sync", score=1.0)
    answer = extractive_answer(Question(question, 5), [passage], lambda t: 1.0)
    assert answer.quotes and (answer.note == NO_SHARED_WORD) is noted


def test_a_speaker_saying_the_act_is_no_report_of_it() -> None:
    """ "I agree" in a transcript is a reply, not a decision: only written records report acts so."""
    agreeing = "Marketing: Yeah , I agree , the rubber case is fine ."
    deciding = "Project Manager: So the case will be rubber and yellow ."
    text = f"{agreeing}\n{deciding}"
    passage = Passage("m", "m.txt", 0, len(text), 1, 2, text, score=1.0)
    candidates = sentence_features("What did the team agree on for the rubber case?", [passage], lambda t: 1.0)
    assert not candidates.features[:, FEATURES.index("reports the act the question asks about")].any()


def test_a_question_the_minutes_report_someone_asked_is_no_answer_to_it(weekly_core: Minutebot) -> None:
    owner = weekly_core.ask("Who owns the deploy pipeline?")  # not "Marco asked who owns the deploy pipeline"
    assert owner.quotes[0].text == "- Sam owns the deploy pipeline."


def test_an_account_of_what_someone_said_about_a_subject_keeps_to_the_subject() -> None:
    """In minutes, a sentence that names Tom and not latency is about something else: it stays among the quotes
    and out of the account of what Tom said about latency."""
    text = (
        "- Tom: p95 latency on the search API went from 420 ms to 310 ms after the cache change.\n"
        "Tom was worried that nightly reports would be stale for the finance team.\n"
        "| Remove the extension from the reporting service | Tom | 2025-03-21 |\n"
    )
    answer = answer_from("What did Tom say about latency?", text, "Platform weekly")
    assert answer.answer == "Tom: p95 latency on the search API went from 420 ms to 310 ms after the cache change."
    assert len(answer.quotes) == MAX_QUOTES


def test_a_person_s_own_line_is_not_on_a_subject_the_question_names_beside_them() -> None:
    """Asked "What was Tom worried about?", a worry of his is the answer, not every line of his."""
    text = (
        "- Tom: p95 latency on the search API went from 420 ms to 310 ms after the cache change.\n"
        "Tom was worried that nightly reports would be stale for the finance team.\n"
    )
    worried = answer_from("What was Tom worried about?", text, "Platform weekly")
    assert worried.answer == "Tom was worried that nightly reports would be stale for the finance team."
    said = answer_from("What did Tom say?", text, "Platform weekly")  # naming him alone, his lines are on it
    assert said.answer.startswith("Tom: p95 latency on the search API")


def test_an_answer_from_older_minutes_notes_what_newer_minutes_say_of_it(weekly_core: Minutebot) -> None:
    """March 3 says the upgrade is blocked; March 17 sets its day. Whoever asks should not read only the first."""
    blocked = weekly_core.ask("What's blocking the Postgres upgrade?")
    assert blocked.quotes[0].date == "2025-03-03"
    assert blocked.note == LATER_MEETING.format(
        meeting="weekly-2025-03-17", date="2025-03-17", words="The Postgres upgrade happens on April 12."
    )
    newer = next(quote for quote in blocked.quotes if quote.date == "2025-03-17")
    assert blocked.quotes.index(newer) >= len(blocked.answer_quotes)  # among the quotes, not in the answer line
    assert weekly_core.ask("Who owns the deploy pipeline?").note is None  # no newer minutes speak of it


def test_a_meeting_asked_about_gets_no_note_of_newer_minutes(weekly_core: Minutebot) -> None:
    asked = weekly_core.ask("What's blocking the Postgres upgrade?", meeting="weekly-2025-03-03")
    assert asked.note is None


@pytest.mark.parametrize(
    ("newer_title", "noted"), [("Parks committee — 2025-05-05", True), ("IT steering group", False)]
)
def test_only_a_later_meeting_of_the_same_series_is_noted(newer_title: str, noted: bool) -> None:
    """Meetings of one series share their title but for its date; a newer record of another title (another
    committee, an article) is no later word on what this one discussed."""
    older = "The committee approves new benches for Mill Park at a cost of 3,200 euros ."
    newer = "The benches for Mill Park arrive on 20 May ."
    passages = [
        Passage(
            "parks-04",
            "p4.md",
            0,
            len(older),
            1,
            1,
            older,
            title="Parks committee — 2025-04-07",
            date="2025-04-07",
            score=1.0,
        ),
        Passage("later", "l.md", 0, len(newer), 1, 1, newer, title=newer_title, date="2025-05-05", score=0.5),
    ]
    answer = extractive_answer(Question("How much do the Mill Park benches cost?", 5), passages, lambda t: 1.0)
    assert answer.quotes[0].text == older
    assert (answer.note is not None and "The benches for Mill Park arrive on 20 May." in answer.note) is noted


def test_a_later_sentence_must_hold_a_third_of_the_best_share_in_the_meeting_answered_from() -> None:
    """Asked "Who is on call first?", the answer holds only "first", a common word; its meeting's rota line holds
    the rarer "on-call". A later line that holds "first" as well ("…5% of traffic first") is not on call."""

    def said(text: str, day: str) -> Quote:
        return Quote(f"weekly-{day}", "w.md", 0, len(text), 1, 1, text, title=f"Weekly — {day}", date=day)

    ranked = [
        said("Rotations start on March 10; Marco takes the first week.", "2025-03-03"),
        said("- Lea: the on-call rota is published.", "2025-03-03"),
        said("Sam proposed a canary stage so that a bad release reaches 5% of traffic first.", "2025-03-10"),
    ]
    features = np.zeros((len(ranked), len(FEATURES)))
    features[:, TOPIC_FEATURE] = [0.23, 0.77, 0.23]
    assert later_word(ranked, features, [True] * len(ranked), [0]) is None
    features[2, TOPIC_FEATURE] = 0.3  # a third of the rota line's share: on the subject enough
    assert later_word(ranked, features, [True] * len(ranked), [0]) == 2


@pytest.mark.parametrize(
    ("question", "other", "wanted"),
    [
        (
            "Do we have a date for the upgrade?",  # a date asked for in other words
            "Marco walked the whole team through the detailed upgrade runbook and its rollback steps .",
            "The upgrade happens on April 12 .",
        ),
        (
            "How often did the boiler fail?",  # a frequency, in words too
            "Ben Cole said the boiler in block B failed because its pump is worn out .",
            "The boiler in block B failed twice in September .",
        ),
        (
            "How long did the outage last?",  # a length, not a date
            "Sam: write the postmortem for the Saturday outage by March 14 .",
            "Sam: the outage on Saturday filled the queue for 40 minutes after a bad deploy .",
        ),
        ("东关街有多长？", "东关街于1998年修缮。", "东关街全长1122米。"),
        (
            "Is there a date for the canary stage?",  # a time, not any number
            "Sam proposed a canary stage so that a bad release reaches 5% of traffic first .",
            "Every deploy goes through a canary stage from April 1 .",
        ),
        ("金丝雀发布何时启用？", "金丝雀发布启用后先覆盖5%的流量。", "金丝雀发布于一九九八年启用。"),
        (
            "How much will lift maintenance cost in 2026?",  # a sum of money, not the year the question names
            "Resolution 1: that the lift maintenance contract go out to tender before 1 April 2026 .",
            "Item: Lift maintenance · 2025: £9,800 · 2026 proposed: £14,200 .",
        ),
        ("培训费用每人多少钱？", "培训费用每人在11月15日前交齐。", "培训费用每人800元。"),
        (
            "What causes the connection problem?",  # a reason asked for in other words
            "The connection problem paged the on-call engineer twice last week .",
            "The connection problem is due to the reporting service opening one per query .",
        ),
        (
            "Why is lift maintenance going up?",
            "Resolution 1: that the lift maintenance contract go out to tender .",
            "The treasurer explained that lift maintenance follows from the quarterly servicing .",
        ),
        (
            "How much will the thermostats save?",  # a question told of with its reply in the same sentence
            "Olly Price proposed fitting smart thermostats in the main hall .",
            "Henry Lam asked whether that would pay for itself; Olly estimated savings of £400 a month .",
        ),
        (
            "How much did the churn model's AUC improve?",  # a number, not the one in a speaker's label
            "Speaker 2: The churn model retrain finished overnight .",
            "AUC went from 0.81 to 0.84 .",
        ),
        (
            "When is the summer fair?",  # a time, not the season the question names
            "We agreed to give £4,000 now and raise the rest at the summer fair .",
            "Summer fair: the fair will be on Saturday 21 June .",
        ),
        (
            "Which roofer was chosen?",  # a choice is a decision
            "The Director recommended Ashdown Roofing for its 15-year guarantee .",
            "After discussion the board resolved to appoint Ashdown Roofing .",
        ),
        (
            "Which battery quote was accepted?",  # …and so is a quote accepted
            "The board considered three quotes for a battery at the community hall .",
            "After discussion the board resolved to accept the Greenstore quote .",
        ),
    ],
)
def test_a_question_for_a_kind_of_answer_prefers_a_sentence_that_gives_it(
    question: str, other: str, wanted: str
) -> None:
    assert best_of(question, other, wanted) == wanted


def test_the_next_meeting_is_that_of_the_record_the_question_names_by_its_opening_line() -> None:
    """ "Minutes of the Planning Committee held on…" names the record, titled by its council; it holds the words of
    the question, and is no answer to it: the day it gives is this meeting's."""
    council = "ASHFORD VALE TOWN COUNCIL"
    opening = f"{council}\nMinutes of the Planning Committee held on Monday 6 October 2025 at 7pm in the Chamber\n"
    other = "The next meeting is on Monday 7 April at 7pm in the staff room.\n"
    closing = "PL/47 Date of next meeting\nMonday 3 November 2025 at 7pm.\n"
    passages = [
        Passage("plan", "plan.pdf", 0, len(opening), 1, 2, opening, title=council, date="2025-10-06", score=1.0),
        Passage("pta", "pta.txt", 0, len(other), 9, 9, other, title="PTA minutes", date="2025-03-03", score=0.9),
        Passage(
            "plan", "plan.pdf", 900, 900 + len(closing), 30, 31, closing, title=council, date="2025-10-06", score=0.8
        ),
    ]
    answer = extractive_answer(Question("When is the next planning committee meeting?", 5), passages, lambda t: 1.0)
    assert answer.quotes[0].text == "Monday 3 November 2025 at 7pm."
    this_one = extractive_answer(Question("When was the planning committee meeting held?", 5), passages, lambda t: 1.0)
    assert this_one.quotes[0].text.startswith("Minutes of the Planning Committee held on Monday 6 October 2025")


@pytest.mark.parametrize(
    ("question", "lines", "first_three"),
    [
        (
            "Why are refunds slow?",
            [
                "Liu Yang: Let's start with last week's numbers, then the new ticket system and the training plan.",
                "Chen Jing: We got 326 complaints last week, forty more than the week before, mostly late deliveries.",
                "Liu Yang: Why are refunds so slow? Several customers have asked.",
                "Wang Qiang: Finance checks each one by hand. They only run them at four in the afternoon.",
            ],
            [
                "Wang Qiang: Finance checks each one by hand.",
                "They only run them at four in the afternoon.",  # what the reply goes on to say
                "Liu Yang: Why are refunds so slow?",
            ],
        ),
        (
            "退款为什么慢？",
            [
                "刘洋：先说一下上周的数据，然后是新的工单系统和培训安排。",
                "陈静：上周一共收到投诉326件，比前一周多了40件左右，主要是物流延迟。",
                "刘洋：为什么退款处理这么慢？好几个客户都在问。",
                "王强：财务那边要人工审核。每天下午四点才批量处理一次。",
            ],
            [
                "王强：财务那边要人工审核。",
                "每天下午四点才批量处理一次。",  # starts where the reply's first sentence ends: Chinese has no space
                "刘洋：为什么退款处理这么慢？",
            ],
        ),
    ],
)
def test_in_an_account_the_reply_to_a_question_asked_comes_first_among_the_quotes_then_the_question(
    question: str, lines: list[str], first_three: list[str]
) -> None:
    """The reply says what was asked; the answer line still tells them in the order said."""
    answer = answer_from(question, "".join(f"{line}\n" for line in lines), "support-weekly")
    assert [quote.text for quote in answer.quotes[:3]] == first_three
    asked, reply = (re.split(r": |：", quote, maxsplit=1)[1] for quote in (first_three[2], first_three[0]))
    assert answer.answer.index(asked) < answer.answer.index(reply)


def test_how_a_problem_was_solved_is_answered_by_the_decision_minutes_record_after_a_report() -> None:
    minutes = "二、食堂问题\n总务处李明汇报：学生反映食堂排队时间过长。经讨论，决定从11月1日起增设两个售饭窗口。\n"
    answer = answer_from("食堂问题怎么解决？", minutes, "校务会议纪要")
    assert answer.quotes[0].text == "经讨论，决定从11月1日起增设两个售饭窗口。"


def test_a_numbered_item_s_heading_is_no_answer() -> None:
    minutes = "4. New science wing\nThe architect's tender came in at $4.2 million, 12% above the estimate.\n"
    answer = answer_from("How much was the tender for the science wing?", minutes, "School board")
    assert answer.answer == "The architect's tender came in at $4.2 million, 12% above the estimate."


def test_who_held_a_role_is_answered_by_the_line_that_names_them() -> None:
    """A role's line is no turn of a speaker called "Facilitator", and says enough, though it is short."""
    minutes = (
        "Facilitator: Yuki Tanaka. Team: Omar, Beatriz, Kwame.\n"
        "- Beatriz's load test found the connection pool limit before launch.\n"
    )
    assert answer_from("Who facilitated the retro?", minutes, "Checkout retrospective").answer == (
        "Facilitator: Yuki Tanaka."
    )


@pytest.mark.parametrize(
    ("question", "minutes", "first"),
    [
        (  # a heading in capitals heads its item and is no answer
            "What was resolved about parking?",
            "ITEM 6 - FINANCE\n"
            "RESOLVED: that the council pays the £2,150 invoice for the war memorial cleaning.\n"
            "ITEM 7 - PARKING ON HIGH STREET\n"
            "Residents complained that delivery vans block the pavement. RESOLVED: to write to the county council "
            "requesting two loading bays outside the pharmacy.\n",
            "RESOLVED: to write to the county council",
        ),
        (  # a decision only proposed is no decision made: the officer's recommendation, the proposer's motion
            "What was decided about 14 Mill Lane?",
            "PC41 Application 25/0412/FUL – 14 Mill Lane, Eastbrook\n"
            "Erection of a two-storey rear extension. The officer recommended approval subject to obscured glazing. "
            "Cllr Frost proposed approval as recommended, seconded by Cllr Kett.\n"
            "RESOLVED: that permission be granted subject to the conditions in the officer's report.\n",
            "RESOLVED: that permission be granted",
        ),
    ],
)
def test_the_resolution_on_an_item_answers_what_was_decided_about_it(question: str, minutes: str, first: str) -> None:
    answer = answer_from(question, minutes, "Council minutes")
    assert answer.quotes[0].text.startswith(first)


def test_a_report_of_the_act_asked_about_is_on_the_subject_only_if_it_holds_it() -> None:
    """The board's decision about the science wing holds the act ("agreed") and nothing of the returns."""
    decided = "The board agreed to ask the architect for a revised design without the solar roof."
    returns = "Returns are still slow, about nine days to refund."
    assert best_of("What was decided about returns?", decided, returns) == returns


def test_why_is_answered_in_minutes_by_a_reason_given_or_headed_as_one() -> None:
    retro = (
        "## What didn't go well\n"
        "- The coupon bug reached production and cost about €12,000 in wrong discounts.\n"
        "## Why the coupon bug happened\n"
        "The discount rules were tested only with single coupons.\n"
    )
    answer = answer_from("Why did the coupon bug happen?", retro, "Checkout retrospective")
    assert answer.quotes[0].text == "The discount rules were tested only with single coupons."


@pytest.mark.parametrize(
    ("question", "minutes", "place"),
    [
        (
            "会议在哪里开的？",
            "时间：2025年11月28日下午4:00\n地点：学校图书馆\n家委会同意该价格，会议要求供应商在12月20日前交货。\n",
            "地点：学校图书馆",
        ),
        (
            "Where was the meeting held?",
            "Present: Ann Lee, Bo Chen\nLocation: Room 4, Town Hall\nThe next meeting will be online.\n",
            "Location: Room 4, Town Hall",
        ),
    ],
)
def test_where_a_meeting_was_held_is_the_line_that_gives_its_place(question: str, minutes: str, place: str) -> None:
    assert answer_from(question, minutes, "Minutes").quotes[0].text == place


def test_function_words_are_no_topic_of_a_sentence() -> None:
    """In a small folder "from" is as rare as "finance": it must not choose the quote."""
    latency = "Tom: p95 latency went from 420 ms to 310 ms after the cache change ."
    finance = "Ask finance whether nightly reports are enough ."
    text = f"{latency}\n{finance}"
    passage = Passage("m", "m.md", 0, len(text), 1, 2, text, score=1.0)
    rare = {"from": 3.0, "financ": 2.0}
    ranked = rank_sentences("Did we hear anything from finance?", [passage], lambda term: rare.get(term, 1.0))
    assert ranked[0].text == finance


@pytest.mark.parametrize(
    ("head", "item", "others_join"),
    [
        ("# Platform weekly\n## Updates\n", "- {name}: {words}", False),  # minutes: each person's report, listed
        ("# Platform weekly\n\n", "- {name}: {words}", False),  # a list without sections
        ("# Platform weekly\n## Updates\n", "{name}: {words}", False),  # a section without a list
        ("# Platform weekly\n\n", "**{name}:** {words}", False),  # bold labels
        ("", "{name}: {words}", False),  # a transcript, too
    ],
)
def test_an_account_of_what_someone_reported_in_minutes_keeps_to_them(head: str, item: str, others_join: bool) -> None:
    said = [
        ("Marco", "the billing migration is 80% done; the last two services move next week."),
        ("Lea", "the on-call rota is published. Rotations start on March 10 and run for two weeks each."),
        ("Tom", "p95 latency on the search API went from 420 ms to 310 ms after the cache change."),
    ]
    text = head + "\n".join(item.format(name=name, words=words) for name, words in said)
    answer = answer_from("Any updates from Lea?", text, "Platform weekly")
    assert answer.quotes[0].speaker == "Lea"
    assert ("billing" in answer.answer) is others_join
    assert answer.answer.startswith("Lea: the on-call rota is published. Rotations start") is not others_join


@pytest.mark.parametrize(
    ("question", "call", "opening", "left_out"),
    [
        (  # Margaret's worry is not Dev's
            "What is Dev worried about?",
            "Margaret Okoye: The height is what worries me, five storeys will overshadow the gardens.\n"
            "Dev Malhotra: I'm less bothered about the height. My worry is traffic past the school at the school run.\n"
            "Colin Barker: The traffic study says 40 cars at peak.\n",
            "Dev Malhotra:",
            "Margaret",
        ),
        (  # Huw's "Yes, I think it is" says yes to Hefin's question; Lynne's remark after it is hers
            "What did Huw Irranca-Davies think about capacity growth?",
            "Hefin David AM: Is it realistic to think there will be capacity growth in the next two years?\n"
            "Huw Irranca-Davies AM: Yes, I think it is, because we are finding plenty of staff for the capacity "
            "growth.\nLynne Neagle AM: Thank you. Capacity growth is a worry for the committee too.\n",
            "Hefin David AM: Is it realistic",
            "Lynne",
        ),
        (  # Anna asked Jamal, who replied before Sofia spoke
            "Why is Sofia blocked?",
            "Anna Kowalski: Is that the one the Lisbon customer reported?\n"
            "Jamal Reed: Yes. I expect a fix by Friday.\n"
            "Sofia Marin: I'm still blocked on the staging database. The disk is full and I can't run the tests.\n",
            "Sofia Marin: I'm still blocked",
            "Lisbon",
        ),
    ],
)
def test_an_account_of_a_speaker_keeps_to_their_words_and_the_question_they_answer(
    question: str, call: str, opening: str, left_out: str
) -> None:
    answer = answer_from(question, call, "Meeting")
    assert answer.answer.startswith(opening), answer.answer
    assert left_out not in answer.answer


def test_an_account_of_a_speaker_keeps_what_others_say_to_them_on_its_subject() -> None:
    """Sofia's request to Raj says what he is to deliver by next Wednesday; Emma's icons, due then too, are not
    his, nor is Sofia's word to Emma."""
    call = (
        "Sofia Marin: Emma, can you chase the designers this week?\n"
        "Raj Patel: If nothing slips, we could launch on January 14th. I'd rather wait than ship something broken.\n"
        "Sofia Marin: And Raj, I need a written plan for the sync work by next Wednesday.\n"
        "Raj Patel: Sure, I'll write it up and deliver it by next Wednesday.\n"
        "Emma Clarke: The new icons will be delivered next Wednesday too.\n"
    )
    answer = answer_from("What does Raj need to deliver by next Wednesday?", call, "Mobile app weekly")
    assert answer.quotes[0].speaker == "Raj Patel", answer.answer
    assert "Raj, I need a written plan for the sync work by next Wednesday." in answer.answer
    assert "icons" not in answer.answer and "designers" not in answer.answer


def test_a_person_the_attendance_line_names_is_named_though_they_have_no_line_of_their_own() -> None:
    """Minutes in prose name people in their sentences, and list them as present: "What did Ana Ruiz report?" is
    about her, not about whatever someone else reported."""
    text = (
        "Present: Ana Ruiz (chair), Ben Cole, Dev Singh\n"
        "1. Heating. Ben Cole reported that the boiler in block B failed twice in September.\n"
        "2. Garden. Dev Singh proposed a community garden. Volunteers: Ana Ruiz and Dev Singh.\n"
    )
    assert answer_from("What did Ana Ruiz report?", text, "Tenants").answer == "Volunteers: Ana Ruiz and Dev Singh."


PARKS_MINUTES = """# Parks Committee — minutes

Date: 7 April 2025
Present: Ana Ruiz (chair), Tom Berg, Omar Haddad

## Decisions
- The Elm Street playground reopens on 12 May.
- The committee approves €3,200 for new benches in Mill Park.

## Action items
| Action | Owner | Due |
|---|---|---|
| Order the benches for Mill Park | Tom Berg | 2025-04-18 |
| Publish the reopening date of the playground | Omar Haddad | 2025-04-14 |
"""


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("When does the playground reopen?", "- The Elm Street playground reopens on 12 May."),
        ("When is the reopening date of the playground due?", "| Publish the reopening date of the playground |"),
    ],
)
def test_an_action_item_s_date_answers_when_it_is_due_not_when_what_it_names_happens(question: str, first: str) -> None:
    assert answer_from(question, PARKS_MINUTES, "Parks Committee — minutes").quotes[0].text.startswith(first)


@pytest.mark.parametrize("question", ["Who is responsible for the benches?", "And who is responsible for the benches?"])
def test_a_question_about_who_is_answered_by_a_line_that_names_a_person(question: str) -> None:
    """The decision holds the question's word as the action item does; only the action item says who."""
    answer = answer_from(question, PARKS_MINUTES, "Parks Committee — minutes")
    assert answer.quotes[0].text == "| Order the benches for Mill Park | Tom Berg | 2025-04-18 |"


@pytest.mark.parametrize(
    ("question", "call", "first"),
    [
        pytest.param(  # the reply says yes, and no date: the date is in the request
            "When is the design doc due?",
            "Elena Rossi: I'll raise the headcount request with finance this week. Aisha, can you write the offline "
            "mode design doc by the 15th?\nAisha Bello: Yes, I can do that.\n",
            "Aisha, can you write the offline mode design doc by the 15th?",
            id="a-question-asked-in-the-meeting-comes-first-when-it-alone-holds-what-is-asked",
        ),
        pytest.param(  # both name Colin, one by his words and one by his label; only the request says what he will do
            "Who will draft the objection letter?",
            "Priya Shah: Colin, can you draft the objection letter by Friday and circulate it?\n"
            "Colin Barker: Yes, I'll have it round by Friday.\nPriya Shah: Thanks. Next item is the bus shelter.\n",
            "Priya Shah: Colin, can you draft the objection letter by Friday and circulate it?",
            id="asked-who-will-a-request-made-of-someone-by-name-comes-before-their-yes",
        ),
        pytest.param(  # the chair counts the votes in words; the motion holds the question's words and no count
            "How many voted to defer?",
            "CLLR PATEL: Then I move that we defer the item until Highways have assessed the longer lane.\n"
            "CLLR HUGHES: I'll second that.\n"
            "CHAIR: All those in favour of deferring? That's nine. Against? Two. The item is deferred.\n",
            "That's nine.",
            id="a-count-said-aloud-in-words-answers-how-many",
        ),
        pytest.param(  # the reply gives the sum without its currency, after the asker went on from the question
            "How much will the move cost?",
            "Grace Obi: Thanks everyone. Quick one today, the office move.\n"
            "Leo Brandt: Do we know what the move will cost? Removals, IT, the lot.\n"
            "Grace Obi: The removals quote is 8,400 and IT reckon another 5,000 for cabling, so about 13,400 all in.\n",
            "Grace Obi: The removals quote is 8,400 and IT reckon another 5,000 for cabling, so about 13,400 all in.",
            id="a-sum-said-aloud-without-its-currency-answers-the-question-the-asker-went-on-from",
        ),
    ],
)
def test_the_first_quote_of_a_conversation_is_the_sentence_that_holds_what_is_asked(
    question: str, call: str, first: str
) -> None:
    assert answer_from(question, call, "Meeting").quotes[0].text == first


def test_asked_who_will_a_request_is_read_with_the_name_its_turn_opened_by_turning_to() -> None:
    """The request names no one itself: the sentence before it, in the same turn, turned to Marcus."""
    call = (
        "Priya Shah: Yes, if they filter by department the reports stay under the limit. I'll write the steps up.\n"
        "Hannah Cole: Good. Marcus, you own the customer side. Call their finance lead today and send them Priya's "
        "steps.\nMarcus Webb: Will do.\n"
    )
    answer = answer_from("Who will call Brightline's finance lead?", call, "Escalation call")
    assert "Marcus, you own the customer side. Call their finance lead today" in answer.answer
    assert answer.quotes[0].text == "Marcus, you own the customer side."


@pytest.mark.parametrize(
    "call",
    [
        "Sofia Marin: Emma, can you tell the partners by Friday? And Raj, I need a written plan for the sync work by "
        "next Wednesday.\n",  # turns to someone else
        "Sofia Marin: Emma, can you tell the partners by Friday? Ideally before the newsletter goes out.\n",  # no topic
    ],
)
def test_asked_who_will_what_goes_on_after_a_request_by_name_is_not_read_with_it(call: str) -> None:
    speaking = "Emma Clarke: January is fine for marketing.\nRaj Patel: We could launch on January 14th.\n"
    answer = answer_from("Who will tell the partners?", speaking + call, "Sync")
    assert answer.answer == "Sofia Marin: Emma, can you tell the partners by Friday?"


def test_how_much_a_price_changed_is_answered_by_a_share_as_well_as_by_a_sum() -> None:
    minutes = (
        "The water company has raised the standing charge by 14%. Ravi said the annual water bill will be about "
        "£1,150, up from £1,010.\n"
    )
    answer = answer_from("How much has the standing charge gone up?", minutes, "Allotments committee")
    assert answer.quotes[0].text == "The water company has raised the standing charge by 14%."


def test_how_long_asks_for_a_length_of_time_and_is_no_word_of_the_topic() -> None:
    text = (
        "- Lea: finance is fine with nightly reports, as long as they land before 7 am.\n"
        "- Sam: we had an outage on Saturday: the queue filled up for 40 minutes.\n"
        "- Marco: the last 2 services move next week, as long as the queue holds.\n"
    )
    answer = answer_from("How long did the outage last?", text, "Platform weekly")
    assert answer.quotes[0].text == "- Sam: we had an outage on Saturday: the queue filled up for 40 minutes."


@pytest.mark.parametrize(
    ("question", "text", "lead", "fact"),
    [
        (  # a figure that names nothing of the question
            "What does the extra inspector cost?",
            "Diego: Returns are still slow, about nine days to refund.\n"
            "Farah: What would it take to get it to five days?\n"
            "Diego: One more inspector and a scanner at the returns desk. About £40,000 a year.\n"
            "Mei: The chatbot now answers 38% of questions without an agent.\n"
            "Rob: Energy costs were 18% over budget in October.\n",
            "Diego: One more inspector and a scanner at the returns desk.",
            "About £40,000 a year.",
        ),
        (  # a figure that opens the sentence, with no word of the topic ("downtime" is none of "down")
            "How long was staging down during the database move?",
            "Infra: moved the staging database to the new cluster over the weekend. ~20 min of downtime, no complaints.\n"
            "Bar takings were down by £1,200 because the bar was closed for six weeks.\n",
            "Infra: moved the staging database to the new cluster over the weekend.",
            "~20 min of downtime, no complaints.",
        ),
        (  # a sentence that refers back, after one with a time of its own ("yesterday")
            "When does the new backend engineer start?",
            "Ahmed: On hiring: we made an offer to a senior backend engineer, and she accepted yesterday. "
            "She starts on 15 September. The designer role is still open.\n",
            "Ahmed: On hiring: we made an offer to a senior backend engineer, and she accepted yesterday.",
            "She starts on 15 September.",
        ),
        (  # …or names again, as a thing spoken of, a word of the topic that one lacks ("repair")
            "When will the NMR spectrometer be repaired?",
            "Equipment: the NMR spectrometer has been out of service since August because of a helium leak. The "
            "repair is quoted at £27,500 and the supplier expects to complete it by mid-November.\n",
            "Equipment: the NMR spectrometer has been out of service since August because of a helium leak.",
            "The repair is quoted at £27,500 and the supplier expects to complete it by mid-November.",
        ),
        (  # …after one whose time is gone by ("since August"), which gives none
            "When will the NMR spectrometer be repaired?",
            "The NMR spectrometer has been out of service since August because of a helium leak. The repair is "
            "quoted at £27,500 and the supplier expects to complete it by mid-November.\n"
            "The fume cupboards in Lab 2 were serviced in October.\n",
            "The NMR spectrometer has been out of service since August because of a helium leak.",
            "The repair is quoted at £27,500 and the supplier expects to complete it by mid-November.",
        ),
        (  # a figure under the name of what it measures, which is a word of the topic
            "What is the budget for the thank-you evening?",
            "The volunteer thank-you evening will be on 16 January at the Quaker Meeting House. Budget £600.\n"
            "Pete will book a caterer for the thank-you evening by 12 December.\n",
            "The volunteer thank-you evening will be on 16 January at the Quaker Meeting House.",
            "Budget £600.",
        ),
        (  # how often, in words
            "How often has the heat pump failed this month?",
            "Marta: We start with the heat pump.\nJoe: The heat pump failed again on Sunday night. That's the second "
            "time this month. The compressor is worn.\n",
            "Joe: The heat pump failed again on Sunday night.",
            "That's the second time this month.",
        ),
    ],
)
def test_a_sentence_going_on_from_the_one_before_is_answered_with_it(
    question: str, text: str, lead: str, fact: str
) -> None:
    answer = answer_from(question, text, "Operations review")
    assert answer.answer == f"{lead} {fact}"
    assert [quote.text for quote in answer.quotes[:2]] == [fact, lead]  # the fact first


PTA_EMAIL = (
    "Here are the minutes from Monday's meeting.\n"
    "* Quiz night: the quiz night raised GBP 1,845 after costs.\n"
    "* Playground: the school has asked the PTA to fund new playground\n"
    "  equipment for the infant yard. The quote is GBP 6,200. We agreed to\n"
    "  give GBP 4,000 now and raise the rest at the summer fair.\n"
)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("How much will the PTA give for the playground equipment?", "give GBP 4,000 now"),
        ("How much does the playground equipment cost?", "The quote is GBP 6,200."),  # read with the one before
    ],
)
def test_each_sentence_of_a_list_item_is_about_the_topic_that_leads_it(question: str, first: str) -> None:
    """ "* Playground:" is the item's topic, not a speaker called Playground: "We agreed to give GBP 4,000…" is about
    the playground, and a figure with no word of the topic is still read with the sentence before it."""
    answer = answer_from(question, PTA_EMAIL, "PTA meeting minutes")
    assert first in answer.quotes[0].text


@pytest.mark.parametrize(
    ("question", "notes", "reason"),
    [
        (
            "Why did the click-through rate of search rise?",
            "## Progress\n- Search: the click-through rate of search rose from 21% to 26%. The main reason is the new "
            "spelling correction.\n- Android: crashes rose to 0.8% because of the push SDK.\n",
            "The main reason is the new spelling correction.",
        ),
        (
            "搜索点击率为什么提升？",
            "## 本周进展\n- 搜索：搜索结果点击率从21%提升到26%。主要原因是加入了拼写纠错。\n"
            "- 安卓端闪退率升高到0.8%，原因是推送SDK不兼容。\n",
            "主要原因是加入了拼写纠错。",
        ),
        (  # captions with no punctuation: the reason goes on in the next line
            "Why does the December pipeline look thinner?",
            "we closed 31 deals in October\nthe pipeline for December looks thinner though\n"
            "mainly because two large renewals slipped into January\nRachel is going to call both customers\n",
            "mainly because two large renewals slipped into January",
        ),
        (  # a speaker's turn, which says "because" anywhere, gives a reason by opening with one
            "续费率为什么下降？",
            "陈静：先看一下会员续费的数据。\n赵鹏：上个月会员续费率是百分之七十四，比九月份低了三个点。主要是年付用户"
            "到期后没有收到提醒短信。\n陈静：那这样，续费提醒的事情赵鹏负责跟进。\n",
            "主要是年付用户到期后没有收到提醒短信。",
        ),
        (  # the sentence before named again: "The gap"
            "Why is spending higher than income?",
            "Martin reported income of £48,200 against spending of £51,900. The gap is mainly due to the rise in "
            "food prices since the summer.\n",
            "The gap is mainly due to the rise in food prices since the summer.",
        ),
        (  # what most of it is for
            "Why is the service charge going up?",
            "ITEM 2 - SERVICE CHARGE\nThe housing association has proposed a service charge of £18.40 a week from "
            "April, up from £16.90. Maureen said most of the increase is for the new cleaning contract.\n",
            "Maureen said most of the increase is for the new cleaning contract.",
        ),
        (  # …by a word for it, and what was made of it: "put down to"
            "Why was solar generation below forecast?",
            "2. Solar array performance. Sunil reported that the school roof array generated 41,200 kWh, 6% below "
            "forecast. The shortfall was put down to the inverter fault in July.\n",
            "The shortfall was put down to the inverter fault in July.",
        ),
        (  # a reply that opens with "Because" to the question asked in the meeting, though the asker went on
            "Why was the company size question dropped?",
            "Carlos: We dropped the company size question and merged two screens.\n"
            "Lena: Why did we drop company size? Sales used that.\n"
            "Carlos: Because it was the screen where most people quit. Sales can get it later.\n",
            "Carlos: Because it was the screen where most people quit.",
        ),
        (
            "Why did sign-ups drop in May?",
            "Ana: Let's look at sign-ups.\nBen: Sign-ups dropped by a fifth in May. Mainly because the free trial "
            "ended.\nAna: Could we bring the trial back?\n",
            "Mainly because the free trial ended.",
        ),
        (  # after who gave it, naming what it is the reason for
            "为什么春游推迟了？",
            "## 二、春游安排\n原定于明年3月的春游推迟到4月中旬。孙老师说明，推迟的原因是3月份学校要迎接教学检查，"
            "时间冲突。春游地点初步定为植物园。\n",
            "孙老师说明，推迟的原因是3月份学校要迎接教学检查，时间冲突。",
        ),
        (  # …and in English, on the list's next line
            "Why did the book sale raise more this year?",
            "## Book sale\n- The autumn book sale raised £1,260, up from £940 last year.\n- Ben said the extra came "
            "mostly from the children's table, which we ran for the first time.\n- Leftover stock goes to the hospice.\n",
            "- Ben said the extra came mostly from the children's table, which we ran for the first time.",
        ),
        (  # a reason named in a few words, in reply to "why?" asked of what was just said
            "Why did the catering cost more than planned?",
            "Amy: Catering next.\nRaj: The caterer billed 2,300, which is 500 more than we planned.\n"
            "Amy: Why so much more?\nRaj: Extra staff. They sent two more servers than we booked.\n",
            "Raj: Extra staff.",
        ),
        (  # …and so does "What happened?"
            "Why were volunteer hours down?",
            "Greta: Volunteer hours. June?\nJune: Hours are down. We logged 1,850 hours in October.\nGreta: What "
            "happened?\nJune: Half term. A lot of our regulars are parents and they were away.\n",
            "June: Half term.",
        ),
        (  # …"How come?" asks why too
            "Why was the newsletter late?",
            "Ann: Newsletter.\nMo: The newsletter went out four days late.\nAnn: How come?\n"
            "Mo: Printer delays. The usual printer closed for a week.\n",
            "Mo: Printer delays.",
        ),
        (  # …in a transcript that writes each speaker's name on a line of its own, a blank line between turns
            "Why did the venue cost more than quoted?",
            "Amy Cole  0:02\nVenue next.\n\nRaj Patel  0:05\nThe venue invoice came to 4,100, which is 600 more than "
            "they quoted.\n\nAmy Cole  0:11\nWhy so much more?\n\nRaj Patel  0:14\nA late booking fee. We confirmed "
            "after their deadline.\n",
            "A late booking fee.",
        ),
        (  # …in minutes, a cause someone blames, back in the paragraph from the sentence that names what it is of
            "Why is the lift out of order?",
            "3. Building\nThe lift in block B has been out of order since 2 November. Residents have complained "
            "to the office. The contractor blames a burnt-out motor and expects a new one next week.\n",
            "The contractor blames a burnt-out motor and expects a new one next week.",
        ),
        (  # …of the sentence of the turn before that says what is asked about, not of its last
            "运动会报名为什么少了？",
            "张伟：这次运动会报名一共86人，比上次少了30人。场地还是在体育馆。\n李娜：为什么少了这么多？\n"
            "张伟：主要是和期中考试撞了。\n",
            "张伟：主要是和期中考试撞了。",
        ),
        (  # …or who found it
            "Why was the build server down on Monday?",
            "## What didn't go well\n- The build server was down for most of Monday. Ana traced it to a full disk that "
            "nobody was watching.\n- Reviews were slow.\n",
            "Ana traced it to a full disk that nobody was watching.",
        ),
        (  # who held what the cause was
            "Why did the cafe's sales fall?",
            "## Cafe\nSales at the cafe fell by 15% in October. Ruth put this down to the road works outside. The "
            "new menu starts in November.\n",
            "Ruth put this down to the road works outside.",
        ),
        (  # a cause told without a word for one: something too much of what it is
            "Why does the gym Wi-Fi drop out?",
            "Dana: Gym Wi-Fi. Omar?\nOmar: Sure. The access point in the gym keeps dropping out. The installer says "
            "the cable run is too long, over 100 metres. A new switch would fix it.\n",
            "The installer says the cable run is too long, over 100 metres.",
        ),
    ],
)
def test_a_reason_given_for_the_sentence_before_is_read_with_it(question: str, notes: str, reason: str) -> None:
    """ "X rose. The main reason is Y." answers "Why did X rise?" with the reason first, though only the sentence
    before it names X."""
    assert answer_from(question, notes, "Product weekly").quotes[0].text == reason


def test_a_reply_that_does_not_know_why_gives_no_reason() -> None:
    """ "No idea." replies to "Why?" in a few words, and says nothing of why."""
    notes = (
        "Lee: Printing.\nSam: The big printer jammed twice during the newsletter run.\nLee: Why?\n"
        "Sam: No idea. The engineer comes on Monday.\n"
    )
    assert answer_from("Why did the printer jam?", notes, "Office meeting").quotes[0].text != "Sam: No idea."


@pytest.mark.parametrize(
    ("question", "record", "first"),
    [
        (  # the chair names the item, then hands the floor over; the reply, past its "Yes.", says when
            "When is the database failover test?",
            "Aisha Karim: First up is CHG-2291, the database failover test. Mike?\n"
            "Mike Dunn: Yes. We want to fail the primary over to the standby on Saturday night, between 22:00 and "
            "02:00.\nAisha Karim: Next, CHG-2295, the firewall clean-up, due on 5 December.\n",
            "We want to fail the primary over to the standby on Saturday night, between 22:00 and 02:00.",
        ),
        (  # an example after a question, with figures, is no figure under the name of what it measures
            "重新开业活动的预算是多少？",
            "发言人2  00:00:30\n这周四结束，周六重新开业。\n\n"
            "发言人3  00:00:38\n重新开业那天要不要做个活动？比如满200减30。\n\n"
            "发言人1  00:00:47\n可以，活动预算控制在两万以内。小周你来出方案，周三前给我。\n",
            "可以，活动预算控制在两万以内。",
        ),
        (  # the same turn goes on to give what is asked, which its sentence naming the topic does not
            "How long will the data migration take?",
            "Tom Hale: The last upgrade of the warehouse took two weeks.\n"
            "Priya Nair: I'll run the data migration. We have about 40 tables to move, so three days of work.\n",
            "We have about 40 tables to move, so three days of work.",
        ),
        (  # a time said as the end of one
            "When will the patch be ready?",
            "Nadia Kim: Where's the patch?\nSofia Reyes: I've got a patch. It needs review, so I'd say end of day."
            "\nNadia Kim: Good. The rollout starts once it's merged, twenty percent first.\n",
            "It needs review, so I'd say end of day.",
        ),
        (  # a share, asked as a figure
            "What share of users gets the new version first?",
            "Nadia Kim: And the rollout plan for the new version?\nEthan Cole: Staged. Twenty percent of users on "
            "Thursday, everyone by Monday.\nNadia Kim: Support tickets about the new version are down four percent "
            "this week.\n",
            "Twenty percent of users on Thursday, everyone by Monday.",
        ),
    ],
)
def test_a_reply_is_read_with_what_was_put_to_it(question: str, record: str, first: str) -> None:
    assert answer_from(question, record, "Weekly call").quotes[0].text == first


def test_a_reply_said_in_words_opens_the_next_passage_after_its_turn_s_header() -> None:
    """Search finds the question in one passage and the reply, after its speaker's header line, in the next: the
    reply is read with the question, and a sum said aloud in words gives the sum asked for."""
    text = (
        "Deborah Mills  0:31\nThat's more than we budgeted. What did we budget?\n\n"
        "Gavin Shore  0:35\nFifty thousand. So we're about nineteen thousand short.\n"
    )
    split = text.index("Gavin Shore")
    asked = Passage("it", "it.txt", 0, split - 2, 1, 2, text[: split - 2], title="IT steering group", score=1.0)
    reply = Passage("it", "it.txt", split, len(text), 4, 5, text[split:], title="IT steering group", score=0.5)
    answer = extractive_answer(Question("How much was budgeted?", 5), [asked, reply], lambda t: 1.0)
    assert answer.quotes[0].text == "Fifty thousand."


def test_a_reason_is_read_with_the_sentence_before_only_when_one_is_asked_for() -> None:
    """Asked who, "Ben said the extra came mostly from…" names a person, and its reason for the sale's takings says
    nothing of who will run the stall: it is not read with the sentence before it."""
    notes = (
        "**Attendees:** Ruth Okafor, Ben Lister, Sunita Rao, Gareth Pugh\n## Book sale\n"
        "- The autumn book sale raised £1,260, up from £940 last year.\n"
        "- Ben said the extra came mostly from the children's table.\n- Next year Gareth will run the stall.\n"
    )
    passage = Passage("m", "m.md", 0, len(notes), 1, notes.count("\n") + 1, notes, title="Notes", score=1.0)
    candidates = sentence_features("Who will set up the book stall?", [passage], lambda t: 1.0)
    assert not any(candidates.leaning)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("Who will report the street lights to the council?", "Owen Price will report them"),
        ("Who is the new youth worker?", "A new youth worker, Jordan Hale, started"),  # not who reported
        ("Who will write to the school about parking?", "Tony will write to the school"),  # a given name
        ("Who will repaint the benches?", "Volunteers will repaint"),  # not "They will" after them
    ],
)
def test_who_takes_on_a_task_is_the_name_that_opens_the_sentence(question: str, first: str) -> None:
    """Minutes that list no one ("38 members attended.") still name who will do what, by a name that opens the
    sentence, not a pronoun; one who explains or reports is not thereby who the question asks about."""
    minutes = (
        "38 members attended.\n"
        "Residents raised the broken street lights on Mill Road. Owen Price will report them to the council again.\n"
        "Vans park on the pavement near the school at pick-up time. Tony will write to the school and ask them to "
        "remind parents.\n"
        "The benches on the green are peeling. Volunteers will repaint the benches in spring. They will need "
        "brushes.\n"
        "Fatima Noor explained that the sessions stopped when the youth worker left.\n"
        "A new youth worker, Jordan Hale, started on 1 October.\n"
    )
    assert answer_from(question, minutes, "Residents' AGM").quotes[0].text.startswith(first)


def test_a_label_the_attendance_list_does_not_hold_is_the_topic_of_its_item() -> None:
    """Notes that list who came lead their items by topic ("- Newsletter: …"), which reads as a speaker's label: no
    one of that name attended, so each sentence of the item is about the newsletter."""
    notes = (
        "Attendees: Olivia Grant, Ben Carter, Aiko Tanaka\n"
        "- Newsletter: we sent four issues in October. Aiko thinks the subject lines are too long.\n"
        "- Blog: the subject lines were rewritten by Ben, who thinks they are too short.\n"
    )
    answer = answer_from("What was said about the newsletter's subject lines?", notes, "Marketing weekly")
    assert answer.quotes[0].text == "Aiko thinks the subject lines are too long."


@pytest.mark.parametrize(
    ("question", "text", "answer"),
    [
        (  # says nothing of the topic the sentence before does not: the evening is when they clean
            "When does the new cleaning contractor start?",
            "Aisha: On cleaning: the new contractor starts on 1 November. They will clean the offices in the evening "
            "instead of the morning.\n",
            "Aisha: On cleaning: the new contractor starts on 1 November.",
        ),
        (  # says something of its own: the three months are when finance will look again
            "How long do refunds take?",
            "Diego: Returns are still slow, about nine days to refund.\n"
            "Rob: Finance can support that if the refund time really drops. I'd want to see it after three months.\n",
            "Diego: Returns are still slow, about nine days to refund.",
        ),
    ],
)
def test_a_sentence_that_stands_on_its_own_is_not_read_with_the_one_before(
    question: str, text: str, answer: str
) -> None:
    assert answer_from(question, text, "Operations call").answer == answer


def test_a_sentence_of_the_same_turn_that_says_more_of_the_topic_is_read_with_the_one_before() -> None:
    """ "孙磊你来负责，十二月十五号之前到岗。" says when the outsourced agents start (到岗), going on from the sentence
    that names them (外包客服)."""
    call = (
        "周婷：可以，外包客服的预算控制在八万以内。孙磊你来负责，十二月十五号之前到岗。\n"
        "吴昊：年货节的时间我们建议定在一月十号到一月二十号，主推坚果礼盒和茶叶。\n"
    )
    answer = answer_from("外包客服什么时候到岗？", call, "双十一复盘会")
    assert answer.quotes[0].text == "孙磊你来负责，十二月十五号之前到岗。"


def test_how_a_matter_was_settled_is_not_read_with_a_sentence_that_names_a_third_of_it() -> None:
    """ "…an increase of £600" holds one of the question's three terms, as many as any: the board's agreement after
    it is about the auditors' fee, not the subscription."""
    minutes = (
        "Resolution 2: that the annual subscription rise from £10 to £15 per household. Lost: 19 for, 31 against.\n"
        "The auditors have proposed a fee of £4,800 for the examination, an increase of £600. The board agreed to "
        "accept the quote for this year.\n"
    )
    answer = answer_from("Did the subscription increase pass?", minutes, "AGM")
    assert answer.quotes[0].text.startswith("Resolution 2: that the annual subscription rise")


def test_how_a_matter_was_settled_is_not_read_with_a_sentence_that_names_less_of_it_than_another() -> None:
    """The pay award is not the pay review: what governors agreed after it says nothing of the review, which the
    all-hands answer names in full."""
    board = (
        "The school forecasts a deficit, mainly because the pay award for support staff was higher than budgeted. "
        "Governors agreed not to replace the teaching assistant who leaves at Easter.\n"
    )
    all_hands = (
        "Q (anonymous): Will there be a pay review this year?\n"
        "A (Sam Okoye): Yes. The annual pay review happens in September as usual, with the budget set at 3.5%.\n"
    )
    passages = [
        Passage("g", "g.pdf", 0, len(board), 1, 1, board, title="Governing board", score=1.0),
        Passage("q", "q.txt", 0, len(all_hands), 1, 2, all_hands, title="All-hands Q&A", score=0.9),
    ]
    answer = extractive_answer(Question("Will there be a pay review this year?", 5), passages, lambda t: 1.0)
    assert answer.quotes[0].text.startswith("The annual pay review happens in September")


@pytest.mark.parametrize(
    ("question", "text", "outcome"),
    [
        (
            "Was the follow-the-sun rota approved?",
            "## On-call\nJun proposed moving to a follow-the-sun rota with the Singapore team from February. Not "
            "decided; Nora will check with the Singapore lead first.\n## Tasks\n- Felix approved the new runbook.\n",
            "Not decided; Nora will check with the Singapore lead first.",
        ),
        (
            "Was the extractor fan replacement approved?",
            "Replacing all extractor fans in Block C will cost about £9,800. The board deferred the decision until "
            "the second quote arrives in December.\nThe board approved the 3.5% rent increase.\n",
            "The board deferred the decision until the second quote arrives in December.",
        ),
        (  # named by a pronoun
            "Was the second unit taken?",
            "1. Finance. The bank balance is GBP 18,400.\n2. Warehouse. The landlord has offered a second unit next "
            "door for GBP 350 a month. Trustees agreed to take it from January for a one-year trial.\n",
            "Trustees agreed to take it from January for a one-year trial.",
        ),
    ],
)
def test_asked_yes_or_no_how_the_matter_was_settled_is_read_with_the_sentence_that_names_it(
    question: str, text: str, outcome: str
) -> None:
    answer = answer_from(question, text, "Minutes")
    assert answer.quotes[0].text == outcome


def test_a_sentence_is_read_with_the_one_that_ends_the_passage_before_it_wherever_that_passage_was_found() -> None:
    """One paragraph, cut into two passages, the second found third: "These will run…" still goes on from the
    clinics."""
    proposed = "Prof. Hale proposed drop-in calculus clinics for ENG101 students."
    starting = "These will run on Thursdays at 16:00 in the Learning Centre, starting on 4 December."
    other = "Marcus: Lidl have offered us their unsold bread every Saturday, starting this weekend."
    start = len(proposed) + 1  # after the space between them
    passages = [
        Passage("m", "m.md", 0, len(proposed), 1, 1, proposed, title="Teaching committee", score=1.0),
        Passage("f", "f.txt", 0, len(other), 1, 1, other, title="Food bank call", score=0.5),
        Passage("m", "m.md", start, start + len(starting), 1, 1, starting, title="Teaching committee", score=0.4),
    ]
    answer = extractive_answer(Question("When do the calculus clinics start?", 5), passages, lambda t: 1.0)
    assert answer.quotes[0].text == starting


EXPENSES_QA = (
    "Host: Next: how soon do receipts have to be submitted?\n"
    "Daniel: Within 30 days of the trip.\n"
    "Host: Someone asks whether we can still book business class.\n"
    "Daniel: Only for flights longer than six hours.\n"
)


@pytest.mark.parametrize(
    ("question", "asked", "reply"),
    [
        (
            "How soon do receipts have to be submitted?",
            "Host: Next: how soon do receipts have to be submitted?",
            "Daniel: Within 30 days of the trip.",
        ),
        (  # a question told of, not asked
            "Can we book business class?",
            "Host: Someone asks whether we can still book business class.",
            "Daniel: Only for flights longer than six hours.",
        ),
    ],
)
def test_a_question_put_in_the_meeting_is_answered_with_its_reply_first(question: str, asked: str, reply: str) -> None:
    answer = answer_from(question, EXPENSES_QA, "Expenses Q&A")
    assert answer.answer == f"{asked} {reply}"
    assert answer.quotes[0].text == reply


@pytest.mark.parametrize(
    "minutes",
    [
        (  # the attendance line names everyone who came, and holds nothing of the question
            "**Attendees:** Sam Lee, Ana Ruiz, Ben Cole\n"
            "## Committed\n"
            "- [ ] Bank transfer payments in checkout (13 points) - Ana\n"
            "- [ ] Fix the timezone bug in the reports export (3 points) - Ben\n"
        ),
        (  # "- Ana" is Ana Ruiz of the attendance line, as "- Dev" is Dev Singh, who has a line of his own
            "**Attendees:** Sam Lee, Ana Ruiz, Dev Singh\n"
            "## Committed\n"
            "- [ ] Bank transfer payments in checkout (13 points) - Ana\n"
            "- [ ] Invoice PDF shows the transfer reference (5 points) - Dev\n"
            "## Action items\n"
            "- Dev: update the invoice template with the legal team.\n"
        ),
    ],
)
def test_who_does_the_work_is_the_person_an_item_names_not_the_attendance_line(minutes: str) -> None:
    """ "Working", which no record holds, weighs most of the question: what is left is less than a person's name."""
    passage = Passage("m", "m.md", 0, len(minutes), 1, minutes.count("\n"), minutes, title="Sprint", score=1.0)
    question = Question("Who is working on bank transfer payments?", 5)
    answer = extractive_answer(question, [passage], lambda term: 3.0 if term == "work" else 1.0)
    assert answer.quotes[0].text == "- [ ] Bank transfer payments in checkout (13 points) - Ana"


@pytest.mark.parametrize(
    ("question", "record", "first"),
    [
        (  # chats and issue trackers name people by handle: the action item says who, the note only what
            "Who will pin the runner image?",
            "### Notes\n- The runner image must be pinned before the 3.2 release, as upstream changes keep breaking "
            "it.\n### Action items\n- [ ] @marcus pin the runner image\n",
            "- [ ] @marcus pin the runner image",
        ),
        (  # asked for a fact, a reply comes before the question asked in the meeting; asked who asked, not
            "Who asked about the travel budget?",
            "Maria Lopez: Slides are here.\nPriya Raman: How much is the travel budget being cut by?\n"
            "Maria Lopez: Travel is down 35% on this year.\n",
            "Priya Raman: How much is the travel budget being cut by?",
        ),
    ],
)
def test_the_line_that_says_who(question: str, record: str, first: str) -> None:
    assert answer_from(question, record, "Community call").quotes[0].text == first


def test_a_speaker_s_label_is_no_word_of_what_they_said() -> None:
    """AMI's roles are words of its questions: "User Interface: Okay ." says nothing of the interface."""
    text = "User Interface: Okay , so let's go back .\nMarketing: The interface needs bigger buttons .\n"
    passage = Passage("m", "m.txt", 0, len(text), 1, 2, text, score=1.0)
    candidates = sentence_features("What was said about the interface?", [passage], lambda term: 1.0)
    shares = candidates.features[:, FEATURES.index("topic terms held")]
    held = dict(zip((q.text for q in candidates.quotes), shares, strict=True))
    assert held == {
        "User Interface: Okay , so let's go back .": 0.0,
        "Marketing: The interface needs bigger buttons .": 1.0,
    }


def test_a_speaker_the_question_names_holds_their_name_in_what_they_say() -> None:
    """Their label is no word of what they said, but it is whose words the question asks for."""
    text = "Professor B: OK , go on .\nGrad F: I want to build a parser for the whole corpus first .\n"
    answer = answer_from("What did Grad F say about his proposal?", text, "Bed003")
    assert answer.quotes[0].speaker == "Grad F"
    assert NO_SHARED_WORD not in (answer.note or "")


def test_a_question_s_happen_is_no_word_of_its_topic() -> None:
    """ "Happens" is as rare as "outage" in a small folder: it must not choose the quote."""
    text = (
        "- Sam: we had an outage on Saturday: the queue filled up for 40 minutes.\n"
        "- The Postgres upgrade happens on April 12.\n"
    )
    assert topic_terms("When did the outage happen?") == topic_terms("When was the outage?")
    answer = answer_from("When did the outage happen?", text, "Platform weekly")
    assert answer.quotes[0].text == "- Sam: we had an outage on Saturday: the queue filled up for 40 minutes."


TENANTS = (
    "Riverside Tenants Association - Minutes\n"
    "Present: Ana Ruiz (chair), Ben Cole, Chloe Park\n"
    "1. Heating. Ben Cole reported that the boiler in block B failed twice in September.\n"
    "2. Rent increase. Chloe Park explained that the proposed increase of 6.5 percent is above the guideline. "
    "After discussion the meeting agreed to file a joint objection with the rent board.\n"
)


def test_minutes_titled_by_who_met_are_not_all_on_a_subject_the_question_sets_apart() -> None:
    """Every sentence of a record whose title holds the question's topic is on it; but "the tenants" here only
    say who decided, and the question is about the rent increase."""
    answer = answer_from("What did the tenants decide about the rent increase?", TENANTS, TENANTS.split("\n")[0])
    assert "joint objection" in answer.answer and "boiler" not in answer.answer


def test_minutes_numbered_by_subject_answer_from_the_item_the_question_names_by_its_heading() -> None:
    """No sentence says "heating": the item headed so does ("1. Heating. Ben Cole reported…")."""
    answer = answer_from("What are the tenants' concerns about heating?", TENANTS, TENANTS.split("\n")[0])
    assert answer.answer == "Ben Cole reported that the boiler in block B failed twice in September."


def test_the_record_a_question_names_by_its_title_answers_before_another_that_ranks_higher() -> None:
    """Search ranks the parks committee's minutes first (they hold "chair"), but the question names the IT steering
    group: its own minutes answer, though they name no chair."""
    parks_text = (
        "Present: Ana Ruiz (chair), Tom Berg, Priya Shah\n"
        "The committee approves 3,200 euros for new benches in Mill Park.\n"
        "Tom Berg: the benches arrive on 20 May.\n"
    )
    it_text = (
        "Attendees: Helen Park, Raj Patel, Sofia Marin\n"
        "Raj Patel presented the refresh plan: 140 laptops will be replaced in two batches.\n"
        "Sofia Marin said the migration to the new mail system is 70% complete.\n"
    )
    parks = Passage("parks", "parks.md", 0, len(parks_text), 1, 3, parks_text, title="Parks Committee", score=1.0)
    it = Passage("it", "it.txt", 0, len(it_text), 1, 3, it_text, title="IT Steering Group", score=0.8)
    answer = extractive_answer(Question("Who chairs the IT steering group?", 5), [parks, it], lambda t: 1.0)
    assert answer.quotes[0].meeting == "it"


LIBRARY_BOARD = (
    "Library Board - Minutes\n"
    "Paul Otto proposed opening on Sundays from noon to five.\n"
    "A six-month trial of Sunday opening starts in March.\n"
    "The children's reading room gets new shelving within the 2025 budget.\n"
)


def test_minutes_whose_title_holds_part_of_the_topic_are_on_it_only_where_they_hold_the_rest() -> None:
    """ "library" is in the title, "budget" in one sentence: the question asks about a budget within the library's
    minutes, and the Sunday opening is another subject; asked about the library board as such, every line is on it."""
    answer = answer_from("What is the budget for the library roof?", LIBRARY_BOARD, "Library Board - Minutes")
    assert answer.answer == "The children's reading room gets new shelving within the 2025 budget."
    whole = answer_from("What happened at the library board?", LIBRARY_BOARD, "Library Board - Minutes")
    assert "Sundays" in whole.answer and "shelving" in whole.answer


WEEKLY_WITH_A_TOPIC_LABEL = """# Platform team weekly — 2025-03-24

Present: Priya (chair), Marco, Lea Novak, Tom

## Updates
- Postgres: the upgrade is planned for April 12.
- Lea: the on-call rota now covers weekends.
- Tom: the upgrade runbook is reviewed; Marco runs the switch.
"""


def test_a_label_the_attendance_line_does_not_list_is_a_topic_not_a_person() -> None:
    """ "Postgres" leads a line as "Lea" does, but minutes that list who attended do not list it."""
    text = WEEKLY_WITH_A_TOPIC_LABEL
    passage = Passage("m", "m.md", 0, len(text), 1, text.count("\n") + 1, text, title="Platform team weekly")
    quotes = [sentence.quote for sentence in headed_sentences([passage])]
    assert people_of(quotes, [attendees(quote.text) for quote in quotes]) == {
        "Priya",
        "Marco",
        "Lea Novak",
        "Tom",
        "Lea",
    }
    answer = answer_from("Who runs the Postgres upgrade?", text, "Platform team weekly")
    assert answer.quotes[0].text == "- Tom: the upgrade runbook is reviewed; Marco runs the switch."


def test_a_person_named_in_full_is_the_one_whose_line_gives_the_first_name() -> None:
    """The attendance line names Lea Novak in full and says only that she came; her line is "- Lea: …"."""
    answer = answer_from("What did Lea Novak report?", WEEKLY_WITH_A_TOPIC_LABEL, "Platform team weekly")
    assert answer.answer == "Lea: the on-call rota now covers weekends."


@pytest.mark.parametrize(
    ("question", "text", "first"),
    [
        (  # a question in the passive finds the verb minutes write in its base form
            "When will the postmortem be written?",
            "The landlord will send a written reminder at the end of October.\n"
            "- Sam: write the postmortem for the outage by March 14.\n",
            "- Sam: write the postmortem for the outage by March 14.",
        ),
        (  # the next meeting closes the minutes under their action items, and is none
            "When is the next call?",
            "Not decided yet, we'll come back to it next week.\nAction items\n- Felix: prototype by 10 June\n"
            "Next call: Tuesday 17 June, same time.\n",
            "Next call: Tuesday 17 June, same time.",
        ),
        (  # a reason given in reply to a question minutes tell of goes on from it
            "Why are responsive repairs over budget?",
            "Hugh Bennett asked why responsive repairs were so far over budget. Sunita Rao explained that the cold "
            "snap caused 38 boiler call-outs.\n",
            "Sunita Rao explained that the cold snap caused 38 boiler call-outs.",
        ),
        (  # so is the reply to a wish minutes tell of, in Chinese too
            "老年人智能手机培训班什么时候开课？",
            "- 居民代表张阿姨提出，希望社区开设老年人智能手机培训班。周红表示，6月份起每周三下午在活动中心开课。\n",
            "周红表示，6月份起每周三下午在活动中心开课。",
        ),
        (  # a table row's later sentences are about what its first cell names
            "Who is responsible for the slipway?",
            "Topic: Safety boat · Notes: The outboard failed its service. A new one costs £4,900. · Owner: Gary Holt\n"
            "Topic: Slipway · Notes: The slipway is slippery at low tide. A work party will clean it on Saturday. · "
            "Owner: Bea Lund\n",
            "A work party will clean it on Saturday. · Owner: Bea Lund",
        ),
        (  # …named at an application's length, its title
            "What condition was set for the sleep tracker study?",
            "Application: FREC-25-118 Wearable sleep trackers in older adults (Dr Chen) · Discussion: The committee "
            "noted that participants may have mild cognitive impairment. Consent must therefore be checked again at "
            "each visit. · Decision: Approved with conditions\n"
            "Application: FREC-25-121 Social media use among 13-15 year olds (Ms Rahman) · Discussion: Parental consent "
            "forms were missing. · Decision: Not approved – resubmit\n",
            "Consent must therefore be checked again at each visit. · Decision: Approved with conditions",
        ),
        (  # a person the attendance line lists with a role run into the name is named in a table row
            "谁负责消防通道的问题？",
            "**参会：** 物业公司代表李强、社区民警王涛\n周红通报：今年以来小区发生险情2起。\n"
            "| 问题 | 处理意见 | 负责人 |\n|---|---|---|\n| 消防通道被占 | 每周巡查两次 | 王涛 |\n",
            "| 消防通道被占 | 每周巡查两次 | 王涛 |",
        ),
        (  # so does one that asks that something be done
            "Who will announce the MFA change?",
            "Wei Zhang asked that the MFA change be announced to staff at least three days before. Joanne Price "
            "will send the announcement and brief the service desk.\n",
            "Joanne Price will send the announcement and brief the service desk.",
        ),
        (  # a request minutes tell of gives way to who answers it
            "Who will share the noise survey results?",
            "- Luis Moreno asked for the results of the noise survey to be shared with staff. Dana Whitlock will "
            "post them on the notice board by the end of September.\n",
            "Dana Whitlock will post them on the notice board by the end of September.",
        ),
        (  # asked yes or no, how a matter was settled: the decision, not the proposal before it
            "Will the food bank open on Saturdays?",
            "3. Opening hours\nClaire Dubois proposed opening on Saturday mornings, as many clients work during the "
            "week. After discussion the trustees agreed to a trial of Saturday opening on the first Saturday of each "
            "month.\n",
            "After discussion the trustees agreed to a trial of Saturday opening on the first Saturday of each month.",
        ),
        (  # who came, listed in a table of the page's properties: Grace is Grace Kim, named in her sentence
            "What did Grace say about the cost per lead?",
            "| Property | Value |\n|---|---|\n| Attendees | Lena Fischer, Omar Said, Grace Kim |\n\n"
            "- Paid social spend in September was €18,500; cost per lead went up to €42.\n\n"
            "Omar thinks the cost per lead rose because the LinkedIn audience is too broad. Grace disagreed: she "
            "says the landing page change made the form longer.\n",
            "Grace disagreed: she says the landing page change made the form longer.",
        ),
        (  # an account of written minutes: the reply to a question they tell of comes first, as for a fact
            "What will be done about parking on match days?",
            "5. Any other business\nA member asked about parking on match days. The committee will ask the church "
            "next door whether members can use their car park on Saturdays.\n",
            "The committee will ask the church next door whether members can use their car park on Saturdays.",
        ),
        (  # …and so in Chinese: a matter the meeting discussed, then what became of it
            "外来车辆停车怎么收费？",
            "三、停车管理\n会上讨论了外来车辆临时停车收费问题。业委会建议前2小时免费，超过2小时每小时收费5元，物业同意按此执行。\n",
            "业委会建议前2小时免费，超过2小时每小时收费5元，物业同意按此执行。",
        ),
        (  # a number in the question is one term, "2.14", not "2" and "14" of a date line's time
            "What happened in Lab 2.14?",
            "Date: 12 November, 14:00, Room 2.\n4.1 A minor acid spill in Lab 2.14 was cleaned up safely.\n",
            "4.1 A minor acid spill in Lab 2.14 was cleaned up safely.",
        ),
        (  # what the meeting made of a proposal, in its paragraph, is read with it: the proposal names the garage
            "车库防水的费用从哪里出？",
            "二、讨论事项\n1. 地下车库漏水问题。王海涛提出，车库B区顶板防水层破损，建议整体重做防水，报价18.6万元。会议认为费用"
            "较大，需提交业主委员会审议，使用专项维修资金。\n2. 冬季保洁安排。会议同意增加两名临时保洁员，费用每月约7200元，从物业费"
            "中列支。\n三、工作安排\n| 事项 | 责任人 | 完成时间 |\n|---|---|---|\n| 车库防水方案提交业委会 | 周建国 | 12月10日 |\n",
            "会议认为费用较大，需提交业主委员会审议，使用专项维修资金。",
        ),
        (  # the answer minutes record to a question, marked as one, is read with it
            "Why has persistent absence fallen?",
            "1.1 Attendance this term is 95.2%. Persistent absence has fallen to 11%.\n"
            "1.2 Q: Why has persistent absence fallen? A: The attendance officer now calls families on the first day "
            "of absence.\n",
            "A: The attendance officer now calls families on the first day of absence.",
        ),
        (  # a question minutes tell of and settle in the same sentence comes before a table under it
            "Why is the lift at Block B still broken?",
            "3. Repairs. Members asked why the lift at Block B is still broken after six weeks; the contractor is "
            "waiting for a replacement control board, now due on 8 December.\n"
            "Job: Lift control board · Block: B · Status: Waiting for part · Cost: £4,750\n",
            "Members asked why the lift at Block B is still broken after six weeks; the contractor is waiting for a "
            "replacement control board, now due on 8 December.",
        ),
        (  # a question minutes tell of that gives what is asked itself comes before its reply
            "How much does a defibrillator cost?",
            "- Mr Bennett asked whether the PTA could fund a defibrillator for the school, about £1,100. The "
            "committee agreed to look into grants first.\n",
            "- Mr Bennett asked whether the PTA could fund a defibrillator for the school, about £1,100.",
        ),
        (  # someone named by a title of address is a person, listed or not
            "Who will get quotes for the zip wire?",
            "25/35 PLAYGROUND\nThe annual inspection found the zip wire unsafe. It has been closed. Cllr Barker will "
            "get three quotes for a replacement.\n",
            "Cllr Barker will get three quotes for a replacement.",
        ),
        (  # a short sentence that gives a figure on the topic is no fragment
            "What is the fundraising target this year?",
            "The PTA will pay £1,200 towards the year 6 residential trip and £850 for library books.\n"
            "The target this year is £3,500.\n",
            "The target this year is £3,500.",
        ),
        (  # a short sentence ending on what the one before named; the attendance line names him after his office
            "Who is organising the anniversary dinner?",
            "Present: Commodore Jane Aldous, Vice-Commodore Ian Shaw, Treasurer Nikhil Rao.\n"
            "Slipway: a work party will clean it on Saturday 19 July. Owner: Nikhil Rao.\n"
            "Any other business: the club's 75th anniversary dinner will be on 11 October, tickets £45. Ian Shaw "
            "will organise it.\n",
            "Ian Shaw will organise it.",
        ),
        (  # asked how many voted, the show of hands after the sentence naming the matter; not the head count
            "How many members voted for the new kit supplier?",
            "Present: 31 members and the club secretary.\n2. Kit supplier\nMembers discussed the new kit supplier, "
            "Apex Sports, whose shirts cost £18 each. A show of hands was 22 in favour of the switch and 6 against.\n",
            "A show of hands was 22 in favour of the switch and 6 against.",
        ),
        (  # asked why, the fault someone found after the sentence naming what it explains
            "Why was the electricity bill so high?",
            "3. Utilities\nThe electricity bill for the quarter was £2,100, up from £1,300 a year ago. The caretaker "
            "discovered a storage heater in the store room that had been left on since the summer with a faulty "
            "thermostat. It has been switched off.\n4. Bookings\nThe hall was booked on 41 evenings this quarter.\n",
            "The caretaker discovered a storage heater in the store room that had been left on since the summer with a "
            "faulty thermostat.",
        ),
        (  # …and so in Chinese: the vote after the proposal it was on
            "多少人投票赞成换物业公司？",
            "出席：业主代表25人。\n二、物业公司\n业主代表讨论了更换物业公司的方案，新公司报价每平方米2.1元。举手表决，"
            "同意18票，反对5票。\n",
            "举手表决，同意18票，反对5票。",
        ),
    ],
)
def test_the_first_quote_of_minutes_is_the_sentence_that_answers(question: str, text: str, first: str) -> None:
    assert answer_from(question, text, "Weekly").quotes[0].text == first


@pytest.mark.parametrize(
    ("question", "text", "line"),
    [
        (
            "下次会议什么时候开？",
            "## 工作分工\n- 事项: 修订学生手机管理规定并提交下次会议讨论 · 负责人: 孙晓东 · 完成时间: 11月17日\n"
            "下次会议时间：2025年11月17日下午3:30。\n",
            "下次会议时间：2025年11月17日下午3:30。",
        ),
        (
            "When is the next board meeting?",
            "## Actions\n- Draft the next meeting's agenda by 2 March · Owner: Ana\n"
            "The next meeting will be held on 9 March at 6pm.\n",
            "The next meeting will be held on 9 March at 6pm.",
        ),
        (  # a team's regular meeting, named by what it does once "next" says it is one
            "When is the next ops review?",
            "Notes from today's ops review (Wednesday 26 Nov).\n1) Uptime - November so far is 99.93%.\n"
            "Next review: Wednesday 10 December, same time.\n",
            "Next review: Wednesday 10 December, same time.",
        ),
        (  # arranged aloud as a call ends, the meeting called by another name than the question's
            "When is the next design review?",
            "Mara Voss: So this is the design review for the checkout page.\n"
            "Jon Ek: The new layout cut errors on the address form by half.\n"
            "Mara Voss: Good. Let's meet again on the 9th to go through the mobile version.\n",
            "Let's meet again on the 9th to go through the mobile version.",
        ),
        (
            "下次例会是什么时候？",
            "陈伟：今天的例会主要说仓库搬迁。\n李娜：新仓库的租金每月四万二。\n陈伟：那我们下周三下午再碰一下，把搬迁时间定了。\n",
            "陈伟：那我们下周三下午再碰一下，把搬迁时间定了。",
        ),
    ],
)
def test_the_next_meeting_is_the_line_that_gives_it_not_a_task_for_it(question: str, text: str, line: str) -> None:
    assert answer_from(question, text, "Minutes").quotes[0].text == line


def test_a_call_opened_by_naming_its_meeting_is_answered_by_what_was_said_in_it() -> None:
    """An opening line ("This is the weekly ops review for the warehouse move.") holds the words of any question
    about the move, and says nothing of it: it weighs as a title does."""
    text = (
        "Sofia Romano: This is the weekly ops review for the warehouse move.\n"
        "Daniel Okoro: The sprinkler inspection failed, so we have to lower the shelves.\n"
        "Sofia Romano: Does that push the move date?\n"
        "Daniel Okoro: By a week. We now move on the 19th of January instead of the 12th.\n"
    )
    answer = answer_from("When is the warehouse move now?", text, "Ops review")
    assert answer.quotes[0].text == "We now move on the 19th of January instead of the 12th."


def test_when_the_next_meeting_is_is_answered_by_the_line_that_says_so() -> None:
    text = "- Lea: we are hiring; interviews start next week.\n\nNext meeting: 24 March 2025, 10:00, room 4.\n"
    answer = answer_from("When is the next meeting?", text, "Platform weekly")
    assert answer.quotes[0].text == "Next meeting: 24 March 2025, 10:00, room 4."


def test_a_turn_that_speaks_of_those_in_the_room_ranks_below_one_that_states_the_subject() -> None:
    """QMSum's references are written in the third person: "We we need to think about the buttons" says less of
    the buttons than a turn about them, though it holds more words the question does not."""
    room = "Marketing: We we need to think about the buttons , I guess , you know ."
    subject = "Industrial Designer: The buttons should be rubber and large ."
    answer = answer_from("What was said about the buttons?", f"{room}\n{subject}\n", "ES2006b")
    assert [quote.text for quote in answer.quotes[:2]] == [subject, room]


def test_first_and_second_person_count_only_in_a_conversation() -> None:
    """A line of minutes that reports what someone said ("- Sam: we had an outage") is no turn in the room; "US"
    is no "us"."""
    text = (
        "Sam: we had an outage on Saturday .\n"
        "## Updates\n"
        "- Sam: we had an outage on Saturday.\n"
        "Lea: The US office moves in May .\n"
    )
    passage = Passage("m", "m.md", 0, len(text), 1, 4, text, score=1.0)
    candidates = sentence_features("What happened?", [passage], lambda term: 1.0)
    shares = candidates.features[:, FEATURES.index("first or second person")]
    held = dict(zip((q.text for q in candidates.quotes), shares, strict=True))
    assert held["Sam: we had an outage on Saturday ."] == pytest.approx(1 / 6)
    assert held["- Sam: we had an outage on Saturday."] == 0.0
    assert held["Lea: The US office moves in May ."] == 0.0


def test_a_clause_that_sets_the_scene_weighs_less_than_what_the_question_asks() -> None:
    """It says where in the meeting: the answer is about the locator, not the requirements."""
    scene = "Marketing: But is everyone's called functional requirements ?"
    asked = "User Interface: A locator would help people find the remote ."
    answer = answer_from(
        "Why did the group think of the locator when presenting the functional requirements?",
        f"{scene}\n{asked}\n",
        "ES2006b",
    )
    assert answer.quotes[0].text == asked


TENANTS_NOTES = (
    "tenants assoc mtg 12/11 - notes (rough)\n\n"
    "- heating: still out in blocks C and D since 3 nov. landlord says new boiler part arrives 19th.\n"
    "  sue asked for a rent reduction for the weeks w/o heating. landlord said no, will offer 50 pound credit per "
    "flat.\n"
    "- xmas party: 14 dec in community room, raj to book, budget 300.\n\n"
    "AP: sue - reply to landlord re credit, ask for it in writing\n\n"
    "next mtg: 10 dec 7pm\n"
)


def test_what_the_answer_is_set_against_weighs_less_than_what_the_question_asks() -> None:
    """ "Instead of a rent reduction" says what the answer is not: the landlord's offer is the answer."""
    answer = answer_from("What did the landlord offer instead of a rent reduction?", TENANTS_NOTES, "tenants mtg")
    assert answer.quotes[0].text == "landlord said no, will offer 50 pound credit per flat."


def test_the_next_meeting_of_notes_typed_in_a_hurry_is_their_next_mtg() -> None:
    """Another record's "next year" is no answer to "When is the next meeting?"; "next mtg: 10 dec 7pm" is."""
    call = "Ola Nwosu: So the main thing today is the conference budget for next year.\n"
    passages = [
        Passage("events", "events.vtt", 0, len(call), 1, 1, call, title="events budget", score=1.0),
        Passage("tenants", "tenants.txt", 0, len(TENANTS_NOTES), 1, 9, TENANTS_NOTES, title="tenants", score=0.9),
    ]
    answer = extractive_answer(Question("When is the next meeting?", 5), passages, lambda t: 1.0)
    assert answer.quotes[0].text == "next mtg: 10 dec 7pm"


def test_a_presentation_frames_a_question_as_a_discussion_does() -> None:
    """Asked "Summarize the presentation on the prototype.", the prototype is the subject: a turn that only says
    who will present it is no answer."""
    framing = "Project Manager: So you two will present us your prototype ."
    subject = "Industrial Designer: The prototype is round , with a titanium base and bright colours ."
    answer = answer_from("Summarize the presentation on the prototype.", f"{framing}\n{subject}\n", "ES2006c")
    assert answer.quotes[0].text == subject


def test_a_reply_to_a_question_asked_is_read_with_it() -> None:
    """ "About 60." holds no word of the question; the question it answers, in the turn before, holds them all."""
    text = (
        "Leo Martins: Yesterday I closed 31 tickets, mostly password resets after the SSO change.\n"
        "Nadia Rahman: How many password tickets are still open?\n"
        "Leo Martins: About 60. I've asked IT to add a self-service reset link.\n"
    )
    passage = Passage("m", "m.vtt", 0, len(text), 1, 3, text, title="Support stand-up", score=1.0)
    question = "How many password tickets are still open?"
    candidates = sentence_features(question, [passage], lambda term: 1.0)
    assert [quote.text for quote, lean in zip(candidates.quotes, candidates.leaning, strict=True) if lean] == [
        "Leo Martins: About 60."
    ]
    answer = extractive_answer(Question(question, 5), [passage], lambda term: 1.0)
    assert answer.answer == "Nadia Rahman: How many password tickets are still open? Leo Martins: About 60."


def test_a_sentence_names_who_off_the_topic_only_when_it_asks_someone_by_name() -> None:
    """Asked who, a line that names a person and nothing of the topic says no who where another line of its record
    holds the topic; a request of someone by name does, as it asks them to do what was just named."""
    text = (
        "[09:02] priya: db01 disk at 91%, growing fast\n"
        "[09:05] sam: I'll check the api too.\n"
        "[09:35] marco: archived 140 GB, disk now at 63%\n"
        "[09:40] priya: let's add a disk alert at 80% so we catch it earlier next time. marco can you do that today?\n"
    )
    passage = Passage("m", "chat.txt", 0, len(text), 1, 4, text, title="Ops incident chat", score=1.0)
    candidates = sentence_features("Who will add the disk alert?", [passage], lambda term: 1.0)
    says_who = FEATURES.index("a person for a question about who")
    said = {quote.text: row[says_who] for quote, row in zip(candidates.quotes, candidates.features, strict=True)}
    assert said["marco can you do that today?"] == 1.0
    assert said["[09:05] sam: I'll check the api too."] == 0.0


@pytest.mark.parametrize(
    ("question", "transcript", "first"),
    [
        (  # a reply to a handover by name, the figure in the turn's next caption
            "How long will the failover downtime be?",
            "Aisha: The failover downtime window was approved last month. First up is CHG-2291, the database "
            "failover test. Mike?\nMike: Yes. We want to fail the primary over to the "
            "standby on Saturday night.\nMike: Expected downtime is under five minutes.\nAisha: Any objections?\n",
            "Mike: Expected downtime is under five minutes.",
        ),
        (  # Rev's headers; what the asker said before their question names the topic, and the reply's "It" refers to it
            "How long did the outage last?",
            "Dana Whitfield (00:00:02):\nThis is the escalation call for the Acme outage. Raj, can you walk us through "
            "what happened?\n\nRaj Menon (00:00:19):\nSure. So at about 14:10 their API calls started timing out. It "
            "lasted fifty-two minutes in total.\n\nDana Whitfield (00:01:02):\nAnd who made that change?\n",
            "It lasted fifty-two minutes in total.",
        ),
        (  # an item called aloud by its name alone, and the reply to it
            "When is the bake sale?",
            "Ruth: Three items tonight: the accounts, the bake sale and the quiz.\nRuth: Bake sale.\nAmir: The "
            "school hall is booked for Saturday 14 June, 10 till 2.\nRuth: Great.\n",
            "Amir: The school hall is booked for Saturday 14 June, 10 till 2.",
        ),
        (  # …and in the caller's own turn
            "When is the quiz night?",
            "Ruth: Three items tonight: the accounts, the bake sale and the quiz night.\nRuth: And the quiz night. "
            "I'd like to hold it on Friday 3 October in the village hall.\n",
            "I'd like to hold it on Friday 3 October in the village hall.",
        ),
        (  # the first sentence of the reply to give it, not a later one
            "How much will the CCTV cameras cost?",
            "Rita Shah: How much will the new CCTV cameras in the high street cost, and who is paying?\nPeter Hines: "
            "Six cameras cost £48,000. The commissioner is paying £30,000 and the council the remaining £18,000.\n",
            "Peter Hines: Six cameras cost £48,000.",
        ),
        (  # a question the meeting asked in the same words says no who: its reply does
            "Who is chasing the landlord?",
            "Rosa Diaz: The lease renewal is stuck.\nMarc Webb: Why's that?\nRosa Diaz: The landlord. He wants the "
            "rent review clause changed.\nMarc Webb: Who's chasing the landlord?\nRosa Diaz: I'll call him "
            "tomorrow morning.\n",
            "Rosa Diaz: I'll call him tomorrow morning.",
        ),
        (  # …asked of the same kind ("which"), though in other words
            "Which printers are affected?",
            "Ola Berg: The driver update broke printing on some of the office printers.\nKim Vo: Do we know which "
            "printers?\nOla Berg: The two Brother lasers on the second floor.\n",
            "Ola Berg: The two Brother lasers on the second floor.",
        ),
        (  # a speaker who takes it on, after saying what it is in the same turn
            "Who will fix the broken signup link?",
            "Priya Nair: Last thing: the signup link in the welcome email is broken.\nLina Ortiz: That's a template "
            "fix. Quick one. I can take it.\n",
            "I can take it.",
        ),
        (  # someone the speaker says is on it: who is doing it
            "Who is fixing the login bug?",
            "Ethan Cole: We found a login bug on older phones. If the fix lands today, we ship Thursday. Sofia's on "
            "it.\nNadia Kim: Good.\n",
            "Sofia's on it.",
        ),
        (  # nor a reply to a question that says it: who will is the one asked
            "Who will tag the billing tickets?",
            "[00:00:39] Maria Lopez: Do we have a macro for replying?\n[00:00:42] Hannah Weiss: I wrote one last night. "
            'It\'s called "Billing email correction".\n[00:00:51] Maria Lopez: Great. Kwesi, can you tag all those '
            "tickets so we can close them in bulk?\n[00:00:57] Kwesi Boateng: Will do. I'll use the tag billing-april.\n"
            "[00:01:02] Liam Carter: Separate thing: the chat widget was down yesterday.\n",
            "Kwesi, can you tag all those tickets so we can close them in bulk?",
        ),
    ],
)
def test_the_opening_of_a_reply_is_read_with_what_was_asked(question: str, transcript: str, first: str) -> None:
    """A reply's first sentences answer what the asker put, though they do not name it again."""
    assert answer_from(question, transcript, "Change board").quotes[0].text == first


def test_asked_yes_or_no_a_short_statement_of_the_whole_topic_answers_it() -> None:
    """ "No library will close." says all that "Will any libraries close?" asks, though it is short."""
    captions = (
        "Good evening everyone and welcome to this public question time on the budget.\n"
        "The council has to close a gap of 4.2 million pounds next year.\n"
        "Most of that gap comes from adult social care, where costs have gone up by 11 percent.\n"
        "First question from the floor. Will the libraries close?\n"
        "No library will close. Two branches, Eastgate and Holt, will open four days a week instead of six.\n"
    )
    assert answer_from("Will any libraries close?", captions, "Budget question time").quotes[0].text == (
        "No library will close."
    )


def test_asked_who_the_reports_that_name_someone_come_first() -> None:
    """Under "Elections", every sentence reports the election; the one that names who was elected is the first
    quote, and the answer keeps the record's order."""
    question = "Who was elected to the board?"
    text = "## Elections\nTwo seats on the board were open.\nLeah Brandt and Omar Said were elected unopposed.\n"
    passage = Passage("agm", "agm.md", 0, len(text), 1, 3, text, title="Annual meeting", score=1.0)
    act = act_asked(question)
    assert act is not None
    record = RecordToSummarize([passage], 1, frozenset(), act, tuple(sentences_reporting([passage], act)))
    answer = summary_answer(Question(question, 5), record, lambda term: 1.0)
    assert [quote.text for quote in answer.quotes] == [
        "Leah Brandt and Omar Said were elected unopposed.",
        "Two seats on the board were open.",
    ]
    assert answer.answer == "Two seats on the board were open. Leah Brandt and Omar Said were elected unopposed."
    assert [answer.quotes[i].text for i in answer.answer_quotes] == [
        "Two seats on the board were open.",
        answer.quotes[0].text,
    ]


def test_a_turn_goes_on_to_give_what_is_asked_only_where_no_other_sentence_gives_it_on_the_topic() -> None:
    """ "I'd review it after six months." gives a time after the sentence that names onboarding, in the passage
    search ranked first; the answer is the other passage's sentence that gives the time of onboarding itself."""
    mia = "Mia Roth: Onboarding is still slow, about twelve days per hire.\n"
    ian = "Ian Cole: HR can fund it if the onboarding time really drops. I'd review it after six months.\n"
    passages = [
        Passage("ops", "ops.txt", len(mia), len(mia + ian), 2, 2, ian, score=1.0),
        Passage("ops", "ops.txt", 0, len(mia), 1, 1, mia, score=0.9),
    ]
    answer = extractive_answer(Question("How long does onboarding take?", 5), passages, lambda term: 1.0)
    assert answer.quotes[0].text == "Mia Roth: Onboarding is still slow, about twelve days per hire."


def test_asked_who_attended_the_attendance_list_stays_first() -> None:
    """A row that names who spoke to an item ("Who: Ben") takes on no role: the list under "Attendees" is the
    answer, in the record's order."""
    question = "Who attended the team sync?"
    text = (
        "Team sync 2025-12-01\nAttendees\n- Ana Ruiz\n- Ben Cole\nDiscussion items\n"
        "Time: 5 min · Item: Budget · Who: Ben · Notes: We are 4% under plan.\n"
    )
    passage = Passage("sync", "sync.html", 0, len(text), 1, 7, text, title="Team sync 2025-12-01", score=1.0)
    act = act_asked(question)
    assert act is not None
    record = RecordToSummarize([passage], 1, frozenset(), act, tuple(sentences_reporting([passage], act)))
    answer = summary_answer(Question(question, 5), record, lambda term: 1.0)
    assert [quote.text for quote in answer.quotes[:2]] == ["- Ana Ruiz", "- Ben Cole"]
