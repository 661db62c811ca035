from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval import Minutebot
from retrieval.answers.composing import ACCOUNT_WORDS, SUMMARY_WORDS, attributed, clean, compose, shorten, wants_account
from retrieval.models import Quote
from retrieval.text.language import word_count
from retrieval.text.turns import without_speaker


def quote(text: str, start: int, speaker: str | None = None) -> Quote:
    return Quote("m", "m.txt", start, start + len(text), 1, 1, text, speaker=speaker)


@pytest.mark.parametrize(
    ("question", "account"),
    [
        ("Summarize the discussion about the remote control style.", True),
        ("What did Marketing think of the scroll wheel?", True),
        ("Why did the Project Manager suggest a clip?", True),
        ("What was discussed about the budget?", True),
        ("会议讨论了哪些问题？为什么？", True),
        ("How many old residential areas were renovated?", False),
        ("Who presided over the meeting?", False),
        ("When is the audit report due?", False),
        ("What's the deadline for the audit report?", False),  # a time, however asked
        ("What is the cost of the new benches?", False),
        ("What does the extra inspector cost?", False),  # the verb
        ("How soon do receipts have to be submitted?", False),
        ("What did the team decide on the cost?", True),  # the noun
        ("What is the plan for the audit?", True),
        ("What was the crash-free rate on Android?", False),  # a figure, by what it measures
        ("What is the current onboarding completion rate?", False),  # three words say what it measures
        ("What is the Black Friday discount?", False),
        ("What is the forecast year-end deficit?", False),
        ("What salary will Kofi be offered?", False),
        ("What threshold will the alert use?", False),
        ("What share of users goes first in the rollout?", False),  # a share
        ("What proportion of the grant is left?", False),
        ("What will the designers share at the review?", True),  # to share, a verb
        ("What was the budget discussion about?", True),  # the discussion, of the budget
        ("What are the target price, target cost and target profit?", True),  # three figures: an account
        ("What was said about the budget?", True),
        ("向哪家银行申请授信？", False),  # which bank
        ("高峰期咨询量是平时的几倍？", False),  # how many times
        ("几乎所有人都同意了什么？", True),  # 几乎: almost, no number asked
        ("Can you tell me about the canary release?", True),  # a request, not a yes-or-no question
        ("Can the canary roll back on its own?", False),
        ("Did you finish the runbook?", False),
    ],
)
def test_wants_account(question: str, account: bool) -> None:
    assert wants_account(question) is account


def test_clean_drops_markup_and_fillers_with_a_mark_and_changes_no_word() -> None:
    assert clean("I think {disfmarker} we should um go with rubber .") == "I think … we should … go with rubber."
    assert clean("Um , so the case is rubber .") == "so the case is rubber."
    assert clean("{vocalsound}") == "{vocalsound}"  # nothing left: shown as said
    assert clean("Yes , it is rubber . {vocalsound}") == "Yes, it is rubber."
    assert clean("there 's all these things that we don't {disfmarker}") == "there's all these things that we don't …"


def test_clean_keeps_the_last_saying_of_a_restart() -> None:
    spoken = "Subtracting the {disfmarker} the mean is {disfmarker} is {disfmarker} is like dividing by it ."
    assert clean(spoken) == "Subtracting … the mean … is like dividing by it."
    assert clean("It {disfmarker} it is , we 're {disfmarker} we 're done .") == "it is … we're done."
    assert clean("the the icons") == "the the icons"  # no mark, nothing dropped: as said
    assert clean("I said {disfmarker} I said no .") == "I said no."  # dropped at the start: no mark needed


def test_clean_joins_a_wrapped_line_of_chinese_with_no_space() -> None:
    assert clean("费用约\n2.6万元，将于下周上门检\n查管道。") == "费用约2.6万元，将于下周上门检查管道。"
    assert clean("in Room 12\n14 people came.") == "in Room 12 14 people came."  # Latin writing keeps its space


