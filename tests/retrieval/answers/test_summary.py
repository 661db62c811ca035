from retrieval.answers.summary import summary_sentences
from retrieval.models import Passage
from retrieval.text.language import word_count

MEETING = """Chair: Good morning.
Ana: The parks programme budget is twelve thousand euros this year.
Tom: Yeah.
Ana: The parks programme budget covers planting and playground repairs.
Tom: What about the playground repairs?
Ana: The playground repairs start in May and the parks budget pays for them.
Lea: Lunch was nice today, thanks for organising it everyone.
"""


def passages_of(text: str, meeting: str = "m") -> list[Passage]:
    """The record as two passages, cut at a line, as indexing cuts records."""
    cut = text.index("\n", len(text) // 2) + 1
    lines = text[:cut].count("\n")
    return [
        Passage(meeting, f"{meeting}.txt", 0, cut, 1, lines, text[:cut]),
        Passage(meeting, f"{meeting}.txt", cut, len(text), lines + 1, text.count("\n"), text[cut:]),
    ]


def test_a_summary_opens_with_what_the_record_says_most() -> None:
    [best] = summary_sentences(passages_of(MEETING), lambda term: 1.0, words=(1, 30))
    assert best.text == "Ana: The parks programme budget covers planting and playground repairs."


def test_a_summary_passes_over_questions_and_back_channels_and_keeps_the_order_they_were_said_in() -> None:
    chosen = summary_sentences(passages_of(MEETING), lambda term: 1.0, words=(20, 40))
    texts = [quote.text for quote in chosen]
    assert len(texts) > 1 and not any(text.endswith(("?", "Yeah.", "morning.")) for text in texts)
    assert [quote.start_char for quote in chosen] == sorted(quote.start_char for quote in chosen)
    assert all(MEETING[quote.start_char : quote.end_char] == quote.text for quote in chosen)


def test_a_summary_is_as_long_as_asked() -> None:
    chosen = summary_sentences(passages_of(MEETING), lambda term: 1.0, words=(12, 30))
    said = sum(len(quote.text.split(": ", 1)[-1].split()) for quote in chosen)
    assert 12 <= said <= 30


def test_words_every_record_uses_decide_less() -> None:
    """IDF: 'parks' and 'budget' are in most records of the index, the playground repairs only in this one."""
    common = {"park": 0.1, "budget": 0.1, "programm": 0.1}
    [by_count] = summary_sentences(passages_of(MEETING), lambda term: 1.0, words=(1, 30))
    [by_weight] = summary_sentences(passages_of(MEETING), lambda term: common.get(term, 1.0), words=(1, 30))
    assert by_count.text.startswith("Ana: The parks programme budget covers")
    assert by_weight.text.startswith("Ana: The playground repairs start in May")


def test_a_chinese_summary_is_measured_in_characters_not_in_sentences() -> None:
    """Chinese puts no spaces between words: counted by spaces, each sentence would be one word, and the whole
    record would be taken."""
    text = "".join(f"第{n}次会议决定新建中小学{n}所，并改造老旧小区{n}个。\n" for n in range(1, 21))
    chosen = summary_sentences(passages_of(text), lambda term: 1.0, words=(65, 90))
    assert 2 <= len(chosen) < 20
    assert sum(word_count(quote.text) for quote in chosen) <= 90


def test_a_record_of_short_sentences_is_still_summed_up() -> None:
    text = "Budget approved.\nParks closed.\n"
    assert [quote.text for quote in summary_sentences(passages_of(text), lambda term: 1.0)] == [
        "Budget approved.",
        "Parks closed.",
    ]


def test_a_summary_of_minutes_passes_over_their_date_line_and_headings() -> None:
    """Minutes as written in Chinese: a labelled date line and numbered headings say when and which section, and
    sum up nothing."""
    minutes = (
        "# 教育工作会议纪要\n\n时间：2025年3月5日 上午9:00\n出席：张明、李华、王芳\n\n一、会议讨论\n"
        "李华汇报了今年招聘教师的情况，计划招聘120名教师。\n\n二、会议决定\n1. 新建中小学8所。\n"
        "2. 9月1日前完成老旧校舍改造。\n\n三、待办事项\n1. 王芳负责制定招聘方案，3月20日前完成。\n"
    )
    chosen = [quote.text for quote in summary_sentences(passages_of(minutes), lambda term: 1.0)]
    assert chosen[0] == "李华汇报了今年招聘教师的情况，计划招聘120名教师。"
    assert not any(text.startswith(("时间", "一、", "二、", "三、")) for text in chosen), chosen


def test_what_a_speaker_said_keeps_a_proposal_put_as_a_question() -> None:
    """ "Could we hold back…?" and "Why don't we…?", after her label, are what Grace suggested; "When do we hear…?"
    is a question, passed over."""
    call = (
        "Grace Liu: I'm uncomfortable setting a deficit budget two years running. Could we hold back the second "
        "outreach worker post until we know about the lottery bid?\n"
        "Sarah Whitfield: When do we hear about the lottery bid?\n"
        "Grace Liu: When do we hear about the lottery bid, do you know?\n"
        "Grace Liu: Why don't we move the budget meeting to January instead?\n"
    )
    chosen = summary_sentences(passages_of(call), lambda term: 1.0, speakers={"Grace Liu"}, words=(40, 80))
    texts = [quote.text for quote in chosen]
    assert "Could we hold back the second outreach worker post until we know about the lottery bid?" in texts
    assert "Grace Liu: Why don't we move the budget meeting to January instead?" in texts
    assert not any(text.startswith("Grace Liu: When do we hear") for text in texts)
