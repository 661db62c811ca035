from pathlib import Path

import pytest

from retrieval.text.sentences import (
    is_question,
    is_soft_break,
    last_sentence_span,
    proposes,
    reports_a_question,
    reports_an_open_question,
    sentence_spans,
)


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("meeting held.Entrusted by Liu.", ["meeting held.", "Entrusted by Liu."]),
        ("areas covering 1.07 million square meters.", ["areas covering 1.07 million square meters."]),
        ("all completed;549 items were accepted", ["all completed;", "549 items were accepted"]),
        ("services;Four shantytowns were renovated.", ["services;", "Four shantytowns were renovated."]),
        (
            "We're not seeing a crisis; we are seeing challenges.",
            ["We're not seeing a crisis; we are seeing challenges."],
        ),
        ("noon to five; the board agreed. Next.", ["noon to five; the board agreed.", "Next."]),
        ("It is managed; I think it is fine.", ["It is managed; I think it is fine."]),
        (
            "Rotations start on May 12; Marco takes the first week.",
            ["Rotations start on May 12; Marco takes the first week."],
        ),
        ("Mr. Smith agreed. Dr. Jones did not.", ["Mr. Smith agreed.", "Dr. Jones did not."]),
        ("They live at No. 5 Mill Lane. Fine.", ["They live at No. 5 Mill Lane.", "Fine."]),  # No. before a number
        ("Oh no. Amy could you ask Helen Grant?", ["Oh no.", "Amy could you ask Helen Grant?"]),  # …not otherwise
        ("Hon. Navdeep Bains: Mr.Chair, we have a strategy.", ["Hon. Navdeep Bains: Mr.Chair, we have a strategy."]),
        # An initial is no sentence's end, in a name or an abbreviation, in Latin or run into Chinese writing
        ("Hon. Harjit S. Sajjan: Mr. Chair, yes.", ["Hon. Harjit S. Sajjan: Mr. Chair, yes."]),
        ("Alberta joined B.C. and the U.K. did not. Next.", ["Alberta joined B.C. and the U.K. did not.", "Next."]),
        ("由Andrew W. Mellon Foundation主持。下一句。", ["由Andrew W. Mellon Foundation主持。", "下一句。"]),
        ("以笔名S.G. Tallentyre写作。", ["以笔名S.G. Tallentyre写作。"]),
        ("It was held.Entrusted by J. Liu.", ["It was held.", "Entrusted by J. Liu."]),
        # …but the letter that names a thing ends a sentence like any word
        ("We chose plan B. Then we left.", ["We chose plan B.", "Then we left."]),
        # A list item's number opens its sentence
        ("1. We agreed. 2. Then left.", ["1. We agreed.", "2. Then left."]),
        ("1. 新建中小学8所。", ["1. 新建中小学8所。"]),
        ("We grew 3. Then we left.", ["We grew 3.", "Then we left."]),
        ("Take Vitamin D. It helps.", ["Take Vitamin D.", "It helps."]),
        ("It reached 34°C. Imran asked why.", ["It reached 34°C.", "Imran asked why."]),  # a unit, no initial
        (  # a table row's next cell goes on from the sentence that ends a cell
            "Topic: Slipway · Notes: It is slippery. A work party cleans it on Saturday. · Owner: Gary Holt",
            ["Topic: Slipway · Notes: It is slippery.", "A work party cleans it on Saturday. · Owner: Gary Holt"],
        ),
        ("See Appendix C. Signed by J. Liu.", ["See Appendix C.", "Signed by J. Liu."]),
        ("Okay . So , this is uh the first meeting .", ["Okay .", "So , this is uh the first meeting ."]),
        ("Really? Yes! Fine.", ["Really?", "Yes!", "Fine."]),
        ("First line\nSecond line.", ["First line", "Second line."]),
        # A line of prose wrapped by an editor goes on into the next line, which goes on in lower case
        (
            "Twice a Redis failover lost\nevents (about 1,200 orders), and support had\nto rebuild them. Next.",
            ["Twice a Redis failover lost\nevents (about 1,200 orders), and support had\nto rebuild them.", "Next."],
        ),
        (
            "- An item that wraps onto\n  the next line.\n- another item",
            ["- An item that wraps onto\n  the next line.", "- another item"],
        ),
        (  # …after a semicolon too, which joins clauses of one sentence
            "lookup costs 2p per search;\nat current volumes that is £900 a month. Next.",
            ["lookup costs 2p per search;\nat current volumes that is £900 a month.", "Next."],
        ),
        ("- buy paper;\n- order toner;", ["- buy paper;", "- order toner;"]),
        (  # a header's time of day ends its line: the message under it opens a sentence, in lower case or not
            "Aisha Khan  10:33 AM\nscheduled for Friday to 310k subscribers. I split the list.",
            ["Aisha Khan  10:33 AM", "scheduled for Friday to 310k subscribers.", "I split the list."],
        ),
        (  # …and under a mail's quotation marks
            "> The Guildhall is cheaper but\n> it only seats 180.\n> Both have step-free access.",
            ["> The Guildhall is cheaper but\n> it only seats 180.", "> Both have step-free access."],
        ),
        ("Sam wrote:\n> it only seats 180.", ["Sam wrote:", "> it only seats 180."]),
        ("Priya Nair   0:03\nok, let's start.", ["Priya Nair   0:03", "ok, let's start."]),  # a turn's header line
        ("## Budget\nthe board agreed.", ["## Budget", "the board agreed."]),  # a heading
        ("We agreed.\nthen we left.", ["We agreed.", "then we left."]),  # a sentence's end
        ("Speaker 1 (00:00:02):\nthanks for joining", ["Speaker 1 (00:00:02):", "thanks for joining"]),
        # …and after a word no sentence ends with, whatever the next line's first letter, unless it opens its own line
        ("paid £1,450 to\nGreenCut Ltd for grass. Next.", ["paid £1,450 to\nGreenCut Ltd for grass.", "Next."]),
        (  # a sum goes on a line as a word does
            "Staff would cost about\n£90,000 for six months. Next.",
            ["Staff would cost about\n£90,000 for six months.", "Next."],
        ),
        ("Grad E: so the\nProfessor B: yeah .", ["Grad E: so the", "Professor B: yeah ."]),
        # …and after a comma ("…panel of Angela Brooks," / "Victor Osei…"), unless the next line opens a turn
        (
            "RESOLVED that a panel of Angela Brooks,\nVictor Osei and Priya Nair be formed. Next.",
            ["RESOLVED that a panel of Angela Brooks,\nVictor Osei and Priya Nair be formed.", "Next."],
        ),
        ("Grad E: yeah ,\nProfessor B: so .", ["Grad E: yeah ,", "Professor B: so ."]),
        ("We agreed to\n2. Next item", ["We agreed to", "2. Next item"]),
        ("We agreed to\n- Next item", ["We agreed to", "- Next item"]),
        (
            "00:00:51 Kwesi: so the\n00:00:57 Maria: Will do.",
            ["00:00:51 Kwesi: so the", "00:00:57 Maria: Will do."],
        ),
        # A line of Chinese wrapped at a width goes on into the next, in Chinese or a number; not a heading over its
        # body, a line much shorter than the next, or one before a numbered item or a label
        (  # wrapped at 18 characters
            "经检测需要更换主板，维修费用预计约为\n2.6万元，从公共维修基金中列支。维\n修工作月底前完成，施工期间请使用1单\n元电梯。",
            [
                "经检测需要更换主板，维修费用预计约为\n2.6万元，从公共维修基金中列支。",
                "维\n修工作月底前完成，施工期间请使用1单\n元电梯。",
            ],
        ),
        ("一、电梯维修\n3号楼电梯共发生4次故障。", ["一、电梯维修", "3号楼电梯共发生4次故障。"]),
        (
            "关于第四季度物业工作的通报\n11月5日下午，物业公司与业委会召开了第四季度工作会议，现将会议主要内容通报如下。",
            [
                "关于第四季度物业工作的通报",
                "11月5日下午，物业公司与业委会召开了第四季度工作会议，现将会议主要内容通报如下。",
            ],
        ),
        ("维修工作预计在本月二十日前全部完成\n二、垃圾分类", ["维修工作预计在本月二十日前全部完成", "二、垃圾分类"]),
        (
            "会议由物业服务中心王经理负责组织安排\n联系人：王经理",
            ["会议由物业服务中心王经理负责组织安排", "联系人：王经理"],
        ),
        (  # …after a number run on from a word, too
            "自12月1日起，小区实行定时定点投放，投放时间为每天早上7点至9\n点和晚上6点至8点。",
            ["自12月1日起，小区实行定时定点投放，投放时间为每天早上7点至9\n点和晚上6点至8点。"],
        ),
        # …and not in minutes that list their points a line each without a full stop, numbered or not
        (
            "由王海负责起草电梯更换招标文件并提交业委会审议\n张丽华、何志强负责统计业主意见\n",
            ["由王海负责起草电梯更换招标文件并提交业委会审议", "张丽华、何志强负责统计业主意见"],
        ),
        (
            "1、由王海负责起草电梯更换招标文件，10月15日前提交审议\n2、由物业服务中心张贴停车收费调整公告。\n",
            ["1、由王海负责起草电梯更换招标文件，10月15日前提交审议", "2、由物业服务中心张贴停车收费调整公告。"],
        ),
        # captions generated without punctuation end no sentence: each keeps its line
        (
            "first the numbers we closed 31 deals in October\nwhich is our best month this year\n"
            "the average deal size was 8,400 pounds\n",
            [
                "first the numbers we closed 31 deals in October",
                "which is our best month this year",
                "the average deal size was 8,400 pounds",
            ],
        ),
        # a line as long as an editor's width wraps, whatever word it ends in; not before a heading in capitals
        (
            "Rachel Adeyemi was elected Secretary. Margaret Hill and Peter\nOsei were re-elected.\n",
            ["Rachel Adeyemi was elected Secretary.", "Margaret Hill and Peter\nOsei were re-elected."],
        ),
        (
            "Members agreed to open on Saturdays from January if volunteers allow\nTREASURER'S REPORT\nIt was fine.\n",
            [
                "Members agreed to open on Saturdays from January if volunteers allow",
                "TREASURER'S REPORT",
                "It was fine.",
            ],
        ),
        (  # …a heading or a table's row is as long, and no prose: no sentence ends within it
            "PL/45 Application 25/0917 – Greenway supermarket extension, Mill Lane\nThe application seeks more.\n"
            "Action: Send the accounts to the Commission · Owner: Kofi Boateng · By: 31 May\nThe next meeting is in June.",
            [
                "PL/45 Application 25/0917 – Greenway supermarket extension, Mill Lane",
                "The application seeks more.",
                "Action: Send the accounts to the Commission · Owner: Kofi Boateng · By: 31 May",
                "The next meeting is in June.",
            ],
        ),
        (  # a minute's reference opens a line of its own, after a line as long as a width wraps at
            "In attendance: Mrs K. Doyle (Clerk), County Cllr R. Baines, 4 members of the public\n25/138 Apologies\n"
            "Apologies were received from Cllr T. Ward.",
            [
                "In attendance: Mrs K. Doyle (Clerk), County Cllr R. Baines, 4 members of the public",
                "25/138 Apologies",
                "Apologies were received from Cllr T. Ward.",
            ],
        ),
        ("He said “fine.”Then left.", ["He said “fine.”", "Then left."]),
        # a question quoted within a sentence: the sentence ends after it, or goes on in lower case
        ('It is folded under "Have a code?". I think so.', ['It is folded under "Have a code?".', "I think so."]),
        ("She asked “Why now?” and left. Then we met.", ["She asked “Why now?” and left.", "Then we met."]),
        ('He shouted "Stop!" Then he ran.', ['He shouted "Stop!"', "Then he ran."]),
        ("  \n  ", []),
        ("全市共完成636件。今年计划改造42个老旧小区！", ["全市共完成636件。", "今年计划改造42个老旧小区！"]),
        ("他说：“好的。”然后离开了。", ["他说：“好的。”", "然后离开了。"]),
        ("是吗？是的；好……然后", ["是吗？", "是的；", "好……", "然后"]),
        ("Well… I think so.", ["Well… I think so."]),
        ("Mixed 中文。English again.", ["Mixed 中文。", "English again."]),
    ],
)
def test_sentence_spans_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_a_line_of_chinese_that_ends_a_sentence_or_a_label_wraps_nothing() -> None:
    for text in (
        "…现将会议主要内容通报如下。\n3号楼2单元电梯10月份共发生4次故障。",
        "现将会议的主要内容通报如下：\n电梯共发生4次故障。",
    ):
        assert not is_soft_break(text, text.index("\n"))


