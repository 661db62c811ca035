import pytest

from retrieval.questions.quantities import (
    change_asked,
    count_asked,
    gives_a_length,
    gives_a_number,
    gives_a_share,
    lengths_in,
    price_asked,
    without_counts_of,
)


@pytest.mark.parametrize(
    ("question", "sentence", "gives"),
    [
        ("今年要新建多少所学校？", "会议决定，今年将新建中小学8所，新增学位1.2万个。", True),
        ("今年要新建多少所学校？", "会议要求，9月1日前新建学校全部投入使用。", False),  # a date, not schools
        ("今年计划改造多少个老旧小区？", "今年改造老旧小区四十二个。", True),  # a number in Chinese numerals
        ("则多少分钟内不得进行配对？", "中离者4分钟内不得进行配对。", True),
        ("How many old residential areas were renovated?", "128 old residential areas were renovated.", True),
        ("How many shantytowns were renovated?", "Four shantytowns covering 150,000 square meters.", True),
        ("How many schools will be built?", "By 1 September all schools open.", False),  # a date
        ("How many beta testers use the app?", "One more thing, the beta testers.", False),  # not across a comma
        ("How many beta testers use the app?", "We have 230 beta testers, about 80 active.", True),
        ("How many people came?", "Attendance was 1,200 people.", True),
        ("How many merchants were affected?", "One merchant's endpoint began taking over 60 seconds.", False),
        ("How many merchants were affected?", "About 1,900 merchants received late confirmations.", True),
        ("How many schools will be built?", "We spent 3 million on schools.", False),  # too far from the number
        ("How many cities joined?", "Two cities joined.", True),  # a plural as its singular
        ("How many call-outs were there this month?", "Three call-outs this month against seven.", True),  # hyphenated
        ("How many people came?", "Twenty-five people came.", True),  # a number in hyphenated words
        ("How many on-call engineers are there?", "We have two on-call engineers.", True),
        ("How big is Acme's service credit?", "So they're entitled to a 10% credit on November's invoice.", True),
        ("How big is Acme's service credit?", "Fifty-two minutes takes them below 99.9%, so a credit is due.", False),
        ("How large is the grant?", "The fund offered a £2,500 grant for books.", True),
    ],
)
def test_a_sentence_gives_the_count_a_question_asks_for(question: str, sentence: str, gives: bool) -> None:
    gives_count = count_asked(question)
    assert gives_count is not None
    assert gives_count(sentence) is gives


@pytest.mark.parametrize(
    "question",
    [
        "What was discussed about the budget?",
        "会议讨论了哪些问题？",
        "How much?",
        "How long was the latency?",
        "How much is the spring campaign budget?",
    ],
)
def test_a_question_that_counts_nothing(question: str) -> None:
    assert count_asked(question) is None


@pytest.mark.parametrize(
    ("sentence", "gives"),
    [
        ("The queue filled up for 40 minutes after a bad deploy.", True),
        ("The contractor needs three more weeks to replace the surface.", True),
        ("A Saturday, with a two-hour window.", True),
        ("The recursion adds fifty milliseconds.", True),
        ("Chloe said the merge would take about two sprints.", True),  # a team's unit of time
        ("主跑道长1,980米。", True),
        ("条约有效期二十年。", True),
        ("Write the postmortem by March 14.", False),  # a date is no length
        ("Finance is fine, as long as the reports land before 7 am.", False),
        ("会议于2022年召开。", False),  # a year
        ("会议于二〇二二年召开。", False),
        ("花期1-3月。", False),  # months of the year
        ("He proposed a second pharmacist on the evening rota.", False),  # one more, not a second of time
        ("The failover took a minute and a second check passed.", True),
    ],
)
def test_a_sentence_gives_a_length(sentence: str, gives: bool) -> None:
    assert gives_a_length(sentence) is gives


@pytest.mark.parametrize(
    ("sentence", "gives"),
    [
        ("HOST: Last one, what happens with the four-day week pilot?", False),  # the pilot's name, not its length
        ("The four day week pilot is extended by six weeks.", True),
    ],
)
def test_a_length_the_question_names_of_its_topic_gives_none(sentence: str, gives: bool) -> None:
    assert gives_a_length(sentence, lengths_in("How long is the four-day week pilot extended?")) is gives


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("How much has the standing charge gone up?", True),
        ("How much will plot rent go up?", True),
        ("By how much was the fee increased?", True),
        ("物业费涨了多少？", True),
        ("How much will the roof repair cost?", False),
        ("物业费是多少？", False),
    ],
)
def test_a_question_may_ask_by_how_much_something_changed(question: str, asked: bool) -> None:
    assert change_asked(question) is asked


@pytest.mark.parametrize(
    ("sentence", "share"),
    [
        ("The water company has raised the standing charge by 14%.", True),
        ("Turnover rose 3.5 per cent.", True),
        ("退货率达到了百分之十二。", True),
        ("The annual water bill will be about £1,150.", False),
        ("工作已经完成。", False),
    ],
)
def test_a_share_is_a_percentage(sentence: str, share: bool) -> None:
    assert gives_a_share(sentence) is share


@pytest.mark.parametrize(
    ("sentence", "in_words", "gives"),
    [
        ("Carried 4-1.", False, True),
        ("That's nine.", True, True),
        ("That's nine.", False, False),  # written records give counts in figures
        ("一共八十万，比去年多了十万。", True, True),
        ("客服平均响应时间是四分钟。", True, True),
        ("That's the one customers ask for most.", True, False),  # "one" as a pronoun
        ("这个方案十分重要。", True, False),  # 十分: "very"
        ("Faithfully support the two establishments.", False, False),
    ],
)
def test_a_number_said_aloud_may_be_in_words(sentence: str, in_words: bool, gives: bool) -> None:
    assert gives_a_number(sentence, in_words=in_words) is gives


@pytest.mark.parametrize(
    ("sentence", "left"),
    [
        ("We have 240 Chromebooks that go out of support.", "We have  Chromebooks that go out of support."),
        ("240 old Chromebooks cost 69,000.", " old Chromebooks cost 69,000."),
        ("Replace them by 1 September, Chromebooks first.", "Replace them by 1 September, Chromebooks first."),
        ("Fifty thousand.", "Fifty thousand."),
    ],
)
def test_a_number_that_counts_the_words_named_is_left_out(sentence: str, left: str) -> None:
    assert without_counts_of({"chromebook"}, sentence) == left


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What is the new rent for the warehouse?", True),  # a word or two before the noun
        ("What is the annual membership fee?", True),
        ("What is the budget?", True),
        ("How much money does the association have?", True),
        ("What are the main cost drivers?", False),  # the noun does not end the phrase
        ("What did the council decide about the budget?", False),
    ],
)
def test_a_question_may_ask_for_a_price(question: str, asked: bool) -> None:
    assert price_asked(question) is asked