def test_clean_drops_a_back_channel_written_as_two_halves() -> None:
    assert clean("Mm - hmm , I think we should go with rubber .") == "I think we should go with rubber."
    assert clean("Uh - huh . So the budget is twelve fifty .") == "So the budget is twelve fifty."
    assert clean("we could , uh - huh , use the T_V_ .") == "we could … use the TV."
    assert clean("the front - end uh - I mean the back - end .") == "the front-end … I mean the back-end."


def test_clean_writes_a_tokenised_transcript_as_written() -> None:
    assert (
        clean("we 're sure it 's rubber , aren't we ? I 'd say 50 % .")
        == "we're sure it's rubber, aren't we? I'd say 50%."
    )
    assert clean("the L_C_D_ screen and T_V_s , like a B_B_C_ remote") == "the LCD screen and TVs, like a BBC remote"
    assert clean("a ' good ' case") == "a ' good ' case"  # a quote mark is no contraction
    # hyphens and plural possessives are split too, but only where the text is tokenised
    assert clean("the front - end , for the guys ' plan .") == "the front-end, for the guys' plan."
    assert clean("Budget - approved in March") == "Budget - approved in March"  # a dash, as typed


def test_clean_drops_you_know_and_i_mean_only_where_they_fill() -> None:
    assert clean("so it 's , you know , rubber .") == "so it's … rubber."
    assert clean("I mean there 's no need for buttons .") == "there's no need for buttons."
    assert clean("if you know what I mean .") == "if you know what I mean."
    assert clean("Do you know the price ?") == "Do you know the price?"


def test_clean_drops_a_back_channel_that_opens_a_sentence() -> None:
    assert clean("Yeah , we have people listening .") == "we have people listening."
    assert clean("Okay. So the remote has two buttons.") == "So the remote has two buttons."
    assert clean("Yeah .") == "Yeah."  # a sentence of its own stays what it is
    assert clean("Right now the budget is fine .") == "Right now the budget is fine."
    assert clean("It is okay , mostly .") == "It is okay, mostly."


def test_a_fact_question_gets_the_best_sentence() -> None:
    ranked = [quote("Budget is twelve Euro fifty per unit .", 50), quote("Okay .", 0)]
    assert compose("How much is the budget?", ranked) == ("Budget is twelve Euro fifty per unit.", [0])


def test_an_account_is_a_few_sentences_in_spoken_order_without_repeats() -> None:
    ranked = [
        quote("The remote should be fancy because young people want something trendy and would pay for it .", 300),
        quote("Young people want something trendy , and they would pay for it , the remote should be fancy .", 500),
        quote("Okay , yeah .", 100),
        quote("2022-06-20 0 By", 0),  # a byline: numbers are no words
        quote("Rubber is more expensive but feels nicer in the hand than hard plastic does .", 200),
        quote("Voice recognition needs a better chip , which costs more than the budget allows for now .", 400),
    ]
    text, used = compose("Summarize the discussion about the remote's style.", ranked)
    assert used == [4, 0, 5]  # by position in the record; the repeat, back-channel and byline are left out
    assert text == " ".join(clean(ranked[i].text) for i in used)
    assert len(text.split()) <= SUMMARY_WORDS[1]


def test_a_back_channel_under_a_long_label_joins_no_account() -> None:
    """ "Industrial Designer: Yeah , I agree ." has one content word: its label's are not what was said."""
    ranked = [
        quote("Marketing: The remote should be fancy because young people want something trendy .", 0, "Marketing"),
        quote("Industrial Designer: Yeah , I agree .", 90, "Industrial Designer"),
        quote("Marketing: Rubber feels nicer in the hand than hard plastic does .", 130, "Marketing"),
    ]
    _, used = compose("Summarize the discussion about the remote's style.", ranked)
    assert used == [0, 2]