def test_sentence_spans_respect_bounds() -> None:
    text = "Skip this. Keep this one. And this."
    start = text.index("Keep")
    assert [text[s:e] for s, e in sentence_spans(text, start, len(text))] == ["Keep this one.", "And this."]


def test_a_question_ends_with_a_question_mark_in_either_writing() -> None:
    assert is_question("Lea, can you tell the customers? ")
    assert is_question("今年招聘多少名教师？")
    assert not is_question("Okay, so we move the release to Friday.")


@pytest.mark.parametrize(
    ("sentence", "reported"),
    [
        ("Marco asked who owns the deploy pipeline.", True),
        ("The trustees discussed whether to buy an electric van.", True),
        ("The trustees discussed the van.", False),
        ("Another resident asked about parking: the visitor bays are used overnight.", True),
        ("They've asked for a written report and they're asking about a service credit.", True),
        ("We're still wondering whether the vendor can ship in March.", True),
        ("Llyr Gruffydd AM: I'm just wondering how comfortable you are with the targeting.", False),  # their own
        ("I just want to start by asking some questions around the targeting of the grant.", False),
        ("Luis asked for the results of the noise survey to be shared with staff.", True),
        ("Wei Zhang asked that the MFA change be announced to staff at least three days before.", True),
        ("The allotment society asked for a new water tap, quoted at £950.", False),  # a thing, and its price
        ("The committee was concerned that the survey asks about self-harm.", False),  # a document asks
        ("The form asks whether you are a member, and Tom asked why.", True),  # …and then someone does
        ("居民代表张阿姨提出，希望社区开设老年人智能手机培训班。", True),
        ("居民询问充电棚何时建成。", True),
        ("会上讨论了外来车辆临时停车收费问题。", True),  # a matter discussed, as "discussed whether…"
        ("会议讨论通过了年度预算。", False),
        ("It follows from the quarterly servicing the association asked for, and from the lifts' age.", False),
    ],
)
def test_a_question_or_a_request_told_of_is_reported(sentence: str, reported: bool) -> None:
    assert reports_a_question(sentence) is reported


