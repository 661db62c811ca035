import pytest

from retrieval.questions.query import (
    SETTING_THE_SCENE,
    asks_about_everything,
    meeting_words,
    mentioned_speakers,
    reduce_question,
    speakers_asked_about,
    topic_words_as_written,
)

SPEAKERS = {
    "Project Manager",
    "Marketing",
    "Grad E",
    "PhD A",
    "Professor B",
    "Postdoc G",
    "Hon. Navdeep Bains",
    "Huw Irranca-Davies AM",
    "The Chair",
    "Right Hon. Justin Trudeau (Prime Minister)",
    "Right Hon. Justin Trudeau",
    "Hon. Deb Schulte (Minister of Seniors)",
    "Hon. Deb Schulte",
    "The Acting Chair (Mr. Bruce Stanton)",
    "李局长",
    "王市长",
    "Hon. Bill Morneau",
    "Hon. Bill Blair",
    "Julie Morgan AM",
    "Eluned Morgan",
    "Mei Chen",
    "Ludwig van Beethoven",
}


@pytest.mark.parametrize(
    ("question", "reduced"),
    [
        ("Summarize the discussion about setting up the recording equipment", "setting up recording equipment"),
        ("What did the team think of the rubber case?", "rubber case"),
        ("Summarize the presentation on the prototype.", "prototype"),  # a presentation frames, as a discussion
        ("What did Marketing present about the trends?", "Marketing trends"),
        ("What was said?", "What was said?"),  # nothing left: search with the question itself
        ("Who was at the meeting?", "Who was at the meeting?"),  # "at" is left, no word to search for
        ("总结一下城市建设方面的内容", "城市建设 的"),  # Chinese, as jieba cuts it
        ("尤金袋鼠为什么会被认为是害虫？", "尤金袋鼠为什么会被认为是害虫"),  # "被认为" says something
        ("会议内容", "会议内容"),
        ("冰雪文化节什么时候举办？", "冰雪文化节什么 举办"),  # "时候" of "什么时候" asks when, as "when" does
        ("What's blocking the Postgres upgrade?", "blocking Postgres upgrade"),  # "what's" frames as "what is"
        ("What're the risks?", "risks"),
        ("What are Tom's action items?", "Tom's action"),  # a name's "'s" is no contraction of a framing word
        ("Summarize the group's plan.", "group's plan"),  # nor is a noun's
        ("How long did the outage last?", "outage"),  # how long it lasts: a length of time, no topic
        ("What does the extra inspector cost?", "extra inspector"),  # what it costs: an amount, no topic
        ("How much will the roof cost?", "will roof cost"),  # "cost" finds the sentence that gives the sum
        ("How long did checkout take after the redesign?", "checkout after redesign"),  # a clause after the verb
        ("How long will the cost review take?", "will cost review"),  # the cost reviewed is a topic
        ("Why did the rollback take so long?", "rollback take"),  # "so long" says what is asked, no topic
        ("Why is the review taking this long?", "review taking"),
        ("Why did the book take so long to print?", "book take print"),
        ("How many trees were planted?", "trees planted"),
        ("When is the next meeting?", "next meeting"),  # the next meeting is a topic, not framing
        ("When is the next trustees meeting?", "next trustees meeting"),  # the trustees' next meeting
        ("What did the board decide at the meeting?", "board decide at"),  # "meeting" frames here
    ],
)
def test_reduce_question_drops_framing_words(question: str, reduced: str) -> None:
    assert reduce_question(question) == reduced


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("What did Project Manager think of the budget?", {"Project Manager"}),
        ("What did Bains say about jobs?", {"Hon. Navdeep Bains"}),
        ("What did Huw Irranca-Davies AM propose?", {"Huw Irranca-Davies AM"}),
        ("Summarize the marketing strategy discussion", set()),  # a topic, not the speaker 'Marketing'
        ("What did Grad E report?", {"Grad E"}),
        ("What did the grad students decide?", set()),
        ("What did the Professor think about the results?", {"Professor B"}),  # one person holds the role
        ("what was the professor's take on latency?", {"Professor B"}),
        ("What did the postdoc think of the notes?", {"Postdoc G"}),
        ("What did the professors say?", set()),  # a role of several is no one speaker
        ("What did E think about the disks?", {"Grad E"}),  # speakers told apart by letter, as in ICSI meetings
        ("What did A and E say, and what was E's view?", {"PhD A", "Grad E"}),
        ("A remote with one button: who wanted it?", set()),  # an opening "A" is a word
        ("What did the group think of A/B testing and of plan A?", set()),
        # parliamentary records give a role once, in a parenthesis; it names the person's later turns too
        (
            "What did the Prime Minister say?",
            {"Right Hon. Justin Trudeau (Prime Minister)", "Right Hon. Justin Trudeau"},
        ),
        ("What did Schulte say?", {"Hon. Deb Schulte (Minister of Seniors)", "Hon. Deb Schulte"}),
        ("What did the Minister say?", set()),  # a word of a role is not the role
        ("What did the Chair say?", {"The Chair"}),  # a label's "The" is "the" in a sentence
        ("What did the Acting Chair say?", {"The Acting Chair (Mr. Bruce Stanton)"}),
        ("what did the chair say?", {"The Chair"}),  # a role, in any case
        ("What did Stanton say?", {"The Acting Chair (Mr. Bruce Stanton)"}),  # named in a role's parenthesis
        ("李局长说了什么？", {"李局长"}),  # Chinese runs its words together
        ("王市长对安全怎么看？", {"王市长"}),
        # a part of one name within another's: the other is named
        ("What did Bill Morneau say about rent relief?", {"Hon. Bill Morneau"}),
        ("What did Eluned Morgan think of further education?", {"Eluned Morgan"}),
        ("What did Morgan say?", {"Julie Morgan AM", "Eluned Morgan"}),  # either
        ("What did Bill Morneau and Bill Blair say?", {"Hon. Bill Morneau", "Hon. Bill Blair"}),
        ("What did Mei say about returns?", {"Mei Chen"}),  # a short first name
        ("What was in the van?", set()),  # a particle of a name is in lower case
    ],
)
def test_mentioned_speakers(question: str, named: set[str]) -> None:
    assert mentioned_speakers(question, SPEAKERS) == named


