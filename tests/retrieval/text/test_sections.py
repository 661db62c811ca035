from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval import Minutebot
from retrieval.models import Passage
from retrieval.text.sections import (
    announced_item,
    denied_terms,
    headed_sentences,
    heading_lines,
    headings_of,
    in_conversation,
    is_heading,
    lists_the_items,
    opposed,
    run_in_heading,
)
from tests.retrieval.formats.test_extract import BROADCAST_SRT


@pytest.mark.parametrize(
    ("line", "heads"),
    [
        ("## Decisions", True),
        ("Decisions", True),
        ("ACTION ITEMS:", True),
        ("**Next steps**", True),
        ("决定事项：", True),
        ("一、城市建设", True),
        ("Present: Priya (chair), Marco, Lea", False),  # a field, with something after its colon
        ("Subscriptions          £41,200    £38,900", False),  # a row of accounts set in columns of spaces
        ("Marco: yes, ship it", False),  # a turn
        ("Grad E: ", False),  # a turn with nothing said
        ("Decisions made:", True),
        ("- Sam owns the deploy pipeline", False),  # a list item, however short
        ("1、总体情况", False),  # numbered as a list's items are, not as a Chinese heading ("一、城市建设")
        ("| Action | Owner |", False),  # a table row
        ("We agreed.", False),  # a sentence
        ("Hi everyone,", False),  # a letter's greeting goes on
        ("The board discussed the library opening hours at length and agreed on a trial", False),  # too long
        ("ITEM 7 - PARKING ON HIGH STREET", True),  # set in capitals: longer, and a heading still
        ("Item 7 - parking on the High Street outside the pharmacy", False),
        ("PL/45 Application 25/0917 – Greenway supermarket extension, Mill Lane", True),  # a minute's reference
        ("PC41 Application 25/0412/FUL – 14 Mill Lane, Eastbrook", True),  # letters run into the number
        ("PL/62 Application 25/1188: two-storey rear extension, 14 Orchard Way", True),  # a colon after a reference
        ("PL/63 Application 25/1203: change of use of the former bank, High Street, to a cafe", True),  # at length
        ("Decisions: none this week", False),  # a field, with no reference
        ("Item 3: Road resurfacing", True),  # an agenda item's number before a colon
        ("Agenda item 2: Budget for the new financial year", True),
        ("议题一：村道硬化工程", True),
        ("第二项：冬季防火", True),
        ("议题：村道硬化工程", False),  # a field, with no number
        ("Item 2: we agreed to go ahead with the new supplier and Tom will sign", False),  # what became of it
        ("<summary>Notes on onboarding</summary>", True),  # a toggle's summary, as Notion exports one
        ("<details>", False),  # a tag, no words
        ("Q4 revenue was up 12% on the year before", False),  # a quarter is no reference
        ("2025 budget figures for the new sports hall and the pool", False),  # a year is no reference
        ("THE BOARD DISCUSSED THE LIBRARY OPENING HOURS AT LENGTH AND AGREED ON A TRIAL", False),
        ("三、关于使用专项维修资金更换电梯的决议", True),  # numbered, naming its matter: a Chinese heading runs longer
        ("五、审议未通过《关于变更部分募集资金用途的议案》", False),  # says what became of its matter
        ("关于使用专项维修资金更换电梯的决议", False),  # not numbered: too long for a heading
        ("三、关于使用专项维修资金更换小区全部六部老旧电梯及配套设施的决议", False),  # too long even so
        ("2025年11月20日", False),  # a date line under a transcript's title
        ("Thursday 27 November 2025", False),
        ("", False),
    ],
)
def test_a_heading_is_a_short_line_that_names_what_follows(line: str, heads: bool) -> None:
    assert is_heading(line) is heads


def test_a_numbered_line_between_paragraphs_heads_a_section_and_a_list_s_item_does_not() -> None:
    lines = [
        "3. Budget update",  # plain-text minutes number their items
        "Enrolment is up 4% on last year.",
        "",
        "4. New science wing",
        "The tender came in at $4.2 million.",
        "Decisions",
        "1. Approve the budget",  # a list's items
        "2. Hire two staff",
        "",
        "Next meeting: 16 October.",
    ]
    assert [line for line, heads in zip(lines, heading_lines(lines), strict=True) if heads] == [
        "3. Budget update",
        "4. New science wing",
        "Decisions",
    ]


def passage(text: str, start: int = 0) -> Passage:
    return Passage("weekly", "weekly.md", start, start + len(text), 1, text.count("\n") + 1, text)