def test_the_best_sentence_joins_its_account_however_short() -> None:
    """ "The contract says 95%." was left out of the account of "What does the contract require?" for its two words,
    and the account told of the delivery figures around it instead; a back-channel, with none, still joins none."""
    ranked = [
        quote("The contract says 95%.", 40, "Amira Haddad"),
        quote("Amira Haddad: Their on-time delivery was 88% this year.", 0, "Amira Haddad"),
        quote("Amira Haddad: Mostly the strike at their Leeds plant in June.", 70, "Amira Haddad"),
    ]
    text, used = compose("What does the contract require?", ranked)
    assert 0 in used and "The contract says 95%." in text
    back_channel = [quote("Industrial Designer: Yeah .", 0, "Industrial Designer"), *ranked[1:]]
    assert 0 not in compose("What does the contract require?", back_channel)[1]


def test_a_greeting_opens_no_account_it_is_not_the_best_of() -> None:
    ranked = [
        quote("Tom Berg: The release is blocked by the login bug; we need two more days to fix it", 70, "Tom Berg"),
        quote("Ana Ruiz: Good morning everyone, let's start with the release status.", 0, "Ana Ruiz"),
        quote("Ana Ruiz: Okay, so we move the release to Friday the 11th.", 210, "Ana Ruiz"),
        quote("Tom Berg: and then QA needs one day for regression tests.", 153, "Tom Berg"),
    ]
    text, used = compose("Why is the release blocked?", ranked)
    assert used == [0, 3, 2] and "Good morning" not in text
    _, greeting_first = compose("Why is the release blocked?", [ranked[1], ranked[0]])
    assert greeting_first == [0, 1]  # the best sentence is kept, whatever it opens with


def test_a_summary_asked_for_runs_longer_than_another_account() -> None:
    said = [  # about 20 words each: three make an account, a summary takes a fourth
        "The remote should be fancy because young people want something trendy and would gladly pay a little more for it .",
        "Rubber is more expensive but feels much nicer in the hand than hard plastic does for most of our users .",
        "Voice recognition needs a better chip , which costs more than the budget for this first product allows for now .",
        "A scroll wheel could replace the volume buttons , which saves space on the front of the case for the display .",
        "Bright colours were preferred over black , which looks like every other remote on the market in shops today .",
    ]
    ranked = [quote(text, 100 * i) for i, text in enumerate(said)]
    account, _ = compose("What did they think of the remote's style?", ranked)
    summary, _ = compose("Summarize the discussion about the remote's style.", ranked)
    assert ACCOUNT_WORDS[0] <= len(account.split()) < len(summary.split())
    assert SUMMARY_WORDS[0] <= len(summary.split()) <= SUMMARY_WORDS[1]
    assert compose("总结一下关于老旧小区改造的讨论", ranked)[0] == summary


def test_a_chinese_account_is_as_long_as_an_english_one_not_as_many_sentences() -> None:
    """Chinese puts no spaces between words: each character counts half a word (retrieval/text/language.py)."""
    said = [  # about 20 words each
        "全市新建和改扩建中小学校八所，新增学位一万二千个，教师队伍建设取得新进展。",
        "职业教育加快发展，两所高职院校入选省级示范校，校企合作项目达到四十个。",
        "学前教育普惠率提高到百分之八十五，新建公办幼儿园十二所，入园难问题缓解。",
        "义务教育均衡发展通过国家评估，城乡学校办学条件差距进一步缩小了许多。",
        "高中阶段教育普及率达到百分之九十八，特色高中建设稳步推进，成效明显。",
        "教育信息化水平提升，所有学校接入宽带网络，智慧课堂覆盖全部中心校。",
    ]
    ranked = [quote(text, 100 * i) for i, text in enumerate(said)]
    text, used = compose("会议讨论了教育方面的哪些工作？", ranked)
    assert len(used) == 3  # three of about 20 words each reach the fewest words of an account; four did before
    assert word_count(text) <= ACCOUNT_WORDS[1]


