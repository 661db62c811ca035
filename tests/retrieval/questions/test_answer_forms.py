import pytest

from retrieval.models import Passage
from retrieval.questions.answer_forms import WHY_QUESTION, answer_form_asked, gives_a_reason, kind_asked
from retrieval.text.sections import headed_sentences


def sentences_giving_what(question: str, text: str) -> list[str]:
    """The sentences of a record reading `text` that give the kind of thing `question` asks for."""
    passage = Passage("m", "m.txt", 0, len(text), 1, text.count("\n") + 1, text, title="Minutes", score=1.0)
    gives = answer_form_asked(question)
    assert gives is not None
    return [sentence.quote.text for sentence in headed_sentences([passage]) if gives(sentence)]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The budget is overspent because fuel prices rose.\n", True),
        ("## Root cause\nA config flag defaulted to on.\n", True),
        ("The budget is overspent by $85,000.\n", False),
        ("Marketing: because we said so , I think .\n", False),  # a speaker says "because" in nearly every turn
        ("Chloe: Part of that is timezones, half the reviewers are in Singapore.\n", True),  # …and a reason aloud
        ("赵鹏：主要是年付用户没有收到提醒短信。\n", True),
        ("The rise was caused by the new tariff.\n", True),
        ("Dark mode ships in 4.3, since contrast on the charts still fails.\n", True),
        ("Prices have risen, since the summer.\n", False),  # since a time
        ("Nothing has changed, since March.\n", False),
        ("The report is due to be published in May.\n", False),  # "due to" alone may say when
        ("The surveyor's report blames the failed extractor fans installed in 2019.\n", True),
        ("Nobody will blame you for asking.\n", False),
        ("- Diego traced it to the image cache running out of memory on older iPhones.\n", True),
        ("Tom Okafor: Root cause: the new TLS library drops support for the cipher.\n", True),  # opening a turn
        ("The parcel was traced and returned.\n", False),
        ("Carried 4-1 (Sunil Rao against, preferring to wait for prices to fall).\n", True),  # in passing
        ("原定在社区广场举办，考虑到天气寒冷，改为在服务中心一楼大厅举办。\n", True),
        ("Carried 4-1 (Sunil Rao against).\n", False),
        ("Colin: Most of that is the leak by the bottom trough.\n", True),  # most of it, said aloud
        ("Colin: Most of that went on fuel.\n", False),
        ("Maria: Most of that is the billing email, right?\n", False),  # a question gives none
        ("Most of the downtime was a 2 hour outage on 26 November.\n", True),  # most of the time lost
        ("Most of the members were at the AGM.\n", False),
        # a cause named aloud, anywhere in the turn
        ("Sam Ortiz: The pool size went from 50 to 5 because of a typo in the config.\n", True),
        ("Sam Ortiz: We lost the lot due to a power cut.\n", True),
        ("Sam Ortiz: It went from 50 to 5 because somebody typed it wrong.\n", False),  # "because" alone
        ("Sam Ortiz: The patch is due to go out on Friday.\n", False),
        # what it waits on
        ("- Nadia asked whether the digest could go in too. Not this sprint: it depends on search being live.\n", True),
        ("Omar: Well, it depends on the user.\n", False),  # aloud, a hedge
        # something too much of what it is, written or said
        ("The hall is too small for the Christmas fair.\n", True),
        ("Omar: The installer says the cable run is far too long.\n", True),
        ("线路太长，信号不稳定。\n", True),
        ("Omar: That's too bad.\n", False),  # a regret
        ("Omar: It will be too much as well.\n", False),  # too much of nothing named
        ("Omar: Is the run too long?\n", False),
        ("Omar: The new switch is fine too.\n", False),  # "too" for "also"
        ("路程不太远。\n", False),
        # a fault someone found, written or said
        ("Pete found a burst pipe under path C in August, which had been leaking for weeks.\n", True),
        ("Mara: The load test found a connection leak before release.\n", True),
        ("检查发现水管漏水。\n", True),
        ("Exit surveys say the plan lacks SSO, which competitors include at the same price.\n", True),  # evidence
        ("Tom said the plan lacks detail.\n", False),  # a view, not evidence
        ("Sunita found a new supplier for the seed order.\n", False),  # found, and no fault
        ("Did anyone find the leak?\n", False),
        # what drives it
        ("Tess said the main driver is rent rises.\n", True),
        ("Ana Ruiz: It's driven mostly by the new tariff.\n", True),
        ("Our main driver is off sick this week.\n", False),  # someone at the wheel
        ("Weekday mornings are short of drivers.\n", False),
    ],
)
def test_a_written_sentence_gives_a_reason(text: str, reason: bool) -> None:
    passage = Passage("m", "m.md", 0, len(text), 1, text.count("\n"), text, title="Minutes", score=1.0)
    assert gives_a_reason(headed_sentences([passage])[-1]) is reason