MINUTES = (
    "## Decisions\n"
    "- Sam owns the deploy pipeline.\n"
    "## Action items\n"
    "| Action | Owner |\n"
    "|---|---|\n"
    "| Write the postmortem | Sam |\n"
    "Present: Priya, Sam\n"
)


def test_each_sentence_falls_under_the_last_heading_before_it() -> None:
    headed = [(s.quote.text, s.heading, s.names_a_section) for s in headed_sentences([passage(MINUTES)])]
    assert headed == [
        ("## Decisions", "Decisions", True),
        ("- Sam owns the deploy pipeline.", "Decisions", False),
        ("## Action items", "Action items", True),
        ("| Action | Owner |", "Action items", True),  # a table's header row names its columns
        ("|---|---|", "Action items", True),
        ("| Write the postmortem | Sam |", "Action items", False),
        ("Present: Priya, Sam", "Action items", False),
    ]


def test_a_passage_opening_mid_turn_opens_with_the_end_of_a_turn_not_a_heading() -> None:
    text = "Yeah ,\nMarketing: But is everyone's called functional requirements ?\nProject Manager: No ."
    mid_turn = Passage("m", "m.txt", 40, 40 + len(text), 3, 5, text, speakers=("Marketing",), turn="Project Manager")
    assert {(s.heading, s.names_a_section, s.marked_up) for s in headed_sentences([mid_turn])} == {(None, False, False)}


def test_a_passage_opening_mid_line_opens_with_the_end_of_a_line_not_a_heading() -> None:
    text = "A replacement impeller\ncosts £640 fitted; a new pump would be £3,900."
    mid_line = Passage("m", "m.md", 120, 120 + len(text), 20, 21, text, opens_mid_line=True)
    assert [(s.heading, s.names_a_section) for s in headed_sentences([mid_line])] == [(None, False)]


def test_the_sentences_of_a_list_item_or_after_a_bold_label_are_marked_up_as_minutes_are() -> None:
    text = "# Design sync\n- Lea: the rota is out. It starts Monday.\n**Mei Lin:** it tested well.\nMarco: fine.\n"
    assert [s.marked_up for s in headed_sentences([passage(text)])] == [False, True, True, True, False]


def test_a_list_item_that_opens_with_a_heading_of_its_own_is_that_section() -> None:
    """Minutes that number their items by subject ("1. Heating. Ben Cole reported…"): the heading leads only the
    sentences of its item, and is no answer; an item that opens with a sentence has no heading of its own."""
    text = (
        "## Items\n"
        "1. Heating. Ben Cole reported that the boiler failed. A replacement is promised.\n"
        "2. Rent increase. Chloe Park explained the increase.\n"
        "3. We agreed. The garden opens in May.\n"
        "4. Garden.\n"
    )
    headed = [(s.quote.text, s.heading, s.names_a_section) for s in headed_sentences([passage(text)])]
    assert headed == [
        ("## Items", "Items", True),
        ("1. Heating.", "Heating", True),
        ("Ben Cole reported that the boiler failed.", "Heating", False),
        ("A replacement is promised.", "Heating", False),
        ("2. Rent increase.", "Rent increase", True),
        ("Chloe Park explained the increase.", "Rent increase", False),
        ("3. We agreed.", "Items", False),
        ("The garden opens in May.", "Items", False),
        ("4. Garden.", "Items", False),  # nothing follows: an item of one word, not a heading
    ]


NUMBERED_MINUTES = (
    "Present: Helen Okafor (Chair), Gareth Lloyd.\n"
    "3. Battery storage. The board considered three quotes for a battery:\n"
    "Supplier: Greenstore · Price: £44,900\n"
    "Gareth noted the ten-year warranty. The board resolved to accept the Greenstore quote.\n"
    "4. Share offer. Owen reported that the offer has raised £186,000.\n"
    "5. The minutes were signed.\n"
    "Date of next meeting: 18 December.\n"
)