@pytest.mark.parametrize(
    ("sentence", "open_question"),
    [
        ("Marco asked who owns the deploy pipeline; nobody does today.", True),
        ("Henry Lam asked whether that would pay for itself; Olly estimated savings of about £400 a month.", False),
        ("Marco asked who owns the 3 deploy pipelines.", True),  # a figure in the question is no reply
        ("The budget rose by 4%; Marco asked why.", True),
    ],
)
def test_a_question_told_of_is_open_unless_a_reply_after_it_settles_it_with_a_figure(
    sentence: str, open_question: bool
) -> None:
    assert reports_an_open_question(sentence) is open_question


@pytest.mark.parametrize(
    ("sentence", "proposal"),
    [
        ("Could we hold back the second outreach worker post until we know about the lottery bid?", True),
        ("So why don't we move the AGM to May?", True),  # after a filler
        ("Now, could we book the hall for May?", True),
        ("Right - why don't we move the AGM to May?", True),
        ("What if we ran the fair on a Sunday?", True),
        ("How about a second collection in spring?", True),
        ("When do we hear about the lottery bid?", False),
        ("Could you send the slides?", False),  # a request of someone, not a proposal for all
        ("I'd suggest we hold back the second post.", True),  # in so many words
        ("My proposal is a second collection in spring.", True),
        ("I'd also suggest we require a second approver for production changes.", True),
        ("I would like to propose a vote of thanks.", True),
        ("我建议年货节之前临时增加十名外包客服。", True),
        ("I suggested it last year, and nobody listened.", False),  # tells of a proposal made before
        ("建议书已经提交了。", False),  # 建议书: a written proposal, named
    ],
)
def test_a_speaker_may_put_a_proposal_as_a_question_or_in_so_many_words(sentence: str, proposal: bool) -> None:
    assert proposes(sentence) is proposal


# Records of every kind the text of which is plain on disk: wrapped prose, turns, tables, Chinese, captions.
PLAIN_RECORDS = sorted(
    path
    for path in (Path(__file__).resolve().parents[3] / "benchmarks" / "data").glob("*/records/*")
    if path.suffix in {".txt", ".md", ".vtt", ".srt"}
)[::7]


@pytest.mark.parametrize("path", PLAIN_RECORDS, ids=lambda path: path.name)
def test_the_last_sentence_is_the_last_of_all_the_spans(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for start in range(0, len(text), 211):
        for length in (1, 40, 333, 800):
            end = min(start + length, len(text))
            spans = sentence_spans(text, start, end)
            assert last_sentence_span(text, start, end) == (spans[-1] if spans else None), (start, end)
    assert last_sentence_span(text) == sentence_spans(text)[-1]


def test_a_range_that_ends_in_line_breaks_has_its_last_sentence_above_them() -> None:
    text = "First line.\nA wrapped line that goes\non here. Then this.\n\n\n"
    assert text[slice(*last_sentence_span(text))] == "Then this."
    assert last_sentence_span(text, 0, 12) == (0, 11)
    assert last_sentence_span("\n\n  \n") is None
