from retrieval.attendance import attendees
from retrieval.models import Quote
from retrieval.people import people_of


def test_one_record_s_attendance_line_says_nothing_of_another_record_s_speakers() -> None:
    """A town council's "PRESENT:" line lists none of a stand-up's speakers, who are people all the same."""
    council = Quote("council", "council.txt", 0, 40, 1, 1, "PRESENT: Cllr R. Patel (Mayor), Cllr S. Okafor")
    said = Quote("standup", "standup.vtt", 0, 50, 1, 1, "Sofia Marin: I'm blocked on staging.", speaker="Sofia Marin")
    assert "Sofia Marin" in people_of([council, said], [attendees(council.text), attendees(said.text)])