def test_a_numbered_item_with_a_heading_of_its_own_heads_the_paragraphs_after_it_up_to_the_next_item() -> None:
    """Minutes that number their items by subject and write an item over paragraphs (a PDF's, a table among them):
    what follows an item is of it until the next item; one with no heading of its own goes back to the heading the
    items stood under. A passage that opens after an item opens in it."""
    headed = [(s.quote.text, s.heading) for s in headed_sentences([passage(NUMBERED_MINUTES)])]
    assert headed[3:] == [
        ("Supplier: Greenstore · Price: £44,900", "Battery storage"),
        ("Gareth noted the ten-year warranty.", "Battery storage"),
        ("The board resolved to accept the Greenstore quote.", "Battery storage"),
        ("4. Share offer.", "Share offer"),
        ("Owen reported that the offer has raised £186,000.", "Share offer"),
        ("5. The minutes were signed.", None),
        ("Date of next meeting: 18 December.", None),
    ]
    headings = headings_of(NUMBERED_MINUTES)
    assert headings.at(NUMBERED_MINUTES.index("Gareth noted")) == "Battery storage"
    assert headings.at(NUMBERED_MINUTES.index("Date of next")) is None


def test_a_paragraph_of_prose_that_opens_with_a_heading_of_its_own_is_that_section() -> None:
    """As a PDF of minutes reads: each paragraph one line, led by its subject. A caption's short reply is no
    heading, nor is a speaker's turn."""
    text = (
        "Fireworks. The fireworks quote is 9,000 euros. Because the harbour authority now requires a safety boat, "
        "the committee agreed to cut the display from 20 minutes to 12 minutes.\n"
        "Right. Let's move on.\n"
        "Marketing: Right. I think the remote should be round, and yellow, and it should not cost much to make.\n"
    )
    headed = [(s.quote.text, s.heading, s.names_a_section) for s in headed_sentences([passage(text)])]
    assert headed[:3] == [
        ("Fireworks.", "Fireworks", True),
        ("The fireworks quote is 9,000 euros.", "Fireworks", False),
        (
            "Because the harbour authority now requires a safety boat, the committee agreed to cut the display "
            "from 20 minutes to 12 minutes.",
            "Fireworks",
            False,
        ),
    ]
    assert all(heading is None and not naming for _, heading, naming in headed[3:])


def test_a_chinese_list_item_that_opens_with_a_heading_of_its_own_is_that_section() -> None:
    text = "一、供暖。陈本报告，B栋锅炉两次发生故障。房东承诺更换锅炉。\n二、租金上涨。朴晓说明，拟上涨6.5%。\n"
    headed = [(s.quote.text, s.heading, s.names_a_section) for s in headed_sentences([passage(text)])]
    assert headed == [
        ("一、供暖。", "供暖", True),
        ("陈本报告，B栋锅炉两次发生故障。", "供暖", False),
        ("房东承诺更换锅炉。", "供暖", False),
        ("二、租金上涨。", "租金上涨", True),
        ("朴晓说明，拟上涨6.5%。", "租金上涨", False),
    ]


def test_a_list_item_led_by_its_topic_is_that_section_over_the_lines_it_wraps() -> None:
    """Minutes sent by email lead each item with its topic ("* Playground: …") and wrap it at about 72 characters:
    every sentence of the item is about the topic, and none of them is a heading. A person's item (`- Lea: …`) and a
    field's (`- Owner: …`) name no topic."""
    text = (
        "Hi all, here are the minutes.\n"
        "* Playground: the school has asked the PTA to fund new playground\n"
        "  equipment. The quote is GBP 6,200. We agreed to\n"
        "  give GBP 4,000 now.\n"
        "* **Summer fair:** it is on 21 June.\n"
        "- Lea: the rota is out. It starts Monday.\n"
        "- Owner: Chen Wei. He starts Monday.\n"
        "## Action items\n"
        "- Conference budget: Nadia books KubeCon. The cap is $2,000.\n"
        "- Omar writes a rollout checklist: every flag starts at 10%.\n"
    )
    headed = [
        (s.quote.text.replace("\n  ", " "), s.heading, s.names_a_section) for s in headed_sentences([passage(text)])
    ]
    assert headed == [
        ("Hi all, here are the minutes.", None, False),
        ("* Playground: the school has asked the PTA to fund new playground equipment.", "Playground", False),
        ("The quote is GBP 6,200.", "Playground", False),
        ("We agreed to give GBP 4,000 now.", "Playground", False),
        ("* **Summer fair:** it is on 21 June.", "Summer fair", False),
        ("- Lea: the rota is out.", None, False),
        ("It starts Monday.", None, False),
        ("- Owner: Chen Wei.", None, False),
        ("He starts Monday.", None, False),
        ("## Action items", "Action items", True),
        ("- Conference budget: Nadia books KubeCon.", "Action items · Conference budget", False),  # in its section
        ("The cap is $2,000.", "Action items · Conference budget", False),
        ("- Omar writes a rollout checklist: every flag starts at 10%.", "Action items", False),  # a clause
    ]


