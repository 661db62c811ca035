from datetime import date

import pytest

from retrieval.days import parse_day
from retrieval.errors import InvalidDay


def test_a_day_is_read_as_written_with_spaces_around_it() -> None:
    assert parse_day(" 2022-06-20 ") == date(2022, 6, 20)


@pytest.mark.parametrize("text", ["2022-13-01", "20 June 2022", "", "yesterday"])
def test_anything_else_says_how_to_write_a_day(text: str) -> None:
    with pytest.raises(InvalidDay, match="write it as YYYY-MM-DD"):
        parse_day(text)
