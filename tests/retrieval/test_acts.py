import pytest

from retrieval.acts import act_asked
from retrieval.lexical import tokenize


@pytest.mark.parametrize(
    ("question", "sentence", "reports"),
    [
        ("What did Paul Otto propose?", "Paul Otto proposed opening on Sundays.", True),
        ("What did Paul Otto propose?", "Paul Otto suggested a trial.", True),
        ("What did Paul Otto propose?", "Attendees: Mira Chen, Paul Otto.", False),
        ("What was decided about opening hours?", "The board agreed to a six-month trial.", True),
        ("What was decided about opening hours?", "Paul Otto proposed opening on Sundays.", False),
        ("Which recommendation was approved?", "The committee approved it unanimously.", True),
        ("Who attended?", "**Attendees:** Priya Shah, Marco Bianchi", True),
    ],
)
def test_a_sentence_reports_the_act_asked_about_in_any_of_its_words(
    question: str, sentence: str, reports: bool
) -> None:
    reports_act = act_asked(question)
    assert reports_act is not None and reports_act(set(tokenize(sentence))) is reports


@pytest.mark.parametrize(
    "question",
    [
        "How many trees will be planted?",
        "What did Marketing think about the remote control?",
        "What did Marco present?",  # a presentation, not who was present
        "What were the participants of this meeting responsible for?",  # what they did, not who came
    ],
)
def test_a_question_that_names_no_act_has_no_test(question: str) -> None:
    assert act_asked(question) is None