@pytest.mark.parametrize(
    ("sentence", "heading"),
    [
        ("1. Heating.", "Heating"),
        ("- **Rent increase:**", "Rent increase"),
        ("2. Any other business.", None),  # function words: no run-in heading read
        ("1. We agreed.", None),
        ("- Lea: the rota is out.", None),
        ("1. The budget is approved.", None),
        ("1. Budget for 2025.", None),
        ("一、供暖。", "供暖"),
        ("（二）租金上涨。", "租金上涨"),
        ("一、会议决定了。", None),  # says something
        ("三、关于社区菜园建设的提议。", None),  # too long for a heading
    ],
)
def test_a_run_in_heading_is_a_few_capitalised_words_and_no_clause(sentence: str, heading: str | None) -> None:
    assert run_in_heading(sentence) == heading


def test_a_section_goes_on_into_the_next_passage_only_when_they_are_read_as_one_record() -> None:
    first, second = passage("## Decisions\n"), passage("Sam owns the deploy pipeline.\n", start=len("## Decisions\n"))
    assert headed_sentences([first, second], continuous=True)[-1].heading == "Decisions"
    assert headed_sentences([first, second])[-1].heading is None


def test_a_record_s_headings_say_which_section_an_offset_is_in() -> None:
    text = "# Weekly\nIntro.\n## Decisions\n- Ship it.\n## Next\nLater.\n"
    headings = headings_of(text)
    assert headings.texts == ["Weekly", "Decisions", "Next"]
    assert headings.at(0) is None and headings.at(text.index("- Ship")) == "Decisions"
    assert headings.at(text.index("Later")) == "Next"


CAPTIONED = (
    "PL/45 Land at Orchard Farm\n"
    "Outline application for 64 homes.\n"
    "Public speakers\n"
    "Speaker: Helen Ward · For or against: Against\n"
    "Members were concerned about Mill Road.\n"
    "PL/46 The Old Bakery\n"
    "Change of use to two flats.\n"
)


def test_a_table_s_caption_heads_its_rows_in_the_section_it_stands_in_and_no_more() -> None:
    """ "Public speakers" over a table names its rows, which are of the Orchard Farm item; what follows the table
    is back in the item. A Markdown heading over a table heads a section, as "## Action items" does above."""
    headed = [(s.quote.text, s.heading) for s in headed_sentences([passage(CAPTIONED)])]
    assert headed[3:6] == [
        ("Speaker: Helen Ward · For or against: Against", "PL/45 Land at Orchard Farm · Public speakers"),
        ("Members were concerned about Mill Road.", "PL/45 Land at Orchard Farm"),
        ("PL/46 The Old Bakery", "PL/46 The Old Bakery"),
    ]
    headings = headings_of(CAPTIONED)
    assert headings.at(CAPTIONED.index("Helen")) == "PL/45 Land at Orchard Farm · Public speakers"
    assert headings.at(CAPTIONED.index("Members")) == "PL/45 Land at Orchard Farm"  # a passage opening there
    under_the_title = "Planning Committee\nPublic speakers\nSpeaker: Helen Ward · For or against: Against\n"
    assert headings_of(under_the_title, "Planning Committee").at(under_the_title.index("Helen")) == "Public speakers"


def test_a_passage_opens_in_the_section_its_record_is_in_there(
    make_core: Callable[..., Minutebot], tmp_path: Path
) -> None:
    decisions = "".join(f"- Decision {n}: the team renames service number {n}.\n" for n in range(40))
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "weekly-2025-03-03.md").write_text(f"# Weekly\n\n## Decisions\n{decisions}- The coffee machine moves.\n")
    core = make_core(folder)
    core.index()
    found = core.ask("Where does the coffee machine go?").passages[0]
    assert "## Decisions" not in found.text and found.heading == "Decisions"
    assert headed_sentences([found])[-1].heading == "Decisions"