@pytest.mark.parametrize(
    ("question", "text", "gives_it"),
    [
        (  # a time under the heading that names the next meeting
            "When is the next parish council meeting?",
            "25/34 FINANCE\nThe council resolved to raise the precept by 3% for next year.\n"
            "25/36 DATE OF NEXT MEETING\nMonday 9 June 2025 at 7pm.\n",
            "Monday 9 June 2025 at 7pm.",
        ),
        (  # a numbered item, as a PDF's reader may set a heading and its line; not the minutes' own meeting
            "When is the next trustees meeting?",
            "Minutes of the Trustees' Meeting, 17 September 2025, 6.30pm\n"
            "6. Van\nIt was agreed to keep the van until March.\n"
            "7. Date of next meeting Wednesday 15 October 2025 at 6.30pm.\n",
            "7. Date of next meeting Wednesday 15 October 2025 at 6.30pm.",
        ),
    ],
)
def test_the_next_meeting_is_the_line_that_gives_it(question: str, text: str, gives_it: str) -> None:
    assert sentences_giving_what(question, text) == [gives_it]


@pytest.mark.parametrize("question", ["How quickly will exam feedback be returned?", "How fast is the refund?"])
def test_how_quickly_asks_for_a_length_of_time_as_how_soon_does(question: str) -> None:
    gives = answer_form_asked(question)
    assert gives is not None
    feedback, exam = "Marks come back within 15 working days.", "Students complained about exam feedback."
    passages = [Passage("m", "m.md", 0, len(text), 1, 1, text, title="Minutes", score=1.0) for text in (feedback, exam)]
    assert [gives(headed_sentences([passage])[0]) for passage in passages] == [True, False]