def test_a_letter_within_a_label_the_question_names_is_no_other_speaker_s() -> None:
    assert mentioned_speakers("What did Grad E report?", {"Grad E", "Professor E"}) == {"Grad E"}
    assert mentioned_speakers("What did E report?", {"Grad E", "Professor E"}) == {"Grad E", "Professor E"}


@pytest.mark.parametrize(
    ("question", "everything"),
    [
        ("Summarize the meeting.", True),
        ("What was discussed?", True),
        ("总结一下会议", True),
        ("What did we discuss in the last meeting?", True),
        ("Can you give me a quick recap?", True),
        ("What were the main points of today's meeting?", True),
        ("What happened in the meeting?", True),
        ("上次会议讨论了什么？", True),
        ("会议的主要内容是什么？", True),
        ("Summarize the whole meeting.", True),
        ("Summarize the report.", True),  # the record named by its kind
        ("Summarize the minutes.", True),
        ("Summarize the stand-up.", True),  # what teams call their meetings
        ("What happened in the sync?", True),
        ("What is this document about?", True),
        ("总结一下这份报告", True),
        ("这篇文章讲了什么？", True),
        ("会议纪要的主要内容是什么？", True),
        ("Summarize the discussion about the budget.", False),
        ("What is the capital of France?", False),
        ("Summarize the recap of the last meeting.", False),  # a QMSum question: about the recap, within a meeting
        ("Summarize the discussion on the pragmatic overview of the project.", False),
        ("What happened to the budget?", False),
        ("会议讨论了教育方面的哪些问题？", False),
        ("What did the report say about housing?", False),
        ("When was the meeting held?", False),  # all framing, but a question about one fact
        ("Who was at the meeting?", False),
        ("会议在什么时候召开？", False),
        ("Summarize the report on housing.", False),
        ("Summarize the presentations.", True),
        ("Summarize the presentation on functional requirements.", False),
        ("What was the questioning about the reports on long-term care facilities?", False),  # QMSum's
        ("报告中提到的棚户区有多少？", False),
    ],
)
def test_a_question_that_is_all_framing_asks_about_everything(question: str, everything: bool) -> None:
    assert asks_about_everything(question) is everything


def test_words_that_only_ask_for_a_summary_stay_in_the_search() -> None:
    assert reduce_question("What did we decide about the budget today?") == "we decide budget today"


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What did Project Manager say?", {"Project Manager"}),
        ("Summarize what Bains said in the meeting.", {"Hon. Navdeep Bains"}),
        ("What were Schulte's views?", {"Hon. Deb Schulte (Minister of Seniors)", "Hon. Deb Schulte"}),
        ("What did E think?", {"Grad E"}),
        ("李局长说了什么？", {"李局长"}),
        ("王市长对安全说了什么？", set()),  # a subject: 安全
        ("What did Project Manager say about the budget?", set()),  # a subject
        ("What did Grad E say about his proposal?", set()),  # framing words, but about a subject all the same
        ("What did Project Manager think of the project?", set()),
        ("What did Project Manager decide on the budget?", set()),
        ("Who is Project Manager?", set()),  # not what they said
        ("What did the group say?", set()),  # no one named
    ],
)
def test_speakers_asked_about(question: str, asked: set[str]) -> None:
    assert speakers_asked_about(question, SPEAKERS) == asked


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("What did the parks committee discuss?", {"park", "committe"}),
        ("Summarize the IT steering group meeting.", {"steer"}),
        ("What happened at the design sync?", {"design", "sync"}),
        ("What happened at the last platform weekly?", {"platform", "week"}),  # the latest of a series
        ("Summarize the latest design sync.", {"design", "sync"}),
        ("What is a canary release?", set()),  # asks what a thing is
        ("Who chaired the parks committee meeting?", set()),  # asks for one fact
    ],
)
def test_the_words_that_may_name_a_meeting_asked_about_as_a_whole(question: str, words: set[str]) -> None:
    assert meeting_words(question) == words


def test_the_topic_words_as_written_leave_out_framing_function_and_standing_words() -> None:
    assert topic_words_as_written("What is the status of the CFO's budget for the roof-repair?") == [
        "CFO",
        "budget",
        "roof-repair",
    ]
    assert topic_words_as_written("会议讨论了什么？") == []  # English words only


@pytest.mark.parametrize(
    ("question", "scene"),
    [
        (
            "What did Marketing think of buttons when discussing the functional design?",
            " discussing the functional design?",
        ),
        ("Why was it dropped while presenting the trends?", " presenting the trends?"),
        ("What was said during the evaluation?", " the evaluation?"),
        ("When did the outage happen?", None),  # asks when
        ("What did they decide about when to meet?", None),  # the subject is when
    ],
)
def test_a_closing_clause_sets_the_scene(question: str, scene: str | None) -> None:
    found = SETTING_THE_SCENE.search(question)
    assert (question[found.end() :] if found else None) == scene
