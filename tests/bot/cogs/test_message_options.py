import datetime as dt

import pytest

from bot.cogs._message_options import MessageQuestion, read_message_question
from retrieval.errors import InvalidDay


def test_options_anywhere_in_the_message_are_read_and_taken_out_of_the_question() -> None:
    asked = read_message_question("meeting:parks-2025-03-14 What was decided about the trees? after:2025-01-01.")
    assert asked == MessageQuestion(
        "What was decided about the trees?", meeting="parks-2025-03-14", after=dt.date(2025, 1, 1)
    )
    assert read_message_question("Who spoke BEFORE:2025-03-01?").before == dt.date(2025, 3, 1)


def test_words_followed_by_a_colon_and_a_space_are_the_question() -> None:
    text = "In the meeting: what was decided before: the vote?"
    assert read_message_question(text) == MessageQuestion(text)


def test_a_day_mistyped_says_how_to_write_one() -> None:
    with pytest.raises(InvalidDay, match="write it as YYYY-MM-DD"):
        read_message_question("Who spoke? after:yesterday")