def test_an_account_keeps_to_the_record_of_its_best_sentence() -> None:
    def said(meeting: str, text: str, start: int) -> Quote:
        return Quote(meeting, f"{meeting}.txt", start, start + len(text), 1, 1, text)

    ranked = [
        said("kickoff", "The remote should be fancy because young people want something trendy .", 300),
        said("design", "The case will be rubber , in bright colours , with a scroll wheel on top .", 100),
        said("kickoff", "Rubber is more expensive but feels nicer in the hand than hard plastic .", 200),
    ]
    text, used = compose("Summarize the discussion about the remote's style.", ranked)
    assert used == [2, 0]  # the design meeting's sentence is not run into the kickoff's account
    assert "scroll wheel" not in text


def test_an_account_leaves_out_the_sentences_that_may_not_join_it() -> None:
    housing = quote("Four shantytowns and 128 old residential areas were renovated for 40,000 people .", 300)
    services = quote("549 administrative items are now handled at one window for everyone in the city .", 100)
    question = "What was said about housing and old residential areas?"
    assert compose(question, [housing, services], [True, False]) == (clean(housing.text), [0])
    assert compose(question, [housing, services], [True, True])[1] == [1, 0]  # in the record's order


def test_the_answer_line_says_who_spoke_where_the_speaker_changes() -> None:
    quotes = [
        quote("Marketing: Young people want {disfmarker} something trendy .", 0, "Marketing"),
        quote("They would pay for it .", 60, "Marketing"),  # mid-turn: its line opens with the label
        quote("Project Manager: So a fancy case .", 90, "Project Manager"),
        quote("Date: 12 March .", 130),  # no speaker: a field of the minutes
    ]
    assert attributed(quotes) == (
        "Marketing: Young people want … something trendy. They would pay for it. "
        "Project Manager: So a fancy case. Date: 12 March."
    )


def test_a_role_given_once_in_a_parenthesis_does_not_make_another_speaker() -> None:
    """Parliamentary records label a speaker's first turn with their role, the next turns without it."""
    schulte = "Hon. Deb Schulte"
    quotes = [
        quote(f"{schulte} (Minister of Seniors): We are supporting seniors .", 0, f"{schulte} (Minister of Seniors)"),
        quote(f"{schulte}: This year we invest twice as much .", 60, schulte),
        quote("Mr. Scott Duvall: It is too low .", 110, "Mr. Scott Duvall"),
    ]
    assert attributed(quotes) == (
        f"{schulte} (Minister of Seniors): We are supporting seniors. This year we invest twice as much. "
        "Mr. Scott Duvall: It is too low."
    )


def test_a_heading_or_list_item_is_set_off_from_the_next_sentence() -> None:
    quotes = [quote("Budget review", 0), quote("The budget was approved .", 20), quote("Next steps", 60)]
    assert attributed(quotes) == "Budget review — The budget was approved. Next steps"
    broken_off = [
        quote("Marketing: Yes , of course ,", 0, "Marketing"),
        quote("Industrial Designer: A trend .", 40, "Industrial Designer"),
    ]
    assert attributed(broken_off) == "Marketing: Yes, of course — Industrial Designer: A trend."
    quoted = [quote("他说：「好。」", 0), quote("会议结束。", 10)]  # a closing quote mark ends the sentence
    assert attributed(quoted) == "他说：「好。」会议结束。"
    heading = [quote("一、城市建设", 0), quote("今年改造42个老旧小区。", 10)]  # no space between Chinese sentences
    assert attributed(heading) == "城市建设——今年改造42个老旧小区。"  # its number goes, as a list item's does
    items = [quote("1. 新建中小学8所。", 0), quote("2. 9月1日前完成老旧校舍改造。", 20)]  # after "。", nothing
    assert attributed(items) == "新建中小学8所。9月1日前完成老旧校舍改造。"
    actions = [quote("- [ ] Jun: update the calendar (due May 10)", 0), quote("- [ ] Priya: hire (due May 16)", 50)]
    assert attributed(actions) == "Jun: update the calendar (due May 10) — Priya: hire (due May 16)"  # ")" ends none
    assert attributed([quote("He said “fine.”", 0), quote("Then he left.", 20)]) == "He said “fine.” Then he left."