@pytest.mark.parametrize(
    ("question", "text", "gives_it"),
    [
        # "How can…?" asks for a way, which a proposal gives, put aloud or reported
        ("How can the racking cost be reduced?", "Priya Shah: Can we reuse the old racking for the bulk aisles?", True),
        ("How can the racking cost be reduced?", "Fatima Hussain suggested asking volunteers to sort it.", True),
        ("How can the racking cost be reduced?", "Liam Porter: The racking quote came in at 46,000.", False),
        # asked what is to come, a time gone by is none
        (
            "When will the potholes be repaired?",
            "A (Cllr Hines): Elm Road is resurfaced in the week of 12 January.",
            True,
        ),
        ("When will the potholes be repaired?", "Q (Mrs Carter): They were reported three times since August.", False),
        ("When will the potholes be repaired?", "The lift failed last Friday.", False),
        ("When is the Christmas lunch?", "Samir: The catering students from the college, same as last year.", False),
        ("When is the Christmas lunch?", "Samir: Yes, 21 December, noon.", True),
        # a limit: a figure given as one
        ("What is the budget limit for the analytics tool?", "Lena agreed if it costs under €100 a month.", True),
        ("What is the budget limit for the analytics tool?", "Sade will compare three analytics tools.", False),
        # how a vote went: its count or its outcome in a word
        ("How did the vote on the Orchard Way extension go?", "For 3, against 1.", True),
        ("How did the vote on the Orchard Way extension go?", "Carried unanimously.", True),
        ("How did the vote on the Orchard Way extension go?", "The neighbour had written to object.", False),
        ("表决结果如何？", "表决结果：同意7票，反对0票，弃权0票。", True),
        ("How did the vote on the rent rise go?", "The meeting agreed 3.5% by 15 votes to 2, with 1 abstention.", True),
        ("How did the vote on the rent rise go?", "The finance group proposed a rent rise of 3.5% from April.", False),
        ("表决结果如何？", "会议以15票赞成、2票反对通过。", True),
        ("表决结果如何？", "经表决，同意289户，反对302户，未达到法定比例。", True),  # counted by households
        # how many voted: a vote's count, not a head count
        ("How many residents voted for the permit scheme?", "A show of hands was 19 in favour and 5 against.", True),
        ("How many residents voted for the permit scheme?", "Present: 27 residents and Cllr Amina Yusuf.", False),
        ("多少人投票赞成换物业公司？", "举手表决，同意18票，反对5票。", True),
        ("多少人投票赞成换物业公司？", "出席：业主代表25人。", False),
        ("Who voted against the battery?", "Carried 4-1 (Sunil Rao against, preferring to wait).", True),
        ("Who voted against selling the boat?", "Jake Moss voted against, preferring the repair.", True),
        (
            "Who voted against the battery?",
            "Gareth noted a ten-year warranty, against five years for the others.",
            False,
        ),
        # asked when something was, the line giving the next meeting is none
        ("When did the meeting adjourn?", "The meeting adjourned at 8:41 PM.", True),
        ("When did the meeting adjourn?", "Next meeting: December 18, 2025.", False),
        ("When is the meeting?", "Next meeting: December 18, 2025.", True),
        # where the money comes from
        ("慰问金从哪里出？", "会议决定：同意张秀英的建议，慰问金由村集体经济支出。", True),
        ("慰问金从哪里出？", "张秀英：建议春节前每户发放慰问金800元和米面油。", False),
        (
            "车库防水的费用从哪里出？",
            "会议认为费用较大，需提交业主委员会审议，使用专项维修资金。",
            True,
        ),  # a fund drawn on
        ("车库防水的费用从哪里出？", "王海涛提出，车库B区顶板防水层破损，建议整体重做防水，报价18.6万元。", False),
        ("资金从哪里来？", "资金来源主要是上级财政补助。", True),
        # where an event is held
        ("春游去哪里？", "春游地点初步定为植物园，费用每人约60元。", True),
        ("春游去哪里？", "原定于明年3月的春游推迟到4月中旬。", False),
        ("Where will the winter fair be held?", "The winter fair will be held at the Corn Exchange.", True),
        ("Where will the winter fair be held?", "The winter fair made a profit last year.", False),
        (
            "Where is the thank-you evening?",
            "The thank-you evening will be on 16 January at the Quaker Meeting House.",
            True,
        ),
        ("Where is the thank-you evening?", "Pete will book a caterer for the thank-you evening.", False),
        # a sum said aloud: in English words too; a Chinese count in words is no sum
        ("How much was budgeted?", "Gavin Shore: Fifty thousand.", True),
        # how much money is held: a sum said to be held, not one to be spent
        ("How much money does the association have?", "The association has £1,385 in the bank.", True),
        ("How much money does the association have?", "The Christmas party will cost about £400.", False),
        ("账上还有多少钱？", "账上余额12万元。", True),
        # …but a number that counts what the question prices says how many, not what they cost
        ("How much was budgeted for Chromebooks?", "Gavin Shore: We have 240 Chromebooks.", False),
        ("How much was budgeted for Chromebooks?", "Gavin Shore: 240 Chromebooks, about 69,000 in total.", True),
        ("How much does the skip cost?", "Dev: The skip is booked for Saturday 7 March, 9 till 1.", False),  # a day
        ("How much does the skip cost?", "Dev: It's an eight-yard skip, 245.", True),
        ("换电梯要多少钱？", "物业-小刘  2025-11-21 19:18:44\n初步报价是48万元，从维修基金里出。", True),
        ("换电梯要多少钱？", "物业-小刘  2025-11-21 19:12:30\n要三分之二业主签字同意。", False),
        # which one was chosen: a name the question does not hold, not a month
        ("Which safeguarding software was chosen?", "Deborah Mills: Agreed, SafeWatch from April.", True),
        ("Which safeguarding software was chosen?", "The meeting agreed to raise the price from 5 January.", False),
        ("Where is the budget coming from?", "It will be funded from the highways reserve.", True),  # not a place
        # how much was paid for something asks the sum, not where the money came from
        ("How much was paid for grass cutting?", "Payee: Greenways Ltd · Amount: GBP 420.00", True),
        ("How much was paid for grass cutting?", "The grass cutting contract will rise by 9% next year.", False),
        ("How much was paid for grass cutting?", "Grass cutting is paid for from the general reserve.", False),
        ("Where is the budget coming from?", "The fair will be at the Corn Exchange.", False),
        # a measure the question ends on is a number
        ("What is the current onboarding completion rate?", "Carlos: Right now it's 61%.", True),
        ("What is the current onboarding completion rate?", "Carlos: Completion rate of onboarding.", False),
        ("What was the turnout for the ballot?", "Turnout was 43 per cent.", True),
        # what is left to do: what says it is left
        ("What is left to do on the landing page?", "Kevin: the only thing left is the countdown timer", True),
        ("What is left to do on the landing page?", "Kevin: copy is final, design is done.", False),
        ("What's still outstanding on the migration?", "The last piece is refunds.", True),
        ("还剩什么没做？", "只剩下灯光还没有调试。", True),
    ],
)
def test_a_sentence_gives_the_kind_of_thing_asked_for(question: str, text: str, gives_it: bool) -> None:
    gives = answer_form_asked(question)
    assert gives is not None
    passage = Passage("m", "m.txt", 0, len(text), 1, text.count("\n") + 1, text, title="Minutes", score=1.0)
    assert gives(headed_sentences([passage])[-1]) is gives_it


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ("为什么春游推迟了？", True),
        ("服务时长为什么增加了？", True),
        ("在津巴布韦，火参果被称为什么？", False),  # "is called what"
        ("他后来成为什么职位？", False),
        ("这种果实又名为什么？", False),  # "is also named what"
        ("运动会报名为什么少了？", True),  # 报名, "sign-ups"
        ("How come the launch slipped?", True),
        ("Why is the service charge going up?", True),
        ("What caused the outage?", True),
    ],
)
def test_a_question_asks_why(question: str, why: bool) -> None:
    assert (WHY_QUESTION.search(question) is not None) is why


