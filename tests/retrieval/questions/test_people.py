import pytest

from retrieval.models import Quote
from retrieval.questions.attendance import attendees
from retrieval.questions.people import (
    could_name_a_person,
    gives_a_task,
    gives_the_task,
    opens_taking_it_on,
    opens_taking_on_a_task,
    people_of,
    person_asked,
    task_asked,
    task_of_someone_asked,
)


def test_one_record_s_attendance_line_says_nothing_of_another_record_s_speakers() -> None:
    """A town council's "PRESENT:" line lists none of a stand-up's speakers, who are people all the same."""
    council = Quote("council", "council.txt", 0, 40, 1, 1, "PRESENT: Cllr R. Patel (Mayor), Cllr S. Okafor")
    said = Quote("standup", "standup.vtt", 0, 50, 1, 1, "Sofia Marin: I'm blocked on staging.", speaker="Sofia Marin")
    assert "Sofia Marin" in people_of([council, said], [attendees(council.text), attendees(said.text)])


def test_where_no_one_is_listed_a_label_in_lower_case_is_a_topic() -> None:
    """Notes with no attendance line: "Next book: …" is what the line is about, and "Maggie: …" is Maggie's line."""
    lines = [("Next book", "Next book: Demon Copperhead."), ("Maggie", "Maggie: the ending felt rushed.")]
    quotes = [Quote("club", "club.txt", 0, len(text), 1, 1, text, speaker=label) for label, text in lines]
    assert people_of(quotes, [attendees(quote.text) for quote in quotes]) == {"Maggie"}


@pytest.mark.parametrize(
    ("label", "person"),
    [
        ("Ana de Souza", True),
        ("marco", True),
        ("Christmas social", False),
        ("Hon. Ahmed Hussen (Minister of Families, Children and Social Development)", True),  # a seat or a role
        ("Minister of Finance", True),
    ],
)
def test_a_label_could_name_a_person(label: str, person: bool) -> None:
    assert could_name_a_person(label) is person


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Who will apply for the event notice?", True),
        ("And who's going to chair it?", True),
        ("Who is going to chair the AGM?", True),
        ("谁去确认主播档期？", True),
        ("Who proposed the heaters?", False),
        ("Who's chasing legal?", True),  # who is doing it
        ("Who is fixing the crash?", True),
        ("Who is the treasurer?", False),
    ],
)
def test_a_question_asks_who_will_do_something(question: str, asks: bool) -> None:
    assert task_asked(question) is asks


@pytest.mark.parametrize(
    ("said", "gives"),
    [
        ("Rosa Martin: Ken can you apply this week?", True),  # turns to someone by name
        ("Ken Liu: will do tomorrow", True),  # takes it on
        ("Ken Liu: I'll apply tomorrow.", True),
        ("Ken Liu: I can't apply this week.", False),
        ("Amy Shaw: Priya will put a call out.", True),  # someone who is not speaking takes it on
        ("Ken Liu: Mulled wine: we need a temporary event notice from the council.", False),  # whose turn it is
        ("Amy Shaw: Call the council today and send them Rosa's plan.", False),  # whose plan, not who will send it
        ("Amy Shaw: Rosa's going to call the council.", True),  # "'s" for "is"
        ("Amy Shaw: Rosa's on it.", True),
    ],
)
def test_a_turn_says_who_will_do_something_in_its_words(said: str, gives: bool) -> None:
    speaker = said.split(":")[0]
    turn = Quote("chat", "chat.txt", 0, len(said), 1, 1, said, speaker=speaker)
    assert gives_the_task(turn, {"Rosa Martin", "Ken Liu", "Amy Shaw"}) is gives


@pytest.mark.parametrize(
    ("text", "takes_it_on"),
    [
        ("Sofia's on it.", True),
        ("Dev is looking into it.", True),
        ("Marek's handling it.", True),
        ("Owen Price will report them to the council again.", True),
        ("Sofia's laptop is on the desk.", False),
        ("Sofia is on holiday.", False),
        ("It's on it.", False),
        ("The team is on it.", False),  # no name
        ("Leah Brandt and Omar Said were elected; one seat is vacant.", True),  # several names
        ("Leah Brandt, Omar Said and J. Frost have been appointed to the panel.", True),
        ("Leah Brandt and Omar Said will draft the terms.", True),
        ("Pay and Conditions were reviewed.", False),  # no one named, and no role taken
        ("They and the others were elected.", False),
    ],
)
def test_a_name_opens_taking_on_a_task(text: str, takes_it_on: bool) -> None:
    assert opens_taking_on_a_task(text) is takes_it_on