def test_a_chinese_speaker_is_labelled_as_chinese_records_write_it() -> None:
    quotes = [quote("王市长：今年改造42个老旧小区。", 0, "王市长"), quote("李局长：新建中小学8所。", 20, "李局长")]
    assert attributed(quotes) == "王市长：今年改造42个老旧小区。李局长：新建中小学8所。"


def test_a_fact_answer_is_attributed_too() -> None:
    ranked = [quote("Industrial Designer: The chip costs two Euro .", 0, "Industrial Designer")]
    assert compose("How much does the chip cost?", ranked) == ("Industrial Designer: The chip costs two Euro.", [0])


def test_shorten_cuts_at_a_word_with_an_ellipsis() -> None:
    assert shorten("one two three", 9) == "one two…"


def test_answers_name_the_quotes_they_are_built_from(records_dir: Path, make_core: Callable[..., Minutebot]) -> None:
    core = make_core(records_dir)
    core.index()
    answer = core.ask("What did the team think about the materials and the price of the remote?")
    assert len(answer.answer_quotes) >= 2
    for position in answer.answer_quotes:
        quote = answer.quotes[position]
        assert clean(without_speaker(quote.text, quote.speaker)) in answer.answer
    assert answer.to_dict()["answer_quotes"] == answer.answer_quotes


def turn(text: str, start: int, line: int, speaker: str) -> Quote:
    return Quote("m", "m.vtt", start, start + len(text), line, line, text, speaker=speaker)


def test_a_fact_asked_back_as_a_question_is_answered_with_the_reply() -> None:
    asked = turn("Ana Ruiz: Lea, can you tell the customers?", 0, 4, "Ana Ruiz")
    reply = turn("Lea Novak: Yes, I'll email them today.", 44, 5, "Lea Novak")
    later = turn("Tom Berg: The release is blocked by the login bug.", 90, 6, "Tom Berg")
    line, used = compose("Who will tell the customers?", [asked, later, reply])
    assert line == "Ana Ruiz: Lea, can you tell the customers? Lea Novak: Yes, I'll email them today."
    assert used == [0, 2]


def test_an_account_tells_a_question_asked_with_its_answer() -> None:
    asked = turn("Hefin David AM: How has it gone in the early implementer areas?", 0, 4, "Hefin David AM")
    reply = turn("Huw Irranca-Davies AM: It's gone well: we are learning as we go.", 64, 5, "Huw Irranca-Davies AM")
    others = [
        turn(f"Hefin David AM: The early implementer areas {said}.", 200 + 200 * n, 9 + n, "Hefin David AM")
        for n, said in enumerate(
            (
                "report to the committee in May with their figures for the year and the lessons of the pilot",
                "cover eight local authorities across Wales and about four thousand children in the first year",
                "will be joined by two more authorities next spring once the funding has been agreed by cabinet",
            )
        )
    ]
    line, used = compose("Summarize the discussion about the early implementer areas.", [asked, *others, reply])
    assert 4 in used  # the reply joins, though three sentences rank above it
    assert line.startswith("Hefin David AM: How has it gone in the early implementer areas? Huw Irranca-Davies AM:")


