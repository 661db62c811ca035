import pytest

from retrieval.answers.quotes import (
    introduces_its_meeting,
    is_front_matter,
    names_its_meeting,
    quote_at,
    sentence_quotes,
    title_terms,
    titles_holding,
)
from retrieval.models import Passage, Quote


def test_a_first_line_that_is_a_sentence_or_cut_short_is_no_title_to_discount() -> None:
    """A record without a title line is titled by its first line (retrieval/loading.py); its words count in full."""
    assert title_terms("Budget committee") == frozenset({"budget", "committe"})
    assert title_terms("Riverside PTA - Annual General Meeting") >= {"pta", "agm"}  # initials of three words or more
    assert "pta" in title_terms("Parent Teacher Association")
    assert title_terms("Human Resources sync") == frozenset({"human", "resourc", "sync"})  # "HR": too few words
    agm = "Elm Court Housing Co-operative - Annual General Meeting"
    assert titles_holding(frozenset({"agm"}), [agm, "Onboarding review"]) == {agm}  # "What did the AGM discuss?"
    assert title_terms("The council approved the parks budget of 12,000 euros .") == frozenset()
    assert title_terms("会议决定新建中小学8所。") == frozenset()
    assert title_terms("The council met on Monday and talked at length about the parks, the budget…") == frozenset()


def test_front_matter_is_the_title_date_and_attendance_lines() -> None:
    text = "# Budget committee\n2025-03-14\nPresent: Ana, Tom.\nThe budget was approved.\n"
    passage = Passage("m", "m.txt", 0, len(text), 1, 4, text, title="Budget committee")
    quotes = sentence_quotes(passage)
    assert [quote.text for quote in quotes if not is_front_matter(quote)] == ["The budget was approved."]
    assert not is_front_matter(Quote("m", "m.txt", 0, 24, 1, 1, "Budget committee met.", title="Budget committee"))


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Minutes of the Trustees' Meeting, 17 September 2025, 6.30pm, Community Centre Room 2", True),
        ("Minutes of the Planning Committee held on Monday 6 October 2025 at 7pm in the Council Chamber", True),
        ("DRAFT MINUTES OF THE ANNUAL GENERAL MEETING, 21 JUNE 2025", True),
        ("Minutes of the meeting of 16 July 2025 were approved as a true record.", False),  # a sentence
        ("Minutes of the Planning Committee", False),  # no day: a title, if it opens the record
    ],
)
def test_the_line_that_opens_minutes_names_its_meeting_and_day(line: str, names: bool) -> None:
    quote = Quote("m", "m.pdf", 0, len(line), 2, 2, line, title="RIVERSIDE FOOD BANK", date="2025-09-17")
    assert names_its_meeting(quote) is names
    assert is_front_matter(quote) is names


def test_a_quote_is_said_by_whoever_speaks_on_its_line_or_whose_turn_the_passage_opens_in() -> None:
    text = "# Platform weekly\n- Lea: the rota is published."
    minutes = Passage("m", "m.md", 0, len(text), 1, 2, text, speakers=("Lea",))
    title, item = sentence_quotes(minutes)
    assert (title.speaker, item.speaker) == (None, "Lea")  # the title line is nobody's
    mid_turn = Passage("m", "m.txt", 40, 58, 3, 3, "and it costs more.", speakers=("Marketing",), turn="Marketing")
    assert quote_at(mid_turn, 0, len(mid_turn.text)).speaker == "Marketing"
    # a passage may open in the middle of a line of minutes, at a sentence that names who replied: the line, which
    # reads "Tobias asked if we can reuse the recording. Lena: yes, cut it into clips.", is nobody's turn
    mid_line = Passage("m", "m.md", 52, 80, 7, 7, "Lena: yes, cut it into clips.", opens_mid_line=True)
    assert quote_at(mid_line, 0, len(mid_line.text)).speaker is None


@pytest.mark.parametrize(
    ("said", "introduces"),
    [
        ("This is the weekly ops review for the warehouse move.", True),
        ("OK, today is the onboarding review for the mobile app.", True),
        ("Okay, so this is our kick-off meeting.", True),
        ("Right, hello everyone. Welcome to the pricing sync.", True),
        ("This is the problem with the review.", False),  # the review is what it speaks of
        ("Today is the deadline for the review.", False),
        ("This is the thing about meetings.", False),
    ],
)
def test_a_meeting_is_introduced_by_saying_which_it_is(said: str, introduces: bool) -> None:
    assert introduces_its_meeting(said) is introduces
