import pytest

from retrieval.attendance import attendees
from retrieval.models import Quote
from retrieval.people import gives_the_task, people_of, person_asked, task_asked


def test_one_record_s_attendance_line_says_nothing_of_another_record_s_speakers() -> None:
    """A town council's "PRESENT:" line lists none of a stand-up's speakers, who are people all the same."""
    council = Quote("council", "council.txt", 0, 40, 1, 1, "PRESENT: Cllr R. Patel (Mayor), Cllr S. Okafor")
    said = Quote("standup", "standup.vtt", 0, 50, 1, 1, "Sofia Marin: I'm blocked on staging.", speaker="Sofia Marin")
    assert "Sofia Marin" in people_of([council, said], [attendees(council.text), attendees(said.text)])


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Who will apply for the event notice?", True),
        ("And who's going to chair it?", True),
        ("Who is going to chair the AGM?", True),
        ("谁去确认主播档期？", True),
        ("Who proposed the heaters?", False),
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
    ],
)
def test_a_turn_says_who_will_do_something_in_its_words(said: str, gives: bool) -> None:
    speaker = said.split(":")[0]
    turn = Quote("chat", "chat.txt", 0, len(said), 1, 1, said, speaker=speaker)
    assert gives_the_task(turn, {"Rosa Martin", "Ken Liu", "Amy Shaw"}) is gives


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("记录：陈晓", True),
        ("**记录：** 办公室 韩雪", True),  # a bold label, as Markdown minutes write their fields
        ("**Minutes:** Leo Barnes", True),
        ("**Owner:** Tom", True),
        ("**Minutes:** approved as a true record.", False),
    ],
)
def test_a_field_of_people_says_who(line: str, says: bool) -> None:
    says_who = person_asked("Who took the minutes?", set(), set())
    assert says_who is not None
    assert says_who(Quote("m", "m.md", 0, len(line), 1, 1, line)) is says