def test_a_reply_that_opens_with_a_yes_or_a_no_goes_on_to_what_it_says() -> None:
    asked = turn("Q (Maya, Sales): Are we still planning to open the Lisbon office this year?", 0, 4, "Q (Maya, Sales)")
    yes = turn("A (Ruth Alvarez): Yes, but later than planned.", 80, 5, "A (Ruth Alvarez)")
    text = "The office opens in October, not in July."
    said = Quote("m", "m.vtt", yes.end_char + 1, yes.end_char + 1 + len(text), 5, 5, text, speaker="A (Ruth Alvarez)")
    later = turn("B (Sam Okoye): The annual pay review happens in September.", 200, 7, "B (Sam Okoye)")
    line, used = compose("When will the Lisbon office open?", [asked, later, yes, said])
    assert used == [0, 2, 3]
    assert line.endswith("Yes, but later than planned. The office opens in October, not in July.")
    no_more = turn("A (Ruth Alvarez): Sure, I'll email them today.", 80, 5, "A (Ruth Alvarez)")
    assert compose("When will the Lisbon office open?", [asked, later, no_more])[1] == [0, 2]


def test_in_an_account_a_reply_that_holds_none_of_the_question_s_words_goes_on() -> None:
    asked = turn("Maria Lopez: Do we have a macro for replying?", 0, 4, "Maria Lopez")
    wrote = turn("Hannah Weiss: I wrote one last night.", 50, 5, "Hannah Weiss")
    text = 'It\'s called "Billing email correction".'
    called = Quote("m", "m.vtt", wrote.end_char + 1, wrote.end_char + 1 + len(text), 5, 5, text, speaker="Hannah Weiss")
    others = [
        turn(f"Kwesi Boateng: The macro {said}.", 200 + 100 * n, 9 + n, "Kwesi Boateng")
        for n, said in enumerate(("should go to every customer who wrote in", "goes out with the corrected invoice"))
    ]
    line, used = compose("What was said about the macro for replying?", [asked, *others, wrote, called])
    assert 3 in used and 4 in used  # the reply and its next sentence, though two rank above them
    assert line.startswith("Maria Lopez: Do we have a macro for replying? Hannah Weiss: I wrote one last night. It's")


@pytest.mark.parametrize(
    "following",
    [
        turn("Ana Ruiz: I will do it myself.", 44, 5, "Ana Ruiz"),  # the same speaker goes on: no reply
        turn("Lea Novak: Yes, I'll email them today.", 44, 9, "Lea Novak"),  # said much later
    ],
)
def test_a_question_without_a_reply_stands_alone(following: Quote) -> None:
    asked = turn("Ana Ruiz: Lea, can you tell the customers?", 0, 4, "Ana Ruiz")
    assert compose("Who will tell the customers?", [asked, following]) == (
        "Ana Ruiz: Lea, can you tell the customers?",
        [0],
    )


def test_the_reply_comes_after_what_the_asker_goes_on_to_say_unless_it_asks_someone_else() -> None:
    asked = turn("Ana Ruiz: Lea, can you tell the customers?", 0, 4, "Ana Ruiz")
    remark = "Several of them have asked."
    going_on = Quote("m", "m.vtt", 43, 43 + len(remark), 4, 4, remark, speaker="Ana Ruiz")
    reply = turn("Lea Novak: Yes, I'll email them today.", 80, 5, "Lea Novak")
    assert compose("Who will tell the customers?", [asked, going_on, reply])[1] == [0, 2]
    request = "And Tom, I need the release notes by Friday."
    turning = Quote("m", "m.vtt", 43, 43 + len(request), 4, 4, request, speaker="Ana Ruiz")
    tom = turn("Tom Berg: Sure, I'll write them up.", 90, 5, "Tom Berg")
    assert compose("Who will tell the customers?", [asked, turning, tom])[1] == [0]  # Tom answers the request


def written(text: str, start: int, line: int) -> Quote:
    return Quote("m", "m.txt", start, start + len(text), line, line, text)