@pytest.mark.parametrize(
    ("question", "text", "gives_it"),
    [
        (
            "What did Alan think of the book?",
            "- Alan is booking a table for 12.\n- Alan thought the video game chapters were the best part.\n",
            ["- Alan thought the video game chapters were the best part."],
        ),
        (
            "What did Ana Ruiz say about the venue?",
            "Ana Ruiz will visit the venue. Ana firmly said the hall is too small.\n",
            ["Ana firmly said the hall is too small."],
        ),
        (  # said aloud, what they think is in their own turns
            "What did Huw David say about the Bill?",
            "Dawn Bowden: Huw David said it would cost more.\nHuw David: It is about the implementation.\n",
            [],
        ),
    ],
)
def test_a_view_asked_of_written_notes_is_the_sentence_that_tells_of_it_by_name(
    question: str, text: str, gives_it: list[str]
) -> None:
    assert sentences_giving_what(question, text) == gives_it


@pytest.mark.parametrize(
    ("question", "text", "gives_it"),
    [
        (
            "验收发现了什么问题？",
            "张监理：水电验收通过了。只有厨房有一个插座位置太低，离台面不到10厘米。\n",
            "只有厨房有一个插座位置太低，离台面不到10厘米。",
        ),
        (
            "What is wrong with the minibus?",
            "The minibus was serviced in May. The tail lift is broken again.\n",
            "The tail lift is broken again.",
        ),
        (
            "What was the problem with Daniel's system design?",
            "Jamal: Daniel was solid. When I pushed on real-time he didn't really have an answer.\n",
            "When I pushed on real-time he didn't really have an answer.",
        ),
        (
            "What is wrong with the projector?",
            "The projector in room 2 was bought in 2019. It still isn't working.\n",
            "It still isn't working.",
        ),
        (
            "What is the main issue with the new rota?",
            "The new rota starts in January. It lacks cover for Sunday mornings.\n",
            "It lacks cover for Sunday mornings.",
        ),
    ],
)
def test_a_fault_asked_for_is_a_sentence_that_tells_of_one(question: str, text: str, gives_it: str) -> None:
    assert sentences_giving_what(question, text) == [gives_it]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Which Android versions crash?", "which"),
        ("Do we know which versions?", "which"),
        ("Whose laptop was it?", "who"),
        ("So how many came?", "how many"),
        ("切换那天晚上谁值班？", "谁"),
        ("培训何时开始？", "什么时候"),
        ("在哪里见面？", "哪里"),  # where, not which
        ("地点在哪？", "哪里"),
        ("十二月读哪本？", "哪"),
        ("Any idea when it lands?", "when"),
        ("What did Tom say about the form?", None),
        ("What did the group think of the price when discussing the budget?", None),  # "when" sets the scene
    ],
)
def test_two_questions_asking_the_same_kind_of_fact_share_it(question: str, kind: str | None) -> None:
    assert kind_asked(question) == kind