@pytest.mark.parametrize(
    ("said", "takes_it_on"),
    [
        ("I can take it.", True),
        ("Sure, I'll ask them.", True),
        ("我来负责。", True),
        ("Okay.", False),
        ("Sofia can take it.", False),  # someone else
    ],
)
def test_a_speaker_opens_taking_a_task_on_themselves(said: str, takes_it_on: bool) -> None:
    assert opens_taking_it_on(said) is takes_it_on


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("记录：陈晓", True),
        ("**记录：** 办公室 韩雪", True),  # a bold label, as Markdown minutes write their fields
        ("**Minutes:** Leo Barnes", True),
        ("**Owner:** Tom", True),
        ("**Minutes:** approved as a true record.", False),
        ("**Notes:** Owen", True),  # a first name alone on its line, as a team's notes name who kept them
        ("Minutes: Approved.", False),
        ("Notes: None", False),
    ],
)
def test_a_field_of_people_says_who(line: str, says: bool) -> None:
    says_who = person_asked("Who is responsible?", set(), set())
    assert says_who is not None
    assert says_who(Quote("m", "m.md", 0, len(line), 1, 1, line)) is says


@pytest.mark.parametrize(
    ("question", "line", "says"),
    [
        ("Who took the notes?", "**Notes:** Owen", True),
        ("Who took the notes?", "- [x] Maya: publish v3.2 release notes", False),  # names someone, but no keeper
        ("Who took the minutes?", "Minutes taken by Jen Ward.", True),
        ("Who was the note-taker?", "Chair: Gary Lomax", False),
        ("谁做的记录？", "记录：陈丽", True),
        ("会议记录是谁？", "- **记录**：冯晓雪", True),  # a list's item, the bold closed before the colon
        ("谁做的记录？", "主持：周建国（项目经理）", False),
    ],
)
def test_asked_who_kept_the_minutes_only_their_keeper_says_who(question: str, line: str, says: bool) -> None:
    says_who = person_asked(question, set(), {"Maya Lin", "Owen Price"})  # the attendance line lists them
    assert says_who is not None
    assert says_who(Quote("m", "m.md", 0, len(line), 1, 1, line)) is says


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("What will Grace do?", True),
        ("What is Tom going to do?", True),
        ("What has Ana agreed to do about the codes?", True),
        ("李明要做什么？", True),
        ("What will we do?", False),  # what the meeting settled on, not someone's task
        ("What did Grace say?", False),
    ],
)
def test_a_question_asks_what_someone_is_to_do(question: str, asks: bool) -> None:
    assert task_of_someone_asked(question) is asks


@pytest.mark.parametrize(
    ("said", "speaker", "gives"),
    [
        ("Yep, I'll have that by Wednesday.", "Grace Obi", True),  # taken on
        ("Grace, can you pull the code tickets from October?", "Priya Natarajan", True),  # asked of her by name
        ("J. Okafor will run the test with P. Quinn.", None, True),  # a member named by an initial
        ("Support gets a lot of tickets about codes.", "Grace Obi", False),
        ("Collection will be on 23 and 24 December only.", None, False),  # what a thing will be
        ("Freya will lead a new corporate partners scheme.", None, True),
    ],
)
def test_a_sentence_gives_someone_a_task(said: str, speaker: str | None, gives: bool) -> None:
    sentence = Quote("m", "m.txt", 0, len(said), 1, 1, said, speaker=speaker)
    assert gives_a_task(sentence, {"Grace Obi", "Priya Natarajan"}) is gives


def test_a_member_named_by_initials_says_who() -> None:
    says_who = person_asked("Who will run the fitness test?", set(), set())
    assert says_who is not None
    assert says_who(Quote("m", "m.md", 0, 40, 1, 1, "J. Okafor will run the test with P. Quinn."))
    assert says_who(Quote("m", "m.md", 0, 40, 1, 1, "Repairs were proposed by S. Marsh."))
    assert not says_who(Quote("m", "m.md", 0, 40, 1, 1, "Both have been invited to the fitness test."))
    assert not says_who(Quote("m", "m.md", 0, 40, 1, 1, "In 1994 Thomas R. Holtz named the clade."))  # a middle name


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("Action: Lucy Ng to sign the Ecotricity contract before 15 December.", True),
        ("J. Okafor to book the hall.", True),
        ("Plans to expand the car park were discussed.", False),  # one capitalised word is no name
        ("Lucy reported that the electricity contract ends in January.", False),
    ],
)
def test_an_action_item_names_its_owner_before_what_they_are_to_do(line: str, says: bool) -> None:
    says_who = person_asked("Who will sign the electricity contract?", set(), set())
    assert says_who is not None
    assert bool(says_who(Quote("m", "m.docx", 0, len(line), 1, 1, line))) is says