def test_a_question_minutes_tell_of_is_answered_with_the_sentence_after_it() -> None:
    asked = written("A resident of Block C asked when the damp works would start.", 0, 7)
    reply = written("The chair said the agent had promised a schedule by 31 December.", asked.end_char + 1, 7)
    closed = written("The meeting closed at 8.50pm.", reply.end_char + 1, 8)
    line, used = compose("When will the damp works start?", [asked, closed, reply])
    assert line == f"{asked.text} {reply.text}"
    assert used == [0, 2]


def test_an_account_takes_the_reply_to_a_question_minutes_tell_of_though_it_may_not_join_otherwise() -> None:
    """The reply need not name the topic: "What will be done about visitor parking?" is answered by the permit
    scheme, in a sentence that names no parking."""
    asked = written("Another resident asked about parking: the visitor bays are used overnight.", 0, 7)
    reply = written("The committee will propose a permit scheme at the spring meeting.", asked.end_char + 1, 7)
    line, used = compose("What will be done about visitor parking?", [asked, reply], joins=[True, False])
    assert line == f"{asked.text} {reply.text}"
    assert used == [0, 1]


def test_a_question_minutes_tell_of_takes_no_reply_from_the_next_item() -> None:
    asked = written("Tom asked whether pensioners could have a discount; the committee agreed to 25% off.", 0, 7)
    heading = written("4. Open day", asked.end_char + 2, 9)  # after a blank line
    assert compose("Will pensioners get a discount?", [asked, heading]) == (asked.text, [0])


def test_a_question_minutes_tell_of_takes_no_reply_from_a_table_under_it() -> None:
    asked = written("Members asked why the lift at Block B is still broken after six weeks.", 0, 6)
    row = written("Job: Lift control board · Block: B · Status: Waiting for part", asked.end_char + 1, 7)
    line, used = compose("What will be done about the lift at Block B?", [asked, row], joins=[True, False])
    assert (line, used) == (asked.text, [0])


MOTION = "Motion: to move $85,000 from the capital reserve to transport."
SECONDED = "Moved by James Lee, seconded by Maria Gomez."
CARRIED = "Carried 4-1 (Samuel Adeyemi against)."


def test_a_motion_is_answered_with_what_became_of_it() -> None:
    """The outcome written after a motion on its line goes with it, whichever of the two is the best sentence."""
    motion, seconded, carried = written(MOTION, 0, 7), written(SECONDED, 63, 7), written(CARRIED, 108, 7)
    budget = written("The transport budget is overspent by $85,000.", 0, 6)
    whole = f"{MOTION} {SECONDED} {CARRIED}"
    assert compose("Was the transfer to transport approved?", [motion, budget, carried, seconded])[0] == whole
    assert compose("Who voted against the transfer?", [seconded, budget, carried, motion])[0] == whole
    assert compose("Which motions were carried?", [carried, motion, seconded])[0] == whole


def test_a_resolution_proposed_and_lost_is_answered_with_its_vote() -> None:
    resolution = "Resolution 2: that the annual subscription rise from £10 to £15 per household."
    proposed = "Proposed by Olga Petrenko, seconded by Tom Reyes."
    lost = "Lost: 19 for, 31 against, 3 abstentions."
    sentences = [written(resolution, 0, 9)]
    for text in (proposed, lost):
        sentences.append(written(text, sentences[-1].end_char + 1, 9))
    assert compose("Did the subscription increase pass?", sentences)[0] == f"{resolution} {proposed} {lost}"


def test_an_outcome_on_another_line_or_said_in_a_meeting_is_no_motion_s() -> None:
    motion = written(MOTION, 0, 7)
    assert compose("Was the transfer approved?", [motion, written(CARRIED, 70, 8)])[0] == MOTION
    said = turn("Lea Novak: We move it to transport.", 0, 7, "Lea Novak")
    assert compose("Was the transfer approved?", [said, turn("Ana Ruiz: Agreed.", 36, 7, "Ana Ruiz")])[0] == (
        "Lea Novak: We move it to transport."
    )