@pytest.mark.parametrize(
    ("sentence", "lists"),
    [
        ("We have three items: the heat pump in the east wing, the cleaning contract, and the fire drill.", True),
        ("Three things today: the mobile release, the pricing page and hiring.", True),
        ("On the agenda: budget, hiring and the move.", True),
        ("Action items: a new tap, a reminder and a survey.", False),  # what the items are
        ("Open issues: the API, the docs and the tests.", False),
        ("We have three items left to order.", False),
        ("各位家长好，今天主要说三件事：秋游的费用、冬季校服和期末的家长开放日。", True),
        ("会议议程：预算、招聘及搬迁。", True),
        ("这件事：我们下周再定。", False),  # one matter, no list
        ("两件事：一是预算超支了。", False),
        ("韩立：今天主要说两件事，一是门诊排队，二是冬季流感门诊的准备。", True),  # counted, and each numbered
        ("这件事有两个原因，一是人手不够，二是设备老化。", False),  # reasons, not the meeting's items
        ("这次有三个问题，一是人手，二是设备，三是经费。", False),
        ("张婷：大家早上好，今天先看双十二的准备情况，再说一下新品发布会。", True),  # the order of business
        ("我们先看一下数据，再说结论。", False),  # what to do first, in the course of a matter
        ("刘芳：大家晚上好，今天主要定一下十二月的书和见面的安排。", True),  # what the meeting is to settle
        ("今天定一下和物业的合同。", False),  # one matter
        ("Okay, two roles today, the data engineer and the support lead.", True),  # said aloud, after a comma
        ("Two things today: the code freeze and the checkout bug.", True),  # two, at the head of the sentence
        ("We fixed two issues today, which is good.", False),
        ("议题: 快递柜收费 · 讨论情况: 马强提出快递柜超时收费太高，超过12小时收1元，业主意见很大。", False),  # a row
        ("Agenda: budget, hiring and the move · Owner: Ana", True),  # the items of one cell
    ],
)
def test_a_sentence_that_lists_a_meeting_s_items_names_them_and_answers_nothing(sentence: str, lists: bool) -> None:
    assert lists_the_items(sentence) is lists


@pytest.mark.parametrize(
    ("sentence", "speaker", "item"),
    [
        ("ITEM 4 IS THE SIDEWALK REPAIR CONTRACT.", None, "ITEM 4 IS THE SIDEWALK REPAIR CONTRACT"),
        ("MAYOR DAVIS: ITEM 5, THE LIBRARY HOURS.", "MAYOR DAVIS", "ITEM 5, THE LIBRARY HOURS"),
        ("Item 3, then, is papers to note.", None, "Item 3, then, is papers to note"),
        (
            "Item 2 this morning is an evidence session with the Minister.",
            None,
            "Item 2 this morning is an evidence session with the Minister",
        ),
        ("Okay, moving on to agenda item 6: the budget.", None, "Okay, moving on to agenda item 6: the budget"),
        ("Next item: the car park.", None, "Next item: the car park"),
        ("Well, next item: the car park.", None, "Well, next item: the car park"),
        (
            "Main thing today is the warehouse move to Daventry.",
            None,
            "Main thing today is the warehouse move to Daventry",
        ),
        ("The main thing is that it works.", None, None),  # no item: what matters most
        ("SARAH: Main topic is the spring campaign budget.", "SARAH", "Main topic is the spring campaign budget"),
        ("Main thing is we ship on time.", None, None),
        ("Alright - let's go through the rota.", None, "the rota"),
        ("Sara Ng: First item is the office move.", "Sara Ng", "First item is the office move"),
        ("Second item, the staff survey.", None, "Second item, the staff survey"),
        (
            "CHAIR: Item four, the application for a drive-through.",
            "CHAIR",
            "Item four, the application for a drive-through",
        ),
        ("张婷：第二件事，新品发布会。", "张婷", "新品发布会"),
        ("第二件事我们下周再说。", None, None),
        ("王丽：各位家委，元旦联欢会的事情我们定一下。", "王丽", "元旦联欢会"),  # a matter put to the meeting to settle
        ("这个事情我们再说吧。", None, None),
        ("The first item was easy.", None, None),
        ("Item 4 was deferred to October.", None, None),  # what became of an item
        ("We bought the item 4 times.", None, None),
        ("Next, the car park.", None, None),
        ("Aisha Karim: Last one, safeguarding software.", "Aisha Karim", "Last one, safeguarding software"),
        ("First up is CHG-2291, the database failover test.", None, None),  # the next may open "Next, CHG-2295"
        ("The last one is really expensive.", None, None),  # which one, not an item
        (
            "Hannah Brooks: OK, let's go through Tuesday's outage.",
            "Hannah Brooks",
            "Tuesday's outage",
        ),
        ("So let 's talk about the functional design .", None, "the functional design"),
        ("Right. Let's move on to the stalls.", None, None),  # a reply, then the topic: the sentence is read alone
        ("Let's move on to the stalls.", None, "the stalls"),
        ("Let's go with the blue one.", None, None),  # a choice, no topic announced
        ("Let's talk about how we could spend the rest of the budget on something useful this year.", None, None),
    ],
)
def test_an_item_of_the_agenda_announced_aloud_heads_what_is_said_after_it(
    sentence: str, speaker: str | None, item: str | None
) -> None:
    assert announced_item(sentence, speaker) == item


