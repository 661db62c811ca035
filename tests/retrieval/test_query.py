import pytest

from retrieval.query import mentioned_speakers, reduce_question

SPEAKERS = {
    "Project Manager",
    "Marketing",
    "Grad E",
    "PhD A",
    "Hon. Navdeep Bains",
    "Huw Irranca-Davies AM",
    "The Chair",
}


@pytest.mark.parametrize(
    ("question", "reduced"),
    [
        ("Summarize the discussion about setting up the recording equipment", "setting up recording equipment"),
        ("What did the team think of the rubber case?", "rubber case"),
        ("What was said?", "What was said?"),  # nothing left: search with the question itself
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
        ("What did E think about the disks?", {"Grad E"}),  # speakers told apart by letter, as in ICSI meetings
        ("What did A and E say, and what was E's view?", {"PhD A", "Grad E"}),
        ("A remote with one button: who wanted it?", set()),  # an opening "A" is a word
        ("What did the group think of A/B testing and of plan A?", set()),
    ],
)
def test_mentioned_speakers(question: str, named: set[str]) -> None:
    assert mentioned_speakers(question, SPEAKERS) == named