COUNCIL = (
    "MAYOR DAVIS: THE MEETING WILL COME TO ORDER. ITEM 4 IS THE SIDEWALK REPAIR CONTRACT.\n"
    "CITY ENGINEER: THE LOWEST BID CAME FROM PARKSIDE PAVING AT $1.2 MILLION.\n"
    "MAYOR DAVIS: ITEM 5, THE LIBRARY HOURS. THE LIBRARY WILL OPEN ON SUNDAYS.\n"
)


def test_the_turns_after_an_item_announced_aloud_are_about_it_and_still_a_conversation() -> None:
    headed = headed_sentences([passage(COUNCIL)])
    assert [(s.heading, s.names_a_section) for s in headed] == [
        (None, False),
        ("ITEM 4 IS THE SIDEWALK REPAIR CONTRACT", True),  # the announcement names the item, and answers nothing
        ("ITEM 4 IS THE SIDEWALK REPAIR CONTRACT", False),
        ("ITEM 5, THE LIBRARY HOURS", True),
        ("ITEM 5, THE LIBRARY HOURS", False),
    ]
    assert all(in_conversation(sentence) for sentence in headed)
    headings = headings_of(COUNCIL)
    assert headings.at(COUNCIL.index("CITY ENGINEER")) == "ITEM 4 IS THE SIDEWALK REPAIR CONTRACT"
    assert headings.at(COUNCIL.index("THE LIBRARY WILL")) == "ITEM 5, THE LIBRARY HOURS"


def test_a_heading_line_ends_the_section_of_an_item_announced_aloud() -> None:
    text = "Chair: Item 2 is the boiler.\nBen: It failed twice.\n## Any other business\nBen: The party is on Friday.\n"
    assert [s.heading for s in headed_sentences([passage(text)])][-1] == "Any other business"


@pytest.mark.parametrize("question", ["How much is the sidewalk contract?", "Who won the sidewalk repair contract?"])
def test_a_question_about_an_item_announced_aloud_is_answered_by_what_was_said_of_it(
    make_core: Callable[..., Minutebot], tmp_path: Path, question: str
) -> None:
    folder = tmp_path / "council"
    folder.mkdir()
    (folder / "council-2025-08-12.srt").write_text(BROADCAST_SRT)
    core = make_core(folder)
    core.index()
    assert (
        core.ask(question).quotes[0].text == "CITY ENGINEER: THE LOWEST BID CAME FROM PARKSIDE PAVING AT $1.2 MILLION."
    )


@pytest.mark.parametrize(
    ("heading", "question", "opposite"),
    [
        ("What went well", "What didn't go well?", True),
        ("What didn't go well", "What went well?", True),
        ("What didn't go well", "What didn't go well?", False),
        ("Christmas lights", "Why aren't we putting up the Christmas lights?", False),  # a topic denies nothing
        ("Agreed actions", "What was not agreed?", True),
    ],
)
def test_a_heading_says_the_opposite_of_a_question_when_one_denies_what_the_other_says(
    heading: str, question: str, opposite: bool
) -> None:
    assert opposed(heading, question) is opposite


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("Why aren't we putting up the lights?", {"we", "put", "up"}),
        ("Motion 2 was not carried.", {"carri"}),
        ("哪个议案没有通过？", {"通过"}),
        ("二、审议未通过《关于变更募集资金用途的议案》", {"通过"}),
        ("这不仅提高了效率", set()),  # 不仅 is "not only", no denial
        ("未来三年的计划是什么？", set()),  # 未来 is the future
        ("The motion was carried.", set()),
    ],
)
def test_what_a_text_denies_is_the_few_words_after_its_negation(text: str, denied: set[str]) -> None:
    assert denied_terms(text) == denied


def test_what_a_speaker_says_under_a_turn_s_header_line_heads_nothing_however_short() -> None:
    """Slack's messages carry no full stop: "rollback done, p95 back to 320ms" is Lena's turn, not a heading."""
    lines = ["#inc-search-latency", "", "Lena Vogel  [9:14 AM]", "rollback done, p95 back to 320ms", "", "Next steps"]
    assert heading_lines(lines) == [True, False, False, False, False, True]
